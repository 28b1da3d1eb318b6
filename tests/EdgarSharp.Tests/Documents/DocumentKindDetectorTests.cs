using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using EdgarSharp.Documents;
using EdgarSharp.Tests.Support;

namespace EdgarSharp.Tests.Documents;

/// <summary>Detection on the project's own small fixtures: every kind, encodings, and bad input, without the corpus.</summary>
public partial class DocumentKindDetectorTests
{
    /// <summary>Each fixture under Fixtures/Documents and the kind it must be detected as.</summary>
    public static TheoryData<string, string> FixtureKinds => new()
    {
        { "schema.xsd", "xbrl-schema" },
        { "utf8-bom.xsd", "xbrl-schema" },
        { "label-linkbase.xml", "label-linkbase" },
        { "presentation-linkbase.xml", "presentation-linkbase" },
        { "calculation-linkbase.xml", "calculation-linkbase" },
        { "definition-linkbase.xml", "definition-linkbase" },
        { "reference-linkbase.xml", "reference-linkbase" },
        { "generic-linkbase.xml", "generic-linkbase" },
        { "mixed-linkbase.xml", "generic-linkbase" },
        { "utf16le-bom.xml", "presentation-linkbase" },
        { "utf16be-nobom.xml", "presentation-linkbase" },
        { "instance.xbrl", "xbrl-instance" },
        { "leading-newline.xml", "xbrl-instance" },
        { "inline.htm", "inline-xbrl" },
        { "inline-2008.htm", "inline-xbrl" },
        { "taxonomy-package.zip", "taxonomy-package" },
        { "rooted-package.zip", "taxonomy-package" },
        { "filing-xbrl.zip", "zip" },
        { "taxonomyPackage.xml", "taxonomy-package-metadata" },
        { "catalog.xml", "xml-catalog" },
        { "testcases.xml", "conformance-suite" },
        { "testcase.xml", "conformance-suite" },
        { "sec-document.txt", "edgar-submission" },
        { "pem-wrapped.txt", "edgar-submission" },
        { "feed.nc", "edgar-submission" },
        { "header-only.txt", "edgar-submission" },
        { "sec-header.txt", "edgar-submission" },
        { "document.htm", "edgar-submission" },
        { "ownership.xml", "ownership-xml" },
        { "../Ownership/form4-exercise-and-sale.html", "ownership-rendering" },
        { "form.idx", "edgar-index" },
        { "company.idx", "edgar-index" },
        { "crawler.idx", "edgar-index" },
        { "master.idx", "edgar-index" },
        { "submissions.json", "edgar-json" },
        { "submissions-page.json", "edgar-json" },
        { "companyfacts.json", "edgar-json" },
        { "company_tickers.json", "edgar-json" },
        { "plain.json", "json" },
        { "FilingSummary.xml", "filing-summary" },
        { "atom.xml", "atom-feed" },
        { "rss.xml", "rss-feed" },
        { "page.html", "html" },
        { "letter.pdf", "pdf" },
        { "letter.txt", "text" },
        { "comment-letter.txt", "comment-letter" },
        { "other-root.xml", "xml" },
        { "binary.bin", "other" },
        { "empty.bin", "other" },
        { "malformed.json", "text" },
        { "truncated-root.xml", "text" },
        { "truncated-linkbase.xml", "definition-linkbase" },
        { "doctype-external-entity.xml", "label-linkbase" },
        { "truncated.zip", "taxonomy-package" },
    };

    private static string Fixture(string name) => Corpus.Fixture(Path.Combine("Documents", name));

    private static DocumentKindResult DetectFixture(string name) => DocumentKindDetector.DetectFile(Fixture(name));

    private static DocumentKindResult DetectText(string text, bool isWholeDocument = true) =>
        DocumentKindDetector.Detect(Encoding.UTF8.GetBytes(text), isWholeDocument, "test");

    [Theory]
    [MemberData(nameof(FixtureKinds))]
    public void A_fixture_is_detected_as_its_kind(string file, string kind)
    {
        var result = DetectFixture(file);
        Assert.Equal(kind, result.KindName);
    }

    [Theory]
    [MemberData(nameof(FixtureKinds))]
    public void A_fixture_read_from_a_stream_that_cannot_seek_gets_the_same_kind(string file, string kind)
    {
        using var stream = new ForwardOnlyStream(File.ReadAllBytes(Fixture(file)));
        var result = DocumentKindDetector.Detect(stream, file);
        Assert.Equal(kind, result.KindName);
    }

    [Fact]
    public void Every_kind_has_a_fixture()
    {
        var covered = FixtureKinds.Select(row => row.Data.Item2).ToHashSet(StringComparer.Ordinal);
        var missing = DocumentKindNames.All.Select(k => k.ToName()).Where(name => !covered.Contains(name)).ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void Kind_names_are_distinct_lowercase_hyphenated_and_parse_back()
    {
        var names = DocumentKindNames.All.Select(k => k.ToName()).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        Assert.All(names, name => Assert.Matches(KindNamePattern(), name));
        Assert.All(DocumentKindNames.All, kind =>
        {
            Assert.True(DocumentKindNames.TryParse(kind.ToName(), out var parsed));
            Assert.Equal(kind, parsed);
        });
        Assert.False(DocumentKindNames.TryParse("Definition-Linkbase", out _));
        Assert.Equal("definition-linkbase", DocumentKind.DefinitionLinkbase.ToName());
        Assert.Equal("inline-xbrl", DocumentKind.InlineXbrl.ToName());
    }

    [GeneratedRegex("^[a-z]+(-[a-z]+)*$")]
    private static partial Regex KindNamePattern();

    [Fact]
    public void A_linkbase_reports_its_root_and_its_extended_links()
    {
        var result = DetectFixture("definition-linkbase.xml");
        Assert.Equal("http://www.xbrl.org/2003/linkbase", result.RootNamespace);
        Assert.Equal("linkbase", result.RootLocalName);
        Assert.Equal("link:linkbase: link:definitionLink", result.Detail);
        Assert.True(result.IsLinkbase);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void A_linkbase_with_two_kinds_of_extended_link_is_generic_and_names_both()
    {
        var result = DetectFixture("mixed-linkbase.xml");
        Assert.Equal(DocumentKind.GenericLinkbase, result.Kind);
        Assert.Equal("linkbase: labelLink, definitionLink", result.Detail);
    }

    [Fact]
    public void A_linkbase_without_extended_links_is_generic()
    {
        var result = DetectText("""<linkbase xmlns="http://www.xbrl.org/2003/linkbase"><roleRef roleURI="r"/></linkbase>""");
        Assert.Equal(DocumentKind.GenericLinkbase, result.Kind);
        Assert.Equal("linkbase: no extended links", result.Detail);
    }

    [Fact]
    public void The_same_extended_link_written_with_two_prefixes_counts_once()
    {
        var result = DetectText("""
            <link:linkbase xmlns:link="http://www.xbrl.org/2003/linkbase" xmlns="http://www.xbrl.org/2003/linkbase"
                           xmlns:xlink="http://www.w3.org/1999/xlink">
              <link:definitionLink xlink:type="extended"/>
              <definitionLink xlink:type="extended"/>
            </link:linkbase>
            """);
        Assert.Equal(DocumentKind.DefinitionLinkbase, result.Kind);
        Assert.Equal("link:linkbase: link:definitionLink", result.Detail);
    }

    [Fact]
    public void A_schema_reports_its_target_namespace()
    {
        var result = DetectFixture("schema.xsd");
        Assert.Equal("xs:schema: http://example.com/fixture/2024", result.Detail);
        Assert.Equal("http://www.w3.org/2001/XMLSchema", result.RootNamespace);
        Assert.Equal("schema", result.RootLocalName);
    }

    [Theory]
    [InlineData("utf16le-bom.xml")]
    [InlineData("utf16be-nobom.xml")]
    public void Utf16_with_or_without_a_byte_order_mark_is_read_as_xml(string file)
    {
        var result = DetectFixture(file);
        Assert.Equal(DocumentKind.PresentationLinkbase, result.Kind);
        Assert.Equal("link:linkbase: link:presentationLink", result.Detail);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void A_newline_before_the_xml_declaration_is_tolerated()
    {
        Assert.Equal(0x0A, File.ReadAllBytes(Fixture("leading-newline.xml"))[0]);
        var result = DetectFixture("leading-newline.xml");
        Assert.Equal(DocumentKind.XbrlInstance, result.Kind);
        Assert.Equal("http://www.xbrl.org/2003/instance", result.RootNamespace);
        Assert.Empty(result.Diagnostics);
    }

    [Theory]
    [InlineData("inline.htm", "html: inline XBRL 1.1")]
    [InlineData("inline-2008.htm", "html: inline XBRL 1.0")]
    public void Inline_xbrl_reports_its_version(string file, string detail)
    {
        var result = DetectFixture(file);
        Assert.Equal(detail, result.Detail);
        Assert.Equal("http://www.w3.org/1999/xhtml", result.RootNamespace);
    }

    [Fact]
    public void Inline_xbrl_with_an_undeclared_ix_prefix_is_detected_with_a_warning()
    {
        var result = DetectText("""
            <?xml version="1.0" encoding="utf-8" ?>
            <html xmlns="http://www.w3.org/1999/xhtml"><body><ix:header><ix:hidden/></ix:header></body></html>
            """);
        Assert.Equal(DocumentKind.InlineXbrl, result.Kind);
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal(DetectionCodes.UndeclaredInlineXbrlPrefix, warning.Code);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
    }

    [Fact]
    public void Html_that_is_not_xml_is_html_by_its_first_tag()
    {
        var result = DetectFixture("page.html");
        Assert.Equal(DocumentKind.Html, result.Kind);
        Assert.Null(result.RootLocalName);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void Html_without_the_ix_namespace_is_plain_html()
    {
        var result = DetectText("""<html xmlns="http://www.w3.org/1999/xhtml"><body><p>10-K</p></body></html>""");
        Assert.Equal(DocumentKind.Html, result.Kind);
        Assert.Equal("html", result.RootLocalName);
    }

    [Theory]
    [InlineData("sec-document.txt", "SEC-DOCUMENT: 10-Q")]
    [InlineData("pem-wrapped.txt", "PRIVACY-ENHANCED MESSAGE: 10-K")]
    [InlineData("feed.nc", "SUBMISSION: 4")]
    [InlineData("header-only.txt", "ACCEPTANCE-DATETIME: 8-K")]
    [InlineData("sec-header.txt", "SEC-HEADER: 4")]
    [InlineData("document.htm", "DOCUMENT: CORRESP")]
    public void An_edgar_submission_names_its_signature_and_form(string file, string detail)
    {
        var result = DetectFixture(file);
        Assert.Equal(DocumentKind.EdgarSubmission, result.Kind);
        Assert.Equal(detail, result.Detail);
    }

    [Theory]
    [InlineData("form.idx", "form-index")]
    [InlineData("company.idx", "company-index")]
    [InlineData("crawler.idx", "crawler-index")]
    [InlineData("master.idx", "master-index")]
    public void An_edgar_index_names_its_flavour(string file, string detail)
    {
        var result = DetectFixture(file);
        Assert.Equal(DocumentKind.EdgarIndex, result.Kind);
        Assert.Equal(detail, result.Detail);
    }

    [Fact]
    public void Text_starting_like_an_index_preamble_by_chance_is_text()
    {
        var result = DetectText("Description: a short story about filings.\nIt has no columns.\n");
        Assert.Equal(DocumentKind.Text, result.Kind);
    }

    [Theory]
    [InlineData("submissions.json", "submissions")]
    [InlineData("submissions-page.json", "submissions-page")]
    [InlineData("companyfacts.json", "companyfacts")]
    [InlineData("company_tickers.json", "company-tickers")]
    public void Edgar_json_names_its_shape(string file, string detail)
    {
        var result = DetectFixture(file);
        Assert.Equal(DocumentKind.EdgarJson, result.Kind);
        Assert.Equal(detail, result.Detail);
    }

    [Fact]
    public void Edgar_json_is_recognised_from_a_head_cut_in_the_middle_of_a_value()
    {
        var units = string.Join(',', Enumerable.Range(0, 20_000).Select(i => string.Create(CultureInfo.InvariantCulture, $"{{\"val\":{i}}}")));
        var json = "{\"cik\":1,\"entityName\":\"Fixture Inc.\",\"facts\":{\"dei\":{\"Shares\":{\"units\":{\"shares\":[" + units + "]}}}}}";
        var bytes = Encoding.UTF8.GetBytes(json);
        Assert.True(bytes.Length > DocumentKindDetector.DefaultHeadLength);

        var head = DocumentKindDetector.Detect(bytes.AsSpan(0, 300), isWholeDocument: false);
        Assert.Equal(DocumentKind.EdgarJson, head.Kind);
        Assert.Equal("companyfacts", head.Detail);
        Assert.Empty(head.Diagnostics);

        var whole = DocumentKindDetector.Detect(bytes, isWholeDocument: true);
        Assert.Equal("companyfacts", whole.Detail);
    }

    [Fact]
    public void Xml_wrapped_in_an_edgar_xml_block_is_the_wrapped_kind()
    {
        var result = DetectText("""
            <XML>
            <?xml version="1.0"?>
            <ownershipDocument><schemaVersion>X0306</schemaVersion><documentType>4/A</documentType></ownershipDocument>
            </XML>
            """);
        Assert.Equal(DocumentKind.OwnershipXml, result.Kind);
        Assert.Equal("XML: ownershipDocument: form 4/A, schema X0306", result.Detail);
    }

    [Fact]
    public void An_ownership_document_names_its_form_and_schema_version()
    {
        var result = DetectFixture("ownership.xml");
        Assert.Equal("ownershipDocument: form 4, schema X0508", result.Detail);
        Assert.Equal(string.Empty, result.RootNamespace);
    }

    [Fact]
    public void A_taxonomy_package_names_its_metadata_entry()
    {
        var result = DetectFixture("taxonomy-package.zip");
        Assert.Equal("fixture-2024/META-INF/taxonomyPackage.xml", result.Detail);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void A_taxonomy_package_without_a_top_level_directory_is_accepted_with_a_warning()
    {
        var result = DetectFixture("rooted-package.zip");
        Assert.Equal(DocumentKind.TaxonomyPackage, result.Kind);
        Assert.Equal(DetectionCodes.InvalidPackageDirectoryStructure, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void A_zip_that_is_not_a_package_counts_its_entries()
    {
        var result = DetectFixture("filing-xbrl.zip");
        Assert.Equal(DocumentKind.Zip, result.Kind);
        Assert.Equal("zip: 2 entries", result.Detail);
    }

    [Fact]
    public void A_zip_held_in_memory_is_read_like_a_file()
    {
        var bytes = File.ReadAllBytes(Fixture("taxonomy-package.zip"));
        Assert.Equal(DocumentKind.TaxonomyPackage, DocumentKindDetector.Detect(bytes, isWholeDocument: true).Kind);
        Assert.Equal(DocumentKind.TaxonomyPackage, DocumentKindDetector.Detect(bytes.AsSpan(0, bytes.Length / 2), isWholeDocument: false).Kind);
    }

    [Fact]
    public void A_truncated_zip_is_read_from_its_local_headers_with_an_error()
    {
        var result = DetectFixture("truncated.zip");
        Assert.Equal(DocumentKind.TaxonomyPackage, result.Kind);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DetectionCodes.BadZip, error.Code);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
    }

    [Fact]
    public void A_pdf_reports_its_version()
    {
        var result = DetectFixture("letter.pdf");
        Assert.Equal(DocumentKind.Pdf, result.Kind);
        Assert.Equal("PDF-1.4", result.Detail);
    }

    [Fact]
    public void An_empty_file_is_other_with_a_warning()
    {
        var result = DetectFixture("empty.bin");
        Assert.Equal(DocumentKind.Other, result.Kind);
        Assert.Equal("empty", result.Detail);
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal(DetectionCodes.Empty, warning.Code);
        Assert.Equal(Fixture("empty.bin"), warning.Location?.Document);
    }

    [Fact]
    public void Binary_content_is_other()
    {
        var result = DetectFixture("binary.bin");
        Assert.Equal(DocumentKind.Other, result.Kind);
        Assert.Equal("binary", result.Detail);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void White_space_alone_is_blank_text()
    {
        var result = DetectText("  \r\n\t\n");
        Assert.Equal(DocumentKind.Text, result.Kind);
        Assert.Equal("blank", result.Detail);
    }

    [Fact]
    public void Xml_truncated_before_its_root_element_is_text_with_an_error_and_a_position()
    {
        var result = DetectFixture("truncated-root.xml");
        Assert.Equal(DocumentKind.Text, result.Kind);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DetectionCodes.MalformedXml, error.Code);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.True(error.Location?.Line > 1);
    }

    [Fact]
    public void Xml_truncated_after_its_root_keeps_its_kind_and_warns_only_when_the_file_is_whole()
    {
        var whole = DetectFixture("truncated-linkbase.xml");
        Assert.Equal(DocumentKind.DefinitionLinkbase, whole.Kind);
        var warning = Assert.Single(whole.Diagnostics);
        Assert.Equal(DetectionCodes.MalformedXml, warning.Code);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);

        // The same bytes as the head of a longer document: running off the end is expected there.
        var head = DocumentKindDetector.Detect(File.ReadAllBytes(Fixture("truncated-linkbase.xml")), isWholeDocument: false);
        Assert.Equal(DocumentKind.DefinitionLinkbase, head.Kind);
        Assert.Empty(head.Diagnostics);
    }

    [Fact]
    public void A_doctype_with_an_external_entity_is_never_expanded()
    {
        var result = DetectFixture("doctype-external-entity.xml");
        Assert.Equal(DocumentKind.LabelLinkbase, result.Kind);
        // The entity points at a real file beside the fixture; had it been expanded, the reference would resolve.
        Assert.True(File.Exists(Fixture("entity-secret.txt")));
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal(DetectionCodes.MalformedXml, warning.Code);
        Assert.Contains("'secret'", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET-MARKER", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_json_is_text_with_an_error()
    {
        var result = DetectFixture("malformed.json");
        Assert.Equal(DocumentKind.Text, result.Kind);
        Assert.Equal(DetectionCodes.MalformedJson, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void A_conformance_suite_file_reports_its_name()
    {
        Assert.Equal("testcases: Fixture Tests", DetectFixture("testcases.xml").Detail);
        var testcase = DetectFixture("testcase.xml");
        Assert.Equal("http://xbrl.org/2005/conformance", testcase.RootNamespace);
        Assert.Equal("testcase", testcase.RootLocalName);
    }

    [Fact]
    public void Text_reports_its_encoding()
    {
        Assert.Equal("ascii", DetectFixture("letter.txt").Detail);
        Assert.Equal("utf-8", DetectText("Reg\u00A0S-K Item 303 \u2014 MD&A").Detail);
        var latin1 = DocumentKindDetector.Detect(Encoding.Latin1.GetBytes("Soci\u00E9t\u00E9 G\u00E9n\u00E9rale"), isWholeDocument: true);
        Assert.Equal(DocumentKind.Text, latin1.Kind);
        Assert.Equal("latin-1", latin1.Detail);
    }

    [Fact]
    public void The_file_name_decides_nothing()
    {
        var directory = Directory.CreateTempSubdirectory("edgarsharp-detect-");
        try
        {
            var misnamed = Path.Combine(directory.FullName, "report.pdf");
            File.Copy(Fixture("definition-linkbase.xml"), misnamed);
            Assert.Equal(DocumentKind.DefinitionLinkbase, DocumentKindDetector.DetectFile(misnamed).Kind);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void Only_the_head_of_a_large_document_is_read()
    {
        var labels = string.Concat(Enumerable.Range(0, 5_000).Select(i =>
            string.Create(CultureInfo.InvariantCulture, $"<link:label xlink:type=\"resource\" xlink:label=\"l{i}\" xml:lang=\"en\">Label {i}</link:label>\n")));
        var xml = "<link:linkbase xmlns:link=\"http://www.xbrl.org/2003/linkbase\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">"
            + "<link:labelLink xlink:type=\"extended\">" + labels + "</link:labelLink></link:linkbase>";
        var bytes = Encoding.UTF8.GetBytes(xml);
        Assert.True(bytes.Length > 4 * DocumentKindDetector.DefaultHeadLength);

        using var stream = new ForwardOnlyStream(bytes);
        var result = DocumentKindDetector.Detect(stream);
        Assert.Equal(DocumentKind.LabelLinkbase, result.Kind);
        Assert.Empty(result.Diagnostics);
        Assert.True(stream.BytesRead <= DocumentKindDetector.DefaultHeadLength + 1, $"Read {stream.BytesRead} bytes.");
    }

    [Fact]
    public void Detection_does_not_depend_on_the_culture()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("tr-TR");
            CultureInfo.CurrentUICulture = new CultureInfo("tr-TR");
            // The first tag is lowercased for the detail: "TITLE" must give "title", not the Turkish dotless i.
            var result = DetectText("<!doctype html><TITLE>Form 4</TITLE>");
            Assert.Equal(DocumentKind.Html, result.Kind);
            Assert.Equal("title", result.Detail);
            Assert.Equal("ownershipDocument: form 4, schema X0508", DetectFixture("ownership.xml").Detail);
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
            CultureInfo.CurrentUICulture = saved;
        }
    }

    [Fact]
    public void Misuse_of_the_api_throws()
    {
        Assert.Throws<ArgumentNullException>(() => DocumentKindDetector.Detect((Stream)null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => DocumentKindDetector.Detect(new MemoryStream([1]), headLength: 0));
        Assert.Throws<FileNotFoundException>(() => DocumentKindDetector.DetectFile(Fixture("no-such-file.xml")));
    }

    /// <summary>A stream that cannot seek and counts what was read from it.</summary>
    private sealed class ForwardOnlyStream(byte[] bytes) : Stream
    {
        private readonly MemoryStream _inner = new(bytes);

        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = _inner.Read(buffer, offset, count);
            BytesRead += read;
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
