using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using EdgarSharp.Edgar;
using EdgarSharp.Tests.Support;

namespace EdgarSharp.Tests.Edgar;

/// <summary>
/// What the submission reader makes of every corpus submission, pinned: each document's type, sequence, file name,
/// description, wrapper, uuencoding, size, encoded length, truncation, line and SHA-256, a hash of the header's fields,
/// and every diagnostic with its location, under four option sets (default, no content, a 5,000-byte body limit, no
/// uudecoding). The golden file (<c>Golden/SubmissionDigests.verified.tsv</c>) was written by the reader that
/// copied every body; the reader that slices bodies out of a buffer in memory must give the same, and so must the
/// stream path fed a few bytes at a time. Skipped without the corpus.
/// </summary>
public class SubmissionDigestTests
{
    private static readonly (string Name, SubmissionReadOptions Options)[] OptionSets =
    [
        ("default", SubmissionReadOptions.Default),
        ("no-content", new SubmissionReadOptions { KeepContent = false }),
        ("limit-5000", new SubmissionReadOptions { MaxDocumentBytes = 5000 }),
        ("no-uudecode", new SubmissionReadOptions { DecodeUuencoded = false }),
    ];

    private static IEnumerable<string> CorpusFiles() =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Edgar", "submissions.tsv")).Skip(1).Select(l => l.Split('\t')[0]);

    public static TheoryData<string> Files() => new(CorpusFiles());

    [Fact]
    public void Every_corpus_submission_reads_to_the_documents_and_diagnostics_of_the_golden_file()
    {
        Corpus.RequireCorpus();
        var sb = new StringBuilder();
        foreach (var path in CorpusFiles())
        {
            var file = Corpus.RequireCorpus(path);
            foreach (var (name, options) in OptionSets)
            {
                Digest(sb, path, name, SubmissionReader.ReadFile(file, options));
            }
        }
        var failure = Golden.Compare(Corpus.TestSource(Path.Combine("Golden", "SubmissionDigests.verified.tsv")), sb.ToString(), Golden.Updating);
        Assert.True(failure is null, failure);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void A_corpus_submission_reads_the_same_from_bytes_from_its_file_and_from_a_forward_only_stream(string path)
    {
        var bytes = File.ReadAllBytes(Corpus.RequireCorpus(path));
        foreach (var (name, options) in OptionSets)
        {
            var fromBytes = Text(path, name, SubmissionReader.Read(bytes, path, options));
            using var stream = new SubmissionReaderTests.ForwardOnlyStream(bytes);
            var fromStream = Text(path, name, SubmissionReader.Read(stream, path, options));
            using var seekable = new MemoryStream(bytes, writable: false);
            var fromMemoryStream = Text(path, name, SubmissionReader.Read(seekable, path, options));

            Assert.Equal(fromStream, fromBytes);
            Assert.Equal(fromStream, fromMemoryStream);
        }
    }

    private static string Text(string path, string optionSet, Submission s)
    {
        var sb = new StringBuilder();
        Digest(sb, path, optionSet, s);
        return sb.ToString();
    }

    private static void Digest(StringBuilder sb, string path, string optionSet, Submission s)
    {
        var prefix = path + "\t" + optionSet + "\t";
        sb.Append(CultureInfo.InvariantCulture, $"{prefix}submission\t{s.Format}\t{s.IsPemWrapped}\t{s.Length}\t{s.Documents.Count}\theader {HeaderHash(s.Header)}\n");
        foreach (var d in s.Documents)
        {
            sb.Append(CultureInfo.InvariantCulture,
                $"{prefix}document\t{d.Type}\t{d.Sequence}\t{d.FileName}\t{d.Description}\t{d.Wrapper}\t{d.IsUuencoded}\t{d.UuencodedName}\t{d.Size}\t{d.EncodedLength}\t{d.IsTruncated}\t{d.Line}\t{Convert.ToHexStringLower(SHA256.HashData(d.Content.Span))}\n");
        }
        foreach (var d in s.Diagnostics)
        {
            // The location without its document name, which is the machine's path when read from a file.
            sb.Append(CultureInfo.InvariantCulture, $"{prefix}diagnostic\t{d.Severity}\t{d.Code}\t{d.Location?.Line}:{d.Location?.Column}\t{d.Message}\n");
        }
    }

    private static string HeaderHash(SubmissionHeader header)
    {
        var sb = new StringBuilder();
        void Field(HeaderField f, int depth)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{depth}|{f.Name}|{f.Key}|{f.Value}|{f.Line}\n");
            foreach (var c in f.Children)
            {
                Field(c, depth + 1);
            }
        }
        foreach (var f in header.Fields)
        {
            Field(f, 0);
        }
        sb.Append(CultureInfo.InvariantCulture, $"{header.AccessionNumber}|{header.FormType}|{header.FilingDate}|{header.AcceptedAt}|{header.Parties.Count}");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())))[..16];
    }
}
