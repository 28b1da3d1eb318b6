using EdgarSharp.Correspondence;

namespace EdgarSharp.Tests.Correspondence;

/// <summary><see cref="LetterThreads"/>: grouping, order, pairing and open or closed reviews, on letters built in memory.</summary>
public class LetterThreadTests
{
    private static LetterComment Comment(int n, string text, string? response = null) => new(n, [], false, null, text, response, [], []);

    private static Letter Staff(string date, params LetterComment[] comments) => new()
    {
        Document = $"staff-{date}",
        SourceFormat = "text",
        Kind = comments.Length > 0 ? LetterKind.StaffCommentLetter : LetterKind.ReviewComplete,
        Side = LetterSide.Staff,
        Date = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture),
        Filings = [new FilingUnderReview("10-K", null, null, "001-00001", "Form 10-K")],
        Comments = comments,
    };

    private static Letter Response(string date, string answers, params LetterComment[] comments) => new()
    {
        Document = $"response-{date}",
        SourceFormat = "text",
        Kind = LetterKind.CompanyResponse,
        Side = LetterSide.Company,
        Date = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture),
        Answers = DateOnly.Parse(answers, System.Globalization.CultureInfo.InvariantCulture),
        Filings = [new FilingUnderReview("10-K", null, null, "001-00001", "Form 10-K")],
        Comments = comments,
    };

    private const string First = "Please tell us how you considered the guidance in ASC 606 for your licence revenue in fiscal 2020.";
    private const string Second = "Please expand your discussion of liquidity to address your known trends and uncertainties.";

    [Fact]
    public void Letters_are_put_in_date_order_and_a_review_complete_letter_closes_the_thread()
    {
        var thread = LetterThreads.Build("t", [Staff("2020-07-01"), Response("2020-06-15", "2020-06-01", Comment(1, First, "We will.")), Staff("2020-06-01", Comment(1, First))]);

        Assert.Equal(["staff-2020-06-01", "response-2020-06-15", "staff-2020-07-01"], thread.Letters.Select(l => l.Document));
        Assert.True(thread.IsClosed);
        Assert.Equal(30, thread.DaysToClose);
    }

    [Fact]
    public void A_thread_without_a_review_complete_letter_is_open_with_no_days_to_close()
    {
        var thread = LetterThreads.Build("t", [Staff("2020-06-01", Comment(1, First))]);

        Assert.False(thread.IsClosed);
        Assert.Null(thread.DaysToClose);
    }

    [Fact]
    public void A_response_comment_is_paired_by_number_and_text_with_the_letter_it_answers()
    {
        var thread = LetterThreads.Build("t", [
            Staff("2020-06-01", Comment(1, First), Comment(2, Second)),
            Response("2020-06-15", "2020-06-01", Comment(1, First, "Answer."), Comment(2, "Something else entirely, quoted wrongly.", "Answer.")),
        ]);

        var one = Assert.Single(thread.Pairings, p => p.Number == 1);
        Assert.True(one.Paired);
        Assert.Equal(0, one.StaffLetter);
        var two = Assert.Single(thread.Pairings, p => p.Number == 2);
        Assert.False(two.Paired);
    }

    [Fact]
    public void A_response_is_paired_with_the_staff_letter_of_the_date_it_names()
    {
        var thread = LetterThreads.Build("t", [
            Staff("2020-06-01", Comment(1, First)),
            Staff("2020-07-01", Comment(1, Second)),
            Response("2020-07-15", "2020-06-01", Comment(1, First, "Answer.")),
        ]);

        Assert.Equal(0, Assert.Single(thread.Pairings).StaffLetter);
        Assert.True(thread.Pairings[0].Paired);
    }

    [Fact]
    public void Letters_are_grouped_by_file_number_and_a_closing_letter_ends_a_review()
    {
        var other = Staff("2020-06-02", Comment(1, Second)) with { Filings = [new FilingUnderReview("S-1", null, null, "333-99999", "Form S-1")] };
        var threads = LetterThreads.Group([Staff("2020-06-01", Comment(1, First)), Staff("2020-07-01"), Staff("2021-01-01", Comment(1, Second)), other]);

        Assert.Equal(3, threads.Count);
        Assert.Equal(2, threads.Count(t => t.FileNumber == "001-00001"));
        Assert.Single(threads, t => t.FileNumber == "333-99999");
    }

    [Fact]
    public void Token_similarity_is_one_for_the_same_words_and_zero_for_none_shared()
    {
        Assert.Equal(1.0, TokenSimilarity.Dice("Please revise, page 4.", "please REVISE page 4"));
        Assert.Equal(0.0, TokenSimilarity.Dice("alpha beta", "gamma delta"));
        Assert.Equal(0.0, TokenSimilarity.Dice(string.Empty, "gamma"));
    }
}
