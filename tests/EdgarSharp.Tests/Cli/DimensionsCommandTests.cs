using System.Text.Json;
using EdgarSharp.Cli;
using EdgarSharp.Tests.Support;

namespace EdgarSharp.Tests.Cli;

/// <summary>
/// <c>edgar xbrl dimensions</c>, run in-process as a user runs it: the JSON of the seed and of every filing of
/// <c>refs/arelle/INDEX.tsv</c> against golden files, the terminal tree, and the role filter.
/// </summary>
public class DimensionsCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = EdgarApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static string SeedFolder()
    {
        var folder = Directory.CreateTempSubdirectory("edgarsharp-cli-dims-").FullName;
        File.Copy(Corpus.Sample("lpsn-20170331_def.xml"), Path.Combine(folder, "lpsn-20170331_def.xml"));
        return folder;
    }

    private static string Fixture => Corpus.Fixture("Dimensions/ex.xsd");

    [Fact]
    public void The_seed_json_equals_its_golden_file_and_counts_what_the_issue_says()
    {
        var (code, output, err) = Run("xbrl", "dimensions", SeedFolder(), "--format", "json");

        Assert.Equal(0, code);
        Assert.DoesNotContain(" error ", err, StringComparison.Ordinal);
        using (var doc = JsonDocument.Parse(output))
        {
            var summary = doc.RootElement.GetProperty("summary");
            Assert.Equal(52, summary.GetProperty("linkRoles").GetInt32());
            Assert.Equal(17, summary.GetProperty("rolesWithDrs").GetInt32());
            Assert.Equal(17, summary.GetProperty("hasHypercubes").GetInt32());
            Assert.Equal(12, summary.GetProperty("tables").GetInt32());
            Assert.Equal(24, summary.GetProperty("axes").GetInt32());
            Assert.Equal(24, summary.GetProperty("axesWithDefault").GetInt32());
            Assert.Equal(17, doc.RootElement.GetProperty("roles").GetArrayLength());
            Assert.Equal(24, doc.RootElement.GetProperty("defaults").GetArrayLength());
        }
        Golden.Verify("Dimensions/seed__lpsn-20170331_def", output);
    }

    public static TheoryData<string> Filings()
    {
        var data = new TheoryData<string>();
        var index = Corpus.Shared is null ? null : Path.Combine(Corpus.Shared, "refs", "arelle", "INDEX.tsv");
        if (index is null || !File.Exists(index))
        {
            data.Add("(refs absent)");
            return data;
        }
        foreach (var line in File.ReadLines(index).Skip(1))
        {
            var name = line.Split('\t')[0];
            if (name.Length > 0)
            {
                data.Add(name);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Filings))]
    public void A_filings_json_equals_its_golden_file_and_has_no_dimensional_error(string name)
    {
        var refs = Corpus.RequireRefs("arelle");
        var row = File.ReadLines(Path.Combine(refs, "INDEX.tsv")).Select(l => l.Split('\t')).First(c => c[0] == name);
        // The definition linkbase as the corpus has it, as ArelleReferenceTests loads it.
        var linkbase = Corpus.RequireCorpus(row[1]);

        var (code, output, err) = Run("xbrl", "dimensions", linkbase, "--format", "json");

        Assert.Equal(0, code);
        Assert.DoesNotContain("xbrldte:", err, StringComparison.Ordinal);
        using (var doc = JsonDocument.Parse(output))
        {
            Assert.True(doc.RootElement.GetProperty("roles").GetArrayLength() > 0, $"{name} has no dimensional relationship set.");
        }
        Golden.Verify("Dimensions/" + name, output);
    }

    [Fact]
    public void The_text_tree_shows_tables_axes_domains_and_the_default_marks()
    {
        var (code, output, _) = Run("xbrl", "dimensions", SeedFolder());

        Assert.Equal(0, code);
        var lines = output.Split('\n');
        Assert.Contains("http://www.liveperson.com/role/CommitmentsAndContingenciesDetails", lines);
        Assert.Contains("└── Line items us-gaap:LineOfCreditFacilityLineItems", lines);
        Assert.Contains("    ├── Table us-gaap:LineOfCreditFacilityTable  (all, closed, segment)", lines);
        Assert.Contains("    │   ├── Axis us-gaap:CreditFacilityAxis  (default us-gaap:CreditFacilityDomain)", lines);
        Assert.Contains("    │   │   └── Domain us-gaap:CreditFacilityDomain  (default)", lines);
        Assert.Contains("    │   │       ├── lpsn:LetterOfCreditForOfficeSpaceMember", lines);
        Assert.Contains("    └── Items", lines);
        Assert.Contains("52 roles, 17 with a dimensional relationship set: 17 has-hypercube relationships over 12 tables, 24 axes (24 with a default).", lines);
        // Not a terminal: no escape sequences.
        Assert.DoesNotContain('\u001b', output);
    }

    [Fact]
    public void The_text_tree_marks_unusable_members_typed_axes_notAll_and_target_roles()
    {
        var (code, output, _) = Run("xbrl", "dimensions", Fixture);

        Assert.Equal(0, code);
        Assert.Contains("Table ex:SalesTable  (all, closed, segment, dimensions in http://example.com/role/SalesCube)", output, StringComparison.Ordinal);
        Assert.Contains("Axis ex:RegionAxis  (default ex:RegionDomain, domain in http://example.com/role/Regions)", output, StringComparison.Ordinal);
        Assert.Contains("ex:DiscontinuedRegionMember  (unusable)", output, StringComparison.Ordinal);
        Assert.Contains("Axis ex:CustomerAxis  (typed: ex:CustomerId)", output, StringComparison.Ordinal);
        Assert.Contains("Table ex:ExcludedTable  (notAll, open, scenario)", output, StringComparison.Ordinal);
        Assert.Contains("http://example.com/role/Sales  Sales by region and customer", output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_json_shape_is_summary_defaults_and_roles_with_line_items_tables_axes_and_member_trees()
    {
        var (code, output, _) = Run("xbrl", "dimensions", Fixture, "--format", "json");

        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Equal(["summary", "defaults", "roles"], root.EnumerateObject().Select(p => p.Name));
        var role = root.GetProperty("roles")[0];
        Assert.Equal("Sales by region and customer", role.GetProperty("definition").GetString());
        var lineItems = role.GetProperty("lineItems")[0];
        Assert.Equal(["concept", "tables", "items"], lineItems.EnumerateObject().Select(p => p.Name));
        var sales = lineItems.GetProperty("tables")[0];
        Assert.Equal(["concept", "arcrole", "closed", "contextElement", "targetRole", "axes"], sales.EnumerateObject().Select(p => p.Name));
        var region = sales.GetProperty("axes")[0];
        Assert.Equal("ex:RegionDomain", region.GetProperty("default").GetString());
        var domain = region.GetProperty("domains")[0];
        Assert.True(domain.GetProperty("default").GetBoolean());
        var members = domain.GetProperty("members").EnumerateArray().ToList();
        Assert.False(members[2].GetProperty("usable").GetBoolean());
        Assert.False(members[0].TryGetProperty("usable", out _));
        var customer = sales.GetProperty("axes")[1];
        Assert.True(customer.GetProperty("typed").GetBoolean());
        Assert.Equal("ex:CustomerId", customer.GetProperty("typedDomain").GetString());
        Assert.Equal("notAll", lineItems.GetProperty("tables")[1].GetProperty("arcrole").GetString());
    }

    [Fact]
    public void The_role_option_shows_that_role_only()
    {
        const string role = "http://www.liveperson.com/role/CommitmentsAndContingenciesDetails";
        var (code, output, _) = Run("xbrl", "dimensions", SeedFolder(), "--role", role, "--format", "json");

        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        var roles = doc.RootElement.GetProperty("roles");
        Assert.Equal(1, roles.GetArrayLength());
        Assert.Equal(role, roles[0].GetProperty("role").GetString());
        Assert.Equal(2, doc.RootElement.GetProperty("summary").GetProperty("axes").GetInt32());
        Assert.Equal(2, doc.RootElement.GetProperty("defaults").GetArrayLength());
    }

    [Fact]
    public void A_role_without_a_DRS_shows_nothing_and_an_unknown_role_is_a_usage_error()
    {
        var folder = SeedFolder();
        var (code, output, _) = Run("xbrl", "dimensions", folder, "--role", "http://www.liveperson.com/role/LegalMatters");
        Assert.Equal(0, code);
        Assert.StartsWith("No dimensional relationship set", output, StringComparison.Ordinal);

        var (unknownCode, _, err) = Run("xbrl", "dimensions", folder, "--role", "http://example.com/role/Nothing");
        Assert.Equal(2, unknownCode);
        Assert.Contains("has no extended link role 'http://example.com/role/Nothing'", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Dimensional_errors_go_to_standard_error_with_their_codes()
    {
        var folder = Directory.CreateTempSubdirectory("edgarsharp-cli-dims-err-").FullName;
        File.Copy(Corpus.Fixture("Dimensions/ex.xsd"), Path.Combine(folder, "ex.xsd"));
        File.WriteAllText(Path.Combine(folder, "ex_def.xml"),
            File.ReadAllText(Corpus.Fixture("Dimensions/ex_def.xml")).Replace(" xbrldt:contextElement=\"scenario\"", "", StringComparison.Ordinal));

        var (code, output, err) = Run("xbrl", "dimensions", Path.Combine(folder, "ex.xsd"));

        Assert.Equal(0, code);
        Assert.Contains("error xbrldte:HasHypercubeMissingContextElementAttributeError", err, StringComparison.Ordinal);
        Assert.Contains("Table ex:ExcludedTable  (notAll, open)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_verb_has_help_and_a_missing_path_is_a_clear_error()
    {
        var (helpCode, help, _) = Run("xbrl", "dimensions", "--help");
        Assert.Equal(0, helpCode);
        Assert.Contains("Usage:", help, StringComparison.Ordinal);
        Assert.Contains("--role", help, StringComparison.Ordinal);

        var (code, _, err) = Run("xbrl", "dimensions", "/nonexistent/file.xml");
        Assert.Equal(2, code);
        Assert.Contains("no file or folder", err, StringComparison.Ordinal);
    }
}
