using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using EdgarSharp.Storage;
using Microsoft.Data.Sqlite;

namespace EdgarSharp.Cli.Commands;

/// <summary>
/// <c>edgar query VERB ... [--db PATH] [--format text|json|tsv]</c>: what users ask the store most. Verbs:
/// <c>filings COMPANY</c>, <c>insiders [--issuer COMPANY] [--owner CIK] [--totals] [--all]</c>,
/// <c>facts COMPANY CONCEPT [--dimensions]</c>, <c>threads COMPANY [--open]</c>,
/// <c>search TEXT [--in SOURCE] [--company COMPANY] [--limit N]</c>, <c>diagnostics [CODE] [--company COMPANY] [--counts]</c>.
/// The JSON and TSV shapes are contracts documented in README.md. Exit codes: 0 done (also when nothing matched);
/// 1 an unknown company or a search the FTS5 syntax rejects; 2 no store.
/// </summary>
internal static class QueryCommand
{
    private static readonly OutputFormat[] Formats = [OutputFormat.Text, OutputFormat.Json, OutputFormat.Tsv];

    public static Command Create(CliIO io)
    {
        var command = new Command("query", "Asks the store: filings, insider transactions with totals, a concept's facts over time, comment threads, full-text search, diagnostics.");
        command.Subcommands.Add(Filings(io));
        command.Subcommands.Add(Insiders(io));
        command.Subcommands.Add(Facts(io));
        command.Subcommands.Add(Threads(io));
        command.Subcommands.Add(Search(io));
        command.Subcommands.Add(Diagnostics(io));
        return command;
    }

    private static Command Verb(string name, string description, out Option<string?> db, out Option<OutputFormat> format)
    {
        var command = new Command(name, description);
        db = IngestCommand.DbOption();
        format = CommonOptions.Format(OutputFormat.Text, Formats);
        command.Options.Add(db);
        command.Options.Add(format);
        return command;
    }

    private static Argument<string> CompanyArgument() => new("company") { Description = "The company's CIK or ticker (or name)." };

    private static Command Filings(CliIO io)
    {
        var command = Verb("filings", "A company's filings in time order, amendments linked to their originals, the latest versions marked.", out var db, out var format);
        var company = CompanyArgument();
        command.Arguments.Add(company);
        command.SetAction(p => WithCompany(io, p.GetValue(db), p.GetValue(company)!, (store, c) =>
        {
            var rows = store.FilingListings(c.Cik);
            Write(io, p.GetValue(format),
                ["filing", "form", "date", "periodOfReport", "kind", "file", "amendment", "latest", "amends", "facts", "errors", "warnings"],
                rows.Select(f => (IReadOnlyList<string?>)[f.Id, f.Form, f.FilingDate, f.PeriodOfReport, f.Kind, f.File, Bool(f.IsAmendment), Bool(f.IsLatest),
                    string.Join(' ', f.Amends), Int(f.Facts), Int(f.Errors), Int(f.Warnings)]),
                json =>
                {
                    json.WriteStartArray();
                    foreach (var f in rows)
                    {
                        json.WriteStartObject();
                        json.WriteString("filing", f.Id);
                        json.WriteString("idKind", f.IdKind);
                        json.WriteString("form", f.Form);
                        json.WriteString("date", f.FilingDate);
                        json.WriteString("periodOfReport", f.PeriodOfReport);
                        json.WriteString("kind", f.Kind);
                        json.WriteString("file", f.File);
                        json.WriteBoolean("amendment", f.IsAmendment);
                        json.WriteBoolean("latest", f.IsLatest);
                        Output.Strings(json, "amends", f.Amends);
                        json.WriteNumber("facts", f.Facts);
                        json.WriteNumber("errors", f.Errors);
                        json.WriteNumber("warnings", f.Warnings);
                        json.WriteEndObject();
                    }
                    json.WriteEndArray();
                });
            return 0;
        }));
        return command;
    }

    private static Command Insiders(CliIO io)
    {
        var command = Verb("insiders", "Insider transactions and holdings by issuer and/or owner, with totals per owner and month.", out var db, out var format);
        var issuer = new Option<string?>("--issuer") { Description = "The issuer's CIK or ticker." };
        var owner = new Option<long?>("--owner") { Description = "The reporting owner's CIK." };
        var totals = new Option<bool>("--totals") { Description = "Text and TSV: print the totals per owner and month instead of the rows." };
        var all = new Option<bool>("--all") { Description = "Keep the rows of forms an amendment superseded." };
        command.Options.Add(issuer);
        command.Options.Add(owner);
        command.Options.Add(totals);
        command.Options.Add(all);
        command.SetAction(p => WithStore(io, p.GetValue(db), store =>
        {
            if (!TryCompanyFilter(io, store, p.GetValue(issuer), out var issuerCik))
            {
                return 1;
            }
            if (issuerCik is null && p.GetValue(owner) is null)
            {
                io.Err.WriteLine("edgar query insiders: give --issuer COMPANY, --owner CIK, or both.");
                return 1;
            }
            var rows = store.InsiderTransactions(issuerCik, p.GetValue(owner), latestOnly: !p.GetValue(all));
            var sums = InsiderTotals.PerOwnerAndMonth(rows);
            var fmt = p.GetValue(format);
            if (fmt == OutputFormat.Json)
            {
                Output.Json(io.Out, json =>
                {
                    json.WriteStartObject();
                    json.WriteStartArray("transactions");
                    foreach (var t in rows)
                    {
                        json.WriteStartObject();
                        json.WriteString("filing", t.FilingId);
                        json.WriteString("form", t.Form);
                        json.WriteString("filingDate", t.FilingDate);
                        json.WriteString("issuerCik", t.IssuerCik);
                        json.WriteString("issuerName", t.IssuerName);
                        json.WriteString("issuerSymbol", t.IssuerSymbol);
                        json.WriteString("ownerCik", t.OwnerCik);
                        json.WriteString("ownerName", t.OwnerName);
                        json.WriteBoolean("latest", t.IsLatest);
                        json.WriteString("table", t.Row.Table);
                        json.WriteBoolean("holding", t.Row.IsHolding);
                        json.WriteString("security", t.Row.Security);
                        json.WriteString("date", t.Row.Date);
                        json.WriteString("code", t.Row.Code);
                        Output.NumberOrNull(json, "shares", t.Row.Shares);
                        Output.NumberOrNull(json, "price", t.Row.Price);
                        json.WriteString("acquiredDisposed", t.Row.AcquiredDisposed);
                        Output.NumberOrNull(json, "sharesFollowing", t.Row.SharesFollowing);
                        json.WriteString("directOrIndirect", t.Row.DirectOrIndirect);
                        json.WriteString("nature", t.Row.Nature);
                        json.WriteEndObject();
                    }
                    json.WriteEndArray();
                    json.WriteStartArray("totals");
                    foreach (var s in sums)
                    {
                        json.WriteStartObject();
                        json.WriteString("ownerCik", s.OwnerCik);
                        json.WriteString("ownerName", s.OwnerName);
                        json.WriteString("month", s.Month);
                        json.WriteNumber("transactions", s.Transactions);
                        json.WriteNumber("acquired", s.Acquired);
                        json.WriteNumber("disposed", s.Disposed);
                        json.WriteNumber("net", s.Net);
                        json.WriteNumber("value", s.Value);
                        json.WriteEndObject();
                    }
                    json.WriteEndArray();
                    json.WriteEndObject();
                });
                return 0;
            }
            string[] totalsHeader = ["ownerCik", "ownerName", "month", "transactions", "acquired", "disposed", "net", "value"];
            var totalsRows = sums.Select(s => (IReadOnlyList<string?>)[s.OwnerCik, s.OwnerName, s.Month, Int(s.Transactions), Dec(s.Acquired),
                Dec(s.Disposed), Dec(s.Net), Dec(s.Value)]);
            if (p.GetValue(totals))
            {
                Write(io, fmt, totalsHeader, totalsRows, null);
                return 0;
            }
            Write(io, fmt,
                ["filing", "form", "filingDate", "issuerCik", "issuerSymbol", "ownerCik", "ownerName", "table", "holding", "security", "date", "code",
                 "shares", "price", "acquiredDisposed", "sharesFollowing", "directOrIndirect", "nature", "latest"],
                rows.Select(t => (IReadOnlyList<string?>)[t.FilingId, t.Form, t.FilingDate, t.IssuerCik, t.IssuerSymbol, t.OwnerCik, t.OwnerName, t.Row.Table,
                    Bool(t.Row.IsHolding), t.Row.Security, t.Row.Date, t.Row.Code, Dec(t.Row.Shares), Dec(t.Row.Price), t.Row.AcquiredDisposed,
                    Dec(t.Row.SharesFollowing), t.Row.DirectOrIndirect, t.Row.Nature, Bool(t.IsLatest)]),
                null);
            if (fmt == OutputFormat.Text && sums.Count > 0)
            {
                io.Out.WriteLine();
                io.Out.WriteLine("Totals per owner and month:");
                Write(io, fmt, totalsHeader, totalsRows, null);
            }
            return 0;
        }));
        return command;
    }

    private static Command Facts(CliIO io)
    {
        var command = Verb("facts", "A concept's facts over time, each period once, with the filing that reported it last; restatements shown.", out var db, out var format);
        var company = CompanyArgument();
        var concept = new Argument<string>("concept") { Description = "The concept, prefix:LocalName (us-gaap:Revenues) or the local name." };
        var dimensions = new Option<bool>("--dimensions") { Description = "Keep the facts with dimensions (by default only the facts without)." };
        command.Arguments.Add(company);
        command.Arguments.Add(concept);
        command.Options.Add(dimensions);
        command.SetAction(p => WithCompany(io, p.GetValue(db), p.GetValue(company)!, (store, c) =>
        {
            var periods = FactHistory.Build(store.FactObservations(c.Cik, p.GetValue(concept)!), p.GetValue(dimensions));
            Write(io, p.GetValue(format),
                ["concept", "periodType", "start", "end", "dimensions", "unit", "value", "filing", "form", "filingDate", "restated", "reports"],
                periods.Select(x => (IReadOnlyList<string?>)[x.Concept, x.PeriodType, x.PeriodStart, x.PeriodEnd, x.DimensionsKey, x.Unit, x.Value,
                    x.ReportedLast.FilingId, x.ReportedLast.Form, x.ReportedLast.FilingDate, Bool(x.Restated),
                    string.Join("; ", x.Reports.Select(r => $"{r.Form ?? "?"} {r.FilingDate ?? r.PeriodOfReport ?? "-"}: {r.Value ?? "nil"}"))]),
                json =>
                {
                    json.WriteStartArray();
                    foreach (var x in periods)
                    {
                        json.WriteStartObject();
                        json.WriteString("concept", x.Concept);
                        json.WriteString("periodType", x.PeriodType);
                        json.WriteString("start", x.PeriodStart);
                        json.WriteString("end", x.PeriodEnd);
                        json.WriteString("dimensions", x.DimensionsKey);
                        json.WriteString("unit", x.Unit);
                        json.WriteString("value", x.Value);
                        json.WriteString("filing", x.ReportedLast.FilingId);
                        json.WriteString("form", x.ReportedLast.Form);
                        json.WriteString("filingDate", x.ReportedLast.FilingDate);
                        json.WriteBoolean("restated", x.Restated);
                        json.WriteStartArray("reports");
                        foreach (var r in x.Reports)
                        {
                            json.WriteStartObject();
                            json.WriteString("filing", r.FilingId);
                            json.WriteString("form", r.Form);
                            json.WriteString("filingDate", r.FilingDate);
                            json.WriteString("periodOfReport", r.PeriodOfReport);
                            json.WriteString("value", r.Value);
                            json.WriteEndObject();
                        }
                        json.WriteEndArray();
                        json.WriteEndObject();
                    }
                    json.WriteEndArray();
                });
            return 0;
        }));
        return command;
    }

    private static Command Threads(CliIO io)
    {
        var command = Verb("threads", "A company's comment-letter threads: letters, comments with their responses, open comments, commitments.", out var db, out var format);
        var company = CompanyArgument();
        var open = new Option<bool>("--open") { Description = "Only the open comments (and the threads that have some)." };
        command.Arguments.Add(company);
        command.Options.Add(open);
        command.SetAction(p => WithCompany(io, p.GetValue(db), p.GetValue(company)!, (store, c) =>
        {
            var onlyOpen = p.GetValue(open);
            var threads = CommentThreads.Build(store.Filings(c.Cik))
                .Select(t => onlyOpen ? t with { Comments = t.OpenComments.ToList() } : t)
                .Where(t => !onlyOpen || t.Comments.Count > 0).ToList();
            var fmt = p.GetValue(format);
            if (fmt == OutputFormat.Json)
            {
                Output.Json(io.Out, json => WriteThreads(json, threads));
                return 0;
            }
            if (fmt == OutputFormat.Tsv)
            {
                Output.Tsv(io.Out, ["fileNumber", "status", "number", "heading", "staffLetter", "staffDate", "responseLetter", "responseDate", "open", "text"],
                    threads.SelectMany(t => t.Comments.Select(x => (IReadOnlyList<string>)[t.FileNumber ?? string.Empty, t.Status, Int(x.Number),
                        x.Heading ?? string.Empty, x.StaffLetter ?? string.Empty, x.StaffDate ?? string.Empty, x.ResponseLetter ?? string.Empty,
                        x.ResponseDate ?? string.Empty, Bool(x.Open), x.Text])));
                return 0;
            }
            foreach (var t in threads)
            {
                io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"file {t.FileNumber ?? "(none)"}: {t.Status}, opened {t.Opened ?? "-"}{(t.Closed is null ? string.Empty : ", closed " + t.Closed)}; {t.Letters.Count} letters, {t.Comments.Count} comments, {t.Comments.Count(x => x.Open)} open, {t.Commitments.Count} commitments"));
                foreach (var l in t.Letters)
                {
                    io.Out.WriteLine($"  {l.Date ?? "----------"}  {l.Kind} ({l.Side}){(l.Answers is null ? string.Empty : " answering " + l.Answers)}  {l.FilingId}");
                }
                foreach (var x in t.Comments)
                {
                    io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  comment {x.Number}{(x.StaffDate is null ? string.Empty : " of " + x.StaffDate)}: {(x.Open ? "OPEN" : x.ResponseDate is null ? "answered" : "answered " + x.ResponseDate)}  {x.Heading ?? FirstLine(x.Text)}"));
                }
            }
            return 0;
        }));
        return command;
    }

    private static void WriteThreads(Utf8JsonWriter json, IReadOnlyList<CommentThread> threads)
    {
        json.WriteStartArray();
        foreach (var t in threads)
        {
            json.WriteStartObject();
            json.WriteString("fileNumber", t.FileNumber);
            json.WriteString("status", t.Status);
            json.WriteString("opened", t.Opened);
            json.WriteString("closed", t.Closed);
            json.WriteStartArray("letters");
            foreach (var l in t.Letters)
            {
                json.WriteStartObject();
                json.WriteString("filing", l.FilingId);
                json.WriteString("kind", l.Kind);
                json.WriteString("side", l.Side);
                json.WriteString("date", l.Date);
                json.WriteString("answers", l.Answers);
                json.WriteNumber("comments", l.Comments);
                json.WriteNumber("commitments", l.Commitments);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("comments");
            foreach (var x in t.Comments)
            {
                json.WriteStartObject();
                json.WriteNumber("number", x.Number);
                json.WriteString("heading", x.Heading);
                json.WriteString("text", x.Text);
                json.WriteString("staffLetter", x.StaffLetter);
                json.WriteString("staffDate", x.StaffDate);
                json.WriteString("responseLetter", x.ResponseLetter);
                json.WriteString("responseDate", x.ResponseDate);
                json.WriteString("response", x.Response);
                json.WriteBoolean("open", x.Open);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("commitments");
            foreach (var x in t.Commitments)
            {
                json.WriteStartObject();
                json.WriteString("filing", x.FilingId);
                json.WriteString("date", x.Date);
                json.WriteString("text", x.Commitment.Text);
                json.WriteString("trigger", x.Commitment.Trigger);
                json.WriteString("promisedIn", x.Commitment.Filing);
                json.WriteString("period", x.Commitment.Period);
                if (x.Commitment.Comment is { } n)
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
        json.WriteEndArray();
    }

    private static Command Search(CliIO io)
    {
        var command = Verb("search", "Full-text search (SQLite FTS5) over letters, comments, responses and XBRL text blocks; best first.", out var db, out var format);
        var query = new Argument<string>("text") { Description = "Words, \"phrases\", AND/OR/NOT, prefix* (FTS5 syntax)." };
        var source = new Option<string?>("--in") { Description = "Only one source: letter, comment, response or text-block." };
        var company = new Option<string?>("--company") { Description = "Only this company's filings (CIK or ticker)." };
        var limit = new Option<int>("--limit") { Description = "At most this many hits (default 20).", DefaultValueFactory = _ => 20 };
        command.Arguments.Add(query);
        command.Options.Add(source);
        command.Options.Add(company);
        command.Options.Add(limit);
        command.SetAction(p => WithStore(io, p.GetValue(db), store =>
        {
            if (!TryCompanyFilter(io, store, p.GetValue(company), out var cik))
            {
                return 1;
            }
            IReadOnlyList<SearchHit> hits;
            try
            {
                hits = store.Search(p.GetValue(query)!, Math.Max(1, p.GetValue(limit)), p.GetValue(source), cik);
            }
            catch (SqliteException ex)
            {
                io.Err.WriteLine($"edgar query search: the search text is not valid FTS5 syntax ({ex.Message}); put phrases in double quotes.");
                return 1;
            }
            Write(io, p.GetValue(format), ["filing", "company", "form", "date", "source", "ref", "rank", "snippet"],
                hits.Select(h => (IReadOnlyList<string?>)[h.FilingId, h.Company, h.Form, h.FilingDate, h.Source, h.Ref,
                    h.Rank.ToString("0.###", CultureInfo.InvariantCulture), h.Snippet]),
                json =>
                {
                    json.WriteStartArray();
                    foreach (var h in hits)
                    {
                        json.WriteStartObject();
                        json.WriteString("filing", h.FilingId);
                        if (h.Cik is { } k)
                        {
                            json.WriteNumber("cik", k);
                        }
                        else
                        {
                            json.WriteNull("cik");
                        }
                        json.WriteString("company", h.Company);
                        json.WriteString("form", h.Form);
                        json.WriteString("date", h.FilingDate);
                        json.WriteString("source", h.Source);
                        json.WriteString("ref", h.Ref);
                        json.WriteNumber("rank", h.Rank);
                        json.WriteString("snippet", h.Snippet);
                        json.WriteEndObject();
                    }
                    json.WriteEndArray();
                });
            return 0;
        }));
        return command;
    }

    private static Command Diagnostics(CliIO io)
    {
        var command = Verb("diagnostics", "Stored diagnostics by code (CODE* for a prefix), with their filings; --counts for one line per code.", out var db, out var format);
        var code = new Argument<string?>("code") { Description = "The code (edgar:ownership-holdings-chain), or a prefix ending in *.", Arity = ArgumentArity.ZeroOrOne };
        var company = new Option<string?>("--company") { Description = "Only this company's filings (CIK or ticker)." };
        var counts = new Option<bool>("--counts") { Description = "One row per code and severity with its count." };
        command.Arguments.Add(code);
        command.Options.Add(company);
        command.Options.Add(counts);
        command.SetAction(p => WithStore(io, p.GetValue(db), store =>
        {
            if (!TryCompanyFilter(io, store, p.GetValue(company), out var cik))
            {
                return 1;
            }
            var rows = store.StoredDiagnostics(p.GetValue(code), cik);
            if (p.GetValue(counts))
            {
                var grouped = rows.GroupBy(d => (d.Code, d.Severity)).Select(g => (g.Key.Code, g.Key.Severity, Count: g.Count())).ToList();
                Write(io, p.GetValue(format), ["code", "severity", "count"],
                    grouped.Select(g => (IReadOnlyList<string?>)[g.Code, g.Severity, Int(g.Count)]),
                    json =>
                    {
                        json.WriteStartArray();
                        foreach (var g in grouped)
                        {
                            json.WriteStartObject();
                            json.WriteString("code", g.Code);
                            json.WriteString("severity", g.Severity);
                            json.WriteNumber("count", g.Count);
                            json.WriteEndObject();
                        }
                        json.WriteEndArray();
                    });
                return 0;
            }
            Write(io, p.GetValue(format), ["code", "severity", "filing", "form", "file", "message"],
                rows.Select(d => (IReadOnlyList<string?>)[d.Code, d.Severity, d.FilingId, d.Form, d.File, d.Message]),
                json =>
                {
                    json.WriteStartArray();
                    foreach (var d in rows)
                    {
                        json.WriteStartObject();
                        json.WriteString("code", d.Code);
                        json.WriteString("severity", d.Severity);
                        json.WriteString("filing", d.FilingId);
                        if (d.Cik is { } k)
                        {
                            json.WriteNumber("cik", k);
                        }
                        else
                        {
                            json.WriteNull("cik");
                        }
                        json.WriteString("form", d.Form);
                        json.WriteString("file", d.File);
                        json.WriteString("message", d.Message);
                        json.WriteEndObject();
                    }
                    json.WriteEndArray();
                });
            return 0;
        }));
        return command;
    }

    private static int WithStore(CliIO io, string? db, Func<SqliteEdgarStore, int> run)
    {
        var path = db ?? IngestCommand.DefaultDb;
        if (!File.Exists(path))
        {
            io.Err.WriteLine($"edgar query: no store at {Path.GetFullPath(path)}; run edgar ingest first.");
            return 2;
        }
        try
        {
            using var store = SqliteEdgarStore.Open(path);
            return run(store);
        }
        catch (SqliteException ex)
        {
            io.Err.WriteLine($"edgar query: the store {path} cannot be read ({ex.Message}).");
            return 2;
        }
    }

    private static int WithCompany(CliIO io, string? db, string who, Func<SqliteEdgarStore, CompanyRecord, int> run) =>
        WithStore(io, db, store => store.FindCompany(who) is { } c ? run(store, c) : UnknownCompany(io, who));

    /// <summary>
    /// The CIK of an optional company filter (CIK, ticker or name): null when <paramref name="who"/> is null; false,
    /// after saying so, when no such company is in the store.
    /// </summary>
    private static bool TryCompanyFilter(CliIO io, SqliteEdgarStore store, string? who, out long? cik)
    {
        cik = null;
        if (who is null)
        {
            return true;
        }
        if (store.FindCompany(who) is not { } c)
        {
            UnknownCompany(io, who);
            return false;
        }
        cik = c.Cik;
        return true;
    }

    private static int UnknownCompany(CliIO io, string who)
    {
        io.Err.WriteLine($"edgar query: no company with CIK, ticker or name '{who}' in the store.");
        return 1;
    }

    /// <summary>Text as aligned columns under a header, TSV with a header row, or JSON by <paramref name="json"/>.</summary>
    private static void Write(CliIO io, OutputFormat format, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows, Action<Utf8JsonWriter>? json)
    {
        if (format == OutputFormat.Json && json is not null)
        {
            Output.Json(io.Out, json);
            return;
        }
        var cells = rows.Select(r => (IReadOnlyList<string>)r.Select(v => v ?? string.Empty).ToList()).ToList();
        if (format == OutputFormat.Tsv)
        {
            Output.Tsv(io.Out, header, cells);
            return;
        }
        var table = new List<IReadOnlyList<string>> { header.Select(h => h.ToUpperInvariant()).ToList() };
        table.AddRange(cells.Select(r => (IReadOnlyList<string>)r.Select(c => c.Length > 100 ? c[..97] + "..." : c).ToList()));
        Output.Columns(io.Out, table);
    }

    private static string Bool(bool value) => value ? "true" : "false";

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string? Dec(decimal? value) => DecimalText.Canonical(value);

    private static string FirstLine(string text)
    {
        var line = text.Split('\n', 2)[0].Trim();
        return line.Length <= 100 ? line : line[..97] + "...";
    }
}
