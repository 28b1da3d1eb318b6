namespace EdgarSharp.Internal;

/// <summary>
/// Strings cut out of others and shared by their content: the ids a locator's href points to
/// (<c>us-gaap_Assets</c>) and the names made of them repeat in link after link and in filing after filing, so the
/// loader asks here instead of cutting a new string each time. One table per thread, bounded: when it holds
/// <see cref="MaxEntries"/> strings it starts again, and strings longer than <see cref="MaxLength"/> are not kept.
/// </summary>
internal sealed class SharedStrings
{
    /// <summary>The most strings the table holds before it starts again.</summary>
    public const int MaxEntries = 8192;

    /// <summary>Longer strings are made afresh each time.</summary>
    public const int MaxLength = 160;

    [ThreadStatic]
    private static SharedStrings? s_current;

    private readonly HashSet<string> _set = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private SharedStrings() => _lookup = _set.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>This thread's table.</summary>
    public static SharedStrings Current => s_current ??= new SharedStrings();

    /// <summary>The string of <paramref name="chars"/>: the one made the last time they were asked for on this thread, while the table held it.</summary>
    public string Get(ReadOnlySpan<char> chars)
    {
        if (chars.Length == 0)
        {
            return "";
        }
        if (chars.Length > MaxLength)
        {
            return chars.ToString();
        }
        if (_lookup.TryGetValue(chars, out var known))
        {
            return known;
        }
        if (_set.Count >= MaxEntries)
        {
            _set.Clear();
        }
        var made = chars.ToString();
        _set.Add(made);
        return made;
    }
}
