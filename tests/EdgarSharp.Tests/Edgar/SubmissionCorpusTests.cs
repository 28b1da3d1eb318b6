using System.Globalization;
using System.IO.Compression;
using System.Text;
using EdgarSharp.Edgar;
using EdgarSharp.Tests.Support;
using UglyToad.PdfPig;

namespace EdgarSharp.Tests.Edgar;

/// <summary>
/// Every submission of the shared corpus (<c>submissions/</c>, <c>correspondence/edgartools/</c>): one test per file
/// against what the file itself says (<c>submissions.tsv</c>, drawn from the files by independent patterns), Form 4
/// XML against the XML extracted from the same submissions, UPLOAD letters against PdfPig. Skipped without the corpus.
/// </summary>
public class SubmissionCorpusTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Edgar", "submissions.tsv")).Skip(1))
        {
            data.Add(line.Split('\t')[0]);
        }
        return data;
    }

    private static Dictionary<string, string> Row(string path)
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Edgar", "submissions.tsv"));
        var header = lines[0].Split('\t');
        var row = lines.Skip(1).Select(l => l.Split('\t')).Single(r => r[0] == path);
        return header.Zip(row).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
    }

    private static string? Date(DateOnly? d) => d?.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    [Theory]
    [MemberData(nameof(Files))]
    public void A_corpus_submission_reads_with_the_header_fields_and_document_count_it_declares(string path)
    {
        var file = Corpus.RequireCorpus(path);
        var expected = Row(path);

        var s = SubmissionReader.ReadFile(file);
        var h = s.Header;

        Assert.DoesNotContain(s.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(expected["format"], Cli.SubmissionCommandTests.FormatName(s.Format));
        Assert.Equal(bool.Parse(expected["pem"]), s.IsPemWrapped);
        Assert.Equal(expected["accession"], h.AccessionNumber ?? "");
        Assert.Equal(expected["form"], h.FormType ?? "");
        Assert.Equal(expected["filingDate"], Date(h.FilingDate) ?? "");
        Assert.Equal(expected["accepted"], h.AcceptedAt?.DateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) ?? "");
        if (h.AcceptedAt is { } at)
        {
            Assert.Equal(UsEastern.OffsetAt(at.DateTime), at.Offset);
        }
        Assert.Equal(expected["period"], Date(h.Period) ?? "");
        Assert.Equal(expected["publicDocumentCount"], h.PublicDocumentCount?.ToString(CultureInfo.InvariantCulture) ?? "");
        Assert.Equal(int.Parse(expected["documents"], CultureInfo.InvariantCulture), s.Documents.Count);
        Assert.Equal(int.Parse(expected["filers"], CultureInfo.InvariantCulture), h.Filers.Count);
        Assert.Equal(int.Parse(expected["reportingOwners"], CultureInfo.InvariantCulture), h.ReportingOwners.Count);
        Assert.Equal(expected["subjectCik"], h.SubjectCompany?.Company.Cik ?? "");
        Assert.Equal(expected["firstType"], s.Documents.FirstOrDefault()?.Type ?? "");
        Assert.Equal(expected["firstFilename"], s.Documents.FirstOrDefault()?.FileName ?? "");
        // A declared count that differs from the documents present is reported, never silently accepted.
        var mismatch = h.PublicDocumentCount is { } n && n != s.Documents.Count && s.Format is SubmissionFormat.SecDocument or SubmissionFormat.DisseminationFeed;
        Assert.Equal(mismatch, s.Diagnostics.Any(d => d.Code == EdgarCodes.DocumentCountMismatch));
        Assert.All(s.Parties(), p => Assert.False(string.IsNullOrEmpty(p.Company.Cik), $"{p.RoleName} has no CIK."));
        Assert.Equal(new FileInfo(file).Length, s.Length);
    }

    public static TheoryData<string, string> Form4s() => new()
    {
        { "submissions/edgartools-cassettes/0000320193-22-000061.txt", "0000320193-22-000061.xml" },
        { "submissions/edgar-app/0000921895-25-001190.txt", "0000921895-25-001190.xml" },
        { "submissions/edgar-app/0001610717-23-000035.txt", "0001610717-23-000035.xml" },
        { "submissions/edgartools/sgml/0001127602-25-001055.txt", "0001127602-25-001055.xml" },
        { "submissions/edgartools/sgml/0001127602-25-004598.nc", "0001127602-25-004598.xml" },
        { "submissions/edgartools/localstorage/0001562180-25-000280.nc", "0001562180-25-000280.xml" },
    };

    [Theory]
    [MemberData(nameof(Form4s))]
    public void A_form_4_submission_yields_exactly_the_xml_extracted_from_it(string submission, string xml)
    {
        var file = Corpus.RequireCorpus(submission);
        var expected = File.ReadAllBytes(Corpus.RequireCorpus(Path.Combine("ownership-xml", "extracted-from-submissions", xml)));

        var s = SubmissionReader.ReadFile(file);
        var document = s.Documents.Single(d => d.Wrapper == BodyWrapper.Xml);

        Assert.Equal("4", document.Type);
        Assert.Equal(Normalise(expected), Normalise(document.Content.ToArray()));
    }

    [Fact]
    public void Every_form_4_xml_of_the_corpus_whose_submission_is_present_is_tested()
    {
        var folder = Corpus.RequireCorpus(Path.Combine("ownership-xml", "extracted-from-submissions"));
        var present = Files().Select(r => (string)r.Data).ToList();
        var tested = Form4s().Select(r => r.Data.Item2).ToHashSet(StringComparer.Ordinal);
        foreach (var xml in Directory.GetFiles(folder, "*.xml").Select(Path.GetFileName))
        {
            var accession = Path.GetFileNameWithoutExtension(xml)!;
            var hasSubmission = present.Any(p => Path.GetFileName(p).StartsWith(accession, StringComparison.Ordinal));
            Assert.Equal(hasSubmission, tested.Contains(xml!));
        }
    }

    private static string Normalise(byte[] bytes) => Encoding.Latin1.GetString(bytes).Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    public static TheoryData<string> Uploads() => new()
    {
        "correspondence/edgartools/0000000000-24-003505.txt",
        "correspondence/edgartools/0000000000-24-005673.txt",
        "correspondence/edgartools/0000000000-26-001655.txt",
    };

    [Theory]
    [MemberData(nameof(Uploads))]
    public void An_upload_submission_yields_a_pdf_that_pdfpig_opens_and_the_secs_text_extract(string path)
    {
        var s = SubmissionReader.ReadFile(Corpus.RequireCorpus(path));

        var letter = s.FindByType("LETTER")!;
        Assert.Equal(BodyWrapper.Pdf, letter.Wrapper);
        Assert.True(letter.IsUuencoded);
        Assert.NotEqual(letter.FileName, letter.UuencodedName);
        using var pdf = PdfDocument.Open(letter.Content.ToArray());
        Assert.True(pdf.NumberOfPages >= 1);
        var pdfWords = Words(string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text)));

        var extract = s.FindByType("TEXT-EXTRACT")!;
        var extractWords = Words(Encoding.Latin1.GetString(extract.Content.Span));
        Assert.True(extractWords.Count > 20, $"The text extract has only {extractWords.Count} words.");
        // SEC's text extract is the letter's own text: nearly all of its words are in the PDF.
        var shared = extractWords.Count(pdfWords.Contains);
        Assert.True(shared >= extractWords.Count * 0.8, $"{shared} of {extractWords.Count} words of the text extract are in the PDF.");
    }

    private static HashSet<string> Words(string text) => text
        .Split([' ', '\n', '\r', '\t', ',', '.', ';', ':', '(', ')', '"'], StringSplitOptions.RemoveEmptyEntries)
        .Where(w => w.Length > 3 && w.All(char.IsLetter))
        .Select(w => w.ToLowerInvariant())
        .ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void Uuencoded_pdfs_images_spreadsheets_and_xbrl_zips_decode_to_files_that_open()
    {
        var ats = SubmissionReader.ReadFile(Corpus.RequireCorpus("submissions/edgartools-cassettes/0001675365-19-000012.txt"));
        foreach (var d in ats.Documents.Where(d => d.Wrapper == BodyWrapper.Pdf))
        {
            Assert.Equal(d.FileName, d.UuencodedName);
            using var pdf = PdfDocument.Open(d.Content.ToArray());
            Assert.True(pdf.NumberOfPages >= 1);
        }

        var eightK = SubmissionReader.ReadFile(Corpus.RequireCorpus("submissions/edgartools/sgml/0001213900-25-032135.txt"));
        var jpeg = eightK.Documents.Single(d => d.FileName == "ex99-1_001.jpg");
        Assert.Equal([0xFF, 0xD8, 0xFF], jpeg.Content.Span[..3].ToArray());
        Assert.Equal([0xFF, 0xD9], jpeg.Content.Span[^2..].ToArray());
        using var xlsx = new ZipArchive(eightK.FindByType("EXCEL")!.OpenRead());
        Assert.Contains(xlsx.Entries, e => e.FullName == "[Content_Types].xml");
        var zip = eightK.Documents.Single(d => d.FileName!.EndsWith("-xbrl.zip", StringComparison.Ordinal));
        using var package = new ZipArchive(zip.OpenRead());
        // The -xbrl.zip holds the same schema the submission carries as a document.
        var schema = eightK.FindByType("EX-101.SCH")!;
        var entry = package.GetEntry(schema.FileName!)!;
        using var entryStream = entry.Open();
        using var copy = new MemoryStream();
        entryStream.CopyTo(copy);
        Assert.Equal(Normalise(schema.Content.ToArray()), Normalise(copy.ToArray()));
    }

    [Fact]
    public void The_feed_file_and_the_full_submission_of_one_filing_agree()
    {
        var nc = SubmissionReader.ReadFile(Corpus.RequireCorpus("submissions/edgartools/sgml/0001104659-25-002604.nc"));
        var txt = SubmissionReader.ReadFile(Corpus.RequireCorpus("submissions/edgartools/sgml/0001104659-25-002604.txt"));

        Assert.Equal(txt.Header.AccessionNumber, nc.Header.AccessionNumber);
        Assert.Equal(txt.Header.FilingDate, nc.Header.FilingDate);
        Assert.Equal(txt.Header.Parties.Select(p => (p.Role, p.Company.Cik, p.Company.Name)), nc.Header.Parties.Select(p => (p.Role, p.Company.Cik, p.Company.Name)));
        Assert.Equal(txt.Documents.Select(d => (d.Type, d.FileName)), nc.Documents.Select(d => (d.Type, d.FileName)));
        Assert.Equal(Normalise(txt.Documents[0].Content.ToArray()), Normalise(nc.Documents[0].Content.ToArray()));
    }

    [Fact]
    public void A_1990s_header_mixes_blocks_and_tags_and_the_reporting_owner_keeps_its_relationship()
    {
        var s = SubmissionReader.ReadFile(Corpus.RequireCorpus("submissions/edgartools/headers/1990sheader.txt"));

        var owner = Assert.Single(s.Header.ReportingOwners);
        Assert.Equal("CANTALUPO JAMES R", owner.Company.Name);
        Assert.Equal("DIRECTOR", owner.Relationship);
        Assert.Equal("NEW MORTON INTERNATIONAL INC", Assert.Single(s.Header.SubjectCompany!.FormerNames).Name);
        Assert.Equal(2890, s.Header.SubjectCompany.Company.SicCode);
    }

    [Fact]
    public void A_header_with_hundreds_of_filers_reads_them_all()
    {
        var s = SubmissionReader.ReadFile(Corpus.RequireCorpus("submissions/edgartools/headers/Midcap.40App.header.txt"));

        Assert.Equal(239, s.Header.Filers.Count);
        Assert.Equal(2, s.Header.Filers[0].FormerNames.Count);
        Assert.All(s.Header.Filers, f => Assert.Equal("40-APP", f.FilingValues!.FormType));
    }
}

internal static class SubmissionTestExtensions
{
    public static IEnumerable<HeaderParty> Parties(this Submission s) => s.Header.Parties;
}
