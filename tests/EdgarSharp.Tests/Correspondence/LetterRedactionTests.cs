using EdgarSharp.Correspondence;

namespace EdgarSharp.Tests.Correspondence;

/// <summary>Redactions, confidential-treatment legends and commitments in a small company response.</summary>
public class LetterRedactionTests
{
    private const string Response = """
        ACME WIDGETS, INC.

        CONFIDENTIAL TREATMENT REQUESTED BY ACME WIDGETS, INC. OMITTED INFORMATION IS MARKED "[***]".

        May 5, 2022

        VIA EDGAR

        Securities and Exchange Commission
        Division of Corporation Finance
        100 F Street, N.E.
        Washington, D.C. 20549

        Re: Acme Widgets, Inc.
        Form 10-K for the Fiscal Year Ended December 31, 2021
        Filed March 1, 2022
        File No. 001-12345

        Dear Ms. Smith:

        We respond below to the comments of the staff in its letter dated April 20, 2022.

        1. Please tell us the amount of revenue from your largest customer.

        Response: Revenue from that customer was [***] million in 2021 and [Redacted] in 2020. The Company will revise its disclosure in its Annual Report on Form 10-K for the year ending December 31, 2022.

        2. Please discuss your backlog.

        Response: The Company intends to include a discussion of backlog in future filings. We believe the current disclosure is adequate.

        Very truly yours,

        /s/ Pat Lee

        Pat Lee
        Chief Financial Officer
        """;

    private static readonly Letter Letter = LetterReader.ReadText(Response, "response.txt");

    [Fact]
    public void Each_marker_outside_the_legend_is_a_redaction_located_in_its_response()
    {
        Assert.Equal(["[***]", "[Redacted]"], Letter.Redactions.Select(r => r.Marker));
        Assert.All(Letter.Redactions, r =>
        {
            Assert.Equal(1, r.Comment);
            Assert.True(r.InResponse);
        });
    }

    [Fact]
    public void The_legend_is_a_confidential_treatment_request_and_not_text_of_the_letter()
    {
        Assert.Single(Letter.ConfidentialTreatmentRequests);
        Assert.DoesNotContain("CONFIDENTIAL TREATMENT", Letter.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Promises_are_commitments_with_their_filing_and_period_and_opinions_are_not()
    {
        Assert.Equal(2, Letter.Commitments.Count);
        var revise = Letter.Commitments[0];
        Assert.Equal("will revise", revise.Trigger);
        Assert.Equal(1, revise.Comment);
        Assert.Contains("Form 10-K", revise.Filing, StringComparison.Ordinal);
        Assert.Contains("December 31, 2022", revise.Period, StringComparison.Ordinal);
        var include = Letter.Commitments[1];
        Assert.Equal("intends to", include.Trigger);
        Assert.Equal("future filings", include.Filing);
        Assert.DoesNotContain(Letter.Commitments, c => c.Text.StartsWith("We believe", StringComparison.Ordinal));
    }

    [Fact]
    public void The_response_answers_the_staff_letter_it_names()
    {
        Assert.Equal(new DateOnly(2022, 4, 20), Letter.Answers);
        Assert.Equal(LetterKind.CompanyResponse, Letter.Kind);
        Assert.Equal([1, 2], Letter.Comments.Select(c => c.Number));
        Assert.StartsWith("Revenue from that customer", Letter.Comments[0].Response, StringComparison.Ordinal);
    }
}
