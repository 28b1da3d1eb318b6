namespace EdgarSharp.Ownership;

/// <summary>
/// The stable codes of the diagnostics the ownership readers and checks report. Reading problems are errors when
/// a value is lost and warnings when it is kept but doubtful; check findings are warnings (something does not add
/// up) or informational (what a check found, such as a 10b5-1 sale or a weighted-average price range).
/// </summary>
public static class OwnershipDiagnosticCodes
{
    /// <summary>Error: the XML is not well-formed (truncated, broken markup); what was read before the break is kept.</summary>
    public const string MalformedXml = "edgar:ownership-malformed-xml";

    /// <summary>Error: the document is not an ownershipDocument (another root element, or no XML block in a submission).</summary>
    public const string NotOwnershipDocument = "edgar:ownership-not-ownership-document";

    /// <summary>Warning: the schema version is an X02nn to X05nn version this reader does not know; read by element name.</summary>
    public const string UnknownSchemaVersion = "edgar:ownership-unknown-schema-version";

    /// <summary>Error: the schema version is outside X0200 to X0599 (or not a version at all); read by element name.</summary>
    public const string UnsupportedSchemaVersion = "edgar:ownership-unsupported-schema-version";

    /// <summary>Warning: the document states no schema version; read by element name.</summary>
    public const string MissingSchemaVersion = "edgar:ownership-missing-schema-version";

    /// <summary>Warning: an element the schemas do not define where it stands; it is skipped.</summary>
    public const string UnknownElement = "edgar:ownership-unknown-element";

    /// <summary>Error: an amount, a price or a number that is not a decimal; its text is kept, its value is not.</summary>
    public const string BadNumber = "edgar:ownership-bad-number";

    /// <summary>Error: a date that is not a date; its text is kept.</summary>
    public const string BadDate = "edgar:ownership-bad-date";

    /// <summary>Error: a flag that is not 0, 1, true or false.</summary>
    public const string BadBoolean = "edgar:ownership-bad-boolean";

    /// <summary>Error: an A/D, D/I or E/L code that is none of these.</summary>
    public const string BadCode = "edgar:ownership-bad-code";

    /// <summary>Warning: a transaction code the SEC does not define.</summary>
    public const string UnknownTransactionCode = "edgar:ownership-unknown-transaction-code";

    /// <summary>Error: a field refers to a footnote the form does not have.</summary>
    public const string MissingFootnote = "edgar:ownership-missing-footnote";

    /// <summary>Warning: Table I or Table II holdings after a row do not follow from the row before and its amount.</summary>
    public const string HoldingsChainBreak = "edgar:ownership-holdings-chain";

    /// <summary>Info: the holdings chain breaks in document order but holds in date order.</summary>
    public const string HoldingsChainDateOrder = "edgar:ownership-holdings-chain-date-order";

    /// <summary>Info: every holdings chain adds up.</summary>
    public const string HoldingsChainHolds = "edgar:ownership-holdings-chain-ok";

    /// <summary>Warning: an exercise or conversion in Table II has no code M (or X, C) acquisition of the same amount in Table I, or the reverse.</summary>
    public const string ExerciseUnmatched = "edgar:ownership-exercise-unmatched";

    /// <summary>Info: an exercise in Table II matches a code M acquisition in Table I.</summary>
    public const string ExerciseMatched = "edgar:ownership-exercise-matched";

    /// <summary>Info: a weighted-average-price footnote and the range it states.</summary>
    public const string WeightedAveragePrice = "edgar:ownership-weighted-average-price";

    /// <summary>Warning: a weighted-average price lies outside the range its footnote states.</summary>
    public const string WeightedAveragePriceOutOfRange = "edgar:ownership-weighted-average-price-out-of-range";

    /// <summary>Info: a sale made under a Rule 10b5-1 trading plan (the X0508 box or a footnote).</summary>
    public const string Rule10b5One = "edgar:ownership-10b5-1";

    /// <summary>Warning: the form was filed after its due date.</summary>
    public const string LateFiling = "edgar:ownership-late-filing";

    /// <summary>Error: a rendered form's table lacks a column the form requires; the other columns are read.</summary>
    public const string MissingColumn = "edgar:ownership-missing-column";

    /// <summary>Error: a rendered form's row or field could not be read.</summary>
    public const string UnreadableRendering = "edgar:ownership-unreadable-rendering";

    /// <summary>Info: several readings of scrambled text were possible; the form's arithmetic chose one.</summary>
    public const string ReadingChosen = "edgar:ownership-reading-chosen";

    /// <summary>Warning: a value was inferred rather than read (the officer box lost in extracted text).</summary>
    public const string Inferred = "edgar:ownership-inferred";
}
