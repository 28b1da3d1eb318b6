using System.Runtime.InteropServices;

namespace EdgarSharp.Internal;

/// <summary>
/// Ordinal string equality with a hash of the length, the middle character and the last four characters only: for
/// keys such as XLink labels and ids (<c>loc_us-gaap_Assets_1</c>), which share long prefixes, differ near their
/// end and are hashed far more often than they are told apart. Equal strings hash alike; the rare collision is
/// settled by the ordinal comparison, which starts with a reference check (the keys are mostly shared instances).
/// Crafted keys could all collide, so <see cref="For"/> gives it only to small dictionaries (at most
/// <see cref="MaxKeys"/> keys: a few hundred thousand comparisons at worst) and the ordinal comparer, which guards
/// itself against collisions, to larger ones.
/// </summary>
internal sealed class EndWeightedStringComparer : IEqualityComparer<string>
{
    public static readonly EndWeightedStringComparer Instance = new();

    /// <summary>The most keys a dictionary may expect to get this comparer from <see cref="For"/>.</summary>
    public const int MaxKeys = 1024;

    /// <summary>This comparer for a dictionary of at most <see cref="MaxKeys"/> keys, else the ordinal comparer.</summary>
    public static IEqualityComparer<string> For(int expectedKeys) => expectedKeys <= MaxKeys ? Instance : StringComparer.Ordinal;

    private EndWeightedStringComparer()
    {
    }

    public bool Equals(string? x, string? y) => string.Equals(x, y, StringComparison.Ordinal);

    public int GetHashCode(string obj)
    {
        var n = obj.Length;
        if (n < 4)
        {
            return string.GetHashCode(obj, StringComparison.Ordinal);
        }
        var tail = MemoryMarshal.Read<ulong>(MemoryMarshal.AsBytes(obj.AsSpan(n - 4)));
        return HashCode.Combine(n, tail, obj[n / 2]);
    }
}
