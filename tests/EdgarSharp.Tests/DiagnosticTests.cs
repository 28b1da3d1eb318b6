namespace EdgarSharp.Tests;

public class DiagnosticTests
{
    [Fact]
    public void A_diagnostic_prints_its_location_severity_code_and_message()
    {
        var d = Diagnostic.Error("xbrl.3.5.1.2", "The href points nowhere.", new SourceLocation("a.xml", 3, 7));
        Assert.Equal("a.xml:3:7: error xbrl.3.5.1.2: The href points nowhere.", d.ToString());
    }

    [Fact]
    public void A_bag_knows_whether_it_holds_an_error()
    {
        var bag = new DiagnosticBag();
        bag.Warning("w", "Only a warning.");
        Assert.False(bag.HasErrors);
        bag.Error("e", "An error.");
        Assert.True(bag.HasErrors);
        Assert.Equal(2, bag.Count);
    }
}
