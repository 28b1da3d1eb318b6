using EdgarSharp.Storage;

namespace EdgarSharp.Tests.Store;

public class StoreSchemaTests
{
    private static SqliteEdgarStore ExampleGears(TempFolder temp)
    {
        var store = SqliteEdgarStore.Open(temp.Db);
        var report = Ingestor.Ingest(store, [StoreFixtures.ExampleGears]);
        Assert.Empty(report.Rejected);
        return store;
    }

    [Fact]
    public void XBRL_facts_are_stored_with_their_contexts_and_exact_values()
    {
        using var temp = new TempFolder();
        using var store = ExampleGears(temp);

        Assert.Equal("text", store.Query("SELECT typeof(value) FROM xbrl_facts WHERE concept = 'egx:Revenues' LIMIT 1", null));
        Assert.Equal(DecimalText.SortKey(48200000m), store.Query(
            "SELECT value_key FROM xbrl_facts x JOIN filings f USING (filing_id) WHERE x.concept = 'egx:Revenues' AND x.value = '48200000'", null));
        Assert.Equal("2024-01-01", store.Query(
            "SELECT c.period_start FROM xbrl_facts x JOIN xbrl_contexts c USING (filing_id, context_id) WHERE x.value = '48200000'", null));
        // The 10-K for 2024 and its amendment hold the backlog paragraph; the 10-K for 2025 does not.
        Assert.Equal(2L, store.Query("SELECT COUNT(*) FROM xbrl_facts WHERE is_text_block = 1 AND concept = 'egx:BusinessDescriptionTextBlock' AND value LIKE '%12.5 million%'", null));
        var company = store.FindCompany("EXGR");
        Assert.Equal(9990201, company?.Cik);
        Assert.Equal("Example Gears Inc.", company?.Name);
    }

    [Fact]
    public void The_bundled_SQLite_has_FTS5_and_search_finds_letters_and_text_blocks_by_stem()
    {
        using var temp = new TempFolder();
        using var store = ExampleGears(temp);

        var hits = store.Search("cancel* AND shipments");

        Assert.Contains(hits, h => h.Source == "text-block" && h.Ref == "egx:BusinessDescriptionTextBlock" && h.Form == "10-K");
        Assert.Contains(hits, h => h.Source == "response" && h.Ref == "1" && h.Form == "CORRESP");
        Assert.All(hits, h => Assert.Contains("[", h.Snippet, StringComparison.Ordinal));
        Assert.Empty(store.Search("turbines"));
    }

    [Fact]
    public void An_amendment_is_linked_to_its_original_and_the_latest_view_keeps_only_the_amendment()
    {
        using var temp = new TempFolder();
        using var store = ExampleGears(temp);
        var cik = store.FindCompany("EXGR")!.Cik;

        var listings = store.FilingListings(cik);

        var original = Assert.Single(listings, l => l.Form == "10-K" && l.PeriodOfReport == "2024-12-31");
        var amendment = Assert.Single(listings, l => l.Form == "10-K/A");
        Assert.True(amendment.IsAmendment);
        Assert.Equal([original.Id], amendment.Amends);
        Assert.True(amendment.IsLatest);
        Assert.False(original.IsLatest);
        Assert.True(Assert.Single(listings, l => l.PeriodOfReport == "2025-12-31").IsLatest);
        Assert.Equal(0L, store.Query("SELECT COUNT(*) FROM latest_filings WHERE filing_id = $v", original.Id));
    }

    [Fact]
    public void A_concept_over_time_gives_each_period_once_with_the_last_report_and_the_restatement()
    {
        using var temp = new TempFolder();
        using var store = ExampleGears(temp);
        var cik = store.FindCompany("EXGR")!.Cik;

        var periods = FactHistory.Build(store.FactObservations(cik, "Revenues"));

        Assert.Equal(["2023-12-31", "2024-12-31", "2025-12-31"], periods.Select(p => p.PeriodEnd));
        var fy2024 = periods[1];
        Assert.True(fy2024.Restated);
        Assert.Equal("48700000", fy2024.Value);
        Assert.Equal("2025-12-31", fy2024.ReportedLast.PeriodOfReport);
        Assert.Equal(["48200000", "48700000", "48700000"], fy2024.Reports.Select(r => r.Value));
        Assert.False(periods[0].Restated);
    }

    [Fact]
    public void Ingesting_the_fixtures_twice_changes_nothing_but_the_runs()
    {
        using var temp = new TempFolder();
        using var store = ExampleGears(temp);
        var first = store.Dump("ingest_runs");

        var again = Ingestor.Ingest(store, [StoreFixtures.ExampleGears]);

        Assert.Equal(0, again.Stored);
        Assert.Equal(first, store.Dump("ingest_runs"));
    }

    [Fact]
    public void A_letter_stored_before_its_company_is_linked_to_it_when_the_company_comes()
    {
        using var temp = new TempFolder();
        using var store = SqliteEdgarStore.Open(temp.Db);
        Ingestor.Ingest(store, [Path.Combine(StoreFixtures.ExampleGears, "response-2024-06-14.txt")]);
        Assert.Equal(1L, store.Query("SELECT COUNT(*) FROM filings WHERE cik IS NULL AND company_hint = $v", "EXAMPLE GEARS"));

        Ingestor.Ingest(store, [Path.Combine(StoreFixtures.ExampleGears, "egx-20241231.xml")]);

        Assert.Equal(0L, store.Query("SELECT COUNT(*) FROM filings WHERE cik IS NULL AND document_kind = $v", "comment-letter"));
        Assert.Equal(["CORRESP", "10-K"], store.Filings(9990201).Select(f => f.Form));
    }

    [Theory]
    [InlineData("LivePerson, Inc.", "LIVEPERSON")]
    [InlineData("LIVEPERSON INC", "LIVEPERSON")]
    [InlineData("The Example Gears Corp.", "EXAMPLE GEARS")]
    [InlineData("  ", null)]
    public void Company_names_compare_by_a_key_without_punctuation_and_legal_forms(string name, string? key)
    {
        Assert.Equal(key, CompanyNames.Key(name));
    }
}
