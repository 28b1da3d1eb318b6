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

    [Theory]
    [InlineData(InlineTransformRegistry.Tr4, "num-dot-decimal", "1,234,567.89", "1234567.89")]
    [InlineData(InlineTransformRegistry.Tr4, "num-dot-decimal", "95,359", "95359")]
    [InlineData(InlineTransformRegistry.Tr3, "numdotdecimal", "12 345", "12345")]
    [InlineData(InlineTransformRegistry.Tr3, "numcommadecimal", "1.234,5", "1234.5")]
    [InlineData(InlineTransformRegistry.Tr5, "num-comma-decimal", "1 234,50", "1234.50")]
    [InlineData(InlineTransformRegistry.Tr4, "fixed-zero", "—", "0")]
    [InlineData(InlineTransformRegistry.Tr3, "zerodash", "—", "0")]
    [InlineData(InlineTransformRegistry.Tr4, "fixed-true", "x", "true")]
    [InlineData(InlineTransformRegistry.Tr4, "date-monthname-day-year-en", "March 29, 2025", "2025-03-29")]
    [InlineData(InlineTransformRegistry.Tr3, "datemonthdayyearen", "Sept. 30, 2023", "2023-09-30")]
    [InlineData(InlineTransformRegistry.Tr3, "datemonthdayen", "December 31", "--12-31")]
    [InlineData(InlineTransformRegistry.Tr4, "date-day-month-year", "31/12/2024", "2024-12-31")]
    [InlineData(InlineTransformRegistry.Tr4, "date-month-day-year", "12.31.24", "2024-12-31")]
    [InlineData(InlineTransformRegistry.Tr5, "date-year-monthname-en", "2024 June", "2024-06")]
    [InlineData(InlineTransformRegistry.Tr4, "num-unit-decimal", "5 dollars 7 cents", "5.07")]
    public void XBRL_International_registry_functions_give_the_lexical_value(string ns, string function, string input, string expected)
    {
        var result = InlineTransformRegistry.Apply(ns, function, input);
        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(expected, result.Value);
    }

    [Theory]
    [InlineData(InlineTransformRegistry.Tr4, "num-dot-decimal", "12a4")]
    [InlineData(InlineTransformRegistry.Tr4, "num-dot-decimal", "1,23")]
    [InlineData(InlineTransformRegistry.Tr4, "num-dot-decimal", "\u00A01")]
    [InlineData(InlineTransformRegistry.Tr4, "date-monthname-day-year-en", "February 30, 2025")]
    [InlineData(InlineTransformRegistry.Tr3, "zerodash", "0")]
    public void Text_outside_a_function_s_pattern_is_invalid(string ns, string function, string input)
    {
        var result = InlineTransformRegistry.Apply(ns, function, input);
        Assert.False(result.Succeeded);
        Assert.Equal(InlineTransformRegistry.InvalidValueCode, result.ErrorCode);
    }

    [Theory]
    [InlineData(InlineTransformRegistry.Tr4, "date-day-monthname-year-de")]
    [InlineData(InlineTransformRegistry.Tr3, "dateerayearmonthdayjp")]
    public void A_registry_function_not_implemented_says_so_rather_than_calling_the_format_unknown(string ns, string function)
    {
        var result = InlineTransformRegistry.Apply(ns, function, "1. Januar 2024");
        Assert.False(result.Succeeded);
        Assert.Equal(InlineTransformRegistry.NotImplementedCode, result.ErrorCode);
    }

    [Theory]
    [InlineData(InlineTransformRegistry.Tr4, "numdotdecimal")]
    [InlineData(InlineTransformRegistry.Tr3, "num-dot-decimal")]
    [InlineData(InlineTransformRegistry.Sec, "numwordsfr")]
    [InlineData("http://example.com/my-registry", "num-dot-decimal")]
    public void A_local_name_means_nothing_outside_its_own_registry(string ns, string function)
    {
        var result = InlineTransformRegistry.Apply(ns, function, "1");
        Assert.False(result.Succeeded);
        Assert.Equal(InlineTransformRegistry.UnknownTransformationCode, result.ErrorCode);
    }
}
