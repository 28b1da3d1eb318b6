using System.Buffers.Binary;
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

    private const int BucketCount = MaxEntries * 2;

    [ThreadStatic]
    private static Utf8ValuePool? s_current;

    private readonly int[] _buckets = new int[BucketCount];
    private readonly Entry[] _entries = new Entry[MaxEntries];
    private readonly byte[] _bytes = new byte[MaxEntries * 48];
    private int _count;
    private int _used;

    private Utf8ValuePool() => Array.Fill(_buckets, -1);

    /// <summary>This thread's pool.</summary>
    public static Utf8ValuePool Current => s_current ??= new Utf8ValuePool();

    private struct Entry
    {
        public int Hash;
        public int Start;
        public int Length;
        public int Next;
        public string Value;
    }

    /// <summary>
    /// The attribute value <paramref name="raw"/> decodes to (<see cref="Utf8XmlTokenizer.Decode"/>), the same instance
    /// as the last time these bytes were asked for on this thread while the pool held them.
    /// </summary>
    public string AttributeValue(ReadOnlySpan<byte> raw)
    {
        var hash = Hash(raw);
        ref var bucket = ref _buckets[hash & (BucketCount - 1)];
        for (var i = bucket; i >= 0; i = _entries[i].Next)
        {
            ref var e = ref _entries[i];
            if (e.Hash == hash && raw.SequenceEqual(_bytes.AsSpan(e.Start, e.Length)))
            {
                return e.Value;
            }
        }
        if (_count == MaxEntries || _used + raw.Length > _bytes.Length)
        {
            Array.Fill(_buckets, -1);
            Array.Clear(_entries);
            _count = 0;
            _used = 0;
            bucket = ref _buckets[hash & (BucketCount - 1)];
        }
        raw.CopyTo(_bytes.AsSpan(_used));
        var value = Utf8XmlTokenizer.Decode(raw, attribute: true);
        _entries[_count] = new Entry { Hash = hash, Start = _used, Length = raw.Length, Next = bucket, Value = value };
        bucket = _count++;
        _used += raw.Length;
        return value;
    }

    // The first and last eight bytes and the length: values that share a prefix (labels, hrefs into one schema) differ
    // at their end, and the chains compare the bytes anyway.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Hash(ReadOnlySpan<byte> raw)
    {
        ulong h;
        if (raw.Length >= 8)
        {
            var first = BinaryPrimitives.ReadUInt64LittleEndian(raw);
            var last = BinaryPrimitives.ReadUInt64LittleEndian(raw[^8..]);
            h = (first * 0x9E3779B97F4A7C15UL) ^ (last + (ulong)raw.Length) * 0xC2B2AE3D27D4EB4FUL;
        }
        else
        {
            h = (ulong)raw.Length;
            foreach (var b in raw)
            {
                h = (h << 8) | b;
            }
            h *= 0x9E3779B97F4A7C15UL;
        }
        return (int)(h ^ (h >> 32)) & int.MaxValue;
    }
}
