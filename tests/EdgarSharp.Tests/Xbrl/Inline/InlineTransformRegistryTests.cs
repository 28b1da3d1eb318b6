using System.Xml.Linq;
using EdgarSharp.Tests.Support;
using EdgarSharp.Xbrl;

namespace EdgarSharp.Tests.Xbrl.Inline;

/// <summary>
/// The transformation registries: SEC's own test cases (<c>ixbrl/ixt-sec-transform-tests/tests.xml</c>, 787
/// variations with exact expected outputs, one test each) and fixtures of our own for the functions those tests
/// miss and for the XBRL International registries EDGAR accepts.
/// </summary>
public class InlineTransformRegistryTests
{
    private const string TestsPath = "ixbrl/ixt-sec-transform-tests/tests.xml";
    private static readonly XNamespace Case = "http://xbrl.org/2011/conformance-rendering/transforms";

    /// <summary>One row per variation: the function, its ordinal within the function (for a readable name).</summary>
    public static TheoryData<string, int> SecVariations()
    {
        var data = new TheoryData<string, int>();
        var file = Corpus.Shared is null ? null : Path.Combine(Corpus.Shared, "corpus", TestsPath);
        if (file is null || !File.Exists(file))
        {
            data.Add("absent", 0);
            return data;
        }
        foreach (var transform in XDocument.Load(file).Root!.Elements(Case + "transform"))
        {
            var i = 0;
            foreach (var _ in transform.Elements(Case + "variation"))
            {
                data.Add((string)transform.Attribute("name")!, ++i);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(SecVariations))]
    public void A_SEC_transformation_variation_gives_the_expected_output_or_is_invalid(string function, int ordinal)
    {
        var file = Corpus.RequireCorpus(TestsPath);
        var transform = XDocument.Load(file).Root!.Elements(Case + "transform").Single(t => (string)t.Attribute("name")! == function);
        var variation = transform.Elements(Case + "variation").ElementAt(ordinal - 1);
        var input = (string)variation.Attribute("input")!;
        var valid = (string)variation.Attribute("result")! == "valid";
        var expected = (string)variation.Attribute("output")!;
        var local = function[(function.IndexOf(':', StringComparison.Ordinal) + 1)..];

        var result = InlineTransformRegistry.Apply(InlineTransformRegistry.Sec, local, input);

        if (valid)
        {
            Assert.True(result.Succeeded, $"{function}(\"{input}\") failed: {result.Message}");
            Assert.Equal(expected, result.Value);
        }
        else
        {
            Assert.False(result.Succeeded, $"{function}(\"{input}\") should be invalid but gave \"{result.Value}\".");
            Assert.Equal(InlineTransformRegistry.InvalidValueCode, result.ErrorCode);
        }
    }

    [Theory]
    [InlineData("numinf", "INF")]
    [InlineData("numneginf", "-INF")]
    [InlineData("numnan", "NaN")]
    public void The_SEC_special_number_functions_give_their_lexical_value_whatever_the_text(string function, string expected)
    {
        Assert.Equal(expected, InlineTransformRegistry.Apply(InlineTransformRegistry.Sec, function, "Not applicable").Value);
        Assert.Equal(expected, InlineTransformRegistry.Apply(InlineTransformRegistry.Sec, function, string.Empty).Value);
    }

    [Theory]
    [InlineData("Large Accelerated Filer", "Large Accelerated Filer")]
    [InlineData("large accelerated filer", "Large Accelerated Filer")]
    [InlineData(" Accelerated\u00A0Filer ", "Accelerated Filer")]
    [InlineData("Non-accelerated Filer", "Non-accelerated Filer")]
    [InlineData("Non\u2013accelerated Filer", "Non-accelerated Filer")]
    public void Entity_filer_category_names_become_the_dei_enumeration(string input, string expected)
    {
        var result = InlineTransformRegistry.Apply(InlineTransformRegistry.Sec, "entityfilercategoryen", input);
        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(expected, result.Value);
    }

    [Theory]
    [InlineData("Smaller Reporting Company")]
    [InlineData("\u00A0Accelerated Filer")]
    public void An_entity_filer_category_outside_the_enumeration_is_invalid(string input) =>
        Assert.False(InlineTransformRegistry.Apply(InlineTransformRegistry.Sec, "entityfilercategoryen", input).Succeeded);

    private const string CasesPath = "Transforms/registry-cases.tsv";

    /// <summary>Our own cases (<c>Fixtures/Transforms/registry-cases.tsv</c>): registry, function, input, expected.</summary>
    private static List<(string Registry, string Function, string Input, string Expected)> Cases()
    {
        var cases = new List<(string, string, string, string)>();
        foreach (var line in File.ReadLines(Corpus.Fixture(CasesPath)))
        {
            if (line.StartsWith('#') || line.Length == 0)
            {
                continue;
            }
            var cells = line.Split('\t');
            foreach (var registry in cells[0].Split(' '))
            {
                cases.Add((Namespace(registry), cells[1], cells[2], cells[3]));
            }
        }
        return cases;
    }

    private static string Namespace(string registry) => registry switch
    {
        "tr3" => InlineTransformRegistry.Tr3,
        "tr4" => InlineTransformRegistry.Tr4,
        "tr5" => InlineTransformRegistry.Tr5,
        "sec" => InlineTransformRegistry.Sec,
        _ => throw new InvalidDataException($"Unknown registry '{registry}' in {CasesPath}."),
    };

    /// <summary>One row per case: its index in the fixture and its function (for a readable name).</summary>
    public static TheoryData<int, string> RegistryCases()
    {
        var data = new TheoryData<int, string>();
        var all = Cases();
        for (var i = 0; i < all.Count; i++)
        {
            data.Add(i, all[i].Function);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(RegistryCases))]
    public void A_registry_function_gives_the_expected_value_or_says_the_input_is_invalid(int index, string function)
    {
        var (ns, name, input, expected) = Cases()[index];
        Assert.Equal(function, name);

        var result = InlineTransformRegistry.Apply(ns, name, input);

        if (expected == "!invalid")
        {
            Assert.False(result.Succeeded, $"{name} ({ns}) of \"{input}\" should be invalid but gave \"{result.Value}\".");
            Assert.Equal(InlineTransformRegistry.InvalidValueCode, result.ErrorCode);
            Assert.Contains(name, result.Message!, StringComparison.Ordinal);
        }
        else
        {
            Assert.True(result.Succeeded, $"{name} ({ns}) of \"{input}\" failed: {result.Message}");
            Assert.Equal(expected, result.Value);
        }
    }

    /// <summary>Functions whose value does not depend on the text, so no text is invalid.</summary>
    private static readonly HashSet<string> Constant = new(StringComparer.Ordinal)
    {
        "booleanfalse", "booleantrue", "nocontent", "fixed-false", "fixed-true", "fixed-empty", "fixed-zero", "numinf", "numneginf", "numnan",
    };

    [Theory]
    [InlineData(InlineTransformRegistry.Tr3)]
    [InlineData(InlineTransformRegistry.Tr4)]
    [InlineData(InlineTransformRegistry.Tr5)]
    public void Every_function_of_TR3_TR4_and_TR5_has_a_valid_case_and_unless_constant_an_invalid_one(string ns)
    {
        var cases = Cases().Where(c => c.Registry == ns).ToList();
        var lacking = new List<string>();
        foreach (var function in InlineTransformRegistry.FunctionNames(ns))
        {
            if (!cases.Any(c => c.Function == function && c.Expected != "!invalid"))
            {
                lacking.Add(function + " (no valid case)");
            }
            if (!Constant.Contains(function) && !cases.Any(c => c.Function == function && c.Expected == "!invalid"))
            {
                lacking.Add(function + " (no invalid case)");
            }
        }
        Assert.True(lacking.Count == 0, string.Join(", ", lacking));
        Assert.All(cases, c => Assert.True(InlineTransformRegistry.IsKnown(ns, c.Function), $"{c.Function} is not a function of {ns}."));
    }

    [Fact]
    public void The_four_SEC_functions_SEC_s_tests_miss_have_cases_of_our_own()
    {
        var covered = Cases().Where(c => c.Registry == InlineTransformRegistry.Sec).Select(c => c.Function).ToHashSet(StringComparer.Ordinal);
        Assert.Superset(new HashSet<string>(StringComparer.Ordinal) { "entityfilercategoryen", "numinf", "numneginf", "numnan" }, covered);
    }

    /// <summary>
    /// The function lists of the registries (the tables of contents of TR3, TR4 and TR5, which SEC's viewer and
    /// Arelle also carry): every name is there and nothing else.
    /// </summary>
    [Fact]
    public void Each_registry_has_exactly_its_own_functions()
    {
        string[] tr3 =
        [
            "booleanfalse", "booleantrue", "calindaymonthyear", "datedaymonth", "datedaymonthdk", "datedaymonthen", "datedaymonthyear",
            "datedaymonthyeardk", "datedaymonthyearen", "datedaymonthyearin", "dateerayearmonthdayjp", "dateerayearmonthjp", "datemonthday",
            "datemonthdayen", "datemonthdayyear", "datemonthdayyearen", "datemonthyear", "datemonthyeardk", "datemonthyearen", "datemonthyearin",
            "dateyearmonthcjk", "dateyearmonthday", "dateyearmonthdaycjk", "dateyearmonthen", "nocontent", "numcommadecimal", "numdotdecimal",
            "numdotdecimalin", "numunitdecimal", "numunitdecimalin", "zerodash",
        ];
        string[] languages = ["bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "hr", "it", "nl", "no", "pl", "pt", "ro", "sk", "sl", "sv"];
        var tr4 = new List<string>
        {
            "date-day-month", "date-day-monthname-lv", "date-day-monthroman", "date-day-month-year", "date-day-monthname-year-hi",
            "date-day-monthroman-year", "date-ind-day-monthname-year-hi", "date-jpn-era-year-month-day", "date-jpn-era-year-month",
            "date-monthname-day-en", "date-monthname-day-hu", "date-monthname-day-lt", "date-monthname-day-year-en", "date-month-day",
            "date-month-day-year", "date-month-year", "date-monthname-year-hi", "date-monthroman-year", "date-year-day-monthname-lv",
            "date-year-month", "date-year-month-day", "date-year-monthname-en", "date-year-monthname-hu", "date-year-monthname-day-hu",
            "date-year-monthname-day-lt", "date-year-monthname-lt", "date-year-monthname-lv", "fixed-empty", "fixed-false", "fixed-true",
            "fixed-zero", "num-comma-decimal", "num-dot-decimal", "numdotdecimalin", "num-unit-decimal",
        };
        foreach (var language in languages)
        {
            tr4.Add("date-day-monthname-" + language);
            tr4.Add("date-day-monthname-year-" + language);
            tr4.Add("date-monthname-year-" + language);
        }
        List<string> tr5 =
        [
            .. tr4, "date-day-monthname-cy", "date-day-monthname-year-cy", "date-monthname-year-cy", "num-comma-decimal-apos",
            "num-dot-decimal-apos", "num-unit-decimal-apos",
        ];

        Assert.Equal(tr3.Order(StringComparer.Ordinal), InlineTransformRegistry.FunctionNames(InlineTransformRegistry.Tr3));
        Assert.Equal(tr4.Order(StringComparer.Ordinal), InlineTransformRegistry.FunctionNames(InlineTransformRegistry.Tr4));
        Assert.Equal(tr5.Order(StringComparer.Ordinal), InlineTransformRegistry.FunctionNames(InlineTransformRegistry.Tr5));
        Assert.Equal((31, 95, 101, 18), (tr3.Length, tr4.Count, tr5.Count, InlineTransformRegistry.FunctionNames(InlineTransformRegistry.Sec).Count));
        Assert.Empty(InlineTransformRegistry.FunctionNames(InlineTransformRegistry.Tr2));
    }

    [Theory]
    [InlineData("numdotdecimalin", "0012", "0012", "numdotdecimalin", "12")]
    [InlineData("numdotdecimal", "1,23", null, "num-dot-decimal", "123")]
    [InlineData("numdotdecimal", "1,234.50", "1234.50", "num-dot-decimal", "1234.5")]
    [InlineData("datedaymonthyear", "\u0969\u0967/\u0967\u0968/\u0968\u0966\u0968\u096a", null, "date-day-month-year", "2024-12-31")]
    [InlineData("datedaymonthyearin", "\u0968\u096b/\u0967\u0968/\u0968\u0966\u0968\u096a", "2024-12-25", "date-day-monthname-year-hi", null)]
    [InlineData("numunitdecimal", "0012 euro 5", null, "num-unit-decimal", "12.05")]
    public void A_function_of_TR3_and_its_TR4_successor_read_the_same_text_differently(string tr3, string input, string? tr3Value, string tr4, string? tr4Value)
    {
        var three = InlineTransformRegistry.Apply(InlineTransformRegistry.Tr3, tr3, input);
        var four = InlineTransformRegistry.Apply(InlineTransformRegistry.Tr4, tr4, input);
        Assert.Equal(tr3Value, three.Succeeded ? three.Value : null);
        Assert.Equal(tr4Value, four.Succeeded ? four.Value : null);
    }

    [Theory]
    [InlineData(InlineTransformRegistry.Tr4, "numdotdecimal")]
    [InlineData(InlineTransformRegistry.Tr3, "num-dot-decimal")]
    [InlineData(InlineTransformRegistry.Tr3, "dateyearmonthdayen")]
    [InlineData(InlineTransformRegistry.Tr4, "num-dot-decimal-in")]
    [InlineData(InlineTransformRegistry.Tr4, "num-dot-decimal-apos")]
    [InlineData(InlineTransformRegistry.Tr4, "date-day-monthname-cy")]
    [InlineData(InlineTransformRegistry.Tr4, "date-day-monthname-year-lv")]
    [InlineData(InlineTransformRegistry.Tr2, "numdotdecimal")]
    [InlineData(InlineTransformRegistry.Sec, "numwordsfr")]
    [InlineData("http://example.com/my-registry", "num-dot-decimal")]
    public void A_local_name_means_nothing_outside_its_own_registry(string ns, string function)
    {
        var result = InlineTransformRegistry.Apply(ns, function, "1");
        Assert.False(result.Succeeded);
        Assert.Equal(InlineTransformRegistry.UnknownTransformationCode, result.ErrorCode);
    }
}
