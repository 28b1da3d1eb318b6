using System.Globalization;

namespace EdgarSharp.Ownership;

/// <summary>
/// A field of an ownership form that footnotes can qualify (EDGAR's <c>...WithFootnote</c> types): a typed value,
/// the text as written, the ids of the footnotes attached to this exact field, and whether the field was written at
/// all. It tells apart every shape a filing uses: the field absent (<see cref="IsPresent"/> false), written empty
/// (<c>&lt;x/&gt;</c>: <see cref="Text"/> null), with an empty value (<c>&lt;x&gt;&lt;value/&gt;&lt;/x&gt;</c>:
/// <see cref="Text"/> empty), a footnote alone with no value (a price that is only a footnote), or a value with
/// footnotes. A value that does not parse as <typeparamref name="T"/> keeps its <see cref="Text"/> and has no
/// <see cref="Value"/>; the reader reports it.
/// </summary>
/// <typeparam name="T">The value's type: <see cref="decimal"/>, <see cref="DateOnly"/> or an enumeration.</typeparam>
/// <param name="Value">The typed value; null when there is none or it does not parse.</param>
/// <param name="Text">The value as written (trimmed); null when no value was written, empty when it was empty.</param>
/// <param name="FootnoteIds">The ids of the footnotes on this field (<c>F1</c>), in document order.</param>
/// <param name="IsPresent">True when the field was written in the source, even empty.</param>
public sealed record Footnoted<T>(T? Value, string? Text, IReadOnlyList<string> FootnoteIds, bool IsPresent = true)
    where T : struct
{
    /// <summary>The field absent from the source.</summary>
    public static Footnoted<T> Absent { get; } = new(null, null, [], false);

    /// <summary>True when the field has a typed value.</summary>
    public bool HasValue => Value.HasValue;

    /// <summary>True when the field carries at least one footnote.</summary>
    public bool HasFootnotes => FootnoteIds.Count > 0;

    /// <summary>True when the field has footnotes and no value: what the form says is only in the footnotes.</summary>
    public bool IsFootnoteOnly => !Value.HasValue && string.IsNullOrEmpty(Text) && FootnoteIds.Count > 0;

    /// <summary>A present field with <paramref name="value"/> written in its canonical form and the given footnotes.</summary>
    public static Footnoted<T> Of(T value, params string[] footnoteIds) => new(value, Format(value), footnoteIds);

    /// <summary>A present field with no value and only the given footnotes.</summary>
    public static Footnoted<T> FootnotesOnly(params string[] footnoteIds) => new(null, null, footnoteIds);

    /// <summary>The canonical text of a value: invariant decimals with their scale, ISO 8601 dates, enum codes.</summary>
    public static string Format(T value) => value switch
    {
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => OwnershipCodes.ToCode(value),
    };

    /// <inheritdoc/>
    public bool Equals(Footnoted<T>? other) =>
        other is not null && EqualityComparer<T?>.Default.Equals(Value, other.Value) && Text == other.Text
        && IsPresent == other.IsPresent && FootnoteIds.SequenceEqual(other.FootnoteIds, StringComparer.Ordinal);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Value, Text, IsPresent, FootnoteIds.Count);

    /// <inheritdoc/>
    public override string ToString()
    {
        var value = Value is { } v ? Format(v) : Text ?? string.Empty;
        return FootnoteIds.Count == 0 ? value : $"{value} [{string.Join(",", FootnoteIds)}]";
    }
}

/// <summary>
/// A text field that footnotes can qualify (security titles, the nature of ownership): the text as written (null
/// when no value was written, empty when empty), the footnote ids on it, and whether the field was written at all.
/// </summary>
/// <param name="Text">The text as written, trimmed; null when no value element was written.</param>
/// <param name="FootnoteIds">The ids of the footnotes on this field, in document order.</param>
/// <param name="IsPresent">True when the field was written in the source, even empty.</param>
public sealed record FootnotedText(string? Text, IReadOnlyList<string> FootnoteIds, bool IsPresent = true)
{
    /// <summary>The field absent from the source.</summary>
    public static FootnotedText Absent { get; } = new(null, [], false);

    /// <summary>A present field with <paramref name="text"/> and the given footnotes.</summary>
    public static FootnotedText Of(string text, params string[] footnoteIds) => new(text, footnoteIds);

    /// <inheritdoc/>
    public bool Equals(FootnotedText? other) =>
        other is not null && Text == other.Text && IsPresent == other.IsPresent
        && FootnoteIds.SequenceEqual(other.FootnoteIds, StringComparer.Ordinal);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Text, IsPresent, FootnoteIds.Count);

    /// <inheritdoc/>
    public override string ToString() => FootnoteIds.Count == 0 ? Text ?? string.Empty : $"{Text} [{string.Join(",", FootnoteIds)}]";
}
