using EdgarSharp.Tests.Support;
using EdgarSharp.Xbrl;

namespace EdgarSharp.Tests.Xbrl;

/// <summary>
/// Calculation consistency under the classic XBRL 2.1 rules and under Calculations 1.1 (an option), on the fixtures
/// of Fixtures/Calculation: Total = A + B with the 2003 arcrole, Net = Gross - Cost with the 2023 one.
/// </summary>
public class CalculationTests
{
    private static IReadOnlyList<Diagnostic> Errors(string fixture, CalculationMode mode)
    {
        var instance = XbrlInstance.Load(Corpus.Fixture(Path.Combine("Calculation", fixture)), new XbrlLoadOptions { Calculations = mode });
        return instance.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
    }

    private static string Codes(IEnumerable<Diagnostic> errors) => string.Join(" ", errors.Select(e => e.Code).Order(StringComparer.Ordinal));

    [Theory]
    [InlineData(CalculationMode.Xbrl21)]
    [InlineData(CalculationMode.Calculations11)]
    [InlineData(CalculationMode.Calculations11Truncation)]
    public void Calculations_that_hold_give_no_error(CalculationMode mode)
    {
        Assert.Empty(Errors("consistent.xml", mode));
    }

    [Fact]
    public void Classic_rules_check_only_the_2003_arcrole()
    {
        var error = Assert.Single(Errors("inconsistent.xml", CalculationMode.Xbrl21));
        Assert.Equal("xbrl.5.2.5.2", error.Code);
        Assert.Contains("calc:Total", error.Message, StringComparison.Ordinal);
        Assert.Contains("310", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Calculations_11_checks_both_arcroles_with_intervals()
    {
        var errors = Errors("inconsistent.xml", CalculationMode.Calculations11);
        Assert.Equal("calc11e:inconsistentCalculationUsingRounding calc11e:inconsistentCalculationUsingRounding", Codes(errors));
        var total = errors.Single(e => e.Message.Contains("calc:Total", StringComparison.Ordinal));
        Assert.Contains("[309.5, 310.5]", total.Message, StringComparison.Ordinal);
        Assert.Contains("[299, 301]", total.Message, StringComparison.Ordinal);
        var net = errors.Single(e => e.Message.Contains("calc:Net", StringComparison.Ordinal));
        Assert.Contains("[59.5, 60.5]", net.Message, StringComparison.Ordinal);
        Assert.Contains("[49, 51]", net.Message, StringComparison.Ordinal); // Gross - Cost: [79.5, 80.5] - [29.5, 30.5]
        Assert.True(net.Location is { Line: 18, Column: > 0 });
    }

    [Fact]
    public void Values_rounded_to_thousands_that_the_classic_rules_reject_are_consistent_under_11()
    {
        var classic = Errors("rounding.xml", CalculationMode.Xbrl21);
        Assert.Equal(2, classic.Count(e => e.Code == "xbrl.5.2.5.2"));
        Assert.Contains(classic, e => e.Message.Contains("'FY2023' is 3000 but its items add up to 2000", StringComparison.Ordinal));

        var calc11 = Errors("rounding.xml", CalculationMode.Calculations11);
        var error = Assert.Single(calc11);
        Assert.Equal("calc11e:inconsistentCalculationUsingRounding", error.Code);
        Assert.Contains("'FY2022'", error.Message, StringComparison.Ordinal);
        Assert.Contains("[3500, 4500]", error.Message, StringComparison.Ordinal);
        Assert.Contains("[1000, 3000]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncation_mode_reads_each_value_as_a_lower_bound()
    {
        // Truncated to thousands: 1,000 + 1,000 is [2,000, 4,000), which meets 3,000's [3,000, 4,000) but not 4,000's [4,000, 5,000).
        var error = Assert.Single(Errors("rounding.xml", CalculationMode.Calculations11Truncation));
        Assert.Equal("calc11e:inconsistentCalculationUsingTruncation", error.Code);
        Assert.Contains("[4000, 5000)", error.Message, StringComparison.Ordinal);
        Assert.Contains("[2000, 4000)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Consistent_duplicates_are_merged_and_inconsistent_ones_stop_the_calculation()
    {
        Assert.Empty(Errors("duplicates.xml", CalculationMode.Xbrl21)); // the classic rules bind no duplicated fact

        var error = Assert.Single(Errors("duplicates.xml", CalculationMode.Calculations11));
        Assert.Equal("oime:disallowedDuplicateFacts", error.Code);
        Assert.Contains("calc:A", error.Message, StringComparison.Ordinal);
        Assert.Contains("(100, 120)", error.Message, StringComparison.Ordinal);
        Assert.True(error.Location is { Line: 20 });

        var truncation = Assert.Single(Errors("duplicates.xml", CalculationMode.Calculations11Truncation));
        Assert.Equal("calc11e:disallowedDuplicateFactsUsingTruncation", truncation.Code);
    }

    [Fact]
    public void A_value_with_digits_beyond_its_decimals_stops_its_calculations()
    {
        Assert.Equal("xbrl.5.2.5.2", Assert.Single(Errors("excess_digits.xml", CalculationMode.Xbrl21)).Code);
        var error = Assert.Single(Errors("excess_digits.xml", CalculationMode.Calculations11));
        Assert.Equal("calc11e:excessDigits", error.Code);
        Assert.Contains("100.5", error.Message, StringComparison.Ordinal);
        Assert.True(error.Location is { Line: 16 });
    }

    [Fact]
    public void Calculations_11_rejects_duplicate_and_non_decimal_relationships()
    {
        Assert.Empty(Errors("network_errors.xml", CalculationMode.Xbrl21));
        var errors = Errors("network_errors.xml", CalculationMode.Calculations11);
        Assert.Equal("calc11e:duplicateCalculationRelationships calc11e:nonDecimalItemNode", Codes(errors));
        Assert.Contains("calc:Ratio", errors.Single(e => e.Code == "calc11e:nonDecimalItemNode").Message, StringComparison.Ordinal);
        Assert.All(errors, e => Assert.True(e.Location is { Line: > 0 }));
    }

    [Fact]
    public void None_checks_no_calculation()
    {
        Assert.Empty(Errors("inconsistent.xml", CalculationMode.None));
    }

    [Fact]
    public void An_instance_read_against_a_loaded_dts_without_validation_keeps_every_fact_and_checks_nothing()
    {
        var path = Corpus.Fixture(Path.Combine("Calculation", "inconsistent.xml"));
        var dts = Dts.Load(path);
        var read = XbrlInstance.Load(dts, path, new XbrlLoadOptions { Validate = false });
        var validated = XbrlInstance.Load(dts, path);
        Assert.Same(dts, read.Dts);
        Assert.Equal(validated.AllFacts().Select(f => (f.PrefixedName, f.DecimalValue, f.Context?.Id, f.Unit?.Id)),
            read.AllFacts().Select(f => (f.PrefixedName, f.DecimalValue, f.Context?.Id, f.Unit?.Id)));
        Assert.Equal(6, read.AllFacts().Count(f => f.Context is not null && f.Unit is not null));
        Assert.DoesNotContain(read.Diagnostics, d => d.Code == "xbrl.5.2.5.2");
        Assert.Contains(validated.Diagnostics, d => d.Code == "xbrl.5.2.5.2");

        // A reference that does not resolve is still reported when only reading.
        var missing = Corpus.Fixture(Path.Combine("Instance", "missing_unit.xml"));
        var unread = XbrlInstance.Load(Dts.Load(missing), missing, new XbrlLoadOptions { Validate = false });
        Assert.Contains(unread.Diagnostics, d => d.Code == "xbrl.4.6.2" && d.Location is { Line: > 0 });
    }
}
