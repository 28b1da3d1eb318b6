namespace EdgarSharp.Xbrl;

/// <summary>What a presentation role shows, guessed from its definition and URI.</summary>
public enum StatementKind
{
    /// <summary>A note, a parenthetical, a cover page or a detail: not one of the face statements below.</summary>
    Other,
    /// <summary>Balance sheet (statement of financial position).</summary>
    BalanceSheet,
    /// <summary>Income statement (statement of operations).</summary>
    IncomeStatement,
    /// <summary>Statement of comprehensive income.</summary>
    ComprehensiveIncome,
    /// <summary>Statement of cash flows.</summary>
    CashFlow,
    /// <summary>Statement of shareholders' equity.</summary>
    Equity,
}

/// <summary>A column of a statement: one period, with the heading a reader expects ("3 Months Ended Mar. 29, 2025").</summary>
/// <param name="Period">The period of the column's facts (instants of a duration statement are placed by their preferred label).</param>
/// <param name="Heading">The heading, in English.</param>
public sealed record StatementColumn(XbrlPeriod Period, string Heading);

/// <summary>
/// One line of a statement: a concept of the presentation tree with its label and its facts, one per column.
/// </summary>
/// <param name="Concept">The concept's name.</param>
/// <param name="PrefixedName">The concept's prefixed name.</param>
/// <param name="Label">The label chosen by the arc's preferred label role and the language asked for.</param>
/// <param name="LabelRole">The label role used (the preferred label role, else the standard label role).</param>
/// <param name="Depth">Depth in the presentation tree (0 for a root).</param>
/// <param name="IsHeading">True for an abstract concept or a line without any value: a heading.</param>
/// <param name="IsNegated">True when the preferred label is a negated label: values are shown with their sign reversed.</param>
/// <param name="IsTotal">True when the line is a calculation total in the statement's role.</param>
/// <param name="Facts">The fact of each column, or null.</param>
/// <param name="Values">The value of each column as shown (negated when <paramref name="IsNegated"/>), or null.</param>
/// <param name="Texts">The value of each column as text (non-numeric facts, or the number as written), or null.</param>
public sealed record StatementLine(
    QName Concept, string PrefixedName, string Label, string LabelRole, int Depth, bool IsHeading, bool IsNegated, bool IsTotal,
    IReadOnlyList<XbrlFact?> Facts, IReadOnlyList<decimal?> Values, IReadOnlyList<string?> Texts);

/// <summary>
/// The lines of a statement for one member of one axis: facts reported with that dimension only. These never mix
/// with the statement's ordinary lines, so a breakdown is never read (or added) as another line of the total.
/// </summary>
/// <param name="Axis">The axis (dimension) concept.</param>
/// <param name="AxisLabel">Its label.</param>
/// <param name="Member">The member.</param>
/// <param name="MemberLabel">Its label.</param>
/// <param name="Lines">The line items with a value for this member, in presentation order.</param>
public sealed record StatementSection(QName Axis, string AxisLabel, QName Member, string MemberLabel, IReadOnlyList<StatementLine> Lines);

/// <summary>
/// A financial statement as a person reads it: the presentation tree of one extended link role with the facts of
/// each period, labels by role and language, negated labels applied, dimensional facts in sections under their
/// axes and members (never as ordinary lines), calculation totals checked. Built by <see cref="StatementBuilder"/>;
/// immutable.
/// </summary>
public sealed class FinancialStatement
{
    internal FinancialStatement(string roleUri, string title, StatementKind kind, IReadOnlyList<StatementColumn> columns,
        IReadOnlyList<StatementLine> lines, IReadOnlyList<StatementSection> sections, IReadOnlyList<Diagnostic> diagnostics, IReadOnlyList<string> degradations)
    {
        RoleUri = roleUri;
        Title = title;
        Kind = kind;
        Columns = columns;
        Lines = lines;
        Sections = sections;
        Diagnostics = diagnostics;
        Degradations = degradations;
    }

    /// <summary>The extended link role of the statement.</summary>
    public string RoleUri { get; }

    /// <summary>The role's definition (<c>0000002 - Statement - CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS</c>), or its URI.</summary>
    public string Title { get; }

    /// <summary>The kind of statement, guessed from the title and URI.</summary>
    public StatementKind Kind { get; }

    /// <summary>The columns, shortest durations first, latest first within a duration.</summary>
    public IReadOnlyList<StatementColumn> Columns { get; }

    /// <summary>The ordinary lines: facts without dimensions.</summary>
    public IReadOnlyList<StatementLine> Lines { get; }

    /// <summary>The dimensional breakdowns, one per member of each axis in the role.</summary>
    public IReadOnlyList<StatementSection> Sections { get; }

    /// <summary>Calculation inconsistencies and, for a balance sheet, assets that differ from liabilities and equity.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>
    /// What is degraded because base taxonomies were not loaded (labels made from names, balance and period type of
    /// standard concepts unknown), as sentences to show beside the statement.
    /// </summary>
    public IReadOnlyList<string> Degradations { get; }
}
