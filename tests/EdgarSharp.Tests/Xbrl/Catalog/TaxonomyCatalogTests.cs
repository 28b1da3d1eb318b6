using System.IO.Compression;
using EdgarSharp.Tests.Support;
using EdgarSharp.Xbrl;

namespace EdgarSharp.Tests.Xbrl.Catalog;

public sealed class TaxonomyCatalogTests : IDisposable
{
    private const string PackageMetadata = """
        <?xml version="1.0" encoding="UTF-8"?>
        <tp:taxonomyPackage xmlns:tp="http://xbrl.org/2016/taxonomy-package" xml:lang="en">
          <tp:identifier>http://example.com/tax/2024</tp:identifier>
          <tp:name>Example taxonomy</tp:name>
          <tp:name xml:lang="fr">Taxonomie exemple</tp:name>
          <tp:description>A tiny package for the tests.</tp:description>
          <tp:version>2024</tp:version>
          <tp:publisher>EdgarSharp</tp:publisher>
          <tp:publicationDate>2024-01-31</tp:publicationDate>
          <tp:entryPoints>
            <tp:entryPoint>
              <tp:name>Everything</tp:name>
              <tp:version>2024</tp:version>
              <tp:entryPointDocument href="http://example.com/tax/general/a.xsd"/>
              <tp:entryPointDocument href="http://example.com/tax/special/x.xsd"/>
            </tp:entryPoint>
            <tp:entryPoint>
              <tp:name>Relative to a base</tp:name>
              <tp:entryPointDocument xml:base="http://example.com/tax/" href="general/a.xsd"/>
            </tp:entryPoint>
          </tp:entryPoints>
        </tp:taxonomyPackage>
        """;

    private const string PackageCatalog = """
        <?xml version="1.0" encoding="UTF-8"?>
        <catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">
          <rewriteURI uriStartString="http://example.com/tax/" rewritePrefix="../general/"/>
          <rewriteURI uriStartString="http://example.com/tax/special/" rewritePrefix="../special/"/>
        </catalog>
        """;

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string TinyPackage(string name = "tiny.zip", string metadata = PackageMetadata, string catalog = PackageCatalog) =>
        _temp.Zip(name,
            ("tiny/META-INF/taxonomyPackage.xml", metadata),
            ("tiny/META-INF/catalog.xml", catalog),
            ("tiny/general/general/a.xsd", "<general-a/>"),
            ("tiny/general/special/x.xsd", "<shadowed/>"),
            ("tiny/special/x.xsd", "<special-x/>"));

    private static string Read(TaxonomyCatalog catalog, ResolvedDocument document)
    {
        using var stream = catalog.Open(document);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static string[] Codes(IReadOnlyList<Diagnostic> diagnostics) => diagnostics.Select(d => d.Code).ToArray();

    // ---- cache folders ----

    [Fact]
    public void A_url_resolves_to_the_file_under_scheme_host_and_path()
    {
        var file = _temp.File("cache/http/www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd", "<schema/>");
        using var catalog = new TaxonomyCatalog();
        catalog.AddCacheFolder(Path.Combine(_temp.Path, "cache"));

        Assert.True(catalog.TryResolve("http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd", out var doc));
        Assert.Equal(ResolvedDocumentSource.File, doc.Source);
        Assert.Equal(file, doc.Location);
        Assert.Equal("http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd", doc.Url);
        Assert.Equal("<schema/>", Read(catalog, doc));
    }

    [Fact]
    public void An_http_and_an_https_url_resolve_alike_whichever_folder_holds_the_file()
    {
        var underHttp = _temp.File("cache/http/www.xbrl.org/a.xsd", "a");
        var underHttps = _temp.File("cache/https/www.xbrl.org/b.xsd", "b");
        var underHost = _temp.File("cache/www.xbrl.org/c.xsd", "c");
        using var catalog = new TaxonomyCatalog();
        catalog.AddCacheFolder(Path.Combine(_temp.Path, "cache"));

        foreach (var scheme in new[] { "http", "https", "HTTPS" })
        {
            Assert.True(catalog.TryResolve($"{scheme}://www.xbrl.org/a.xsd", out var a));
            Assert.Equal(underHttp, a.Location);
            Assert.True(catalog.TryResolve($"{scheme}://WWW.XBRL.ORG/b.xsd#frag", out var b));
            Assert.Equal(underHttps, b.Location);
            Assert.True(catalog.TryResolve($"{scheme}://www.xbrl.org/c.xsd", out var c));
            Assert.Equal(underHost, c.Location);
        }
    }

    [Fact]
    public void An_https_url_prefers_the_https_folder_when_both_hold_the_file()
    {
        _temp.File("cache/http/example.com/x.xsd", "http");
        var https = _temp.File("cache/https/example.com/x.xsd", "https");
        using var catalog = new TaxonomyCatalog();
        catalog.AddCacheFolder(Path.Combine(_temp.Path, "cache"));

        Assert.True(catalog.TryResolve("https://example.com/x.xsd", out var doc));
        Assert.Equal(https, doc.Location);
    }

    [Fact]
    public void Dot_segments_inside_the_folder_are_normalised_before_the_lookup()
    {
        var file = _temp.File("cache/http/example.com/2003/x.xsd", "x");
        using var catalog = new TaxonomyCatalog();
        catalog.AddCacheFolder(Path.Combine(_temp.Path, "cache"));

        Assert.True(catalog.TryResolve("http://example.com/2003/elts/../x.xsd", out var doc));
        Assert.Equal(file, doc.Location);
    }

    [Theory]
    [InlineData("http://example.com/../../../secret.xsd")]
    [InlineData("http://example.com/a/../../../../secret.xsd")]
    [InlineData("http://example.com/%2e%2e/%2E%2E/%2e%2e/secret.xsd")]
    [InlineData("http://example.com/..%2f..%2f..%2fsecret.xsd")]
    [InlineData("http://example.com/..%5c..%5c..%5csecret.xsd")]
    [InlineData("http://../secret.xsd")]
    [InlineData("http://example.com/C:%5csecret.xsd")]
    public void A_path_that_escapes_the_folder_is_refused(string url)
    {
        _temp.File("secret.xsd", "secret");
        _temp.File("cache/http/example.com/inside.xsd", "inside");
        using var catalog = new TaxonomyCatalog();
        catalog.AddCacheFolder(Path.Combine(_temp.Path, "cache"));

        Assert.False(catalog.TryResolve(url, out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("relative/x.xsd")]
    [InlineData("/absolute/path.xsd")]
    [InlineData("ftp://example.com/x.xsd")]
    [InlineData("http://example.com/x.xsd?query=1")]
    public void A_url_the_folder_cannot_hold_is_simply_not_resolved(string url)
    {
        _temp.File("cache/http/example.com/x.xsd", "x");
        using var catalog = new TaxonomyCatalog();
        catalog.AddCacheFolder(Path.Combine(_temp.Path, "cache"));

        Assert.False(catalog.TryResolve(url, out _));
    }

    [Fact]
    public void A_missing_cache_folder_is_an_error_of_the_caller()
    {
        using var catalog = new TaxonomyCatalog();
        Assert.Throws<DirectoryNotFoundException>(() => catalog.AddCacheFolder(Path.Combine(_temp.Path, "nowhere")));
    }

    [Fact]
    public void The_empty_catalog_resolves_nothing()
    {
        using var catalog = TaxonomyCatalog.Empty;
        Assert.False(catalog.TryResolve("http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd", out _));
        Assert.Empty(catalog.Packages);
        Assert.NotSame(TaxonomyCatalog.Empty, TaxonomyCatalog.Empty);
    }

    [Fact]
    public void The_conformance_suites_schema_cache_resolves_the_xbrl_2_1_schemas()
    {
        var cache = Corpus.RequireCorpus("xbrl-conformance/core-schemas-cache");
        using var catalog = new TaxonomyCatalog();
        catalog.AddCacheFolder(cache);

        Assert.True(catalog.TryResolve("http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd", out var instance));
        Assert.Equal(Path.Combine(cache, "http", "www.xbrl.org", "2003", "xbrl-instance-2003-12-31.xsd"), instance.Location);
        Assert.True(catalog.TryResolve("https://www.xbrl.org/2005/xbrldt-2005.xsd", out var xbrldt));
        Assert.Equal(Path.Combine(cache, "http", "www.xbrl.org", "2005", "xbrldt-2005.xsd"), xbrldt.Location);
        Assert.True(catalog.TryResolve("http://www.xbrl.org/dtr/type/2022-03-31/types.xsd", out var types));
        Assert.Equal(Path.Combine(cache, "https", "www.xbrl.org", "dtr", "type", "2022-03-31", "types.xsd"), types.Location);
        Assert.Contains("http://www.xbrl.org/2003/instance", Read(catalog, instance), StringComparison.Ordinal);
        Assert.False(catalog.TryResolve("http://www.xbrl.org/2003/no-such-schema.xsd", out _));
    }

    // ---- packages ----

    [Fact]
    public void A_package_lists_its_identity_and_entry_points()
    {
        using var catalog = new TaxonomyCatalog();
        var diagnostics = catalog.AddPackage(TinyPackage());

        Assert.Empty(diagnostics);
        var package = Assert.Single(catalog.Packages);
        Assert.Equal("http://example.com/tax/2024", package.Identifier);
        Assert.Equal("Example taxonomy", package.Name);
        Assert.Equal("2024", package.Version);
        Assert.Equal("A tiny package for the tests.", package.Description);
        Assert.Equal("EdgarSharp", package.Publisher);
        Assert.Equal("2024-01-31", package.PublicationDate);
        Assert.Equal("tiny", package.TopLevelFolder);
        Assert.Equal(2, package.EntryPoints.Count);
        Assert.Equal("Everything", package.EntryPoints[0].Name);
        Assert.Equal(["http://example.com/tax/general/a.xsd", "http://example.com/tax/special/x.xsd"], package.EntryPoints[0].Urls);
        Assert.Equal(["http://example.com/tax/general/a.xsd"], package.EntryPoints[1].Urls);
        Assert.Equal(["tiny/general/", "tiny/special/"], package.Rewrites.Select(r => r.Target));
    }

    [Fact]
    public void A_url_under_a_rewrite_resolves_into_the_zip()
    {
        using var catalog = new TaxonomyCatalog();
        var zip = TinyPackage();
        catalog.AddPackage(zip);

        Assert.True(catalog.TryResolve("http://example.com/tax/general/a.xsd", out var doc));
        Assert.Equal(ResolvedDocumentSource.PackageEntry, doc.Source);
        Assert.Equal(zip + "!/tiny/general/general/a.xsd", doc.Location);
        Assert.Equal("<general-a/>", Read(catalog, doc));
        Assert.False(catalog.TryResolve("http://example.com/tax/general/missing.xsd", out _));
        Assert.False(catalog.TryResolve("http://example.com/other/a.xsd", out _));
    }

    [Fact]
    public void The_longest_matching_start_string_wins()
    {
        using var catalog = new TaxonomyCatalog();
        catalog.AddPackage(TinyPackage());

        Assert.True(catalog.TryResolve("http://example.com/tax/special/x.xsd", out var doc));
        Assert.Equal("<special-x/>", Read(catalog, doc));
    }

    [Fact]
    public void A_package_rewrite_matches_the_other_scheme_too()
    {
        using var catalog = new TaxonomyCatalog();
        catalog.AddPackage(TinyPackage());

        Assert.True(catalog.TryResolve("https://EXAMPLE.com/tax/special/x.xsd", out var doc));
        Assert.Equal("<special-x/>", Read(catalog, doc));
        Assert.Equal("https://EXAMPLE.com/tax/special/x.xsd", doc.Url);
    }

    [Fact]
    public void A_url_cannot_climb_out_of_a_rewrite_into_the_rest_of_the_zip()
    {
        using var catalog = new TaxonomyCatalog();
        catalog.AddPackage(TinyPackage());

        // Dot segments are removed before matching: the URL leaves the rewritten folder and matches nothing.
        Assert.False(catalog.TryResolve("http://example.com/tax/../../tiny/special/x.xsd", out _));
        Assert.False(catalog.TryResolve("http://example.com/tax/general/..%2f..%2fMETA-INF/catalog.xml", out _));
    }

    [Fact]
    public void Packages_are_searched_before_cache_folders()
    {
        _temp.File("cache/http/example.com/tax/special/x.xsd", "<from-cache/>");
        using var catalog = new TaxonomyCatalog();
        catalog.AddCacheFolder(Path.Combine(_temp.Path, "cache"));
        catalog.AddPackage(TinyPackage());

        Assert.True(catalog.TryResolve("http://example.com/tax/special/x.xsd", out var doc));
        Assert.Equal(ResolvedDocumentSource.PackageEntry, doc.Source);
    }

    [Fact]
    public void A_rewrite_to_an_absolute_url_is_followed_through_the_catalog()
    {
        var catalogXml = """
            <catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">
              <rewriteURI uriStartString="http://old.example.com/" rewritePrefix="http://example.com/tax/"/>
              <rewriteSystem systemIdStartString="http://example.com/tax/" rewritePrefix="../general/"/>
            </catalog>
            """;
        using var catalog = new TaxonomyCatalog();
        var diagnostics = catalog.AddPackage(TinyPackage(catalog: catalogXml));

        Assert.Empty(diagnostics);
        Assert.True(catalog.TryResolve("http://old.example.com/general/a.xsd", out var doc));
        Assert.Equal("<general-a/>", Read(catalog, doc));
        Assert.Equal("http://old.example.com/general/a.xsd", doc.Url);
    }

    [Fact]
    public void The_srt_2024_package_resolves_its_entry_points_into_the_zip()
    {
        var folder = Corpus.RequireCorpus("xbrl-filings/taxonomies/srt-2024");
        var zip = Path.Combine(_temp.Path, "srt-2024.zip");
        ZipFile.CreateFromDirectory(folder, zip, CompressionLevel.Fastest, includeBaseDirectory: true);
        using var catalog = new TaxonomyCatalog();

        var diagnostics = catalog.AddPackage(zip);

        Assert.Empty(diagnostics);
        var package = Assert.Single(catalog.Packages);
        Assert.Equal("http://xbrl.fasb.org/srt/2024", package.Identifier);
        Assert.Equal("2024", package.Version);
        Assert.Equal(4, package.EntryPoints.Count);
        Assert.Equal("Elements only", package.EntryPoints[2].Name);
        foreach (var url in package.EntryPoints.SelectMany(e => e.Urls))
        {
            Assert.True(catalog.TryResolve(url, out _), url);
        }
        Assert.True(catalog.TryResolve("http://xbrl.fasb.org/srt/2024/elts/srt-2024.xsd", out var srt));
        Assert.Equal(zip + "!/srt-2024/elts/srt-2024.xsd", srt.Location);
        Assert.Contains("targetNamespace='http://fasb.org/srt/2024'", Read(catalog, srt), StringComparison.Ordinal);
        Assert.True(catalog.TryResolve("https://xbrl.fasb.org/srt/2024/dis/srt-dis-srt-equity-def-2024.xml", out _));
        Assert.False(catalog.TryResolve("https://xbrl.fasb.org/srt/2023/elts/srt-2023.xsd", out _));
        Assert.False(catalog.TryResolve("https://xbrl.fasb.org/srt/2024/META-INF/../../secret.xsd", out _));
    }

    [Fact]
    public void A_package_added_twice_is_used_once()
    {
        using var catalog = new TaxonomyCatalog();
        var zip = TinyPackage();
        catalog.AddPackage(zip);

        Assert.Equal(["edgar:packageAlreadyAdded"], Codes(catalog.AddPackage(zip)));
        Assert.Single(catalog.Packages);
    }

    // ---- bad packages ----

    [Fact]
    public void A_file_that_is_not_a_zip_is_reported_not_thrown()
    {
        using var catalog = new TaxonomyCatalog();
        var notZip = _temp.File("not-a-zip.zip", "plain text");

        Assert.Equal(["tpe:invalidArchiveFormat"], Codes(catalog.AddPackage(notZip)));
        Assert.Empty(catalog.Packages);
    }

    [Fact]
    public void A_missing_package_file_throws()
    {
        using var catalog = new TaxonomyCatalog();
        Assert.Throws<FileNotFoundException>(() => catalog.AddPackage(Path.Combine(_temp.Path, "missing.zip")));
    }

    [Fact]
    public void A_package_without_META_INF_is_refused()
    {
        using var catalog = new TaxonomyCatalog();
        var zip = _temp.Zip("no-meta.zip", ("pkg/elts/a.xsd", "<a/>"));

        Assert.Equal(["tpe:metadataDirectoryNotFound"], Codes(catalog.AddPackage(zip)));
        Assert.Empty(catalog.Packages);
    }

    [Fact]
    public void A_package_with_two_top_level_folders_is_refused()
    {
        using var catalog = new TaxonomyCatalog();
        var zip = _temp.Zip("two-tops.zip",
            ("one/META-INF/taxonomyPackage.xml", PackageMetadata),
            ("two/META-INF/taxonomyPackage.xml", PackageMetadata));

        var diagnostics = catalog.AddPackage(zip);

        Assert.Equal(["tpe:invalidDirectoryStructure"], Codes(diagnostics));
        Assert.Contains("one, two", diagnostics[0].Message, StringComparison.Ordinal);
        Assert.Empty(catalog.Packages);
    }

    [Fact]
    public void A_package_with_a_file_at_the_top_level_is_refused()
    {
        using var catalog = new TaxonomyCatalog();
        var zip = _temp.Zip("loose-file.zip",
            ("readme.txt", "hello"),
            ("pkg/META-INF/taxonomyPackage.xml", PackageMetadata));

        Assert.Equal(["tpe:invalidDirectoryStructure"], Codes(catalog.AddPackage(zip)));
    }

    [Fact]
    public void A_package_without_taxonomyPackage_xml_is_refused()
    {
        using var catalog = new TaxonomyCatalog();
        var zip = _temp.Zip("no-metadata.zip", ("pkg/META-INF/catalog.xml", PackageCatalog));

        Assert.Equal(["tpe:metadataFileNotFound"], Codes(catalog.AddPackage(zip)));
    }

    [Fact]
    public void A_malformed_catalog_is_reported_with_its_position_and_the_package_refused()
    {
        using var catalog = new TaxonomyCatalog();
        var zip = TinyPackage(catalog: "<catalog xmlns=\"urn:oasis:names:tc:entity:xmlns:xml:catalog\">\n  <rewriteURI uriStartString=\"http://x/\" rewritePrefix=\"../\">\n</catalog>");

        var diagnostics = catalog.AddPackage(zip);

        var d = Assert.Single(diagnostics);
        Assert.Equal("tpe:invalidCatalogFile", d.Code);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Equal(zip + "!/tiny/META-INF/catalog.xml", d.Location!.Value.Document);
        Assert.True(d.Location.Value.Line > 1);
        Assert.Empty(catalog.Packages);
        Assert.False(catalog.TryResolve("http://example.com/tax/general/a.xsd", out _));
    }

    [Fact]
    public void A_catalog_that_is_not_an_oasis_catalog_is_refused()
    {
        using var catalog = new TaxonomyCatalog();
        var zip = TinyPackage(catalog: "<catalog><rewriteURI uriStartString=\"http://x/\" rewritePrefix=\"../\"/></catalog>");

        Assert.Equal(["tpe:invalidCatalogFile"], Codes(catalog.AddPackage(zip)));
    }

    [Fact]
    public void Metadata_in_another_namespace_is_refused()
    {
        using var catalog = new TaxonomyCatalog();
        var zip = TinyPackage(metadata: PackageMetadata.Replace("http://xbrl.org/2016/taxonomy-package", "http://example.com/not-a-package", StringComparison.Ordinal));

        Assert.Equal(["tpe:invalidMetaDataFile"], Codes(catalog.AddPackage(zip)));
    }

    [Fact]
    public void Metadata_without_an_identifier_is_refused()
    {
        using var catalog = new TaxonomyCatalog();
        var zip = TinyPackage(metadata: PackageMetadata.Replace("<tp:identifier>http://example.com/tax/2024</tp:identifier>", "", StringComparison.Ordinal));

        Assert.Equal(["tpe:invalidMetaDataFile"], Codes(catalog.AddPackage(zip)));
    }

    [Fact]
    public void The_2015_draft_namespace_is_read_with_a_warning()
    {
        using var catalog = new TaxonomyCatalog();
        var zip = TinyPackage(metadata: PackageMetadata.Replace("http://xbrl.org/2016/taxonomy-package", "http://xbrl.org/PWD/2015-01-14/taxonomy-package", StringComparison.Ordinal));

        var d = Assert.Single(catalog.AddPackage(zip));
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.Equal("edgar:packageDraftNamespace", d.Code);
        Assert.Single(catalog.Packages);
        Assert.True(catalog.TryResolve("http://example.com/tax/special/x.xsd", out _));
    }

    [Fact]
    public void Two_rewrites_of_one_start_string_are_an_error_and_the_first_is_used()
    {
        var catalogXml = """
            <catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">
              <rewriteURI uriStartString="http://example.com/tax/" rewritePrefix="../special/"/>
              <rewriteURI uriStartString="https://example.com/tax/" rewritePrefix="../general/"/>
            </catalog>
            """;
        using var catalog = new TaxonomyCatalog();

        Assert.Equal(["tpe:multipleRewriteURIsForStartString"], Codes(catalog.AddPackage(TinyPackage(catalog: catalogXml))));
        Assert.True(catalog.TryResolve("http://example.com/tax/x.xsd", out var doc));
        Assert.Equal("<special-x/>", Read(catalog, doc));
    }

    [Theory]
    [InlineData("../../../")]
    [InlineData("/etc/")]
    [InlineData("file:///etc/")]
    [InlineData("C:/Windows/")]
    public void A_rewrite_pointing_outside_the_package_is_refused(string prefix)
    {
        var catalogXml = $"""
            <catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">
              <rewriteURI uriStartString="http://evil.example.com/" rewritePrefix="{prefix}"/>
              <rewriteURI uriStartString="http://example.com/tax/" rewritePrefix="../general/"/>
            </catalog>
            """;
        using var catalog = new TaxonomyCatalog();

        Assert.Equal(["edgar:packageRewriteRefused"], Codes(catalog.AddPackage(TinyPackage(catalog: catalogXml))));
        Assert.False(catalog.TryResolve("http://evil.example.com/passwd", out _));
        Assert.True(catalog.TryResolve("http://example.com/tax/general/a.xsd", out _));
    }

    [Fact]
    public void A_zip_bomb_entry_is_left_out_with_a_warning_not_expanded()
    {
        var zip = TinyPackage();
        TempFolder.AddZeros(zip, "tiny/general/bomb.xsd", 16 * 1024 * 1024);
        using var catalog = new TaxonomyCatalog();

        var diagnostics = catalog.AddPackage(zip);

        var d = Assert.Single(diagnostics);
        Assert.Equal("edgar:packageEntryCompressionRatio", d.Code);
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.False(catalog.TryResolve("http://example.com/tax/bomb.xsd", out _));
        Assert.True(catalog.TryResolve("http://example.com/tax/general/a.xsd", out _));
    }

    [Fact]
    public void An_entry_larger_than_the_limit_is_left_out_with_a_warning()
    {
        var zip = TinyPackage();
        TempFolder.AddZeros(zip, "tiny/general/big.xsd", 3 * 1024 * 1024);
        using var catalog = new TaxonomyCatalog { MaxEntryBytes = 1024 * 1024, MaxCompressionRatio = 100_000 };

        Assert.Equal(["edgar:packageEntryTooLarge"], Codes(catalog.AddPackage(zip)));
        Assert.False(catalog.TryResolve("http://example.com/tax/big.xsd", out _));
    }

    [Fact]
    public void An_entry_that_holds_more_than_it_declares_fails_to_open_without_expanding()
    {
        var zip = TinyPackage();
        TempFolder.AddZeros(zip, "tiny/general/liar.xsd", 256 * 1024);
        TempFolder.ForgeDeclaredSize(zip, "tiny/general/liar.xsd", 100);
        using var catalog = new TaxonomyCatalog();
        Assert.Empty(catalog.AddPackage(zip));
        Assert.True(catalog.TryResolve("http://example.com/tax/liar.xsd", out var doc));

        Assert.Throws<InvalidDataException>(() => catalog.Open(doc));
    }

    [Fact]
    public void Metadata_too_large_to_read_refuses_the_package()
    {
        var zip = _temp.Zip("huge-meta.zip", ("pkg/META-INF/catalog.xml", PackageCatalog));
        TempFolder.AddZeros(zip, "pkg/META-INF/taxonomyPackage.xml", 2 * 1024 * 1024);
        using var catalog = new TaxonomyCatalog { MaxEntryBytes = 1024 * 1024 };

        var codes = Codes(catalog.AddPackage(zip));

        Assert.Contains("edgar:packageEntryTooLarge", codes);
        Assert.Contains("tpe:invalidMetaDataFile", codes);
        Assert.Empty(catalog.Packages);
    }

    [Fact]
    public void Too_many_entries_refuse_the_package()
    {
        using var catalog = new TaxonomyCatalog { MaxPackageEntries = 3 };
        Assert.Equal(["edgar:packageTooManyEntries"], Codes(catalog.AddPackage(TinyPackage())));
    }

    [Fact]
    public void An_entry_whose_name_climbs_out_of_the_zip_is_left_out()
    {
        var zip = _temp.Zip("evil-names.zip",
            ("tiny/META-INF/taxonomyPackage.xml", PackageMetadata),
            ("tiny/META-INF/catalog.xml", PackageCatalog),
            ("tiny/general/../../evil.xsd", "<evil/>"));
        using var catalog = new TaxonomyCatalog();

        Assert.Equal(["edgar:packageEntryNameUnsafe"], Codes(catalog.AddPackage(zip)));
        Assert.Single(catalog.Packages);
    }

    [Fact]
    public void An_entry_stored_twice_is_read_from_its_first_copy()
    {
        var zip = _temp.Zip("twice.zip",
            ("tiny/META-INF/taxonomyPackage.xml", PackageMetadata),
            ("tiny/META-INF/catalog.xml", PackageCatalog),
            ("tiny/special/x.xsd", "<first/>"),
            ("tiny/special/x.xsd", "<second/>"));
        using var catalog = new TaxonomyCatalog();

        Assert.Equal(["edgar:packageEntryDuplicate"], Codes(catalog.AddPackage(zip)));
        Assert.True(catalog.TryResolve("http://example.com/tax/special/x.xsd", out var doc));
        Assert.Equal("<first/>", Read(catalog, doc));
    }

    [Fact]
    public void Metadata_without_a_language_is_reported_but_the_package_is_used()
    {
        using var catalog = new TaxonomyCatalog();
        var zip = TinyPackage(metadata: PackageMetadata
            .Replace(" xml:lang=\"en\"", "", StringComparison.Ordinal));

        var codes = Codes(catalog.AddPackage(zip));

        Assert.Contains("tpe:missingLanguageAttribute", codes);
        Assert.Single(catalog.Packages);
    }

    // ---- life cycle ----

    [Fact]
    public void A_document_from_another_catalog_cannot_be_opened()
    {
        using var first = new TaxonomyCatalog();
        first.AddPackage(TinyPackage());
        Assert.True(first.TryResolve("http://example.com/tax/general/a.xsd", out var doc));
        using var second = new TaxonomyCatalog();

        Assert.Throws<ArgumentException>(() => second.Open(doc));
    }

    [Fact]
    public void A_disposed_catalog_refuses_to_resolve()
    {
        var catalog = new TaxonomyCatalog();
        catalog.AddPackage(TinyPackage());
        catalog.Dispose();

        Assert.Throws<ObjectDisposedException>(() => catalog.TryResolve("http://example.com/tax/general/a.xsd", out _));
        catalog.Dispose();
    }

    [Fact]
    public void Limits_reject_values_that_make_no_sense()
    {
        using var catalog = new TaxonomyCatalog();
        Assert.Equal(TaxonomyCatalog.DefaultMaxEntryBytes, catalog.MaxEntryBytes);
        Assert.Equal(64L * 1024 * 1024, TaxonomyCatalog.DefaultMaxEntryBytes);
        Assert.Throws<ArgumentOutOfRangeException>(() => catalog.MaxEntryBytes = 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => catalog.MaxCompressionRatio = 0.5);
        Assert.Throws<ArgumentOutOfRangeException>(() => catalog.MaxPackageEntries = -1);
    }
}
