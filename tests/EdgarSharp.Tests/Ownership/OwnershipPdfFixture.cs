using System.Globalization;
using EdgarSharp.Ownership;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace EdgarSharp.Tests.Ownership;

/// <summary>
/// Builds a PDF of a Form 4 in the layout of the SEC's form (header boxes, Table I, Table II, Explanation of
/// Responses, signature) from a model, with PdfPig's document builder. Numbers too wide for their column wrap onto
/// a second line a little lower, as they do on the printed form, so that the text read back is split like the seed.
/// </summary>
internal static class OwnershipPdfFixture
{
    private const double Size = 7;

    public static byte[] Build(OwnershipDocument d)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(PageSize.Letter, isPortrait: false);
        void Text(string text, double x, double y)
        {
            if (text.Length > 0)
            {
                page.AddText(text, Size, new PdfPoint(x, y), font);
            }
        }
        // A value in a narrow column: wraps after `width` characters, the rest 3 points lower.
        void Cell(string text, double x, double y, int width = 99)
        {
            if (text.Length <= width)
            {
                Text(text, x, y);
                return;
            }
            Text(text[..width], x, y);
            Text(text[width..], x, y - 3);
        }
        static string N(decimal? v) => v is { } d ? d.ToString("#,##0.################", CultureInfo.InvariantCulture) : "";
        static string Date(DateOnly? v) => v is { } d ? d.ToString("MM/dd/yyyy", CultureInfo.InvariantCulture) : "";
        static string Marks(IEnumerable<string> ids) => string.Concat(ids.Select(id => $"({id.TrimStart('F')})"));
        static string V<T>(Footnoted<T> f, Func<T?, string> format) where T : struct => format(f.Value) + Marks(f.FootnoteIds);
        static string Code<T>(Footnoted<T> f) where T : struct => f.Value is { } v ? OwnershipCodes.ToCode(v) : "";

        var owner = d.ReportingOwners[0];
        var rel = owner.Relationship;
        var y = 580.0;
        Text($"FORM {d.FormType}", 30, y);
        Text("UNITED STATES SECURITIES AND EXCHANGE COMMISSION", 260, y);
        y -= 12;
        Text("STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP", 270, y);
        y -= 18;
        Text($"1. Name and Address of Reporting Person* {owner.Name}", 30, y);
        Text($"2. Issuer Name and Ticker or Trading Symbol {d.Issuer.Name} [{d.Issuer.TradingSymbol}]", 330, y);
        Text((rel?.IsDirector == true ? "X " : "") + "Director", 600, y);
        Text((rel?.IsTenPercentOwner == true ? "X " : "") + "10% Owner", 680, y);
        y -= 12;
        Text(owner.Address?.Street1 ?? "", 30, y);
        Text($"3. Date of Earliest Transaction (Month/Day/Year) {Date(d.PeriodOfReport)}", 330, y);
        Text((rel?.IsOfficer == true ? "X " : "") + "Officer (give title below) " + (rel?.OfficerTitle ?? ""), 600, y);
        y -= 12;
        Text(owner.Address?.Street2 ?? "", 30, y);
        Text($"4. If Amendment, Date of Original Filed (Month/Day/Year) {Date(d.DateOfOriginalSubmission)}", 330, y);
        Text((rel?.IsOther == true ? "X " : "") + "Other (specify below) " + (rel?.OtherText ?? ""), 600, y);
        y -= 12;
        Text($"(Street) {owner.Address?.City} {owner.Address?.State} {owner.Address?.ZipCode}", 30, y);

        y -= 24;
        Text("Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned", 200, y);
        y -= 12;
        Text("1. Title of Security (Instr. 3)", 30, y);
        Text("2. Transaction Date (Month/Day/Year)", 185, y - 8);
        Text("3. Transaction Code (Instr. 8)", 285, y);
        Text("4. Securities Acquired (A) or Disposed Of (D)", 325, y - 8);
        Text("5. Amount Owned Following Reported Transaction(s)", 455, y);
        Text("6. Ownership Form", 540, y - 8);
        Text("7. Nature of Indirect Beneficial Ownership", 600, y);
        y -= 16;
        Text("Code V Amount (A) or (D) Price", 285, y);
        foreach (var r in d.NonDerivativeTable ?? [])
        {
            y -= 16;
            Text(r.SecurityTitle.Text + Marks(r.SecurityTitle.FootnoteIds), 30, y);
            if (!r.IsHolding)
            {
                Text(V(r.TransactionDate, Date), 185, y);
                Text(V(r.DeemedExecutionDate, Date), 235, y);
                Text((r.Coding?.Code ?? "") + Marks(r.Coding?.FootnoteIds ?? []), 285, y);
                Text(V(r.Shares, N), 325, y);
                Text(Code(r.AcquiredDisposed), 380, y);
                Text(r.PricePerShare.Value is null ? Marks(r.PricePerShare.FootnoteIds) : "$" + V(r.PricePerShare, N), 400, y);
            }
            Cell(V(r.SharesOwnedFollowing, N), 460, y, width: 6);
            Text(Code(r.DirectOrIndirect), 545, y);
            Text((r.NatureOfOwnership.Text ?? "") + Marks(r.NatureOfOwnership.FootnoteIds), 600, y);
        }

        y -= 28;
        Text("Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned", 200, y);
        y -= 12;
        Text("1. Title of Derivative Security", 30, y);
        Text("2. Conversion or Exercise Price", 150, y - 8);
        Text("3. Transaction Date (Month/Day/Year)", 190, y);
        Text("4. Transaction Code", 280, y - 8);
        Text("5. Number of Derivative Securities", 310, y);
        Text("6. Date Exercisable and Expiration Date", 385, y - 8);
        Text("7. Title and Amount of Underlying Securities", 470, y);
        Text("8. Price", 570, y - 8);
        Text("9. Number Owned Following", 600, y);
        Text("10. Ownership Form", 660, y - 8);
        y -= 16;
        Text("Code V (A) (D) Date Exercisable Expiration Date Title Amount", 280, y);
        foreach (var r in d.DerivativeTable ?? [])
        {
            y -= 16;
            Text(r.SecurityTitle.Text + Marks(r.SecurityTitle.FootnoteIds), 30, y);
            Text(r.ConversionOrExercisePrice.Value is null ? Marks(r.ConversionOrExercisePrice.FootnoteIds) : "$" + V(r.ConversionOrExercisePrice, N), 150, y);
            if (!r.IsHolding)
            {
                Text(V(r.TransactionDate, Date), 190, y);
                Text((r.Coding?.Code ?? "") + Marks(r.Coding?.FootnoteIds ?? []), 280, y);
                Text(V(r.Shares, N), r.AcquiredDisposed.Value == AcquiredDisposed.Acquired ? 310 : 345, y);
            }
            Text(V(r.ExerciseDate, Date), 385, y);
            Text(V(r.ExpirationDate, Date), 420, y);
            Text(r.UnderlyingSecurityTitle.Text + Marks(r.UnderlyingSecurityTitle.FootnoteIds), 470, y);
            Cell(V(r.UnderlyingSecurityShares, N), 530, y, width: 6);
            if (!r.IsHolding)
            {
                Text(r.PricePerShare.Value is null ? Marks(r.PricePerShare.FootnoteIds) : "$" + V(r.PricePerShare, N), 570, y);
            }
            Cell(V(r.SharesOwnedFollowing, N), 600, y, width: 5);
            Text(Code(r.DirectOrIndirect), 665, y);
            Text((r.NatureOfOwnership.Text ?? "") + Marks(r.NatureOfOwnership.FootnoteIds), 690, y);
        }

        y -= 28;
        Text("Explanation of Responses:", 30, y);
        foreach (var f in d.Footnotes ?? [])
        {
            y -= 11;
            Text($"{f.Id.TrimStart('F')}. {f.Text}", 30, y);
        }
        if (d.Remarks is { Length: > 0 } remarks)
        {
            y -= 14;
            Text("Remarks:", 30, y);
            y -= 11;
            Text(remarks, 30, y);
        }
        foreach (var s in d.Signatures)
        {
            y -= 22;
            Text(s.Name ?? "", 450, y);
            Text(Date(s.Date), 620, y);
        }
        y -= 11;
        Text("** Signature of Reporting Person", 450, y);
        Text("Date", 620, y);
        return builder.Build();
    }
}
