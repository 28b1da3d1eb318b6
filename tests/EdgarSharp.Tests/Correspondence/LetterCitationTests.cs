using EdgarSharp.Correspondence;
using EdgarSharp.Tests.Support;

namespace EdgarSharp.Tests.Correspondence;

/// <summary>Citations found in letters and their normalised ids.</summary>
public class LetterCitationTests
{
    private static IReadOnlyList<Citation> Cite(string sentence) =>
        LetterReader.ReadText($"Dear Sir:\n\n1. {sentence}\n\nSincerely,\n").Citations;

    [Theory]
    [InlineData("Please see Item 303(a)(3)(ii) of Regulation S-K.", "S-K 303(a)(3)(ii)")]
    [InlineData("Please see S-K Item 303(a)(3)(ii).", "S-K 303(a)(3)(ii)")]
    [InlineData("Please see Regulation S-K Item 303(a)(3)(ii).", "S-K 303(a)(3)(ii)")]
    [InlineData("Please see Rule 5-02 of Regulation S-X.", "S-X 5-02")]
    [InlineData("Please see Rule 3-05 of Regulation S-X.", "S-X 3-05")]
    [InlineData("Please see ASC 450-20-50-4.", "ASC 450-20-50-4")]
    [InlineData("Please see FASB ASC Topic 606.", "ASC 606")]
    [InlineData("Please see SAB 99.", "SAB 99")]
    [InlineData("Please see Staff Accounting Bulletin No. 99.", "SAB 99")]
    [InlineData("Please see SAB Topic 1.M.", "SAB Topic 1M")]
    [InlineData("Please see SFAS 5.", "SFAS 5")]
    [InlineData("Please see Statement of Financial Accounting Standards No. 5.", "SFAS 5")]
    [InlineData("Please see IFRS 15.", "IFRS 15")]
    [InlineData("Please see Rule 13a-15(e) under the Exchange Act.", "Exchange Act Rule 13a-15(e)")]
    [InlineData("Please see Exchange Act Rule 13a-15(e).", "Exchange Act Rule 13a-15(e)")]
    [InlineData("Please see Rule 430B.", "Securities Act Rule 430B")]
    [InlineData("Please see Section 13(a) of the Exchange Act.", "Exchange Act Section 13(a)")]
    [InlineData("Please see Release No. 33-8350.", "Release 33-8350")]
    [InlineData("Please see Rule 101(b)(3) of Regulation S-T.", "Regulation S-T Rule 101(b)(3)")]
    [InlineData("Please amend your Form 10-K.", "Form 10-K")]
    public void Each_spelling_gets_its_normalised_id(string sentence, string id)
    {
        Assert.Contains(Cite(sentence), c => c.Id == id);
    }

    [Fact]
    public void Two_spellings_of_one_item_are_one_citation()
    {
        var citations = Cite("See Item 303(a)(3)(ii) of Regulation S-K and also S-K Item 303(a)(3)(ii).");

        Assert.Single(citations, c => c.Family == "S-K");
    }

    [Fact]
    public void SFAS_5_is_kept_as_written_and_not_codified_as_ASC_450()
    {
        var citations = Cite("See SFAS 5.");

        Assert.Contains(citations, c => c.Id == "SFAS 5");
        Assert.DoesNotContain(citations, c => c.Id.StartsWith("ASC", StringComparison.Ordinal));
    }

    [Fact]
    public void A_list_of_items_gives_one_citation_per_item()
    {
        var citations = Cite("Provide the disclosure required by Items 101, 103 and 303(a) of Regulation S-K.");

        Assert.Equal(["S-K 101", "S-K 103", "S-K 303(a)"], citations.Where(c => c.Family == "S-K").Select(c => c.Id));
    }

    [Fact]
    public void The_staff_letter_fixture_cites_across_families()
    {
        var letter = LetterReader.ReadFile(Corpus.Fixture(Path.Combine("Correspondence", "staff-letter.txt")));
        var ids = letter.Citations.Select(c => c.Id).ToList();

        Assert.Contains("S-K 303(a)(3)(ii)", ids);
        Assert.Contains("SAB Topic 1M", ids);
        Assert.Contains("SFAS 5", ids);
        Assert.Contains("ASC 606-10-25-1", ids);
        Assert.Contains("S-X 5-02", ids);
        Assert.Contains("S-K 101", ids);
        Assert.Contains("Exchange Act Rule 13a-15(e)", ids);
        Assert.All(letter.Citations, c => Assert.NotNull(c.Comment));
    }
}
