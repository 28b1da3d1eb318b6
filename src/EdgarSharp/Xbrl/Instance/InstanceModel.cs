using System.Globalization;

namespace EdgarSharp.Xbrl;

/// <summary>
/// A date or date-time of an XBRL period, kept as written (XBRL 2.1 section 4.7.2): a date-only end date or
/// instant means the end of that day, so <c>2009-12-31</c> equals <c>2010-01-01T00:00:00</c> as an end; a
/// date-only start date means the start of that day.
/// </summary>
/// <param name="Lexical">The value as written.</param>
/// <param name="Date">The date part.</param>
/// <param name="Time">The time of day when one was written, else null.</param>
public readonly record struct XbrlDate(string Lexical, DateOnly Date, TimeOnly? Time)
{
    /// <summary>True when only a date was written.</summary>
    public bool IsDateOnly => Time is null;

    /// <summary>The instant this denotes as an end date or instant: a date alone is the following midnight.</summary>
    public DateTime AsEnd => Time is { } t ? Date.ToDateTime(t) : Date.AddDays(1).ToDateTime(TimeOnly.MinValue);

    /// <summary>The instant this denotes as a start date: a date alone is its own midnight.</summary>
    public DateTime AsStart => Time is { } t ? Date.ToDateTime(t) : Date.ToDateTime(TimeOnly.MinValue);

    /// <summary>The date a person reads for an end date or instant (a midnight date-time is the day before).</summary>
    public DateOnly EndDate => Time is { } t && t == TimeOnly.MinValue ? Date.AddDays(-1) : Date;

    /// <summary>Parses <c>YYYY-MM-DD</c> or <c>YYYY-MM-DDThh:mm:ss</c> (an offset or Z is accepted and kept in <see cref="Lexical"/>).</summary>
    public static bool TryParse(string text, out XbrlDate value)
    {
        value = default;
        var s = text.Trim();
        if (s.Length < 10 || !TryParseDate(s.AsSpan(0, 10), out var date))
        {
            return false;
        }
        if (s.Length == 10)
        {
            value = new XbrlDate(s, date, null);
            return true;
        }
        if (s[10] != 'T')
        {
            // A time zone on a date alone (2009-12-31Z) is legal xs:date.
            if (s[10] is 'Z' or '+' or '-')
            {
                value = new XbrlDate(s, date, null);
                return true;
            }
            return false;
        }
        var timePart = s[11..];
        var zone = timePart.IndexOfAny(['Z', '+', '-']);
        if (zone >= 0)
        {
            timePart = timePart[..zone];
        }
        if (!TimeOnly.TryParseExact(timePart, ["HH:mm:ss", "HH:mm:ss.FFFFFFF"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            if (timePart.StartsWith("24:00:00", StringComparison.Ordinal))
            {
                value = new XbrlDate(s, date.AddDays(1), TimeOnly.MinValue);
                return true;
            }
            return false;
        }
        value = new XbrlDate(s, date, time);
        return true;
    }

    /// <summary><c>YYYY-MM-DD</c> with a real day of a real month (year 0001 to 9999), digit by digit.</summary>
    private static bool TryParseDate(ReadOnlySpan<char> s, out DateOnly date)
    {
        date = default;
        if (s[4] != '-' || s[7] != '-' || !Digits(s[..4], out var year) || !Digits(s.Slice(5, 2), out var month) || !Digits(s.Slice(8, 2), out var day)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }
        date = new DateOnly(year, month, day);
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
            value = (value * 10) + (c - '0');
        }
        return true;
    }

    /// <inheritdoc/>
    public override string ToString() => Lexical;
}

/// <summary>The period of a context: an instant, a duration, or forever.</summary>
public sealed record XbrlPeriod
{
    /// <summary>The instant, for an instant period.</summary>
    public XbrlDate? Instant { get; init; }

    /// <summary>The start date, for a duration.</summary>
    public XbrlDate? Start { get; init; }

    /// <summary>The end date, for a duration.</summary>
    public XbrlDate? End { get; init; }

    /// <summary>True for <c>xbrli:forever</c>.</summary>
    public bool IsForever { get; init; }

    /// <summary>True for an instant.</summary>
    public bool IsInstant => Instant is not null;

    /// <summary>True for a duration (start and end, or forever).</summary>
    public bool IsDuration => Start is not null || IsForever;

    /// <summary>The period as a person writes it: <c>2023-09-30</c>, <c>2022-09-25/2023-09-30</c>, <c>forever</c> (end dates as the day they end).</summary>
    public override string ToString() => Instant is { } i ? Format(i.EndDate)
        : IsForever ? "forever"
        : Start is { } s && End is { } e ? Format(s.Date) + "/" + Format(e.EndDate) : "";

    private static string Format(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Period equality as XBRL 2.1 compares periods (s-equal): by the instants they denote.</summary>
    public bool PeriodEquals(XbrlPeriod other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (IsForever || other.IsForever)
        {
            return IsForever == other.IsForever;
        }
        if (Instant is { } a && other.Instant is { } b)
        {
            return a.AsEnd == b.AsEnd;
        }
        return Start is { } s1 && other.Start is { } s2 && End is { } e1 && other.End is { } e2 && s1.AsStart == s2.AsStart && e1.AsEnd == e2.AsEnd;
    }
}

/// <summary>A dimension's value in a context: an explicit member (a QName) or a typed member (XML content).</summary>
/// <param name="Dimension">The dimension (axis).</param>
/// <param name="Member">The member of an explicit dimension, else null.</param>
/// <param name="TypedValue">The content of a typed member (its XML, without the typedMember wrapper), else null.</param>
/// <param name="InScenario">True when the member is in the scenario, false when in the segment.</param>
public sealed record DimensionValue(QName Dimension, QName? Member, string? TypedValue, bool InScenario)
{
    /// <summary>True for an explicit member.</summary>
    public bool IsExplicit => Member is not null;
}

/// <summary>An <c>xbrli:context</c>: entity, period, and the segment and scenario with their dimension members.</summary>
public sealed record XbrlContext
{
    /// <summary>The context's id.</summary>
    public required string Id { get; init; }

    /// <summary>The entity identifier's scheme.</summary>
    public string Scheme { get; init; } = "";

    /// <summary>The entity identifier.</summary>
    public string Identifier { get; init; } = "";

    /// <summary>The period.</summary>
    public XbrlPeriod Period { get; init; } = new();

    /// <summary>The dimension members of the segment and the scenario, in document order.</summary>
    public IReadOnlyList<DimensionValue> Dimensions { get; init; } = [];

    /// <summary>Segment content other than dimension members, as XML; empty when none.</summary>
    public string OtherSegmentContent { get; init; } = "";

    /// <summary>Scenario content other than dimension members, as XML; empty when none.</summary>
    public string OtherScenarioContent { get; init; } = "";

    /// <summary>True when the context has a segment element.</summary>
    public bool HasSegment { get; init; }

    /// <summary>True when the context has a scenario element.</summary>
    public bool HasScenario { get; init; }

    /// <summary>Where it is.</summary>
    public SourceLocation? Location { get; init; }
}

/// <summary>An <c>xbrli:unit</c>: measures, or a division of numerator by denominator measures.</summary>
public sealed record XbrlUnit
{
    /// <summary>The unit's id.</summary>
    public required string Id { get; init; }

    /// <summary>The measures (the numerator of a divide).</summary>
    public IReadOnlyList<QName> Numerators { get; init; } = [];

    /// <summary>The denominator measures of a divide; empty otherwise.</summary>
    public IReadOnlyList<QName> Denominators { get; init; } = [];

    /// <summary>Where it is.</summary>
    public SourceLocation? Location { get; init; }

    /// <summary>u-equal: the same measures as multisets, numerators and denominators apart (XBRL 2.1 section 4.10).</summary>
    public bool UnitEquals(XbrlUnit other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return SameMultiset(Numerators, other.Numerators) && SameMultiset(Denominators, other.Denominators);
    }

    private static bool SameMultiset(IReadOnlyList<QName> a, IReadOnlyList<QName> b) =>
        a.Count == b.Count && a.Order(QNameOrder.Instance).SequenceEqual(b.Order(QNameOrder.Instance));

    /// <summary>The unit as a person reads it: <c>iso4217:USD</c>, <c>iso4217:USD/xbrli:shares</c>.</summary>
    public override string ToString() => string.Join('*', Numerators.Select(Display)) + (Denominators.Count > 0 ? "/" + string.Join('*', Denominators.Select(Display)) : "");

    private static string Display(QName q) => (q.Namespace switch
    {
        "http://www.xbrl.org/2003/iso4217" => "iso4217:",
        XbrlNamespaces.Xbrli => "xbrli:",
        _ => EdgarTaxonomies.PrefixFor(q.Namespace) is { } p ? p + ":" : "",
    }) + q.LocalName;

    private sealed class QNameOrder : IComparer<QName>
    {
        public static readonly QNameOrder Instance = new();

        public int Compare(QName x, QName y)
        {
            var c = string.CompareOrdinal(x.Namespace, y.Namespace);
            return c != 0 ? c : string.CompareOrdinal(x.LocalName, y.LocalName);
        }
    }
}

/// <summary>
/// A fact: an item (with its context, unit, accuracy and value) or a tuple (with its child facts). The value is
/// kept as written (<see cref="Lexical"/>) and typed: <see cref="DecimalValue"/> for types derived from
/// xs:decimal (and, when the concept's schema is not available offline, for any fact with a unit that parses as
/// one), <see cref="DoubleValue"/> for xs:float and xs:double.
/// </summary>
public sealed class XbrlFact
{
    internal XbrlFact(QName name, string prefix)
    {
        Name = name;
        Prefix = prefix;
    }

    /// <summary>The concept's name.</summary>
    public QName Name { get; }

    /// <summary>The display prefix (EDGAR's table, else the instance's own).</summary>
    public string Prefix { get; }

    /// <summary>The concept <c>prefix:LocalName</c>.</summary>
    public string PrefixedName => Prefix.Length == 0 ? Name.LocalName : Prefix + ":" + Name.LocalName;

    /// <summary>The concept's declaration, when the DTS knows it.</summary>
    public Concept? Concept { get; internal init; }

    /// <summary>The fact's id, or null.</summary>
    public string? Id { get; internal init; }

    /// <summary>The <c>contextRef</c>, or null for a tuple.</summary>
    public string? ContextRef { get; internal init; }

    /// <summary>The context, once resolved.</summary>
    public XbrlContext? Context { get; internal set; }

    /// <summary>The <c>unitRef</c>, or null.</summary>
    public string? UnitRef { get; internal init; }

    /// <summary>The unit, once resolved.</summary>
    public XbrlUnit? Unit { get; internal set; }

    /// <summary>The <c>decimals</c> attribute as written, or null.</summary>
    public string? Decimals { get; internal init; }

    /// <summary>The <c>precision</c> attribute as written, or null.</summary>
    public string? Precision { get; internal init; }

    /// <summary>True when <c>xsi:nil="true"</c>.</summary>
    public bool IsNil { get; internal init; }

    /// <summary>The value as written (whitespace kept), empty for nil and tuples.</summary>
    public string Lexical { get; internal init; } = "";

    /// <summary>The value as a decimal, for numeric facts of decimal types.</summary>
    public decimal? DecimalValue { get; internal set; }

    /// <summary>The value as a double, for xs:float and xs:double facts (INF, NaN, exponents).</summary>
    public double? DoubleValue { get; internal set; }

    /// <summary>True for a tuple.</summary>
    public bool IsTuple { get; internal init; }

    /// <summary>The child facts of a tuple, in document order.</summary>
    public IReadOnlyList<XbrlFact> Children { get; internal init; } = [];

    /// <summary>The tuple holding this fact, or null at the top level.</summary>
    public XbrlFact? Parent { get; internal set; }

    /// <summary>Where it is.</summary>
    public SourceLocation? Location { get; internal init; }

    /// <summary>True when the fact is numeric (it has a unit).</summary>
    public bool IsNumeric => UnitRef is not null;

    /// <inheritdoc/>
    public override string ToString() => $"{PrefixedName}[{ContextRef}] = {Lexical}";
}

/// <summary>A footnote and the facts it qualifies (<c>link:footnoteLink</c>, arcrole fact-footnote).</summary>
/// <param name="Id">The footnote resource's id, or its label.</param>
/// <param name="Role">The footnote's role.</param>
/// <param name="Language">The footnote's xml:lang.</param>
/// <param name="Text">Its text.</param>
/// <param name="FactIds">The ids of the facts it qualifies.</param>
public sealed record XbrlFootnote(string Id, string? Role, string? Language, string Text, IReadOnlyList<string> FactIds);
