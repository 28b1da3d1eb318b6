using System.Text.Json;
using EdgarSharp.Cli;
using EdgarSharp.Tests.Support;

namespace EdgarSharp.Tests.Cli;

/// <summary>The <c>edgar xbrl</c> verbs, run in-process as a user runs them.</summary>
public class XbrlCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = EdgarApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static string SeedFolder()
    {
        var folder = Directory.CreateTempSubdirectory("edgarsharp-cli-seed-").FullName;
        File.Copy(Corpus.Sample("lpsn-20170331_def.xml"), Path.Combine(folder, "lpsn-20170331_def.xml"));
        return folder;
    }

    [Fact]
    public void Relationships_prints_the_documented_tsv_columns_and_one_row_per_relationship()
    {
        var (code, output, err) = Run("xbrl", "relationships", SeedFolder());
        Assert.Equal(0, code);
        var lines = output.TrimEnd('\n').Split('\n');
        Assert.Equal("linkrole\tarcrole\tfrom\tto\torder\tpriority\tclosed\tcontextElement\tusable\ttargetRole\tweight\tpreferredLabel", lines[0]);
        Assert.Equal(289 + 1, lines.Length);
        Assert.All(lines.Skip(1), l => Assert.Equal(12, l.Split('\t').Length));
        Assert.Equal(17, lines.Count(l => l.Split('\t')[1] == "http://xbrl.org/int/dim/arcrole/all"));
        Assert.Contains("us-gaap:LineOfCreditFacilityLineItems\tus-gaap:LineOfCreditFacilityTable\t1\t0\ttrue\tsegment", output, StringComparison.Ordinal);
        // One warning per missing schema, not one per locator.
        Assert.Equal(6, err.Split('\n').Count(l => l.Contains("edgar:schemaNotFound", StringComparison.Ordinal)));
    }

    [Fact]
    public void Relationships_as_json_carry_the_same_rows()
    {
        var (code, output, _) = Run("xbrl", "relationships", SeedFolder(), "--format", "json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal(289, doc.RootElement.GetArrayLength());
        var first = doc.RootElement[0];
        Assert.StartsWith("http://www.liveperson.com/role/", first.GetProperty("linkrole").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Number, first.GetProperty("order").ValueKind);
    }

    [Fact]
    public void Concepts_lists_concepts_known_only_by_their_locators()
    {
        var (code, output, _) = Run("xbrl", "concepts", SeedFolder(), "--format", "tsv");
        Assert.Equal(0, code);
        var rows = output.TrimEnd('\n').Split('\n');
        Assert.StartsWith("concept\tnamespace\tdeclared\t", rows[0], StringComparison.Ordinal);
        var assets = Assert.Single(rows, r => r.StartsWith("us-gaap:LineOfCreditFacilityLineItems\t", StringComparison.Ordinal));
        Assert.Equal("http://fasb.org/us-gaap/2016-01-31", assets.Split('\t')[1]);
        Assert.Equal("false", assets.Split('\t')[2]);
        // The extension schema is missing: its namespace is reported unknown (empty), its prefix comes from the id.
        var lpsn = rows.First(r => r.StartsWith("lpsn:", StringComparison.Ordinal));
        Assert.Equal("", lpsn.Split('\t')[1]);
    }

    [Fact]
    public void Roles_lists_the_52_extended_link_roles_of_the_seed()
    {
        var (code, output, _) = Run("xbrl", "roles", SeedFolder(), "--format", "tsv");
        Assert.Equal(0, code);
        var rows = output.TrimEnd('\n').Split('\n').Skip(1).ToList();
        Assert.Equal(52, rows.Count);
        Assert.Equal(17, rows.Count(r => r.Split('\t')[3] != "0"));
    }

    [Fact]
    public void Every_verb_has_help()
    {
        foreach (var verb in new[] { "relationships", "concepts", "roles", "conformance" })
        {
            var (code, output, _) = Run("xbrl", verb, "--help");
            Assert.Equal(0, code);
            Assert.Contains("Usage:", output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_missing_path_is_a_clear_error_not_an_exception()
    {
        var (code, _, err) = Run("xbrl", "relationships", "/nonexistent/file.xml");
        Assert.Equal(2, code);
        Assert.Contains("no file or folder", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Conformance_writes_one_csv_row_per_variation()
    {
        var suite = Corpus.RequireCorpus("xbrl-conformance/XBRL-CONF-2014-12-10/Common/200-linkbase/215-ArcroleAndRoleRefs-testcase.xml");
        var report = Path.Combine(Directory.CreateTempSubdirectory().FullName, "report.csv");
        var (code, output, _) = Run("xbrl", "conformance", suite, "--report", report, "--cache", Corpus.RequireCorpus("xbrl-conformance/core-schemas-cache"));
        Assert.Equal(0, code);
        var rows = File.ReadAllLines(report);
        Assert.Equal("testcase,id,expected,actual,status", rows[0]);
        Assert.Equal(10, rows.Length - 1);
        Assert.All(rows.Skip(1), r => Assert.EndsWith(",pass", r, StringComparison.Ordinal));
        Assert.Contains("10 variations: 10 passed, 0 failed", output, StringComparison.Ordinal);
    }
}

/// <summary>The <c>edgar xbrl facts</c> and <c>validate</c> verbs.</summary>
public class FactsCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = EdgarApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Facts_prints_the_documented_tsv_columns()
    {
        var (code, output, _) = Run("xbrl", "facts", Corpus.Fixture("Instance/good.xml"));
        Assert.Equal(0, code);
        var rows = output.TrimEnd('\n').Split('\n');
        Assert.Equal("concept\tcontextRef\tunitRef\tdecimals\tvalue\tperiod\tdimensions\tentity\tid", rows[0]);
        Assert.Contains("co:Revenue\tFY2023_Retail\tUSD\t2\t1000.25\t2023-01-01/2023-12-31\tco:SegmentAxis=co:RetailMember\t0001234567\tr2", rows);
        Assert.Equal(7, rows.Length - 1);
    }

    [Fact]
    public void Facts_filter_by_concept_period_and_dimension()
    {
        var file = Corpus.Fixture("Instance/good.xml");
        Assert.Equal(2, Run("xbrl", "facts", file, "--concept", "co:Revenue").Out.TrimEnd('\n').Split('\n').Length - 1);
        Assert.Equal(2, Run("xbrl", "facts", file, "--period", "2023-12-31", "--concept", "Cash").Out.TrimEnd('\n').Split('\n').Length - 1);
        Assert.Equal(1, Run("xbrl", "facts", file, "--dimension", "co:SegmentAxis=co:RetailMember").Out.TrimEnd('\n').Split('\n').Length - 1);
    }

    [Fact]
    public void Facts_as_json_carry_exact_numbers()
    {
        var (_, output, _) = Run("xbrl", "facts", Corpus.Fixture("Instance/good.xml"), "--format", "json");
        using var doc = System.Text.Json.JsonDocument.Parse(output);
        var shares = doc.RootElement.EnumerateArray().Single(e => e.GetProperty("concept").GetString() == "co:Shares");
        Assert.Equal(1234.5678m, shares.GetProperty("number").GetDecimal());
        Assert.Equal("xbrli:shares", shares.GetProperty("unit").GetString());
    }

    [Fact]
    public void Validate_exits_1_on_errors_and_prints_them_with_their_location()
    {
        var (code, output, _) = Run("xbrl", "validate", Corpus.Fixture("Instance/missing_unit.xml"));
        Assert.Equal(1, code);
        Assert.Contains("missing_unit.xml:", output, StringComparison.Ordinal);
        Assert.Contains("error xbrl.4.6.2", output, StringComparison.Ordinal);
        var ok = Run("xbrl", "validate", Corpus.Fixture("Instance/good.xml"));
        Assert.Equal(0, ok.Code);
        Assert.Contains("\n0 errors, 1 warnings.\n", ok.Out, StringComparison.Ordinal);
        Assert.Contains("xbrl-instance-2003-12-31.xsd", ok.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_checks_calculations_by_the_rules_calc_names()
    {
        var rounding = Corpus.Fixture("Calculation/rounding.xml");
        var classic = Run("xbrl", "validate", rounding);
        Assert.Equal(2, classic.Out.Split('\n').Count(l => l.Contains("error xbrl.5.2.5.2", StringComparison.Ordinal)));
        var calc11 = Run("xbrl", "validate", rounding, "--calc", "1.1");
        Assert.Equal(1, calc11.Code);
        Assert.DoesNotContain("xbrl.5.2.5.2", calc11.Out, StringComparison.Ordinal);
        Assert.Contains("rounding.xml:18:4: error calc11e:inconsistentCalculationUsingRounding", calc11.Out, StringComparison.Ordinal);
        Assert.Contains("[3500, 4500]", calc11.Out, StringComparison.Ordinal);
        var none = Run("xbrl", "validate", rounding, "--calc", "none");
        Assert.Equal(0, none.Code);
        var bad = Run("xbrl", "validate", rounding, "--calc", "1.0");
        Assert.NotEqual(0, bad.Code);
        Assert.Contains("2.1|1.1|1.1-truncation|none", bad.Out + bad.Err, StringComparison.Ordinal);
    }
}
