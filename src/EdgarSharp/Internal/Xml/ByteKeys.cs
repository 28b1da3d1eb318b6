using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace EdgarSharp.Internal.Xml;

/// <summary>
/// The first and last eight bytes of a name or value, the keys the name table and the value pool hash and compare by:
/// with the length they are the whole of anything up to 16 bytes. Shorter than eight bytes, the bytes fill the first
/// key from its low end and the last key is zero.
/// </summary>
internal static class ByteKeys
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (ulong First, ulong Last) Of(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 8)
        {
            return (BinaryPrimitives.ReadUInt64LittleEndian(bytes), BinaryPrimitives.ReadUInt64LittleEndian(bytes[^8..]));
        }
        ulong first = 0;
        for (var k = 0; k < bytes.Length; k++)
        {
            first |= (ulong)bytes[k] << (8 * k);
        }
        return (first, 0);
    }
}
