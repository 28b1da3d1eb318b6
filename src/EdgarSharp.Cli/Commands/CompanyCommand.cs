using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using EdgarSharp.Storage;
using Microsoft.Data.Sqlite;

namespace EdgarSharp.Cli.Commands;

/// <summary>
/// <c>edgar company CIK|TICKER [--db PATH]</c>: the company's story from the store, in time order (filing date,
/// else period of report): its filings; for a Form 3, 4 or 5 its rows and the holdings checks; for a letter its
/// comments and commitments; for XBRL the dimensional model per role in summary. Output contracts:
/// <list type="bullet">
/// <item><c>--format json</c>: <c>{ "company": { "cik", "ticker", "name" }, "filings": [ { "filing", "idKind",
/// "sha256", "form", "date", "periodOfReport", "kind", "file", "bytes", "xbrl"?, "ownership"?, "letter"?,
/// "diagnostics": [ { "severity", "code", "message" } ] } ] }</c>, where <c>xbrl</c> is <c>{ "roles": [ { "role",
/// "primaryItems", "hypercubes", "dimensions", "members", "defaults", "tables": [], "axes": [] } ] }</c>;
/// <c>ownership</c> is <c>{ "documentType", "periodOfReport", "issuer": { "cik", "name", "symbol" }, "owner": {
/// "cik", "name", "relationship" }, "aff10b5One", "tableI", "tableII", "rows": [ { "table", "holding", "security",
/// "date", "code", "shares", "price", "acquiredDisposed", "sharesFollowing", "directOrIndirect", "exercisePrice" } ],
/// "checks": [ { "severity", "code", "message" } ] }</c> (amounts are exact JSON numbers or null); <c>letter</c> is
/// <c>{ "kind", "side", "date", "company", "fileNumber", "answers", "comments": [ { "number", "heading", "text",
/// "response" } ], "commitments": [ { "text", "trigger", "filing", "period", "comment" } ] }</c>.</item>
/// <item><c>--format text</c> (default): a heading line for the company, then one block per filing.</item>
/// </list>
/// Exit code 0; 1 when the company is not in the store; 2 when the store cannot be opened.
/// </summary>
internal static class CompanyCommand
{
    /// <summary>The diagnostic codes that are the ownership checks (the rest are reading notes).</summary>
    /// <summary>The number of distinct names in space-separated lists.</summary>
    private static int Distinct(IEnumerable<string> lists) =>
        lists.SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Distinct(StringComparer.Ordinal).Count();

    private static readonly string[] CheckPrefixes =
    [
        "edgar:ownership-holdings-chain", "edgar:ownership-exercise", "edgar:ownership-weighted-average-price",
        "edgar:ownership-10b5-1", "edgar:ownership-late-filing",
    ];

    public static Command Create(CliIO io)
    {
        var who = new Argument<string>("company") { Description = "The company's CIK or ticker." };
        var db = IngestCommand.DbOption();
        var format = CommonOptions.Format(OutputFormat.Text, OutputFormat.Text, OutputFormat.Json);
        var command = new Command("company", "Tells a company's story from the store: filings, insider transactions with their checks, comment letters with their commitments, XBRL dimensional models.");
        command.Arguments.Add(who);
        command.Options.Add(db);
        command.Options.Add(format);
        command.SetAction(parse => Run(parse.GetValue(who) ?? string.Empty, parse.GetValue(db) ?? IngestCommand.DefaultDb, parse.GetValue(format), io));
        return command;
    }

    internal static int Run(string who, string db, OutputFormat format, CliIO io)
    {
        if (!File.Exists(db))
        {
            io.Err.WriteLine($"edgar company: no store at {Path.GetFullPath(db)}; run edgar ingest first.");
            return 2;
        }
        CompanyRecord? company;
        IReadOnlyList<FilingRecord> filings;
        Story story;
        try
        {
            using var store = SqliteEdgarStore.Open(db);
            company = store.FindCompany(who);
            filings = company is null ? [] : store.Filings(company.Cik);
            story = company is null ? Story.Empty : Story.Build(store, company.Cik, filings);
        }
        catch (SqliteException ex)
        {
            io.Err.WriteLine($"edgar company: the store {db} cannot be read ({ex.Message}).");
            return 2;
        }
        if (company is null)
        {
            io.Err.WriteLine($"edgar company: no company with CIK or ticker '{who}' in {Path.GetFullPath(db)}.");
            return 1;
        }
        if (format == OutputFormat.Json)
        {
            Output.Json(io.Out, json => WriteJson(json, company, filings, story));
        }
        else
        {
            WriteText(io.Out, company, filings, story);
        }
        return 0;
    }

    internal static bool IsCheck(DiagnosticRecord d) => CheckPrefixes.Any(p => d.Code.StartsWith(p, StringComparison.Ordinal));

    /// <summary>What the store knows across the company's filings: versions, fact counts, threads and the cross-document checks.</summary>
    private sealed record Story(
        IReadOnlyDictionary<string, FilingListing> Listings,
        IReadOnlyList<HoldingsFinding> Holdings,
        IReadOnlyList<CommentThread> Threads,
        IReadOnlyList<CommitmentFinding> Commitments)
    {
        public static Story Empty { get; } = new(new Dictionary<string, FilingListing>(), [], [], []);

        public static Story Build(SqliteEdgarStore store, long cik, IReadOnlyList<FilingRecord> filings)
        {
            var listings = store.FilingListings(cik).ToDictionary(l => l.Id, StringComparer.Ordinal);
            var latest = filings.Where(f => !listings.TryGetValue(f.Id, out var l) || l.IsLatest).ToList();
            return new Story(listings, CrossDocumentChecks.Holdings(latest), CommentThreads.Build(filings), CrossDocumentChecks.Commitments(store, cik));
        }
    }

    private static void WriteJson(Utf8JsonWriter json, CompanyRecord company, IReadOnlyList<FilingRecord> filings, Story story)
    {
        json.WriteStartObject();
        json.WriteStartObject("company");
        json.WriteNumber("cik", company.Cik);
        json.WriteString("ticker", company.Ticker);
        json.WriteString("name", company.Name);
        json.WriteEndObject();
        json.WriteStartArray("filings");
        foreach (var f in filings)
        {
            json.WriteStartObject();
            json.WriteString("filing", f.Id);
            json.WriteString("idKind", f.IdKind);
            json.WriteString("sha256", f.Sha256);
            json.WriteString("form", f.Form);
            json.WriteString("date", f.FilingDate);
            json.WriteString("periodOfReport", f.PeriodOfReport);
            json.WriteString("kind", f.Kind);
            json.WriteString("file", f.File);
            json.WriteNumber("bytes", f.Bytes);
            if (story.Listings.TryGetValue(f.Id, out var listing))
            {
                json.WriteBoolean("amendment", listing.IsAmendment);
                json.WriteBoolean("latest", listing.IsLatest);
                json.WriteStartArray("amends");
                foreach (var a in listing.Amends)
                {
                    json.WriteStringValue(a);
                }
                json.WriteEndArray();
                json.WriteNumber("facts", listing.Facts);
            }
            if (f.XbrlRoles.Count > 0)
            {
                json.WriteStartObject("xbrl");
                json.WriteStartArray("roles");
                foreach (var r in f.XbrlRoles)
                {
                    json.WriteStartObject();
                    json.WriteString("role", r.Role);
                    json.WriteNumber("primaryItems", r.PrimaryItems);
                    json.WriteNumber("hypercubes", r.Hypercubes);
                    json.WriteNumber("dimensions", r.Dimensions);
                    json.WriteNumber("members", r.Members);
                    json.WriteNumber("defaults", r.Defaults);
                    Names(json, "tables", r.Tables);
                    Names(json, "axes", r.Axes);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
            if (f.Insider is { } o)
            {
                json.WriteStartObject("ownership");
                json.WriteString("documentType", o.DocumentType);
                json.WriteString("periodOfReport", o.PeriodOfReport);
                json.WriteStartObject("issuer");
                json.WriteString("cik", o.IssuerCik);
                json.WriteString("name", o.IssuerName);
                json.WriteString("symbol", o.IssuerSymbol);
                json.WriteEndObject();
                json.WriteStartObject("owner");
                json.WriteString("cik", o.OwnerCik);
                json.WriteString("name", o.OwnerName);
                json.WriteString("relationship", o.Relationship);
                json.WriteEndObject();
                if (o.Aff10b5One is { } aff)
                {
                    json.WriteBoolean("aff10b5One", aff);
                }
                else
                {
                    json.WriteNull("aff10b5One");
                }
                json.WriteNumber("tableI", o.Rows.Count(r => r.Table == "I"));
                json.WriteNumber("tableII", o.Rows.Count(r => r.Table == "II"));
                json.WriteStartArray("rows");
                foreach (var r in o.Rows)
                {
                    json.WriteStartObject();
                    json.WriteString("table", r.Table);
                    json.WriteBoolean("holding", r.IsHolding);
                    json.WriteString("security", r.Security);
                    json.WriteString("date", r.Date);
                    json.WriteString("code", r.Code);
                    Output.NumberOrNull(json, "shares", r.Shares);
                    Output.NumberOrNull(json, "price", r.Price);
                    json.WriteString("acquiredDisposed", r.AcquiredDisposed);
                    Output.NumberOrNull(json, "sharesFollowing", r.SharesFollowing);
                    json.WriteString("directOrIndirect", r.DirectOrIndirect);
                    Output.NumberOrNull(json, "exercisePrice", r.ExercisePrice);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                Diagnostics(json, "checks", f.Diagnostics.Where(IsCheck));
                json.WriteEndObject();
            }
            if (f.Letter is { } l)
            {
                json.WriteStartObject("letter");
                json.WriteString("kind", l.Kind);
                json.WriteString("side", l.Side);
                json.WriteString("date", l.Date);
                json.WriteString("company", l.Company);
                json.WriteString("fileNumber", l.FileNumber);
                json.WriteString("answers", l.Answers);
                json.WriteStartArray("comments");
                foreach (var c in l.Comments)
                {
                    json.WriteStartObject();
                    json.WriteNumber("number", c.Number);
                    json.WriteString("heading", c.Heading);
                    json.WriteString("text", c.Text);
                    json.WriteString("response", c.Response);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteStartArray("commitments");
                foreach (var c in l.Commitments)
                {
                    json.WriteStartObject();
                    json.WriteString("text", c.Text);
                    json.WriteString("trigger", c.Trigger);
                    json.WriteString("filing", c.Filing);
                    json.WriteString("period", c.Period);
                    if (c.Comment is { } n)
                    {
                        json.WriteNumber("comment", n);
                    }
                    else
                    {
                        json.WriteNull("comment");
                    }
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
            Diagnostics(json, "diagnostics", f.Diagnostics);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("holdingsChecks");
        foreach (var h in story.Holdings)
        {
            json.WriteStartObject();
            json.WriteString("severity", h.Severity);
            json.WriteString("code", h.Code);
            json.WriteString("ownerCik", h.OwnerCik);
            json.WriteString("ownerName", h.OwnerName);
            json.WriteString("position", h.Position);
            json.WriteString("earlierFiling", h.EarlierFiling);
            json.WriteString("earlierDate", h.EarlierDate);
            json.WriteNumber("heldAfter", h.HeldAfter);
            json.WriteString("laterFiling", h.LaterFiling);
            json.WriteString("laterDate", h.LaterDate);
            json.WriteNumber("impliedBefore", h.ImpliedBefore);
            json.WriteNumber("difference", h.Difference);
            json.WriteString("message", h.Message);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("threads");
        foreach (var t in story.Threads)
        {
            json.WriteStartObject();
            json.WriteString("fileNumber", t.FileNumber);
            json.WriteString("status", t.Status);
            json.WriteString("opened", t.Opened);
            json.WriteString("closed", t.Closed);
            json.WriteNumber("letters", t.Letters.Count);
            json.WriteNumber("comments", t.Comments.Count);
            json.WriteNumber("openComments", t.Comments.Count(c => c.Open));
            json.WriteNumber("commitments", t.Commitments.Count);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("commitmentChecks");
        foreach (var c in story.Commitments)
        {
            json.WriteStartObject();
            json.WriteString("status", c.Status);
            json.WriteString("letter", c.LetterFiling);
            json.WriteString("letterDate", c.LetterDate);
            json.WriteNumber("seq", c.Seq);
            json.WriteString("commitment", c.Commitment);
            json.WriteStartArray("promisedForms");
            foreach (var form in c.PromisedForms)
            {
                json.WriteStringValue(form);
            }
            json.WriteEndArray();
            json.WriteString("promisedPeriod", c.PromisedPeriod);
            json.WriteString("checkedFiling", c.CheckedFiling);
            json.WriteString("checkedForm", c.CheckedForm);
            json.WriteString("checkedPeriod", c.CheckedPeriod);
            json.WriteStartArray("terms");
            foreach (var term in c.Terms)
            {
                json.WriteStringValue(term);
            }
            json.WriteEndArray();
            json.WriteStartArray("found");
            foreach (var term in c.Found)
            {
                json.WriteStringValue(term);
            }
            json.WriteEndArray();
            json.WriteString("message", c.Message);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Names(Utf8JsonWriter json, string name, string list)
    {
        json.WriteStartArray(name);
        foreach (var item in list.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            json.WriteStringValue(item);
        }
        json.WriteEndArray();
    }

    private static void Diagnostics(Utf8JsonWriter json, string name, IEnumerable<DiagnosticRecord> diagnostics)
    {
        json.WriteStartArray(name);
        foreach (var d in diagnostics)
        {
            json.WriteStartObject();
            json.WriteString("severity", d.Severity);
            json.WriteString("code", d.Code);
            json.WriteString("message", d.Message);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static string Amount(decimal? value) => value is { } v ? v.ToString("#,0.####", CultureInfo.InvariantCulture) : "-";

    private static void WriteText(TextWriter o, CompanyRecord company, IReadOnlyList<FilingRecord> filings, Story story)
    {
        o.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{company.Name ?? "(no name)"} (CIK {company.Cik}, {company.Ticker ?? "no ticker"}): {filings.Count} filings in the store"));
        foreach (var f in filings)
        {
            o.WriteLine();
            var when = f.FilingDate is not null ? $"filed {f.FilingDate}" : $"period {f.PeriodOfReport ?? "unknown"}";
            o.WriteLine($"{f.FilingDate ?? f.PeriodOfReport ?? "----------"}  Form {f.Form ?? "?"}  {f.File} ({f.Kind}, {when}, {f.IdKind} {f.Id[..Math.Min(16, f.Id.Length)]})");
            if (story.Listings.TryGetValue(f.Id, out var listing))
            {
                if (listing.IsAmendment)
                {
                    o.WriteLine($"  amendment{(listing.Amends.Count == 0 ? " (original not in the store)" : " of " + string.Join(", ", listing.Amends))}");
                }
                if (!listing.IsLatest)
                {
                    o.WriteLine("  superseded by a later amendment");
                }
                if (listing.Facts > 0)
                {
                    o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  XBRL facts: {listing.Facts}"));
                }
            }
            if (f.XbrlRoles.Count > 0)
            {
                o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  XBRL dimensional model: {f.XbrlRoles.Count} roles with hypercubes, {Distinct(f.XbrlRoles.Select(r => r.Tables))} distinct tables and {Distinct(f.XbrlRoles.Select(r => r.Axes))} distinct axes ({f.XbrlRoles.Sum(r => r.Hypercubes)} and {f.XbrlRoles.Sum(r => r.Dimensions)} counted per role), {f.XbrlRoles.Sum(r => r.PrimaryItems)} primary items counted per role"));
                foreach (var r in f.XbrlRoles)
                {
                    o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"    {r.Role}: {r.PrimaryItems} primary items; tables {r.Tables}; axes {(r.Axes.Length == 0 ? "-" : r.Axes)}; {r.Members} members; {r.Defaults} defaults"));
                }
            }
            if (f.Insider is { } ins)
            {
                o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {ins.OwnerName ?? "unknown owner"} ({ins.Relationship ?? "relationship not stated"}) of {ins.IssuerName} ({ins.IssuerSymbol}); Table I {ins.Rows.Count(r => r.Table == "I")} rows, Table II {ins.Rows.Count(r => r.Table == "II")} rows"));
                foreach (var r in ins.Rows)
                {
                    o.WriteLine($"    {r.Table,-2} {r.Date ?? (r.IsHolding ? "holding" : "-"),-10} {r.Code ?? "-",-2} {Amount(r.Shares),12} @ {Amount(r.Price),-8} {r.AcquiredDisposed ?? "-"} -> {Amount(r.SharesFollowing),12} {r.DirectOrIndirect ?? "-"}  {r.Security}");
                }
                foreach (var d in f.Diagnostics.Where(IsCheck))
                {
                    o.WriteLine($"  check {d.Severity} {d.Code}: {d.Message}");
                }
            }
            if (f.Letter is { } l)
            {
                o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {l.Kind} ({l.Side}) of {l.Date ?? "no date"}, {l.Company ?? "no company"}, file {l.FileNumber ?? "-"}{(l.Answers is null ? string.Empty : $", answering the letter of {l.Answers}")}: {l.Comments.Count} comments, {l.Commitments.Count} commitments"));
                foreach (var c in l.Comments)
                {
                    o.WriteLine($"    comment {c.Number}: {c.Heading ?? FirstLine(c.Text)}{(c.Response is null ? string.Empty : " (answered)")}");
                }
                foreach (var c in l.Commitments)
                {
                    o.WriteLine($"    commitment{(c.Comment is { } n ? string.Create(CultureInfo.InvariantCulture, $" (comment {n})") : string.Empty)}: {FirstLine(c.Text)}{(c.Filing is null ? string.Empty : $" [in {c.Filing}{(c.Period is null ? string.Empty : " " + c.Period)}]")}");
                }
            }
            var errors = f.Diagnostics.Count(d => d.Severity == "error");
            var warnings = f.Diagnostics.Count(d => d.Severity == "warning");
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {errors} errors, {warnings} warnings"));
            foreach (var d in f.Diagnostics.Where(d => d.Severity == "error"))
            {
                o.WriteLine($"    error {d.Code}: {d.Message}");
            }
        }
        o.WriteLine();
        var breaks = story.Holdings.Count(h => h.Severity == "error");
        o.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Holdings across forms: {story.Holdings.Count} positions compared between consecutive forms of one owner, {breaks} breaks"));
        foreach (var h in story.Holdings)
        {
            o.WriteLine($"  {(h.Severity == "error" ? "break" : "ok")} {h.OwnerName ?? h.OwnerCik}: {h.Message}");
        }
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Comment threads: {story.Threads.Count}"));
        foreach (var t in story.Threads)
        {
            o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  file {t.FileNumber ?? "(none)"}: {t.Status}, {t.Letters.Count} letters, {t.Comments.Count} comments ({t.Comments.Count(c => c.Open)} open), {t.Commitments.Count} commitments"));
        }
        o.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Commitments checked against later filings: {story.Commitments.Count(c => c.Status == "kept")} kept, {story.Commitments.Count(c => c.Status == "not-kept")} not kept, {story.Commitments.Count(c => c.Status == "no-later-filing")} with no later filing in the store, {story.Commitments.Count(c => c.Status == "not-checkable")} not checkable"));
        foreach (var c in story.Commitments)
        {
            o.WriteLine($"  {c.Status} (letter of {c.LetterDate ?? "-"}, commitment {c.Seq}): {c.Message}");
        }
    }

    private static string FirstLine(string text)
    {
        var line = text.Split('\n', 2)[0].Trim();
        return line.Length <= 120 ? line : line[..117] + "...";
    }
}
