using EdgarSharp.Correspondence;
using EdgarSharp.Tests.Support;

namespace EdgarSharp.Tests.Correspondence;

/// <summary>
/// The seed <c>lpsn-corresp-2013-02-27.md</c> read by <see cref="LetterReader"/>. The expected values are the facts
/// issue 8 lists for this letter, written here literally.
/// </summary>
public class LetterSeedTests
{
    private static readonly Lazy<Letter> Seed = new(() => LetterReader.ReadFile(Corpus.Sample("lpsn-corresp-2013-02-27.md")));

    private static Letter Letter => Seed.Value;

    private static bool Has(string? text, string value) => text?.Contains(value, StringComparison.Ordinal) == true;

    [Fact]
    public void The_seed_is_a_company_response_dated_2013_02_27()
    {
        Assert.Equal(LetterKind.CompanyResponse, Letter.Kind);
        Assert.Equal(LetterSide.Company, Letter.Side);
        Assert.Equal(new DateOnly(2013, 2, 27), Letter.Date);
    }

    [Fact]
    public void The_sender_is_Brian_B_Margolis_of_Orrick()
    {
        Assert.Equal("Brian B. Margolis", Letter.Sender?.Name);
        Assert.Equal("Orrick, Herrington & Sutcliffe LLP", Letter.Sender?.Office);
    }

    [Fact]
    public void The_addressee_is_Patrick_Gilmore_Accounting_Branch_Chief()
    {
        Assert.Equal("Patrick Gilmore", Letter.Addressee?.Name);
        Assert.Equal("Accounting Branch Chief", Letter.Addressee?.Title);
    }

    [Fact]
    public void The_company_and_the_filing_under_review_come_from_the_re_block()
    {
        Assert.Equal("LivePerson, Inc.", Letter.Company);
        var filing = Assert.Single(Letter.Filings);
        Assert.Equal("10-K", filing.Form);
        Assert.Contains("December 31, 2011", filing.FiscalPeriod, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2012, 3, 13), filing.FilingDate);
        Assert.Equal("000-30141", filing.FileNumber);
        Assert.Equal("000-30141", Letter.FileNumber);
    }

    [Fact]
    public void It_answers_the_staff_letter_of_2013_02_07()
    {
        Assert.Equal(new DateOnly(2013, 2, 7), Letter.Answers);
    }

    [Fact]
    public void It_has_four_comments_numbered_1_to_4()
    {
        Assert.Equal([1, 2, 3, 4], Letter.Comments.Select(c => c.Number));
        Assert.All(Letter.Comments, c => Assert.False(string.IsNullOrWhiteSpace(c.Response)));
    }

    [Fact]
    public void Comment_1_is_under_General_with_no_page()
    {
        var c = Letter.Comments[0];
        Assert.Equal(["General"], c.Headings);
        Assert.False(c.HeadingInherited);
        Assert.Null(c.Page);
    }

    [Fact]
    public void Comment_1_keeps_its_three_sub_bullets()
    {
        var c = Letter.Comments[0];
        Assert.Equal(3, c.Text.Split('\n').Count(l => l.StartsWith("- ", StringComparison.Ordinal)));
        Assert.StartsWith("As previously requested", c.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Comment_2_is_under_Item_7_on_page_34()
    {
        var c = Letter.Comments[1];
        Assert.Equal(["Item 7. Management's Discussion and Analysis of Financial Condition and Results of Operations"], c.Headings);
        Assert.False(c.HeadingInherited);
        Assert.Equal(34, c.Page);
        Assert.Contains(1, c.PriorComments);
    }

    [Fact]
    public void Comment_3_is_under_Item_8_and_Note_9_on_page_71()
    {
        var c = Letter.Comments[2];
        Assert.Equal(["Item 8. Consolidated Financial Statements and Supplementary Data", "Note (9) Legal Matters"], c.Headings);
        Assert.False(c.HeadingInherited);
        Assert.Equal(71, c.Page);
    }

    [Fact]
    public void Comment_4_has_no_heading_of_its_own_and_inherits_comment_3s()
    {
        var c = Letter.Comments[3];
        Assert.True(c.HeadingInherited);
        Assert.Equal(Letter.Comments[2].Headings, c.Headings);
        Assert.Equal(4, c.Text.Split('\n').Count(l => l.StartsWith("- ", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("S-K 303(a)(3)(ii)")]
    [InlineData("S-K 101(c)(1)(viii)")]
    [InlineData("S-K 103")]
    [InlineData("SAB 99")]
    [InlineData("ASC 450")]
    public void The_citations_include(string id)
    {
        Assert.Contains(Letter.Citations, c => c.Id == id);
    }

    [Fact]
    public void There_is_exactly_one_redaction_in_response_3_and_the_legend_is_not_one()
    {
        var r = Assert.Single(Letter.Redactions);
        Assert.Equal("[****]", r.Marker);
        Assert.Equal(3, r.Comment);
        Assert.True(r.InResponse);
        Assert.NotEmpty(Letter.ConfidentialTreatmentRequests);
    }

    [Fact]
    public void Commitments_come_from_responses_2_3_and_4()
    {
        Assert.Equal([2, 3, 4], Letter.Commitments.Select(c => c.Comment ?? 0).Distinct().Order());
        Assert.Contains(Letter.Commitments, c => c.Comment == 2 && c.Text.Contains("bookings", StringComparison.Ordinal)
            && Has(c.Filing, "Form 10-K") && Has(c.Period, "2012")
            && Has(c.Filing, "subsequent quarterly and annual reports"));
        Assert.Contains(Letter.Commitments, c => c.Comment == 2 && c.Text.Contains("average deal size", StringComparison.Ordinal));
        Assert.Contains(Letter.Commitments, c => c.Comment == 4 && Has(c.Filing, "Item 3") && Has(c.Filing, "Footnote 9") && Has(c.Filing, "Form 10-K"));
        Assert.Contains(Letter.Commitments, c => c.Comment == 3 && c.Trigger == "will continue");
    }

    [Fact]
    public void Annex_I_signed_by_Monica_Greenberg_is_part_of_this_letter()
    {
        var annex = Assert.Single(Letter.Annexes);
        Assert.Equal("Annex I", annex.Title);
        Assert.Equal("Monica Greenberg", Assert.Single(annex.Signatories).Name);
        // The annex's own date, address and Re: block do not start a second letter or add comments.
        Assert.Equal(4, Letter.Comments.Count);
    }

    [Fact]
    public void No_page_header_or_legend_text_is_inside_any_comment_or_response()
    {
        foreach (var c in Letter.Comments)
        {
            foreach (var text in new[] { c.Text, c.Response! })
            {
                Assert.DoesNotContain("CONFIDENTIAL TREATMENT", text, StringComparison.Ordinal);
                Assert.DoesNotMatch(@"LIVEPERSON-\d", text);
                Assert.DoesNotContain("Accounting Branch Chief", text, StringComparison.Ordinal);
                Assert.DoesNotMatch(@"(?m)^Page \d", text);
                Assert.DoesNotContain("February 27, 2013", text, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Proposed_disclosure_is_kept_as_quoted()
    {
        Assert.Contains(Letter.Comments[1].ProposedDisclosure, p => p.StartsWith("Bookings increased 38%", StringComparison.Ordinal));
        Assert.Contains(Letter.Comments[3].ProposedDisclosure, p => p.StartsWith("The liability, if any", StringComparison.Ordinal));
    }
}
