using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using EdgarSharp.Correspondence;
using EdgarSharp.Documents;
using EdgarSharp.Ownership;
using EdgarSharp.Xbrl;

namespace EdgarSharp.Storage;

/// <summary>A file ingest stored (or found unchanged): the file, the filing id, its kind and form.</summary>
public sealed record IngestedFile(string File, string FilingId, string Kind, string? Form, StoreOutcome Outcome);

/// <summary>A file ingest did not store, with the reason.</summary>
public sealed record RejectedFile(string File, string Kind, string Reason);

/// <summary>
/// What reading one file gave: the filing to store, or the rejection; <paramref name="ResolveCompany"/>, when
/// present, resolves the filing's company against the store just before it is stored.
/// </summary>
internal sealed record FileReading(FilingRecord? Filing, RejectedFile? Rejected, Func<IEdgarStore, CompanyRecord?>? ResolveCompany = null);

/// <summary>
/// Ingest: walks files and folders, detects each file's kind, reads it with the library's readers and stores it,
/// one transaction per filing. A <c>manifest.json</c> beside the files (as in <c>samples/</c>) gives the company,
/// form and dates the documents lack; it is metadata, not a filing.
/// </summary>
public static class Ingestor
{
    /// <summary>
    /// Ingests every file under <paramref name="sources"/> into <paramref name="store"/> through the
    /// <see cref="IngestPipeline"/> with its default options.
    /// </summary>
    public static IngestReport Ingest(IEdgarStore store, IReadOnlyList<string> sources) => IngestPipeline.Run(store, sources);

    /// <summary>Reads and stores one file (the two steps the pipeline runs on different threads).</summary>
    internal static (IngestedFile? Ingested, RejectedFile? Rejected) IngestFile(IEdgarStore store, string path, Manifest? manifest) =>
        StoreFile(store, path, ReadFile(path, File.ReadAllBytes(path), manifest));

    /// <summary>Stores what <see cref="ReadFile"/> read: resolves the company against the store, then stores the filing (one transaction).</summary>
    internal static (IngestedFile? Ingested, RejectedFile? Rejected) StoreFile(IEdgarStore store, string path, FileReading reading)
    {
        if (reading.Filing is not { } filing)
        {
            return (null, reading.Rejected);
        }
        if (reading.ResolveCompany is { } resolve)
        {
            filing = filing with { Company = resolve(store) };
        }
        var outcome = store.Store(filing);
        return outcome == StoreOutcome.HeldByAnotherDocument
            ? (null, new RejectedFile(path, filing.Kind, $"filing {filing.Id} is already stored from another document; documents of one filing are stored together from its submission"))
            : (new IngestedFile(path, filing.Id, filing.Kind, filing.Form, outcome), null);
    }

    /// <summary>
    /// Reads one file's <paramref name="bytes"/> into the filing to store, or the rejection, without touching the store
    /// (thread-safe: ingest runs it on several threads). The company is resolved against the store later, by
    /// <see cref="FileReading.ResolveCompany"/>.
    /// </summary>
    internal static FileReading ReadFile(string path, byte[] bytes, Manifest? manifest)
    {
        var name = Path.GetFileName(path);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var kind = DocumentKindDetector.Detect(bytes, isWholeDocument: true, document: path);
        var kindName = kind.KindName;
        var entry = manifest?.Entry(name);
        var company = manifest is not null && entry is not null ? manifest.Company : null;
        var filing = new FilingRecord
        {
            Id = sha, IdKind = "sha256", Sha256 = sha, Kind = kindName, File = name, Bytes = bytes.Length,
            Form = entry?.Form, FilingDate = entry?.Date, PeriodOfReport = entry?.PeriodOfReport,
            Documents = [new DocumentRecord(1, name, kindName, bytes.Length, sha)],
        };
        var diagnostics = new List<Diagnostic>();
        Func<IEdgarStore, CompanyRecord?>? resolveCompany = null;
        var readAs = kind.Kind;
        if (kind.Kind == DocumentKind.EdgarSubmission)
        {
            var submission = EdgarSharp.Edgar.SubmissionReader.Read(bytes, name);
            var header = submission.Header;
            var form = (header.FormType ?? submission.Documents.FirstOrDefault()?.Type)?.Trim().ToUpperInvariant();
            readAs = form switch
            {
                "3" or "4" or "5" or "3/A" or "4/A" or "5/A" => DocumentKind.OwnershipXml,
                "CORRESP" or "UPLOAD" => DocumentKind.CommentLetter,
                _ => DocumentKind.EdgarSubmission,
            };
            if (readAs == DocumentKind.EdgarSubmission)
            {
                return new FileReading(null, new RejectedFile(path, kindName, $"submissions of form {form ?? "(none)"} are not stored yet (Forms 3/4/5, CORRESP and UPLOAD are)"));
            }
            var party = header.Parties.FirstOrDefault(p => p.Role is EdgarSharp.Edgar.PartyRole.Issuer or EdgarSharp.Edgar.PartyRole.SubjectCompany)
                ?? header.Parties.FirstOrDefault(p => p.Role == EdgarSharp.Edgar.PartyRole.Filer);
            if (party is not null && long.TryParse(party.Company.Cik, NumberStyles.None, CultureInfo.InvariantCulture, out var partyCik))
            {
                company ??= new CompanyRecord(partyCik, null, party.Company.Name);
            }
            filing = filing with
            {
                Id = header.AccessionNumber ?? sha,
                IdKind = header.AccessionNumber is null ? "sha256" : "accession",
                Form = header.FormType ?? form ?? filing.Form,
                FilingDate = Date(header.FilingDate) ?? filing.FilingDate,
                PeriodOfReport = Date(header.Period) ?? filing.PeriodOfReport,
                Documents = submission.Documents.Select((d, i) => new DocumentRecord(
                    d.Sequence ?? i + 1, d.FileName ?? d.SafeFileName, d.Type, d.Size, Convert.ToHexStringLower(SHA256.HashData(d.Content.Span)))).ToList(),
            };
            diagnostics.AddRange(submission.Diagnostics);
        }
        switch (readAs)
        {
            case DocumentKind.ConformanceSuite:
                return new FileReading(null, new RejectedFile(path, kindName, "an XBRL conformance-suite file tests processors; it is not a filing"));
            case DocumentKind.XbrlSchema or DocumentKind.LabelLinkbase or DocumentKind.PresentationLinkbase or DocumentKind.CalculationLinkbase
                or DocumentKind.DefinitionLinkbase or DocumentKind.ReferenceLinkbase or DocumentKind.GenericLinkbase or DocumentKind.XbrlInstance:
            {
                var dts = Dts.Load(path);
                var model = DimensionalModel.Build(dts);
                filing = filing with { XbrlRoles = Summarize(model) };
                diagnostics.AddRange(dts.Diagnostics);
                diagnostics.AddRange(model.Diagnostics);
                break;
            }
            case DocumentKind.OwnershipXml or DocumentKind.OwnershipRendering:
            {
                var result = OwnershipReader.Read(bytes, name);
                var d = result.Document;
                long? issuerCik = long.TryParse(d.Issuer.Cik, NumberStyles.None, CultureInfo.InvariantCulture, out var ic) ? ic : null;
                var fallback = company;
                resolveCompany = store => Resolve(store, issuerCik, d.Issuer.TradingSymbol, d.Issuer.Name, fallback);
                var owner = d.ReportingOwners.FirstOrDefault();
                var rows = d.Rows.Select((r, i) => new InsiderRow(
                    i + 1, r.Table == OwnershipTable.NonDerivative ? "I" : "II", r.IsHolding, r.SecurityTitle.Text,
                    Date(r.TransactionDate.Value), r.Coding?.Code, r.Shares.Value, r.PricePerShare.Value,
                    r.AcquiredDisposed.Text, r.SharesOwnedFollowing.Value, r.DirectOrIndirect.Text, r.ConversionOrExercisePrice.Value)).ToList();
                var signed = d.Signatures.Select(s => s.Date).Where(x => x is not null).Max();
                filing = filing with
                {
                    Id = d.Source.AccessionNumber ?? filing.Id,
                    IdKind = d.Source.AccessionNumber is null ? filing.IdKind : "accession",
                    Form = d.DocumentType ?? filing.Form,
                    FilingDate = filing.FilingDate ?? Date(d.Source.FilingDate) ?? Date(signed),
                    PeriodOfReport = Date(d.PeriodOfReport) ?? filing.PeriodOfReport,
                    Insider = new InsiderReport(d.DocumentType, Date(d.PeriodOfReport), d.Issuer.Cik, d.Issuer.Name, d.Issuer.TradingSymbol,
                        owner?.Cik, owner?.Name, owner?.Relationship?.ToString(), d.Aff10b5One, rows),
                };
                diagnostics.AddRange(result.Diagnostics);
                break;
            }
            case DocumentKind.CommentLetter:
            {
                var letter = LetterReader.Read(bytes, name);
                var fallback = company;
                resolveCompany = store => Resolve(store, fallback?.Cik, null, letter.Company ?? fallback?.Name, fallback);
                filing = filing with
                {
                    Form = filing.Form ?? (letter.Side == LetterSide.Company ? "CORRESP" : "UPLOAD"),
                    FilingDate = filing.FilingDate ?? Date(letter.Date),
                    Letter = new LetterRecord(letter.Kind.ToName(), letter.Side.ToName(), Date(letter.Date), letter.Company, letter.FileNumber,
                        Date(letter.Answers),
                        letter.Comments.Select(c => new CommentRecord(c.Number, c.Heading, c.Text, c.Response)).ToList(),
                        letter.Commitments.Select((c, i) => new CommitmentRecord(i + 1, c.Text, c.Trigger, c.Filing, c.Period, c.Comment)).ToList()),
                };
                diagnostics.AddRange(letter.Diagnostics);
                break;
            }
            default:
                return new FileReading(null, new RejectedFile(path, kindName, $"{kindName} files are not stored yet (Forms 3/4/5, comment letters, XBRL linkbases, schemas and instances are)"));
        }
        filing = filing with
        {
            Company = company,
            Diagnostics = diagnostics.Select((x, i) => new DiagnosticRecord(i + 1, x.Severity.ToString().ToLowerInvariant(), x.Code, x.Message)).ToList(),
        };
        return new FileReading(filing, null, resolveCompany);
    }

    /// <summary>The company by CIK, then ticker, then name: the store's record when it has one, else what the document says, else the manifest's.</summary>
    private static CompanyRecord? Resolve(IEdgarStore store, long? cik, string? ticker, string? name, CompanyRecord? fromManifest)
    {
        if (store.FindCompany(cik, ticker, name) is { } known)
        {
            return known;
        }
        if (cik is { } c)
        {
            return new CompanyRecord(c, ticker ?? fromManifest?.Ticker, name ?? fromManifest?.Name);
        }
        if (fromManifest is not null)
        {
            return store.FindCompany(fromManifest.Cik, null, null) ?? fromManifest;
        }
        return null;
    }

    private static List<XbrlRoleSummary> Summarize(DimensionalModel model) =>
        model.RelationshipSets.Select(set =>
        {
            var hypercubes = set.HasHypercubes.Select(h => h.Hypercube).Distinct().ToList();
            var dimensions = set.HasHypercubes.SelectMany(h => h.Dimensions).Select(d => d.Dimension).Distinct().ToList();
            var members = set.HasHypercubes.SelectMany(h => h.Dimensions).SelectMany(d => d.Members).Distinct().Count();
            var defaults = set.HasHypercubes.SelectMany(h => h.Dimensions).Where(d => d.Default is not null).Select(d => d.Dimension).Distinct().Count();
            return new XbrlRoleSummary(set.LinkRole, set.PrimaryItems.Count, hypercubes.Count, dimensions.Count, members, defaults,
                string.Join(' ', hypercubes.Select(h => h.Prefix + ":" + h.Name.LocalName).Order(StringComparer.Ordinal)),
                string.Join(' ', dimensions.Select(d => d.Prefix + ":" + d.Name.LocalName).Order(StringComparer.Ordinal)));
        }).OrderBy(r => r.Role, StringComparer.Ordinal).ToList();

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A <c>manifest.json</c>: the company and, per file, form and dates.</summary>
    internal sealed class Manifest
    {
        public CompanyRecord? Company { get; private init; }

        private Dictionary<string, (string? Form, string? Date, string? PeriodOfReport)> Entries { get; } = new(StringComparer.Ordinal);

        public (string? Form, string? Date, string? PeriodOfReport)? Entry(string file) => Entries.TryGetValue(file, out var e) ? e : null;

        public static Manifest? Load(string path)
        {
            if (!File.Exists(path))
            {
                return null;
            }
            try
            {
                using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
                var root = doc.RootElement;
                CompanyRecord? company = null;
                if (root.TryGetProperty("company", out var c) && c.ValueKind == JsonValueKind.Object
                    && c.TryGetProperty("cik", out var k) && k.TryGetInt64(out var cik))
                {
                    company = new CompanyRecord(cik, String(c, "ticker"), String(c, "name"));
                }
                var manifest = new Manifest { Company = company };
                if (root.TryGetProperty("samples", out var samples) && samples.ValueKind == JsonValueKind.Array)
                {
                    foreach (var e in samples.EnumerateArray())
                    {
                        if (String(e, "file") is { } file)
                        {
                            manifest.Entries[file] = (String(e, "form"), String(e, "date"), String(e, "periodOfReport"));
                        }
                    }
                }
                return manifest;
            }
            catch (JsonException)
            {
                return null;
            }
        }

        private static string? String(JsonElement e, string name) =>
            e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
    }
}
