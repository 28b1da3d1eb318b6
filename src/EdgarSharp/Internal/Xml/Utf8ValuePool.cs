using System.Runtime.CompilerServices;

namespace EdgarSharp.Internal.Xml;

/// <summary>
/// Attribute values shared by their bytes: a linkbase repeats the same short values over and over (every arc's
/// <c>xlink:type</c> and <c>xlink:arcrole</c>, each locator's label again in the <c>from</c> or <c>to</c> of its arcs,
/// a concept's <c>href</c> again in every role that shows it), so the reader gives the string it made the first time
/// instead of a new one. One pool per thread, bounded: when it is full it starts again, so it never holds more than
/// <see cref="MaxEntries"/> strings of at most <see cref="MaxBytes"/> bytes. Keyed by the raw bytes, which decode to
/// one string (the decoding is a pure function of them).
/// </summary>
internal sealed class Utf8ValuePool
{
    /// <summary>Values longer than this are decoded afresh every time (they are seldom repeated).</summary>
    public const int MaxBytes = 224;

    /// <summary>The most strings the pool holds before it starts again.</summary>
    public const int MaxEntries = 8192;

    // Open addressing, at most half full: a value found is one slot read (its keys, length and string) and, only for
    // values longer than 16 bytes, a compare of the bytes between their first and last eight.
    private const int SlotCount = MaxEntries * 2;

    /// <summary>The most slots a lookup reads; with the table at most half full, ordinary values need a handful.</summary>
    private const int MaxProbes = 32;

    [ThreadStatic]
    private static Utf8ValuePool? s_current;

    private readonly Slot[] _slots = new Slot[SlotCount];
    private readonly byte[] _bytes = new byte[MaxEntries * 48];
    private int _count;
    private int _used;

    private Utf8ValuePool()
    {
    }

    /// <summary>This thread's pool.</summary>
    public static Utf8ValuePool Current => s_current ??= new Utf8ValuePool();

    /// <summary>Forgets every value (as when the pool is full): for tests that need room for what they read, whatever ran before on the thread.</summary>
    internal void Clear()
    {
        Array.Clear(_slots);
        _count = 0;
        _used = 0;
    }

    /// <summary>A value's first and last eight bytes (all of it up to 16 bytes, with its length), where the rest of its bytes are, its string (null: an empty slot).</summary>
    private struct Slot
    {
        public ulong Key0;
        public ulong Key1;
        public int Length;
        public int Start;
        public string? Value;
    }

    /// <summary>
    /// The attribute value <paramref name="raw"/> decodes to (<see cref="Utf8XmlTokenizer.Decode"/>), the same instance
    /// as the last time these bytes were asked for on this thread while the pool held them.
    /// </summary>
    public string AttributeValue(ReadOnlySpan<byte> raw)
    {
        var length = raw.Length;
        var (k0, k1) = ByteKeys.Of(raw);
        var home = Home(k0, k1, length);
        var i = home;
        var probes = 0;
        while (true)
        {
            ref var slot = ref _slots[i];
            if (slot.Value is null)
            {
                break;
            }
            if (slot.Key0 == k0 && slot.Key1 == k1 && slot.Length == length
                && (length <= 16 || raw[8..^8].SequenceEqual(_bytes.AsSpan(slot.Start, length - 16))))
            {
                return slot.Value;
            }
            if (++probes == MaxProbes)
            {
                // A crowded run of slots: values made to share their ends (the keys are not secret) would otherwise
                // make every lookup walk the whole run. Such a value is decoded and not kept.
                return Utf8XmlTokenizer.Decode(raw, attribute: true);
            }
            i = (i + 1) & (SlotCount - 1);
        }
        var middle = Math.Max(0, length - 16);
        if (_count == MaxEntries || _used + middle > _bytes.Length)
        {
            Clear();
            i = home;
        }
        var value = Utf8XmlTokenizer.Decode(raw, attribute: true);
        if (middle > 0)
        {
            raw[8..^8].CopyTo(_bytes.AsSpan(_used));
        }
        _slots[i] = new Slot { Key0 = k0, Key1 = k1, Length = length, Start = _used, Value = value };
        _count++;
        _used += middle;
        return value;
    }

    // Values that share a prefix (labels, hrefs into one schema) differ at their end: both keys and the length count.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Home(ulong k0, ulong k1, int length)
    {
        var h = (k0 * 0x9E3779B97F4A7C15UL) ^ ((k1 + (ulong)length) * 0xC2B2AE3D27D4EB4FUL);
        return (int)(h >> 40) & (SlotCount - 1);
    }
}
