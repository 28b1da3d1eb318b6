using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using EdgarSharp.Documents;
using EdgarSharp.Ownership;

namespace EdgarSharp.Cli.Commands;

/// <summary>
/// <c>edgar ownership PATH...</c>: reads Forms 3, 4 and 5 (ownershipDocument XML, standalone or in an EDGAR
/// submission; EDGAR's HTML rendering; a PDF rendering; text extracted from a PDF) and prints each as a person reads
/// it, or as JSON, or as TSV with the SEC's Insider Transactions Data Sets columns. A directory means every file
/// under it that is an ownership form. Output contracts:
/// <list type="bullet">
/// <item><c>--format text</c> (default): the form, the owners and their relationship, Table I and Table II with each
/// footnote's text beside the row that first refers to it, remarks, signatures, then the checks.</item>
/// <item><c>--format json</c>: an array with one object per form (see <see cref="WriteJson"/>).</item>
/// <item><c>--format tsv</c>: a header row of <see cref="TsvColumns"/>, then one row per transaction or holding of
/// both tables; dates ISO 8601, plain decimals, footnote ids joined by commas, holdings with the TRANS_ columns empty.</item>
/// </list>
/// Exit code 0; 1 when a form has an error diagnostic; 2 when a path is missing or unreadable.
/// </summary>
internal static partial class OwnershipCommand
{
    /// <summary>The TSV columns: the SEC's Insider Transactions Data Sets names (EXCERCISE_DATE is the SEC's spelling).</summary>
    internal static readonly string[] TsvColumns = BuildColumns();

    private static string[] BuildColumns()
    {
        var columns = new List<string> { "ACCESSION_NUMBER", "TABLE" };
        foreach (var name in new[]
        {
            "SECURITY_TITLE", "TRANS_DATE", "DEEMED_EXECUTION_DATE", "TRANS_CODE", "EQUITY_SWAP_INVOLVED", "TRANS_TIMELINESS",
            "TRANS_SHARES", "TRANS_PRICEPERSHARE", "TRANS_ACQUIRED_DISP_CD", "SHRS_OWND_FOLWNG_TRANS", "VALU_OWND_FOLWNG_TRANS",
            "DIRECT_INDIRECT_OWNERSHIP", "NATURE_OF_OWNERSHIP", "CONV_EXERCISE_PRICE", "EXCERCISE_DATE", "EXPIRATION_DATE",
            "UNDLYNG_SEC_TITLE", "UNDLYNG_SEC_SHARES", "UNDLYNG_SEC_VALUE",
        })
        {
            columns.Add(name);
            columns.Add(name + "_FN");
        }
        return [.. columns];
    }

    [GeneratedRegex(@"(\d{10})-?(\d{2})-?(\d{6})")]
    private static partial Regex Accession();

    public static Command Create(CliIO io)
    {
        var paths = new Argument<string[]>("paths") { Description = "Forms 3, 4 or 5 (XML, submission, HTML, PDF or extracted text), or directories.", Arity = ArgumentArity.OneOrMore };
        var format = CommonOptions.Format(OutputFormat.Text, OutputFormat.Text, OutputFormat.Json, OutputFormat.Tsv);
        var filed = new Option<string?>("--filed") { Description = "The filing date (YYYY-MM-DD), for the late-filing check." };
        var accession = new Option<string?>("--accession") { Description = "The accession number (default: read from each file name when it holds one)." };
        var command = new Command("ownership", "Reads insider ownership reports (Forms 3, 4 and 5) and checks that their numbers add up.");
        command.Arguments.Add(paths);
        command.Options.Add(format);
        command.Options.Add(filed);
        command.Options.Add(accession);
        command.SetAction(parse => Run(parse.GetValue(paths) ?? [], parse.GetValue(format), parse.GetValue(filed), parse.GetValue(accession), io));
        return command;
    }

    internal static int Run(IReadOnlyList<string> arguments, OutputFormat format, string? filed, string? accession, CliIO io)
    {
        var exit = 0;
        DateOnly? filingDate = null;
        if (filed is not null)
        {
            if (!DateOnly.TryParseExact(filed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                io.Err.WriteLine($"edgar ownership: --filed '{filed}' is not a date; write it as YYYY-MM-DD.");
                return 2;
            }
            filingDate = d;
        }
        var files = new List<string>();
        foreach (var argument in arguments)
        {
            if (Directory.Exists(argument))
            {
                var found = DetectCommand.ExpandPaths([argument], io, ref exit)
                    .Where(f => DocumentKindDetector.DetectFile(f).Kind is DocumentKind.OwnershipXml or DocumentKind.OwnershipRendering);
                files.AddRange(found);
            }
            else if (File.Exists(argument))
            {
                files.Add(argument);
            }
            else
            {
                io.Err.WriteLine($"edgar ownership: {argument}: no such file or directory.");
                exit = 2;
            }
        }

        var results = new List<(string Path, OwnershipReadResult Result)>();
        foreach (var path in files)
        {
            var options = new OwnershipReadOptions
            {
                FilingDate = filingDate,
                AccessionNumber = accession ?? (Accession().Match(Path.GetFileName(path)) is { Success: true } m ? $"{m.Groups[1].Value}-{m.Groups[2].Value}-{m.Groups[3].Value}" : null),
            };
            try
            {
                var result = OwnershipReader.Read(path, options);
                results.Add((path, result));
                if (result.HasErrors && exit == 0)
                {
                    exit = 1;
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                io.Err.WriteLine($"edgar ownership: {path}: cannot be read ({ex.Message}).");
                exit = 2;
            }
        }

        switch (format)
        {
            case OutputFormat.Json:
                WriteJson(io.Out, results);
                break;
            case OutputFormat.Tsv:
                WriteTsv(io.Out, results);
                foreach (var (_, r) in results)
                {
                    foreach (var d in r.Diagnostics.Where(d => d.Severity != DiagnosticSeverity.Info))
                    {
                        io.Err.WriteLine(d.ToString());
                    }
                }
                break;
            default:
                for (var i = 0; i < results.Count; i++)
                {
                    if (i > 0)
                    {
                        io.Out.WriteLine();
                    }
                    WriteText(io.Out, results[i].Path, results[i].Result);
                }
                break;
        }
        return exit;
    }

    // ------------------------------------------------------------------ text

    private static string N(decimal? d) => d is { } v ? v.ToString("#,##0.############################", CultureInfo.InvariantCulture) : "";

    private static string Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    private static string Marks(IReadOnlyList<string> ids) => ids.Count == 0 ? "" : " " + string.Concat(ids.Select(id => $"({Short(id)})"));

    private static string Short(string id) => id.StartsWith('F') && id.Length > 1 && id[1..].All(char.IsAsciiDigit) ? id[1..] : id;

    private static string Show(Footnoted<decimal> f) => (f.Value is { } v ? N(v) : f.Text ?? "") + Marks(f.FootnoteIds);

    private static string Show(Footnoted<DateOnly> f) => (f.Value is { } v ? Iso(v) : f.Text ?? "") + Marks(f.FootnoteIds);

    private static string Show<T>(Footnoted<T> f) where T : struct => (f.Value is { } v ? OwnershipCodes.ToCode(v) : f.Text ?? "") + Marks(f.FootnoteIds);

    private static string Show(FootnotedText f) => (f.Text ?? "") + Marks(f.FootnoteIds);

    private static string FormatName(OwnershipSourceFormat f) => f switch
    {
        OwnershipSourceFormat.Xml => "ownershipDocument XML",
        OwnershipSourceFormat.Html => "EDGAR's HTML rendering",
        OwnershipSourceFormat.Pdf => "a PDF rendering",
        _ => "text extracted from a PDF",
    };

    internal static void WriteText(TextWriter o, string path, OwnershipReadResult result)
    {
        var d = result.Document;
        var title = d.FormType switch { "3" => "Initial Statement of Beneficial Ownership", "5" => "Annual Statement of Changes in Beneficial Ownership", _ => "Statement of Changes in Beneficial Ownership" };
        o.WriteLine($"FORM {d.DocumentType ?? "?"}: {title}{(d.IsAmendment ? $", amending the form filed {Iso(d.DateOfOriginalSubmission)}" : "")}");
        o.WriteLine($"  read from {path} ({FormatName(d.Source.Format)}{(d.SchemaVersion is null ? "" : ", schema " + d.SchemaVersion)})");
        if (d.Source.AccessionNumber is not null || d.Source.FilingDate is not null)
        {
            o.WriteLine($"  accession {d.Source.AccessionNumber ?? "unknown"}, filed {Iso(d.Source.FilingDate) switch { "" => "on an unknown date", var s => s }}");
        }
        o.WriteLine($"Issuer: {d.Issuer.Name} ({d.Issuer.TradingSymbol}){(d.Issuer.Cik is null ? "" : $", CIK {d.Issuer.Cik}")}");
        foreach (var owner in d.ReportingOwners)
        {
            o.WriteLine($"Reporting owner: {owner.Name}{(owner.Cik is null ? "" : $", CIK {owner.Cik}")}: {owner.Relationship?.ToString() ?? "relationship not stated"}");
            if (owner.Address is { } a)
            {
                var lines = new[] { a.Street1, a.Street2, string.Join(' ', new[] { a.City, a.State, a.ZipCode }.Where(s => !string.IsNullOrEmpty(s))) }.Where(s => !string.IsNullOrEmpty(s));
                o.WriteLine($"  {string.Join(", ", lines)}");
            }
        }
        var flags = new List<string>();
        if (d.PeriodOfReport is { } period)
        {
            flags.Add($"period of report {Iso(period)}");
        }
        if (d.Aff10b5One == true)
        {
            flags.Add("Rule 10b5-1(c) box checked");
        }
        if (d.NoSecuritiesOwned == true)
        {
            flags.Add("no securities owned");
        }
        if (d.NotSubjectToSection16 == true)
        {
            flags.Add("no longer subject to Section 16");
        }
        if (d.Form3HoldingsReported == true)
        {
            flags.Add("Form 3 holdings reported");
        }
        if (d.Form4TransactionsReported == true)
        {
            flags.Add("Form 4 transactions reported");
        }
        if (flags.Count > 0)
        {
            o.WriteLine(string.Join("; ", flags));
        }
        var shown = new HashSet<string>(StringComparer.Ordinal);
        o.WriteLine();
        o.WriteLine("Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned");
        Table(o, d, d.NonDerivativeTable, ["#", "TITLE", "DATE", "CODE", "AMOUNT", "A/D", "PRICE", "OWNED AFTER", "D/I", "NATURE"],
            r => [Show(r.SecurityTitle), Show(r.TransactionDate), (r.Coding?.Code ?? "") + Marks(r.Coding?.FootnoteIds ?? []),
                Show(r.Shares.IsPresent ? r.Shares : r.TotalValue), Show(r.AcquiredDisposed), Show(r.PricePerShare),
                Show(r.SharesOwnedFollowing.IsPresent ? r.SharesOwnedFollowing : r.ValueOwnedFollowing), Show(r.DirectOrIndirect), Show(r.NatureOfOwnership)], shown);
        o.WriteLine();
        o.WriteLine("Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned");
        Table(o, d, d.DerivativeTable, ["#", "TITLE", "EXERCISE PRICE", "DATE", "CODE", "AMOUNT", "A/D", "EXERCISABLE", "EXPIRES", "UNDERLYING", "UNDERLYING AMOUNT", "PRICE", "OWNED AFTER", "D/I", "NATURE"],
            r => [Show(r.SecurityTitle), Show(r.ConversionOrExercisePrice), Show(r.TransactionDate), (r.Coding?.Code ?? "") + Marks(r.Coding?.FootnoteIds ?? []),
                Show(r.Shares.IsPresent ? r.Shares : r.TotalValue), Show(r.AcquiredDisposed), Show(r.ExerciseDate), Show(r.ExpirationDate),
                Show(r.UnderlyingSecurityTitle), Show(r.UnderlyingSecurityShares.IsPresent ? r.UnderlyingSecurityShares : r.UnderlyingSecurityValue),
                Show(r.PricePerShare), Show(r.SharesOwnedFollowing.IsPresent ? r.SharesOwnedFollowing : r.ValueOwnedFollowing), Show(r.DirectOrIndirect), Show(r.NatureOfOwnership)], shown);
        var unused = (d.Footnotes ?? []).Where(f => !shown.Contains(f.Id)).ToList();
        if (unused.Count > 0)
        {
            o.WriteLine();
            o.WriteLine("Other footnotes:");
            foreach (var f in unused)
            {
                o.WriteLine($"  ({Short(f.Id)}) {f.Text}");
            }
        }
        if (!string.IsNullOrEmpty(d.Remarks))
        {
            o.WriteLine();
            o.WriteLine($"Remarks: {d.Remarks}");
        }
        foreach (var s in d.Signatures)
        {
            o.WriteLine($"Signed: {s.Name}{(s.Date is null ? "" : ", " + Iso(s.Date))}");
        }
        if (d.Inferred.Count > 0)
        {
            o.WriteLine();
            o.WriteLine("Inferred:");
            foreach (var i in d.Inferred)
            {
                o.WriteLine($"  {i}");
            }
        }
        o.WriteLine();
        o.WriteLine("Checks:");
        if (result.Diagnostics.Count == 0)
        {
            o.WriteLine("  nothing to report");
        }
        foreach (var diagnostic in result.Diagnostics)
        {
            var severity = diagnostic.Severity switch { DiagnosticSeverity.Error => "error", DiagnosticSeverity.Warning => "warning", _ => "ok" };
            var where = diagnostic.Location is { Line: > 0 } at ? $" (line {at.Line})" : "";
            o.WriteLine($"  {severity,-7} {diagnostic.Code}: {diagnostic.Message}{where}");
        }
    }

    private static void Table(TextWriter o, OwnershipDocument d, IReadOnlyList<OwnershipRow>? rows, string[] header, Func<OwnershipRow, string[]> cells, HashSet<string> shown)
    {
        if (rows is null || rows.Count == 0)
        {
            o.WriteLine("  (none)");
            return;
        }
        var table = new List<IReadOnlyList<string>> { header };
        for (var i = 0; i < rows.Count; i++)
        {
            table.Add([(i + 1).ToString(CultureInfo.InvariantCulture) + (rows[i].IsHolding ? "h" : ""), .. cells(rows[i])]);
        }
        using var buffer = new StringWriter(CultureInfo.InvariantCulture);
        Output.Columns(buffer, table);
        var lines = buffer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        o.WriteLine("  " + lines[0].TrimEnd('\r'));
        for (var i = 0; i < rows.Count; i++)
        {
            o.WriteLine("  " + lines[i + 1].TrimEnd('\r'));
            // Each footnote's text beside the first row that refers to it.
            foreach (var id in rows[i].AllFootnoteIds())
            {
                if (shown.Add(id))
                {
                    var text = d.FindFootnote(id)?.Text ?? "(no such footnote)";
                    o.WriteLine($"       ({Short(id)}) {text}");
                }
            }
        }
    }

    // ------------------------------------------------------------------ JSON

    /// <summary>
    /// One object per form: <c>path</c>, <c>source</c> {format, accessionNumber, filingDate}, <c>documentType</c>,
    /// <c>formType</c>, <c>isAmendment</c>, <c>schemaVersion</c>, <c>periodOfReport</c>, <c>dateOfOriginalSubmission</c>,
    /// the flags (<c>noSecuritiesOwned</c>, <c>notSubjectToSection16</c>, <c>form3HoldingsReported</c>,
    /// <c>form4TransactionsReported</c>, <c>aff10b5One</c>: true, false or null), <c>issuer</c>, <c>reportingOwners</c>,
    /// <c>nonDerivativeTable</c> and <c>derivativeTable</c> (arrays of rows, null when the form has none),
    /// <c>footnotes</c>, <c>remarks</c>, <c>signatures</c>, <c>inferred</c>, <c>notShown</c>, <c>diagnostics</c>. A row has
    /// <c>table</c> (I or II), <c>kind</c> (transaction or holding), <c>line</c>, and for each field present in the form an
    /// object <c>{ "value": number|string|null, "footnotes": ["F1"] }</c> under the ownershipDocument element's name.
    /// </summary>
    internal static void WriteJson(TextWriter output, List<(string Path, OwnershipReadResult Result)> results) => Output.Json(output, json =>
    {
        json.WriteStartArray();
        foreach (var (path, result) in results)
        {
            var d = result.Document;
            json.WriteStartObject();
            json.WriteString("path", path);
            json.WriteStartObject("source");
            json.WriteString("format", d.Source.Format.ToString().ToLowerInvariant());
            json.WriteString("accessionNumber", d.Source.AccessionNumber);
            WriteDate(json, "filingDate", d.Source.FilingDate);
            json.WriteEndObject();
            json.WriteString("documentType", d.DocumentType);
            json.WriteString("formType", d.FormType);
            json.WriteBoolean("isAmendment", d.IsAmendment);
            json.WriteString("schemaVersion", d.SchemaVersion);
            WriteDate(json, "periodOfReport", d.PeriodOfReport);
            WriteDate(json, "dateOfOriginalSubmission", d.DateOfOriginalSubmission);
            WriteBool(json, "noSecuritiesOwned", d.NoSecuritiesOwned);
            WriteBool(json, "notSubjectToSection16", d.NotSubjectToSection16);
            WriteBool(json, "form3HoldingsReported", d.Form3HoldingsReported);
            WriteBool(json, "form4TransactionsReported", d.Form4TransactionsReported);
            WriteBool(json, "aff10b5One", d.Aff10b5One);
            json.WriteStartObject("issuer");
            json.WriteString("cik", d.Issuer.Cik);
            json.WriteString("name", d.Issuer.Name);
            json.WriteString("tradingSymbol", d.Issuer.TradingSymbol);
            json.WriteEndObject();
            json.WriteStartArray("reportingOwners");
            foreach (var owner in d.ReportingOwners)
            {
                json.WriteStartObject();
                json.WriteString("cik", owner.Cik);
                json.WriteString("name", owner.Name);
                if (owner.Address is { } a)
                {
                    json.WriteStartObject("address");
                    json.WriteString("street1", a.Street1);
                    json.WriteString("street2", a.Street2);
                    json.WriteString("city", a.City);
                    json.WriteString("state", a.State);
                    json.WriteString("zipCode", a.ZipCode);
                    json.WriteString("stateDescription", a.StateDescription);
                    json.WriteEndObject();
                }
                else
                {
                    json.WriteNull("address");
                }
                if (owner.Relationship is { } r)
                {
                    json.WriteStartObject("relationship");
                    WriteBool(json, "isDirector", r.IsDirector);
                    WriteBool(json, "isOfficer", r.IsOfficer);
                    WriteBool(json, "isTenPercentOwner", r.IsTenPercentOwner);
                    WriteBool(json, "isOther", r.IsOther);
                    json.WriteString("officerTitle", r.OfficerTitle);
                    json.WriteString("otherText", r.OtherText);
                    json.WriteString("text", r.ToString());
                    json.WriteEndObject();
                }
                else
                {
                    json.WriteNull("relationship");
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
            WriteRows(json, "nonDerivativeTable", d.NonDerivativeTable);
            WriteRows(json, "derivativeTable", d.DerivativeTable);
            if (d.Footnotes is { } notes)
            {
                json.WriteStartArray("footnotes");
                foreach (var f in notes)
                {
                    json.WriteStartObject();
                    json.WriteString("id", f.Id);
                    json.WriteString("text", f.Text);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
            }
            else
            {
                json.WriteNull("footnotes");
            }
            json.WriteString("remarks", d.Remarks);
            json.WriteStartArray("signatures");
            foreach (var s in d.Signatures)
            {
                json.WriteStartObject();
                json.WriteString("name", s.Name);
                WriteDate(json, "date", s.Date);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("inferred");
            foreach (var i in d.Inferred)
            {
                json.WriteStringValue(i);
            }
            json.WriteEndArray();
            json.WriteStartArray("notShown");
            foreach (var i in d.NotShown)
            {
                json.WriteStringValue(i);
            }
            json.WriteEndArray();
            json.WriteStartArray("diagnostics");
            foreach (var diagnostic in result.Diagnostics)
            {
                json.WriteStartObject();
                json.WriteString("severity", diagnostic.Severity.ToString().ToLowerInvariant());
                json.WriteString("code", diagnostic.Code);
                json.WriteString("message", diagnostic.Message);
                json.WriteString("location", diagnostic.Location?.ToString());
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
    });

    private static void WriteDate(Utf8JsonWriter json, string name, DateOnly? date)
    {
        if (date is { } d)
        {
            json.WriteString(name, Iso(d));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WriteBool(Utf8JsonWriter json, string name, bool? value)
    {
        if (value is { } b)
        {
            json.WriteBoolean(name, b);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WriteRows(Utf8JsonWriter json, string name, IReadOnlyList<OwnershipRow>? rows)
    {
        if (rows is null)
        {
            json.WriteNull(name);
            return;
        }
        json.WriteStartArray(name);
        foreach (var r in rows)
        {
            json.WriteStartObject();
            json.WriteString("table", r.Table == OwnershipTable.NonDerivative ? "I" : "II");
            json.WriteString("kind", r.IsHolding ? "holding" : "transaction");
            if (r.Location is { Line: > 0 } at)
            {
                json.WriteNumber("line", at.Line);
            }
            Field(json, "securityTitle", r.SecurityTitle);
            Field(json, "conversionOrExercisePrice", r.ConversionOrExercisePrice);
            Field(json, "transactionDate", r.TransactionDate);
            Field(json, "deemedExecutionDate", r.DeemedExecutionDate);
            if (r.Coding is { } c)
            {
                json.WriteStartObject("transactionCoding");
                json.WriteString("transactionFormType", c.FormType);
                json.WriteString("transactionCode", c.Code);
                json.WriteString("description", c.Description);
                WriteBool(json, "equitySwapInvolved", c.EquitySwapInvolved);
                Ids(json, c.FootnoteIds);
                json.WriteEndObject();
            }
            Field(json, "transactionTimeliness", r.Timeliness);
            Field(json, "transactionShares", r.Shares);
            Field(json, "transactionTotalValue", r.TotalValue);
            Field(json, "transactionPricePerShare", r.PricePerShare);
            Field(json, "transactionAcquiredDisposedCode", r.AcquiredDisposed);
            Field(json, "exerciseDate", r.ExerciseDate);
            Field(json, "expirationDate", r.ExpirationDate);
            Field(json, "underlyingSecurityTitle", r.UnderlyingSecurityTitle);
            Field(json, "underlyingSecurityShares", r.UnderlyingSecurityShares);
            Field(json, "underlyingSecurityValue", r.UnderlyingSecurityValue);
            Field(json, "sharesOwnedFollowingTransaction", r.SharesOwnedFollowing);
            Field(json, "valueOwnedFollowingTransaction", r.ValueOwnedFollowing);
            Field(json, "directOrIndirectOwnership", r.DirectOrIndirect);
            Field(json, "natureOfOwnership", r.NatureOfOwnership);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void Ids(Utf8JsonWriter json, IReadOnlyList<string> ids)
    {
        json.WriteStartArray("footnotes");
        foreach (var id in ids)
        {
            json.WriteStringValue(id);
        }
        json.WriteEndArray();
    }

    private static void Field(Utf8JsonWriter json, string name, Footnoted<decimal> f)
    {
        if (!f.IsPresent)
        {
            return;
        }
        json.WriteStartObject(name);
        if (f.Value is { } v)
        {
            json.WriteNumber("value", v);
        }
        else if (f.Text is { Length: > 0 } text)
        {
            json.WriteString("value", text);
        }
        else
        {
            json.WriteNull("value");
        }
        Ids(json, f.FootnoteIds);
        json.WriteEndObject();
    }

    private static void Field<T>(Utf8JsonWriter json, string name, Footnoted<T> f) where T : struct
    {
        if (!f.IsPresent)
        {
            return;
        }
        json.WriteStartObject(name);
        if (f.Value is { } v)
        {
            json.WriteString("value", Footnoted<T>.Format(v));
        }
        else if (f.Text is { Length: > 0 } text)
        {
            json.WriteString("value", text);
        }
        else
        {
            json.WriteNull("value");
        }
        Ids(json, f.FootnoteIds);
        json.WriteEndObject();
    }

    private static void Field(Utf8JsonWriter json, string name, FootnotedText f)
    {
        if (!f.IsPresent)
        {
            return;
        }
        json.WriteStartObject(name);
        json.WriteString("value", f.Text);
        Ids(json, f.FootnoteIds);
        json.WriteEndObject();
    }

    // ------------------------------------------------------------------ TSV

    internal static void WriteTsv(TextWriter output, List<(string Path, OwnershipReadResult Result)> results)
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (var (_, result) in results)
        {
            foreach (var r in result.Document.Rows)
            {
                rows.Add(TsvRow(result.Document, r));
            }
        }
        Output.Tsv(output, TsvColumns, rows);
    }

    private static string Plain(decimal? d) => d?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static string Ids(IReadOnlyList<string> ids) => string.Join(',', ids);

    private static string[] TsvRow(OwnershipDocument d, OwnershipRow r)
    {
        var t = !r.IsHolding;
        string V(Footnoted<decimal> f) => f.Value is { } v ? Plain(v) : f.Text ?? "";
        string Dt(Footnoted<DateOnly> f) => f.Value is { } v ? Iso(v) : f.Text ?? "";
        string C<T>(Footnoted<T> f) where T : struct => f.Value is { } v ? OwnershipCodes.ToCode(v) : f.Text ?? "";
        return
        [
            d.Source.AccessionNumber ?? "",
            r.Table == OwnershipTable.NonDerivative ? "I" : "II",
            r.SecurityTitle.Text ?? "", Ids(r.SecurityTitle.FootnoteIds),
            t ? Dt(r.TransactionDate) : "", t ? Ids(r.TransactionDate.FootnoteIds) : "",
            t ? Dt(r.DeemedExecutionDate) : "", t ? Ids(r.DeemedExecutionDate.FootnoteIds) : "",
            t ? r.Coding?.Code ?? "" : "", t ? Ids(r.Coding?.FootnoteIds ?? []) : "",
            t && r.Coding?.EquitySwapInvolved is { } swap ? (swap ? "1" : "0") : "", "",
            t ? C(r.Timeliness) : "", t ? Ids(r.Timeliness.FootnoteIds) : "",
            t ? V(r.Shares) : "", t ? Ids(r.Shares.FootnoteIds) : "",
            t ? V(r.PricePerShare) : "", t ? Ids(r.PricePerShare.FootnoteIds) : "",
            t ? C(r.AcquiredDisposed) : "", t ? Ids(r.AcquiredDisposed.FootnoteIds) : "",
            V(r.SharesOwnedFollowing), Ids(r.SharesOwnedFollowing.FootnoteIds),
            V(r.ValueOwnedFollowing), Ids(r.ValueOwnedFollowing.FootnoteIds),
            C(r.DirectOrIndirect), Ids(r.DirectOrIndirect.FootnoteIds),
            r.NatureOfOwnership.Text ?? "", Ids(r.NatureOfOwnership.FootnoteIds),
            V(r.ConversionOrExercisePrice), Ids(r.ConversionOrExercisePrice.FootnoteIds),
            Dt(r.ExerciseDate), Ids(r.ExerciseDate.FootnoteIds),
            Dt(r.ExpirationDate), Ids(r.ExpirationDate.FootnoteIds),
            r.UnderlyingSecurityTitle.Text ?? "", Ids(r.UnderlyingSecurityTitle.FootnoteIds),
            V(r.UnderlyingSecurityShares), Ids(r.UnderlyingSecurityShares.FootnoteIds),
            V(r.UnderlyingSecurityValue), Ids(r.UnderlyingSecurityValue.FootnoteIds),
        ];
    }

    /// <summary>The one-line summary <c>edgar samples</c> prints for a Form 3, 4 or 5.</summary>
    internal static string Summarize(OwnershipReadResult result)
    {
        var d = result.Document;
        var owner = d.ReportingOwners.FirstOrDefault();
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"Form {d.DocumentType}: {owner?.Name ?? "unknown owner"} ({owner?.Relationship?.ToString() ?? "relationship not stated"}) of {d.Issuer.Name} ({d.Issuer.TradingSymbol}); ");
        sb.Append(CultureInfo.InvariantCulture, $"Table I {d.NonDerivativeTable?.Count ?? 0} rows, Table II {d.DerivativeTable?.Count ?? 0} rows; ");
        var chain = result.Diagnostics.Any(x => x.Code == OwnershipDiagnosticCodes.HoldingsChainBreak) ? "holdings chain breaks"
            : result.Diagnostics.Any(x => x.Code == OwnershipDiagnosticCodes.HoldingsChainHolds) ? "holdings chain adds up" : "no holdings chain";
        sb.Append(chain);
        sb.Append(CultureInfo.InvariantCulture, $"; {result.Diagnostics.Count(x => x.Code == OwnershipDiagnosticCodes.ExerciseMatched)} exercises matched");
        sb.Append(CultureInfo.InvariantCulture, $"; {result.Diagnostics.Count(x => x.Code == OwnershipDiagnosticCodes.Rule10b5One)} 10b5-1 sales");
        sb.Append(CultureInfo.InvariantCulture, $"; {result.Diagnostics.Count(x => x.Severity == DiagnosticSeverity.Error)} errors, {result.Diagnostics.Count(x => x.Severity == DiagnosticSeverity.Warning)} warnings");
        return sb.ToString();
    }
}
