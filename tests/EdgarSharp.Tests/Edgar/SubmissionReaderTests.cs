using System.Globalization;
using System.Text;
using EdgarSharp.Edgar;

namespace EdgarSharp.Tests.Edgar;

/// <summary>The submission reader on the project's own fixtures: every layout, every header field, every wrapper.</summary>
public class SubmissionReaderTests
{
    private static Submission Read(string name) => SubmissionReader.ReadFile(EdgarFixtures.Path(name));

    [Fact]
    public void A_full_submission_yields_every_top_level_header_field()
    {
        var s = Read("sec-document.txt");

        Assert.Equal(SubmissionFormat.SecDocument, s.Format);
        Assert.False(s.IsPemWrapped);
        var h = s.Header;
        Assert.Equal("0000000001-24-000001", h.AccessionNumber);
        Assert.Equal("4", h.FormType);
        Assert.Equal(3, h.PublicDocumentCount);
        Assert.Equal(new DateOnly(2024, 1, 3), h.Period);
        Assert.Equal(new DateOnly(2024, 1, 5), h.FilingDate);
        Assert.Equal(new DateOnly(2024, 1, 6), h.DateOfChange);
        Assert.Equal(["FIRST MEMBER LLC", "SECOND MEMBER LP"], h.GroupMembers);
        Assert.DoesNotContain(s.Diagnostics, d => d.Severity != DiagnosticSeverity.Info);
    }

    [Fact]
    public void The_acceptance_time_keeps_the_files_clock_with_the_new_york_offset()
    {
        var h = Read("sec-document.txt").Header;

        Assert.Equal(new DateTimeOffset(2024, 1, 5, 17, 0, 48, TimeSpan.FromHours(-5)), h.AcceptedAt);
        Assert.Equal(new DateTime(2024, 1, 5, 17, 0, 48), h.AcceptedAt!.Value.DateTime);
    }

    [Fact]
    public void Reporting_owner_and_issuer_blocks_carry_company_data_filing_values_addresses_and_former_names()
    {
        var h = Read("sec-document.txt").Header;

        var owner = Assert.Single(h.ReportingOwners);
        Assert.Equal("DOE JANE", owner.Company.Name);
        Assert.Equal("0000000002", owner.Company.Cik);
        Assert.Null(owner.Company.OrganizationName);
        Assert.Equal(new FilingValues("4", "1934 Act", "001-00001", "24500001"), owner.FilingValues);
        Assert.Equal(new Address("1 MAIN STREET", "SUITE 2: NORTH", "SPRINGFIELD", "IL", "62701", null), owner.MailAddress);
        Assert.Null(owner.BusinessAddress);

        var issuer = h.SubjectCompany!;
        Assert.Equal(PartyRole.Issuer, issuer.Role);
        Assert.Equal(new CompanyData("EXAMPLE WIDGETS INC", "0000000001", 3571, "ELECTRONIC COMPUTERS", "06 Technology", "123456789", "DE", "0930"), issuer.Company);
        Assert.Equal("217-555-0100", issuer.BusinessAddress!.Phone);
        Assert.Equal([new FormerName("EXAMPLE GADGETS INC", new DateOnly(2001, 3, 1)), new FormerName("EXAMPLE TOYS INC", new DateOnly(1995, 1, 15))], issuer.FormerNames);
    }

    [Fact]
    public void Documents_have_type_sequence_file_name_description_and_wrapper()
    {
        var docs = Read("sec-document.txt").Documents;

        Assert.Equal(["4", "EX-24", "GRAPHIC"], docs.Select(d => d.Type));
        Assert.Equal([1, 2, 3], docs.Select(d => d.Sequence ?? 0));
        Assert.Equal(["form4.xml", "poa.txt", "payload.bin"], docs.Select(d => d.FileName));
        Assert.Equal(["OWNERSHIP DOCUMENT", "POWER OF ATTORNEY", "GRAPHIC"], docs.Select(d => d.Description));
        Assert.Equal([BodyWrapper.Xml, BodyWrapper.Text, BodyWrapper.Text], docs.Select(d => d.Wrapper));
    }

    [Fact]
    public void An_xml_body_starts_at_the_declaration_after_the_newline_that_follows_the_xml_tag()
    {
        var xml = Read("sec-document.txt").Documents[0];

        Assert.Equal(EdgarFixtures.Bytes("form4-body.xml"), xml.Content.ToArray());
    }

    [Fact]
    public void Bodies_are_bytes_so_latin1_text_survives_unchanged()
    {
        var text = Read("sec-document.txt").Documents[1];

        Assert.Equal(Encoding.Latin1.GetBytes("I appoint my attorney.\n\u00e9t\u00e9 (Latin-1)\n"), text.Content.ToArray());
    }

    [Fact]
    public void A_uuencoded_body_whose_trailing_spaces_were_stripped_decodes_to_the_original_bytes()
    {
        var s = Read("sec-document.txt");
        var graphic = s.Documents[2];

        Assert.True(graphic.IsUuencoded);
        Assert.Equal("payload-original.bin", graphic.UuencodedName);
        Assert.Equal(EdgarFixtures.Bytes("payload.bin"), graphic.Content.ToArray());
        Assert.Equal(graphic.Content.Length, graphic.Size);
        Assert.True(graphic.EncodedLength > graphic.Size);
        // The begin name differs from <FILENAME>: noted, and <FILENAME> is the name used.
        Assert.Contains(s.Diagnostics, d => d.Code == EdgarCodes.UuencodeNameDiffers && d.Severity == DiagnosticSeverity.Info);
        Assert.Equal("payload.bin", graphic.SafeFileName);
    }

    [Fact]
    public void A_feed_file_with_bare_cr_line_endings_reads_like_a_header_with_lf()
    {
        var s = Read("feed-bare-cr.nc");

        Assert.Equal(SubmissionFormat.DisseminationFeed, s.Format);
        Assert.Equal("0000000003-25-000001", s.Header.AccessionNumber);
        Assert.Equal("SC 13G", s.Header.FormType);
        Assert.Equal(["06b"], s.Header.Items);
        Assert.Equal(["ALPHA FUND LP"], s.Header.GroupMembers);
        var subject = s.Header.SubjectCompany!;
        Assert.Equal(PartyRole.SubjectCompany, subject.Role);
        Assert.Equal("TARGET CORP", subject.Company.Name);
        Assert.Equal(2834, subject.Company.SicCode);
        Assert.Null(subject.Company.SicDescription);
        Assert.Null(subject.Company.OrganizationName);
        Assert.Equal([new FormerName("TARGET HOLDINGS", new DateOnly(2010, 1, 1))], subject.FormerNames);
        Assert.Equal("0000000005", Assert.Single(s.Header.FiledBy).Company.Cik);
        var doc = Assert.Single(s.Documents);
        Assert.Equal("sc13g.htm", doc.FileName);
        Assert.Equal("<html>\r<body>13G</body>\r</html>\r"u8.ToArray(), doc.Content.ToArray());
        Assert.Empty(s.Diagnostics);
    }

    [Fact]
    public void A_pem_wrapped_1990s_file_skips_the_preamble_and_reads_the_mixed_header()
    {
        var s = Read("pem-wrapped.txt");

        Assert.True(s.IsPemWrapped);
        Assert.Equal(SubmissionFormat.SecDocument, s.Format);
        Assert.Equal("0000000006-98-000001", s.Header.AccessionNumber);
        Assert.Null(s.Header.AcceptedAt);
        Assert.Equal("0000000007", s.Header.SubjectCompany!.Company.Cik);
        Assert.Null(s.Header.SubjectCompany.Company.SicCode);
        var owner = Assert.Single(s.Header.ReportingOwners);
        Assert.Equal("SMITH JOHN", owner.Company.Name);
        Assert.Equal("DIRECTOR", owner.Relationship);
        Assert.Equal("4", owner.FilingValues!.FormType);
        Assert.Equal("- -----\nFORM 4\n"u8.ToArray(), Assert.Single(s.Documents).Content.ToArray());
        Assert.Empty(s.Diagnostics);
    }

    [Fact]
    public void A_file_without_a_header_starts_at_its_first_document()
    {
        var s = Read("documents-only.txt");

        Assert.Equal(SubmissionFormat.DocumentsOnly, s.Format);
        Assert.Same(SubmissionHeader.Empty, s.Header);
        Assert.Equal(["S-3/A", "EX-99"], s.Documents.Select(d => d.Type));
        Assert.Null(s.Documents[0].FileName);
        Assert.Equal("document-1.txt", s.Documents[0].SafeFileName);
    }

    [Fact]
    public void A_header_only_file_starting_at_the_acceptance_time_reads_its_filers_and_inline_tags()
    {
        var s = Read("header-only.txt");

        Assert.Equal(SubmissionFormat.HeaderOnly, s.Format);
        Assert.Empty(s.Documents);
        // 01:30 on the first Sunday of November 2023 happens twice: the daylight (earlier) reading is taken.
        Assert.Equal(new DateTimeOffset(2023, 11, 5, 1, 30, 0, TimeSpan.FromHours(-4)), s.Header.AcceptedAt);
        Assert.Equal(["06c"], s.Header.Items);
        Assert.Equal("0000000010", s.Header.Find("DEPOSITOR-CIK")!.Value);
        Assert.Equal("Credit card", s.Header.Find("ABS-ASSET-CLASS")!.Value);
        Assert.Equal(["CARD TRUST", "CARD FUNDING LLC"], s.Header.Filers.Select(f => f.Company.Name));
        Assert.Equal("68102", s.Header.Filers[1].MailAddress!.Zip);
        Assert.DoesNotContain(s.Diagnostics, d => d.Code == EdgarCodes.DocumentCountMismatch);
    }

    [Fact]
    public void Both_header_syntaxes_share_canonical_keys()
    {
        var text = Read("sec-document.txt").Header;
        var feed = Read("feed-bare-cr.nc").Header;

        Assert.Equal("ACCESSION NUMBER", text.Find("ACCESSION-NUMBER")!.Name);
        Assert.Equal("ACCESSION-NUMBER", feed.Find("ACCESSION-NUMBER")!.Name);
        Assert.Equal("COMPANY CONFORMED NAME", text.Find("ISSUER")!.Child("COMPANY-DATA")!.Child("CONFORMED-NAME")!.Name);
        Assert.Equal("CONFORMED-NAME", feed.Find("SUBJECT-COMPANY")!.Child("COMPANY-DATA")!.Child("CONFORMED-NAME")!.Name);
    }

    [Fact]
    public void The_stream_reader_holds_one_document_at_a_time_and_reads_forward_only()
    {
        using var stream = new ForwardOnlyStream(EdgarFixtures.Bytes("sec-document.txt"));
        using var reader = SubmissionStreamReader.Open(stream, "forward-only");

        Assert.Equal("0000000001-24-000001", reader.Header.AccessionNumber);
        var first = reader.ReadNextDocument();
        Assert.Equal("form4.xml", first!.FileName);
        Assert.True(reader.Position < stream.Total);
        Assert.Equal(2, reader.ReadDocuments().Count());
        Assert.Null(reader.ReadNextDocument());
    }

    [Fact]
    public void Keeping_no_content_still_reports_each_documents_encoded_length()
    {
        var s = SubmissionReader.ReadFile(EdgarFixtures.Path("sec-document.txt"), new SubmissionReadOptions { KeepContent = false });

        Assert.All(s.Documents, d => Assert.Equal(0, d.Size));
        Assert.Equal(EdgarFixtures.Bytes("form4-body.xml").Length, s.Documents[0].EncodedLength);
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("tr-TR")]
    public void Reading_does_not_depend_on_the_culture(string culture)
    {
        var expected = Read("sec-document.txt");
        EdgarFixtures.WithCulture(culture, () =>
        {
            var s = Read("sec-document.txt");
            Assert.Equal(expected.Header.AcceptedAt, s.Header.AcceptedAt);
            Assert.Equal(expected.Header.FilingDate, s.Header.FilingDate);
            Assert.Equal(expected.Header.Fields.Select(f => f.Key), s.Header.Fields.Select(f => f.Key));
            Assert.Equal("ISSUER", s.Header.SubjectCompany!.RoleName);
            Assert.Equal(expected.Documents.Select(d => d.Size), s.Documents.Select(d => d.Size));
        });
    }

    /// <summary>A stream that cannot seek and counts what it hands out.</summary>
    [Fact]
    public void A_body_with_mixed_line_ends_and_tags_inside_lines_is_kept_whole_and_lines_are_counted_whatever_the_reads()
    {
        // LF, CRLF and bare CR line ends, closing tags in the middle of lines (which do not close the body), long and
        // empty lines: the body must come out byte for byte, and the next document's line number must be right,
        // whether the file comes whole or seven bytes at a time.
        var body = new StringBuilder();
        var endings = new[] { "\n", "\r\n", "\r" };
        var bodyLines = 0;
        for (var i = 0; i < 3000; i++)
        {
            var text = (i % 7) switch
            {
                0 => $"line {i} with </TEXT> inside it",
                1 => $"see <DOCUMENT> and </DOCUMENT> quoted {i}",
                2 => i % 3 == 0 ? "-" : "", // (an empty line ended by LF after a bare CR would make one CRLF)
                3 => new string('x', 300 + i % 50),
                _ => $"<p>paragraph {i}</p>",
            };
            body.Append(text).Append(endings[i % 3]);
            bodyLines++;
        }
        var head = "<SEC-DOCUMENT>\n<SEC-HEADER>\nACCESSION NUMBER: 0000000001-24-000009\nCONFORMED SUBMISSION TYPE: 8-K\n"
            + "PUBLIC DOCUMENT COUNT: 2\nFILED AS OF DATE: 20240105\n</SEC-HEADER>\n<DOCUMENT>\n<TYPE>8-K\n<SEQUENCE>1\n"
            + "<FILENAME>a.htm\n<TEXT>\n";
        var tail = "</TEXT>\n</DOCUMENT>\n<DOCUMENT>\n<TYPE>EX-99\n<SEQUENCE>2\n<TEXT>\nsmall\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n";
        var bytes = Encoding.Latin1.GetBytes(head + body + tail);
        var secondDocumentLine = head.Count(c => c == '\n') + bodyLines + 3;

        var whole = SubmissionReader.Read(bytes);
        using var stream = new ForwardOnlyStream(bytes);
        var pieces = SubmissionReader.Read(stream);

        foreach (var s in new[] { whole, pieces })
        {
            Assert.Equal(2, s.Documents.Count);
            Assert.Equal(body.ToString(), Encoding.Latin1.GetString(s.Documents[0].Content.Span));
            Assert.Equal(secondDocumentLine, s.Documents[1].Line);
            Assert.Equal("small\n", Encoding.Latin1.GetString(s.Documents[1].Content.Span));
            Assert.DoesNotContain(s.Diagnostics, d => d.Severity != DiagnosticSeverity.Info);
        }
    }

    [Fact]
    public void Uuencoded_files_of_every_length_decode_to_their_bytes_with_or_without_the_spaces_edgar_strips()
    {
        var random = new Random(4);
        var lengths = Enumerable.Range(0, 140).Concat([1000, 4499, 4500, 4501, 65536]).ToList();
        var files = lengths.Select(n => { var b = new byte[n]; random.NextBytes(b); return b; }).ToList();
        var text = new StringBuilder("<SEC-DOCUMENT>\n<SEC-HEADER>\nACCESSION NUMBER: 0000000001-24-000010\n</SEC-HEADER>\n");
        for (var i = 0; i < files.Count * 2; i++)
        {
            // Even documents as EDGAR serves them (trailing spaces stripped), odd ones with backticks for zeros.
            var encoded = Uuencode(files[i / 2], stripped: i % 2 == 0);
            text.Append(CultureInfo.InvariantCulture, $"<DOCUMENT>\n<TYPE>GRAPHIC\n<SEQUENCE>{i + 1}\n<FILENAME>f{i}.bin\n<TEXT>\nbegin 644 f{i}.bin\n{encoded}end\n</TEXT>\n</DOCUMENT>\n");
        }
        var bytes = Encoding.Latin1.GetBytes(text.Append("</SEC-DOCUMENT>\n").ToString());

        using var stream = new ForwardOnlyStream(bytes);
        foreach (var s in new[] { SubmissionReader.Read(bytes, "uu"), SubmissionReader.Read(stream, "uu") })
        {
            Assert.DoesNotContain(s.Diagnostics, d => d.Code == EdgarCodes.BadUuencode);
            Assert.Equal(files.Count * 2, s.Documents.Count);
            for (var i = 0; i < s.Documents.Count; i++)
            {
                Assert.True(s.Documents[i].IsUuencoded);
                Assert.Equal(files[i / 2], s.Documents[i].Content.ToArray());
            }
        }
    }

    /// <summary>Standard uuencoding, 45 bytes a line; zeros as spaces then stripped from line ends (EDGAR), or as backticks.</summary>
    private static string Uuencode(byte[] data, bool stripped)
    {
        var sb = new StringBuilder();
        char Char(int v) => v == 0 && !stripped ? '`' : (char)(v + 32);
        for (var at = 0; at < data.Length; at += 45)
        {
            var n = Math.Min(45, data.Length - at);
            var line = new StringBuilder().Append(Char(n));
            for (var g = 0; g < n; g += 3)
            {
                int b0 = data[at + g], b1 = g + 1 < n ? data[at + g + 1] : 0, b2 = g + 2 < n ? data[at + g + 2] : 0;
                line.Append(Char(b0 >> 2)).Append(Char(((b0 & 3) << 4) | (b1 >> 4))).Append(Char(((b1 & 15) << 2) | (b2 >> 6))).Append(Char(b2 & 63));
            }
            sb.Append(stripped ? line.ToString().TrimEnd(' ') : line.ToString()).Append('\n');
        }
        return sb.Append(stripped ? "" : "`").Append('\n').ToString();
    }

    [Fact]
    public void Bodies_read_from_bytes_are_slices_of_those_bytes_and_a_uuencoded_file_an_array_of_exactly_its_size()
    {
        var bytes = EdgarFixtures.Bytes("sec-document.txt");

        var s = SubmissionReader.Read(bytes, "in-place");
        using var stream = new ForwardOnlyStream(bytes);
        var copied = SubmissionReader.Read(stream, "copied");

        Assert.Contains(s.Documents, d => d.IsUuencoded);
        Assert.Contains(s.Documents, d => !d.IsUuencoded && d.Content.Length > 0);
        Assert.Equal(copied.Documents.Count, s.Documents.Count);
        for (var i = 0; i < s.Documents.Count; i++)
        {
            var d = s.Documents[i];
            Assert.True(System.Runtime.InteropServices.MemoryMarshal.TryGetArray(d.Content, out var slice));
            if (d.IsUuencoded)
            {
                Assert.NotSame(bytes, slice.Array);
                Assert.Equal((0, slice.Array!.Length), (slice.Offset, slice.Count));
            }
            else
            {
                Assert.Same(bytes, slice.Array);
            }
            // Read from a stream, each body is an array of its own, with the same bytes.
            Assert.True(System.Runtime.InteropServices.MemoryMarshal.TryGetArray(copied.Documents[i].Content, out var copy));
            Assert.NotSame(bytes, copy.Array);
            Assert.Equal(d.Content.ToArray(), copied.Documents[i].Content.ToArray());
        }
    }

    [Fact]
    public void Documents_read_from_a_stream_keep_their_bytes_after_the_reader_has_given_its_buffers_back()
    {
        var bytes = EdgarFixtures.Bytes("sec-document.txt");
        using var first = new MemoryStream(bytes, writable: false);
        var kept = SubmissionReader.Read(first, "kept");
        var expected = kept.Documents.Select(d => d.Content.ToArray()).ToList();

        // Other reads rent the same pooled buffers and write other bytes into them.
        for (var i = 0; i < 20; i++)
        {
            var other = bytes.Select(b => b is (byte)'a' or (byte)'e' ? (byte)'x' : b).ToArray();
            using var next = new MemoryStream(other, writable: false);
            Assert.NotEmpty(SubmissionReader.Read(next, "other").Documents);
        }

        Assert.Equal(expected, kept.Documents.Select(d => d.Content.ToArray()).ToList());
    }

    internal sealed class ForwardOnlyStream(byte[] bytes) : Stream
    {
        private int _position;

        public long Total => bytes.Length;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            // Hand out small pieces to exercise the line reader's refills.
            var n = Math.Min(Math.Min(count, 7), bytes.Length - _position);
            Array.Copy(bytes, _position, buffer, offset, n);
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
