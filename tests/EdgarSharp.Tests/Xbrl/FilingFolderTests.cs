using EdgarSharp.Tests.Support;
using EdgarSharp.Xbrl;

namespace EdgarSharp.Tests.Xbrl;

/// <summary>
/// Every filing folder of the corpus loads from its entry point, offline: documents discovery did not reach are
/// added with one warning each, renamed documents are matched, and a missing extension schema leaves its
/// concepts with an unknown namespace.
/// </summary>
public class FilingFolderTests
{
    public static TheoryData<string> Folders() =>
    [
        "xbrl-filings/edgartools/aapl_10k_2010", "xbrl-filings/edgartools/aapl_10k_2023", "xbrl-filings/edgartools/aapl_10q_2023",
        "xbrl-filings/edgartools/amzn", "xbrl-filings/edgartools/gahc", "xbrl-filings/edgartools/nflx_10k_2010",
        "xbrl-filings/edgartools/nflx_10k_2024", "xbrl-filings/edgartools/nflx_10q_2024", "xbrl-filings/edgartools/nflx_2010",
        "xbrl-filings/edgartools/nflx_2024", "xbrl-filings/edgartools/unp",
        "xbrl-filings/edgartools-linkbase-only/custom_taxonomy_ba", "xbrl-filings/edgartools-linkbase-only/dimensional_ko",
        "xbrl-filings/edgartools-linkbase-only/xom_10k_2023",
        "ixbrl/edgartools/aapl_10q_2025-03-29", "ixbrl/edgartools/aeon_10q_2023-09-30",
        "ixbrl/edgarrenderer-samples/bst", "ixbrl/edgarrenderer-samples/muestra",
    ];

    [Theory]
    [MemberData(nameof(Folders))]
    public void A_filing_folder_loads_offline_with_every_company_concept_resolved(string folder)
    {
        var path = Corpus.RequireCorpus(folder);
        var dts = Dts.Load(path);

        // Errors: only the linkbaseRefs to files the corpus left out of its linkbase-only folders.
        var errors = dts.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (folder.Contains("linkbase-only", StringComparison.Ordinal))
        {
            Assert.All(errors, e => Assert.Equal("xbrl.4.3.2", e.Code));
        }
        else
        {
            Assert.Empty(errors);
        }

        var localSchemas = Directory.GetFiles(path).Where(f => f.EndsWith(".xsd", StringComparison.Ordinal) || f.EndsWith(".xsd.xml", StringComparison.Ordinal)).ToList();
        var companyConcepts = dts.Relationships.SelectMany(r => new[] { r.FromConcept, r.ToConcept })
            .Where(c => c is not null && (c.DocumentUrl.StartsWith("file:", StringComparison.Ordinal))).Select(c => c!).Distinct().ToList();
        Assert.NotEmpty(dts.Relationships);
        if (localSchemas.Count > 0)
        {
            // The company's own schema is in the folder: every concept it declares that a relationship uses was read.
            Assert.All(companyConcepts, c => Assert.True(c.IsDeclared && c.IsNamespaceKnown, $"{c} was not resolved to its declaration."));
        }
        else
        {
            // No schema at all (unp): the extension's concepts are known by prefix and name, the namespace unknown.
            Assert.NotEmpty(companyConcepts);
            Assert.All(companyConcepts, c => Assert.False(c.IsNamespaceKnown));
        }

        // Standard taxonomies are missing offline: one warning per schema, never one per locator.
        var missing = dts.Diagnostics.Where(d => d.Code == "edgar:schemaNotFound").Select(d => d.Message).ToList();
        Assert.Equal(missing.Count, missing.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(dts.Documents.Count(d => d.IsMissing) - dts.Diagnostics.Count(d => d.Code == "edgar:documentRenamed"), missing.Count);
    }

    [Theory]
    [InlineData("xbrl-filings/edgartools/aapl_10k_2010", "aapl-20100925.xsd", "aapl-20101027.xsd")]
    [InlineData("xbrl-filings/edgartools/nflx_10k_2024", "nflx-20231231.xsd", "nflx-20240126.xsd")]
    [InlineData("xbrl-filings/edgartools/gahc", "gahc-20240930.xsd", "gahc-20240930.xsd.xml")]
    public void A_renamed_schema_is_matched_to_the_folders_file_with_a_warning(string folder, string named, string onDisk)
    {
        var dts = Dts.Load(Corpus.RequireCorpus(folder));
        var warning = Assert.Single(dts.Diagnostics, d => d.Code == "edgar:documentRenamed" && d.Message.StartsWith("'" + named + "'", StringComparison.Ordinal));
        Assert.Contains("'" + onDisk + "'", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(dts.Diagnostics, d => d.Code == "edgar:schemaNotFound" && d.Message.Contains(named, StringComparison.Ordinal));
    }
}
