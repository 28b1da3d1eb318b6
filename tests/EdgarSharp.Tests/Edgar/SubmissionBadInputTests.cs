using System.Text;
using EdgarSharp.Edgar;

namespace EdgarSharp.Tests.Edgar;

/// <summary>Bad submissions: diagnostics beside what could be read, never an exception, memory bounded.</summary>
public class SubmissionBadInputTests
{
    [Fact]
    public void A_truncated_submission_keeps_what_it_read_and_reports_where_the_file_ends()
    {
        var s = SubmissionReader.ReadFile(EdgarFixtures.Path("truncated.txt"));

        Assert.Equal("0000000001-24-000001", s.Header.AccessionNumber);
        Assert.Equal(2, s.Documents.Count);
        Assert.False(s.Documents[0].IsTruncated);
        Assert.True(s.Documents[1].IsTruncated);
        Assert.Equal("I app"u8.ToArray(), s.Documents[1].Content.ToArray());
        var truncated = Assert.Single(s.Diagnostics, d => d.Code == EdgarCodes.Truncated);
        Assert.Equal(DiagnosticSeverity.Error, truncated.Severity);
        Assert.Contains("poa.txt", truncated.Message, StringComparison.Ordinal);
        Assert.Contains(s.Diagnostics, d => d.Code == EdgarCodes.UnclosedContainer);
    }

    [Fact]
    public void Every_prefix_of_a_submission_reads_without_throwing()
    {
        var bytes = EdgarFixtures.Bytes("sec-document.txt");
        for (var length = 0; length <= bytes.Length; length += 3)
        {
            var s = SubmissionReader.Read(bytes[..length], "prefix");
            Assert.NotNull(s.Header);
            if (length < bytes.Length - 20 && length > 0)
            {
                Assert.NotEmpty(s.Diagnostics);
            }
        }
    }

    [Fact]
    public void A_bad_uuencode_block_is_an_error_and_the_rest_still_decodes()
    {
        var s = SubmissionReader.ReadFile(EdgarFixtures.Path("bad-uuencode.txt"));

        var doc = Assert.Single(s.Documents);
        Assert.True(doc.IsUuencoded);
        Assert.True(doc.IsTruncated);
        var errors = s.Diagnostics.Where(d => d.Code == EdgarCodes.BadUuencode).ToList();
        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.Message.Contains("not valid uuencode", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Message.Contains("no 'end' line", StringComparison.Ordinal));
        // One 45-byte line was skipped: the decoded file is 45 bytes short of the original.
        Assert.Equal(EdgarFixtures.Bytes("payload.bin").Length - 45, doc.Size);
        Assert.Equal(EdgarFixtures.Bytes("payload.bin")[..45], doc.Content.ToArray()[..45]);
    }

    [Fact]
    public void A_header_with_missing_and_malformed_fields_gives_one_clear_diagnostic_each()
    {
        var s = SubmissionReader.ReadFile(EdgarFixtures.Path("missing-fields.txt"));

        Assert.Null(s.Header.AccessionNumber);
        Assert.Null(s.Header.FormType);
        Assert.Null(s.Header.FilingDate);
        Assert.Null(s.Header.PublicDocumentCount);
        Assert.Null(s.Header.AcceptedAt);
        var missing = s.Diagnostics.Where(d => d.Code == EdgarCodes.MissingHeaderField).Select(d => d.Message).ToList();
        Assert.Equal(2, missing.Count);
        Assert.Contains(missing, m => m.Contains("accession number", StringComparison.Ordinal));
        Assert.Contains(missing, m => m.Contains("form type", StringComparison.Ordinal));
        var bad = s.Diagnostics.Where(d => d.Code == EdgarCodes.BadHeaderValue).ToList();
        Assert.Equal(3, bad.Count);
        Assert.Contains(bad, d => d.Message.Contains("'2024-01-05'", StringComparison.Ordinal) && d.Location!.Value.Line == 4);
        Assert.Contains(bad, d => d.Message.Contains("'yesterday'", StringComparison.Ordinal));
        Assert.Contains(bad, d => d.Message.Contains("'one'", StringComparison.Ordinal));
        Assert.Single(s.Diagnostics, d => d.Code == EdgarCodes.UnrecognisedHeaderLine);
        Assert.Single(s.Diagnostics, d => d.Code == EdgarCodes.MissingDocumentType);
        Assert.Equal("body\n"u8.ToArray(), Assert.Single(s.Documents).Content.ToArray());
    }

    [Fact]
    public void A_file_that_is_not_a_submission_is_one_error_and_no_documents()
    {
        var s = SubmissionReader.Read(Encoding.ASCII.GetBytes("%PDF-1.4\nnot a submission\n"), "pdf");

        Assert.Equal(SubmissionFormat.Unknown, s.Format);
        Assert.Empty(s.Documents);
        Assert.Equal(EdgarCodes.NotASubmission, Assert.Single(s.Diagnostics).Code);
    }

    [Fact]
    public void An_empty_file_is_one_error()
    {
        var s = SubmissionReader.Read([], "empty");

        Assert.Equal(EdgarCodes.NotASubmission, Assert.Single(s.Diagnostics).Code);
    }

    [Fact]
    public void A_body_larger_than_the_limit_is_cut_and_reported_and_the_next_document_still_reads()
    {
        var body = new string('x', 10_000);
        var text = $"<DOCUMENT>\n<TYPE>EX-1\n<SEQUENCE>1\n<TEXT>\n{body}\n{body}\n</TEXT>\n</DOCUMENT>\n<DOCUMENT>\n<TYPE>EX-2\n<SEQUENCE>2\n<TEXT>\nsmall\n</TEXT>\n</DOCUMENT>\n";

        var s = SubmissionReader.Read(Encoding.ASCII.GetBytes(text), "big", new SubmissionReadOptions { MaxDocumentBytes = 1000 });

        Assert.Equal(1000, s.Documents[0].Size);
        Assert.True(s.Documents[0].IsTruncated);
        Assert.Equal(20_002, s.Documents[0].EncodedLength);
        Assert.Equal("small\n"u8.ToArray(), s.Documents[1].Content.ToArray());
        Assert.Single(s.Diagnostics, d => d.Code == EdgarCodes.DocumentTooLarge);
    }

    [Fact]
    public void A_line_longer_than_the_buffer_is_read_in_pieces_without_losing_bytes()
    {
        var line = new string('y', 600_000);
        var text = $"<DOCUMENT>\n<TYPE>EX-1\n<TEXT>\n{line}\r\n</TEXT>\n</DOCUMENT>\n";

        var s = SubmissionReader.Read(Encoding.ASCII.GetBytes(text), "long");

        Assert.Equal(600_002, Assert.Single(s.Documents).Size);
        Assert.Empty(s.Diagnostics);
    }

    [Fact]
    public void A_header_larger_than_the_limit_is_reported_and_the_documents_still_read()
    {
        var filers = string.Concat(Enumerable.Repeat("FILER:\n\tCOMPANY DATA:\n\t\tCOMPANY CONFORMED NAME:\t\tX\n", 200));
        var text = $"<SEC-DOCUMENT>a\n<SEC-HEADER>a\nACCESSION NUMBER:\t0000000001-24-000009\nCONFORMED SUBMISSION TYPE:\t8-K\nFILED AS OF DATE:\t20240101\n{filers}</SEC-HEADER>\n<DOCUMENT>\n<TYPE>8-K\n<TEXT>\nok\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n";

        var s = SubmissionReader.Read(Encoding.ASCII.GetBytes(text), "big-header", new SubmissionReadOptions { MaxHeaderBytes = 1000 });

        Assert.Single(s.Diagnostics, d => d.Code == EdgarCodes.HeaderTooLarge);
        Assert.Equal("0000000001-24-000009", s.Header.AccessionNumber);
        Assert.True(s.Header.Filers.Count < 200);
        Assert.Single(s.Documents);
    }

    [Fact]
    public void A_wrapper_closed_only_by_text_is_a_warning_and_the_body_ends_there()
    {
        var text = "<DOCUMENT>\n<TYPE>10-K\n<TEXT>\n<XBRL>\n<html/>\n</TEXT>\n</DOCUMENT>\n";

        var s = SubmissionReader.Read(Encoding.ASCII.GetBytes(text), "xbrl");

        Assert.Equal(BodyWrapper.Xbrl, s.Documents[0].Wrapper);
        Assert.Equal("<html/>\n"u8.ToArray(), s.Documents[0].Content.ToArray());
        Assert.Single(s.Diagnostics, d => d.Code == EdgarCodes.UnclosedTag);
    }

    [Fact]
    public void Random_bytes_never_throw()
    {
        var random = new Random(4);
        for (var i = 0; i < 200; i++)
        {
            var bytes = new byte[random.Next(0, 2000)];
            random.NextBytes(bytes);
            var prefix = Encoding.ASCII.GetBytes(i % 2 == 0 ? "<SEC-DOCUMENT>\n<SEC-HEADER>\n" : "<DOCUMENT>\n<TEXT>\nbegin 644 x\n");
            var s = SubmissionReader.Read([.. prefix, .. bytes], "random");
            Assert.NotNull(s);
        }
    }
}
