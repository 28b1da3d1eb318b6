using System.Globalization;
using System.Text.RegularExpressions;
using EdgarSharp.Ownership;

namespace EdgarSharp.Tests.Ownership;

/// <summary>
/// Compares a form read from a rendering with the same form read from its XML, on every field a rendering shows:
/// a difference is a line naming the field and both values. Rendering effects are not differences: white space
/// collapsed, an unchecked box for a flag that is 0 or absent, an empty field for an absent one.
/// </summary>
internal static partial class Twins
{
    public static List<string> Differences(OwnershipDocument xml, OwnershipDocument rendered, bool textRendering = false)
    {
        var diffs = new List<string>();
        void Eq(string field, object? expected, object? actual)
        {
            var e = Canon(expected);
            var a = Canon(actual);
            if (!string.Equals(e, a, StringComparison.Ordinal))
            {
                diffs.Add($"{field}: xml '{e}' rendered '{a}'");
            }
        }
        Eq("documentType", xml.DocumentType, rendered.DocumentType);
        Eq("periodOfReport", xml.PeriodOfReport, rendered.PeriodOfReport);
        Eq("dateOfOriginalSubmission", xml.DateOfOriginalSubmission, rendered.DateOfOriginalSubmission);
        Eq("issuer.issuerName", xml.Issuer.Name, rendered.Issuer.Name);
        Eq("issuer.issuerTradingSymbol", xml.Issuer.TradingSymbol, rendered.Issuer.TradingSymbol);
        if (!textRendering)
        {
            Eq("issuer.issuerCik", xml.Issuer.Cik, rendered.Issuer.Cik);
            Eq("aff10b5One", Flag(xml.Aff10b5One), Flag(rendered.Aff10b5One));
            if (xml.FormType == "5")
            {
                Eq("form3HoldingsReported", Flag(xml.Form3HoldingsReported), Flag(rendered.Form3HoldingsReported));
                Eq("form4TransactionsReported", Flag(xml.Form4TransactionsReported), Flag(rendered.Form4TransactionsReported));
            }
        }
        Eq("reportingOwner count", xml.ReportingOwners.Count, rendered.ReportingOwners.Count);
        for (var i = 0; i < Math.Min(xml.ReportingOwners.Count, rendered.ReportingOwners.Count); i++)
        {
            var x = xml.ReportingOwners[i];
            var r = rendered.ReportingOwners[i];
            var p = $"reportingOwner[{i}]";
            Eq($"{p}.rptOwnerName", x.Name, r.Name);
            if (!textRendering)
            {
                Eq($"{p}.rptOwnerCik", x.Cik, r.Cik);
                Eq($"{p}.rptOwnerStreet2", x.Address?.Street2, r.Address?.Street2);
            }
            Eq($"{p}.rptOwnerStreet1", x.Address?.Street1, r.Address?.Street1);
            Eq($"{p}.rptOwnerCity", x.Address?.City, r.Address?.City);
            Eq($"{p}.rptOwnerState", x.Address?.State, r.Address?.State);
            Eq($"{p}.rptOwnerZipCode", x.Address?.ZipCode, r.Address?.ZipCode);
            if (i == 0)
            {
                Eq($"{p}.isDirector", Flag(x.Relationship?.IsDirector), Flag(r.Relationship?.IsDirector));
                Eq($"{p}.isOfficer", Flag(x.Relationship?.IsOfficer), Flag(r.Relationship?.IsOfficer));
                Eq($"{p}.isTenPercentOwner", Flag(x.Relationship?.IsTenPercentOwner), Flag(r.Relationship?.IsTenPercentOwner));
                Eq($"{p}.isOther", Flag(x.Relationship?.IsOther), Flag(r.Relationship?.IsOther));
                Eq($"{p}.officerTitle", x.Relationship?.OfficerTitle, r.Relationship?.OfficerTitle);
                Eq($"{p}.otherText", x.Relationship?.OtherText, r.Relationship?.OtherText);
            }
        }
        Rows("nonDerivativeTable", xml.NonDerivativeTable ?? [], rendered.NonDerivativeTable ?? [], diffs, Eq);
        Rows("derivativeTable", xml.DerivativeTable ?? [], rendered.DerivativeTable ?? [], diffs, Eq);
        var xf = xml.Footnotes ?? [];
        var rf = rendered.Footnotes ?? [];
        Eq("footnote count", xf.Count, rf.Count);
        for (var i = 0; i < Math.Min(xf.Count, rf.Count); i++)
        {
            Eq($"footnote[{i}].id", xf[i].Id, rf[i].Id);
            Eq($"footnote[{xf[i].Id}]", xf[i].Text, rf[i].Text);
        }
        Eq("remarks", xml.Remarks, rendered.Remarks);
        Eq("signature count", xml.Signatures.Count, rendered.Signatures.Count);
        for (var i = 0; i < Math.Min(xml.Signatures.Count, rendered.Signatures.Count); i++)
        {
            Eq($"ownerSignature[{i}].signatureName", xml.Signatures[i].Name, rendered.Signatures[i].Name);
            Eq($"ownerSignature[{i}].signatureDate", xml.Signatures[i].Date, rendered.Signatures[i].Date);
        }
        return diffs;
    }

    private static bool Flag(bool? b) => b == true;

    private static void Rows(string table, IReadOnlyList<OwnershipRow> xml, IReadOnlyList<OwnershipRow> rendered, List<string> diffs, Action<string, object?, object?> eq)
    {
        eq($"{table} rows", xml.Count, rendered.Count);
        for (var i = 0; i < Math.Min(xml.Count, rendered.Count); i++)
        {
            var x = xml[i];
            var r = rendered[i];
            var p = $"{table}[{i}]";
            eq($"{p}.isHolding", x.IsHolding, r.IsHolding);
            F($"{p}.securityTitle", x.SecurityTitle, r.SecurityTitle, eq);
            F($"{p}.conversionOrExercisePrice", x.ConversionOrExercisePrice, r.ConversionOrExercisePrice, eq);
            F($"{p}.transactionDate", x.TransactionDate, r.TransactionDate, eq);
            F($"{p}.deemedExecutionDate", x.DeemedExecutionDate, r.DeemedExecutionDate, eq);
            eq($"{p}.transactionCode", x.Coding?.Code, r.Coding?.Code);
            eq($"{p}.transactionCoding.footnoteId", string.Join(",", x.Coding?.FootnoteIds ?? []), string.Join(",", r.Coding?.FootnoteIds ?? []));
            F($"{p}.transactionShares", x.Shares.IsPresent ? x.Shares : x.TotalValue, r.Shares, eq);
            F($"{p}.transactionPricePerShare", x.PricePerShare, r.PricePerShare, eq);
            eq($"{p}.transactionAcquiredDisposedCode", x.AcquiredDisposed.Value, r.AcquiredDisposed.Value);
            F($"{p}.exerciseDate", x.ExerciseDate, r.ExerciseDate, eq);
            F($"{p}.expirationDate", x.ExpirationDate, r.ExpirationDate, eq);
            F($"{p}.underlyingSecurityTitle", x.UnderlyingSecurityTitle, r.UnderlyingSecurityTitle, eq);
            F($"{p}.underlyingSecurityShares", x.UnderlyingSecurityShares.IsPresent ? x.UnderlyingSecurityShares : x.UnderlyingSecurityValue, r.UnderlyingSecurityShares, eq);
            F($"{p}.sharesOwnedFollowingTransaction", x.SharesOwnedFollowing.IsPresent ? x.SharesOwnedFollowing : x.ValueOwnedFollowing, r.SharesOwnedFollowing, eq);
            F($"{p}.directOrIndirectOwnership", x.DirectOrIndirect, r.DirectOrIndirect, eq);
            F($"{p}.natureOfOwnership", x.NatureOfOwnership, r.NatureOfOwnership, eq);
        }
    }

    private static void F<T>(string field, Footnoted<T> x, Footnoted<T> r, Action<string, object?, object?> eq) where T : struct
    {
        eq(field, x.Value, r.Value);
        eq(field + ".footnoteId", string.Join(",", x.FootnoteIds), string.Join(",", r.FootnoteIds));
    }

    private static void F(string field, FootnotedText x, FootnotedText r, Action<string, object?, object?> eq)
    {
        eq(field, x.Text, r.Text);
        eq(field + ".footnoteId", string.Join(",", x.FootnoteIds), string.Join(",", r.FootnoteIds));
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();

    private static string Canon(object? value) => value switch
    {
        null => "",
        decimal d => (d / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        string s => Space().Replace(s, " ").Trim(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
