using EdgarSharp.Ownership;

namespace EdgarSharp.Tests.Ownership;

/// <summary><see cref="OwnershipDocument"/> and its parts: what they derive from what they hold.</summary>
public class OwnershipDocumentTests
{
    [Fact]
    public void The_form_type_drops_the_amendment_suffix()
    {
        var amendment = new OwnershipDocument { DocumentType = "5/A" };
        Assert.Equal("5", amendment.FormType);
        Assert.True(amendment.IsAmendment);
        Assert.False(new OwnershipDocument { DocumentType = "3" }.IsAmendment);
        Assert.Null(new OwnershipDocument().FormType);
    }

    [Fact]
    public void A_relationship_reads_as_a_person_says_it()
    {
        Assert.Equal("director, officer (President and CFO)", new OwnerRelationship(true, true, false, null, "President and CFO", null).ToString());
        Assert.Equal("10% owner, other (member of a group)", new OwnerRelationship(false, false, true, true, null, "member of a group").ToString());
        Assert.Equal("none stated", new OwnerRelationship(null, null, null, null, null, null).ToString());
    }

    [Fact]
    public void A_field_tells_absent_empty_footnote_only_and_valued_apart()
    {
        Assert.False(Footnoted<decimal>.Absent.IsPresent);
        var empty = new Footnoted<decimal>(null, null, []);
        Assert.True(empty.IsPresent);
        Assert.False(empty.IsFootnoteOnly);
        var footnoteOnly = Footnoted<decimal>.FootnotesOnly("F1");
        Assert.True(footnoteOnly.IsFootnoteOnly);
        var valued = Footnoted<decimal>.Of(0.290m, "F2");
        Assert.Equal("0.290", valued.Text);
        Assert.Equal("0.290 [F2]", valued.ToString());
        Assert.NotEqual(empty, footnoteOnly);
        Assert.Equal(Footnoted<decimal>.Of(1m, "F1"), Footnoted<decimal>.Of(1m, "F1"));
    }

    [Fact]
    public void A_row_lists_each_footnote_id_once_in_field_order()
    {
        var row = new OwnershipRow
        {
            SecurityTitle = FootnotedText.Of("Common Stock", "F3"),
            PricePerShare = Footnoted<decimal>.Of(6.5m, "F2"),
            SharesOwnedFollowing = Footnoted<decimal>.Of(1m, "F3"),
            Coding = new TransactionCoding("4", "S", false, ["F1"]),
        };
        Assert.Equal(["F3", "F1", "F2"], row.AllFootnoteIds());
        Assert.StartsWith("Open market or private sale", row.TransactionDescription, StringComparison.Ordinal);
    }
}
