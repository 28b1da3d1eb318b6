using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using EdgarSharp.Correspondence;
using EdgarSharp.Documents;
using EdgarSharp.Edgar;
using EdgarSharp.Ownership;
using EdgarSharp.Xbrl;

namespace EdgarSharp.Storage;

/// <summary>What reading one document for the store gave: the filing to store, or the reason it is not one.</summary>
/// <param name="Filing">The filing, ready for <see cref="IEdgarStore.Store"/>; null when rejected.</param>
/// <param name="Rejected">Why the document is not stored; null when it is a filing.</param>
public sealed record FilingRead(FilingRecord? Filing, RejectedFile? Rejected);

/// <summary>
/// Reads one document into the <see cref="FilingRecord"/> the store keeps: detects its kind from the content, reads
/// it with the library's readers (XBRL taxonomies and instances, inline XBRL, Forms 3/4/5, comment letters, EDGAR
/// submissions) and gathers their checks. A pure function of the bytes, the path and the manifest: it never touches
/// the store (companies named only by name are linked by <see cref="IEdgarStore.Store"/>), so readers may run it on
/// several threads at once. Bad input gives a filing with diagnostics, or a rejection with a reason a person would
/// accept; exceptions are for I/O failure only.
/// </summary>
public static partial class FilingReader
{
    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static FilingRead Read(string path, Manifest? manifest)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Read(File.ReadAllBytes(path), path, manifest);
    }

    /// <summary>
    /// Reads <paramref name="bytes"/>, a document that belongs at <paramref name="path"/> (relative XBRL references
    /// resolve against it; it need not exist on disk except for XBRL taxonomy files, which are read from disk).
    /// </summary>
    public static FilingRead Read(byte[] bytes, string path, Manifest? manifest)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentException.ThrowIfNullOrEmpty(path);
        try
        {
            return ReadCore(bytes, path, manifest);
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or System.Xml.XmlException or FileNotFoundException or DirectoryNotFoundException)
        {
            return new FilingRead(null, new RejectedFile(path, "unknown", $"cannot be read: {ex.Message}"));
        }
        catch (Exception ex) when (ex is not IOException and not UnauthorizedAccessException and not OutOfMemoryException and not OperationCanceledException)
        {
            // A reader's own failure on one document must not stop a bulk ingest: the document is rejected with what went wrong.
            return new FilingRead(null, new RejectedFile(path, "unknown", $"a reader failed on it ({ex.GetType().Name}: {ex.Message}); please report the document"));
        }
    }

    private static FilingRead ReadCore(byte[] bytes, string path, Manifest? manifest)
    {
        var name = Path.GetFileName(path);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var kind = DocumentKindDetector.Detect(bytes, isWholeDocument: true, document: path);
        var kindName = kind.KindName;
        manifest ??= Manifest.FindFor(path);
        var entry = manifest?.Entry(name) ?? manifest?.EntryForAccession(AccessionOf(path));
        var company = manifest is not null && entry is not null ? entry.Company ?? manifest.Company : null;
        var filing = new FilingRecord
        {
            Id = sha, IdKind = "sha256", Sha256 = sha, Kind = kindName, File = name, Bytes = bytes.Length,
            Form = entry?.Form, FilingDate = entry?.Date, PeriodOfReport = entry?.PeriodOfReport,
            Documents = [new DocumentRecord(1, name, kindName, bytes.Length, sha)],
        };
        string? companyName = null;
        var diagnostics = new List<Diagnostic>();
        var readAs = kind.Kind;
        Submission? submission = null;
        if (kind.Kind == DocumentKind.EdgarSubmission)
        {
            submission = SubmissionReader.Read(bytes, name);
            var header = submission.Header;
            var form = (header.FormType ?? submission.Documents.FirstOrDefault()?.Type)?.Trim().ToUpperInvariant();
            readAs = form switch
            {
                "3" or "4" or "5" or "3/A" or "4/A" or "5/A" => DocumentKind.OwnershipXml,
                "CORRESP" or "UPLOAD" => DocumentKind.CommentLetter,
                _ => DocumentKind.EdgarSubmission,
            };
            var party = header.SubjectCompany ?? header.Parties.FirstOrDefault(p => p.Role == PartyRole.Filer);
            if (party is not null && long.TryParse(party.Company.Cik, NumberStyles.None, CultureInfo.InvariantCulture, out var partyCik))
            {
                company ??= new CompanyRecord(partyCik, null, party.Company.Name);
            }
            filing = filing with
            {
                Id = header.AccessionNumber ?? AccessionOf(path) ?? sha,
                IdKind = (header.AccessionNumber ?? AccessionOf(path)) is null ? "sha256" : "accession",
                Form = header.FormType ?? form ?? filing.Form,
                IsAmendment = form?.EndsWith("/A", StringComparison.Ordinal) == true,
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
                return Reject(path, kindName, "an XBRL conformance-suite file tests processors; it is not a filing");
            case DocumentKind.XbrlSchema or DocumentKind.LabelLinkbase or DocumentKind.PresentationLinkbase or DocumentKind.CalculationLinkbase
                or DocumentKind.DefinitionLinkbase or DocumentKind.ReferenceLinkbase or DocumentKind.GenericLinkbase:
            {
                if (!File.Exists(path))
                {
                    return Reject(path, kindName, "XBRL taxonomy documents are read from disk, with the files they refer to; this one is not on disk");
                }
                var dts = Dts.Load(path);
                var model = DimensionalModel.Build(dts);
                filing = filing with { XbrlRoles = Summarize(model) };
                diagnostics.AddRange(dts.Diagnostics);
                diagnostics.AddRange(model.Diagnostics);
                break;
            }
            case DocumentKind.XbrlInstance or DocumentKind.InlineXbrl:
            {
                var instance = LoadInstance(bytes, path, kind.Kind == DocumentKind.InlineXbrl, diagnostics);
                (filing, company) = WithInstance(filing, company, instance);
                diagnostics.AddRange(instance.Diagnostics);
                break;
            }
            case DocumentKind.OwnershipXml or DocumentKind.OwnershipRendering:
            {
                var result = OwnershipReader.Read(bytes, name);
                var d = result.Document;
                if (long.TryParse(d.Issuer.Cik, NumberStyles.None, CultureInfo.InvariantCulture, out var issuerCik))
                {
                    company = company is not null && company.Cik == issuerCik
                        ? company
                        : new CompanyRecord(issuerCik, d.Issuer.TradingSymbol, d.Issuer.Name);
                }
                else if (company is null)
                {
                    companyName = d.Issuer.Name;
                }
                var owner = d.ReportingOwners.FirstOrDefault();
                var rows = d.Rows.Select((r, i) => new InsiderRow(
                    i + 1, r.Table == OwnershipTable.NonDerivative ? "I" : "II", r.IsHolding, r.SecurityTitle.Text,
                    Date(r.TransactionDate.Value), r.Coding?.Code, r.Shares.Value, r.PricePerShare.Value,
                    r.AcquiredDisposed.Text, r.SharesOwnedFollowing.Value, r.DirectOrIndirect.Text, r.ConversionOrExercisePrice.Value,
                    r.NatureOfOwnership.Text)).ToList();
                var signed = d.Signatures.Select(s => s.Date).Where(x => x is not null).Max();
                filing = filing with
                {
                    Id = d.Source.AccessionNumber ?? (submission is null ? AccessionOf(path) : null) ?? filing.Id,
                    IdKind = (d.Source.AccessionNumber ?? (submission is null ? AccessionOf(path) : null)) is null ? filing.IdKind : "accession",
                    Form = d.DocumentType ?? filing.Form,
                    IsAmendment = d.IsAmendment || filing.IsAmendment,
                    OriginalDate = Date(d.DateOfOriginalSubmission),
                    FilingDate = filing.FilingDate ?? Date(d.Source.FilingDate) ?? Date(signed),
                    PeriodOfReport = Date(d.PeriodOfReport) ?? filing.PeriodOfReport,
                    Insider = new InsiderReport(d.DocumentType, Date(d.PeriodOfReport), d.Issuer.Cik, d.Issuer.Name, d.Issuer.TradingSymbol,
                        owner?.Cik, owner?.Name, owner?.Relationship?.ToString(), d.Aff10b5One, rows),
                };
                diagnostics.AddRange(result.Diagnostics);
                break;
            }
            case DocumentKind.CommentLetter:
                (filing, companyName) = WithLetter(filing, company, LetterReader.Read(bytes, name), diagnostics);
                if (submission is null && AccessionOf(path) is { } letterAccession)
                {
                    filing = filing with { Id = letterAccession, IdKind = "accession" };
                }
                break;
            case DocumentKind.Html or DocumentKind.Pdf or DocumentKind.Text when bytes.Length <= MaxLetterBytes:
            {
                // SEC correspondence saved as a bare document (EDGAR's filename1.pdf, a response in HTML): a letter when
                // the letter reader recognises one; its accession number from the folder or file name EDGAR gives it.
                if (kind.Kind == DocumentKind.Text && OriginalOfExtraction(path) is not null)
                {
                    return Reject(path, kindName,
                        "EDGAR's text extraction of a filing whose own documents (PDF or HTML) are beside it, in the filings/ACCESSION folder of its thread: the filing is read from them");
                }
                var letter = LetterReader.Read(bytes, name);
                if (letter.Kind == LetterKind.Other || letter.Side == LetterSide.Unknown)
                {
                    return Reject(path, kindName, $"a {kindName} document the letter reader does not recognise as SEC correspondence (a staff letter or a company response); the store keeps {kindName} documents only as letters");
                }
                (filing, companyName) = WithLetter(filing, company, letter, diagnostics);
                if (AccessionOf(path) is { } accession)
                {
                    filing = filing with { Id = accession, IdKind = "accession" };
                }
                break;
            }
            case DocumentKind.EdgarSubmission when submission is not null:
            {
                // A submission of another form: stored with its header and documents; its XBRL report read when it has one.
                if (FindXbrlDocument(submission) is { } xbrl)
                {
                    var documentPath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".", xbrl.Document.SafeFileName);
                    var instance = LoadInstance(xbrl.Document.Content.ToArray(), documentPath, xbrl.Inline, diagnostics);
                    var (withFacts, fromFacts) = WithInstance(filing with { Kind = kindName }, company, instance);
                    filing = withFacts with { Form = filing.Form, FilingDate = filing.FilingDate, PeriodOfReport = filing.PeriodOfReport ?? withFacts.PeriodOfReport };
                    company ??= fromFacts;
                    diagnostics.AddRange(instance.Diagnostics);
                }
                break;
            }
            default:
                return Reject(path, kindName,
                    $"{kindName} files are not filings the store keeps (it keeps EDGAR submissions, Forms 3/4/5, comment letters, XBRL instances, inline XBRL, schemas and linkbases)");
        }
        filing = filing with
        {
            Company = company,
            CompanyName = company is null ? companyName : null,
            IsAmendment = filing.IsAmendment || filing.Form?.EndsWith("/A", StringComparison.OrdinalIgnoreCase) == true,
            Diagnostics = diagnostics.Select((x, i) => new DiagnosticRecord(i + 1, x.Severity.ToString().ToLowerInvariant(), x.Code, x.Message)).ToList(),
        };
        return new FilingRead(filing, null);
    }

    /// <summary>Letters are short: HTML, PDF and text documents larger than this are not read as letters (16 MB).</summary>
    private const int MaxLetterBytes = 16 * 1024 * 1024;

    private static (FilingRecord Filing, string? CompanyName) WithLetter(FilingRecord filing, CompanyRecord? company, Letter letter, List<Diagnostic> diagnostics)
    {
        diagnostics.AddRange(letter.Diagnostics);
        return (filing with
        {
            Form = filing.Form ?? (letter.Side == LetterSide.Company ? "CORRESP" : "UPLOAD"),
            FilingDate = filing.FilingDate ?? Date(letter.Date),
            Letter = new LetterRecord(letter.Kind.ToName(), letter.Side.ToName(), Date(letter.Date), letter.Company, letter.FileNumber,
                Date(letter.Answers),
                letter.Comments.Select(c => new CommentRecord(c.Number, c.Heading, c.Text, c.Response,
                    c.ProposedDisclosure.Count == 0 ? null : string.Join('\n', c.ProposedDisclosure))).ToList(),
                letter.Commitments.Select((c, i) => new CommitmentRecord(i + 1, c.Text, c.Trigger, c.Filing, c.Period, c.Comment)).ToList(),
                letter.Citations.Select((c, i) => new CitationRecord(i + 1, c.Text, c.Id, c.Family, c.Comment)).ToList(),
                letter.Body),
        }, company is null ? letter.Company : null);
    }

    /// <summary>The accession number in the name of the document's folder (EDGAR's archive layout) or of the file itself, or null.</summary>
    private static string? AccessionOf(string path)
    {
        var folder = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(path)) ?? string.Empty);
        foreach (var candidate in new[] { folder, Path.GetFileNameWithoutExtension(path) })
        {
            if (Accession().Match(candidate) is { Success: true } m)
            {
                return m.Value;
            }
        }
        return null;
    }

    /// <summary>
    /// For a text file named by an accession number (<c>THREAD/extracted_text/ACCESSION.txt</c>, EDGAR's text extraction
    /// of a filing) the folder holding the filing's own documents (<c>THREAD/filings/ACCESSION</c>) when it exists, else null.
    /// </summary>
    private static string? OriginalOfExtraction(string path)
    {
        var stem = Path.GetFileNameWithoutExtension(path);
        if (!Accession().IsMatch(stem) || Path.GetDirectoryName(Path.GetDirectoryName(Path.GetFullPath(path))) is not { } thread)
        {
            return null;
        }
        var folder = Path.Combine(thread, "filings", stem);
        return Directory.Exists(folder) && Directory.EnumerateFiles(folder).Any(f => !f.EndsWith(".json", StringComparison.OrdinalIgnoreCase)) ? folder : null;
    }

    [GeneratedRegex(@"^\d{10}-\d{2}-\d{6}$")]
    private static partial Regex Accession();

    private static FilingRead Reject(string path, string kind, string reason) => new(null, new RejectedFile(path, kind, reason));

    /// <summary>An XBRL instance, or the instance extracted from an inline XBRL document; the extraction's diagnostics go to <paramref name="diagnostics"/>.</summary>
    private static XbrlInstance LoadInstance(byte[] bytes, string path, bool inline, List<Diagnostic> diagnostics)
    {
        if (!inline)
        {
            return XbrlInstance.Load(bytes, path);
        }
        var extraction = InlineXbrl.Extract(bytes, path);
        diagnostics.AddRange(extraction.Diagnostics);
        return XbrlInstance.Load(extraction.Xml, path);
    }

    private static (SubmissionDocument Document, bool Inline)? FindXbrlDocument(Submission submission)
    {
        if (submission.Documents.FirstOrDefault(d => d.Type.Equals("EX-101.INS", StringComparison.OrdinalIgnoreCase)) is { } ins)
        {
            return (ins, false);
        }
        foreach (var d in submission.Documents)
        {
            var k = DocumentKindDetector.Detect(d.Content.Span, isWholeDocument: true, document: d.SafeFileName).Kind;
            if (k is DocumentKind.XbrlInstance or DocumentKind.InlineXbrl)
            {
                return (d, k == DocumentKind.InlineXbrl);
            }
        }
        return null;
    }

    /// <summary>
    /// The filing with the instance's contexts, facts and dimensional model; the form, period, amendment flag and
    /// company from its <c>dei</c> facts where the filing does not say them.
    /// </summary>
    private static (FilingRecord Filing, CompanyRecord? Company) WithInstance(FilingRecord filing, CompanyRecord? company, XbrlInstance instance)
    {
        var prefixes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var f in instance.AllFacts())
        {
            if (f.Prefix.Length > 0)
            {
                prefixes.TryAdd(f.Name.Namespace, f.Prefix);
            }
        }
        string Prefixed(QName q) => instance.Dts.FindConcept(q)?.PrefixedName
            ?? (prefixes.TryGetValue(q.Namespace, out var p) ? p + ":" + q.LocalName : q.ToString());

        var contexts = new List<XbrlContextRecord>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in instance.Contexts)
        {
            if (!seen.Add(c.Id))
            {
                continue;
            }
            var period = c.Period;
            var (type, start, end) = period.Instant is { } i ? ("instant", null, Date(i.EndDate))
                : period.IsForever ? ("forever", null, null)
                : ("duration", period.Start is { } s ? Date(s.Date) : null, period.End is { } e ? Date(e.EndDate) : null);
            var dims = c.Dimensions.Select(d => new XbrlDimensionRecord(Prefixed(d.Dimension), d.Member is { } m ? Prefixed(m) : null,
                d.TypedValue, d.InScenario)).ToList();
            var key = string.Join('|', dims.Select(d => d.Dimension + "=" + (d.Member ?? d.TypedValue ?? string.Empty)).Order(StringComparer.Ordinal));
            contexts.Add(new XbrlContextRecord(c.Id, c.Scheme, c.Identifier.Trim(), type, start, end, key, dims));
        }

        var facts = new List<XbrlFactRecord>();
        string? Dei(string local) => instance.AllFacts().FirstOrDefault(f => f.Name.LocalName == local
            && f.Name.Namespace.StartsWith("http://xbrl.sec.gov/dei/", StringComparison.Ordinal) && !f.IsNil)?.Lexical.Trim();
        foreach (var f in instance.AllFacts())
        {
            if (f.IsTuple)
            {
                continue;
            }
            var typeName = f.Concept?.Type?.LocalName;
            var isTextBlock = !f.IsNumeric && (typeName is "textBlockItemType" || f.Name.LocalName.EndsWith("TextBlock", StringComparison.Ordinal));
            var exact = f.DecimalValue;
            if (exact is null && f.IsNumeric && !f.IsNil
                && decimal.TryParse(f.Lexical.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
            {
                exact = parsed;
            }
            var value = f.IsNil ? null : exact is { } dv ? DecimalText.Canonical(dv) : f.Lexical;
            facts.Add(new XbrlFactRecord(facts.Count + 1, f.Id, f.PrefixedName, f.Name.Namespace, f.ContextRef, f.Unit?.ToString() ?? f.UnitRef,
                f.Decimals, f.Precision, f.IsNil, f.IsNumeric, isTextBlock, value, f.IsNil ? null : exact));
        }

        var documentType = Dei("DocumentType");
        var amendment = Dei("AmendmentFlag") is { } flag && flag.Equals("true", StringComparison.OrdinalIgnoreCase);
        var periodEnd = Dei("DocumentPeriodEndDate") is { } pe && DateOnly.TryParseExact(pe, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var ped) ? Date(ped) : null;
        if (company is null)
        {
            var cikText = Dei("EntityCentralIndexKey")
                ?? instance.Contexts.FirstOrDefault(c => c.Scheme.Equals("http://www.sec.gov/CIK", StringComparison.OrdinalIgnoreCase))?.Identifier.Trim();
            if (long.TryParse(cikText, NumberStyles.None, CultureInfo.InvariantCulture, out var cik))
            {
                company = new CompanyRecord(cik, Dei("TradingSymbol"), Dei("EntityRegistrantName"));
            }
        }
        var form = filing.Form ?? documentType;
        if (amendment && form is not null && !form.EndsWith("/A", StringComparison.OrdinalIgnoreCase))
        {
            form += "/A";
        }
        var model = instance.Dimensions;
        return (filing with
        {
            Form = form,
            IsAmendment = filing.IsAmendment || amendment,
            PeriodOfReport = filing.PeriodOfReport ?? periodEnd,
            XbrlRoles = Summarize(model),
            XbrlContexts = contexts,
            XbrlFacts = facts,
        }, company);
    }

    /// <summary>The dimensional model of each extended link role in summary.</summary>
    internal static List<XbrlRoleSummary> Summarize(DimensionalModel model) =>
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

    /// <summary>The text of an HTML fragment (an XBRL text block) for full-text search: tags dropped, entities decoded, spaces collapsed.</summary>
    public static string PlainText(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var text = Tags().Replace(html, " ");
        text = WebUtility.HtmlDecode(text);
        return Spaces().Replace(text, " ").Trim();
    }

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
