namespace EdgarSharp.Edgar.Internal;

/// <summary>
/// Forward-only lines of bytes from a stream or from one array in memory: LF, CRLF and bare CR all end a line (several
/// dissemination-feed files use bare CR). A line longer than the buffer (256 KiB at most) comes out in pieces, the
/// later ones with <c>atLineStart</c> false, so memory stays bounded by the buffer whatever the input; lines in memory
/// come out in pieces of the same size, so that both give the same lines. From a stream, each returned span is valid
/// until the next call and the buffer is rented from the shared array pool and goes back with <see cref="Release"/>;
/// in memory, the spans are parts of the caller's array (see <see cref="InMemory"/> and <see cref="OffsetOf"/>).
/// </summary>
internal sealed class ByteLineReader
{
    /// <summary>The longest piece of a line handed out at once: the largest buffer a stream is read through.</summary>
    public const int MaxPiece = 256 * 1024;

    private bool _pooled;

    private readonly Stream _stream;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private bool _eof;
    private bool _midLine;

    public ByteLineReader(Stream stream, int bufferSize = MaxPiece)
    {
        _stream = stream;
        _buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(Math.Max(bufferSize, 16));
        _pooled = true;
    }

    /// <summary>Lines of <paramref name="bytes"/>, read in place: nothing is copied and nothing rented.</summary>
    public ByteLineReader(byte[] bytes)
    {
        _stream = Stream.Null;
        _buffer = bytes;
        _end = bytes.Length;
        _eof = true;
        InMemory = bytes;
    }

    /// <summary>The array the lines are read from in place, or null when they come from a stream (then no span outlives the next call).</summary>
    public byte[]? InMemory { get; }

    /// <summary>The offset in <see cref="InMemory"/> of <paramref name="span"/>, a part of a line this reader returned.</summary>
    public int OffsetOf(ReadOnlySpan<byte> span) =>
        (int)System.Runtime.CompilerServices.Unsafe.ByteOffset(
            ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(InMemory!),
            ref System.Runtime.InteropServices.MemoryMarshal.GetReference(span));

    /// <summary>Gives the buffer back to the pool; the reader then reads nothing more.</summary>
    public void Release()
    {
        if (_pooled)
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(_buffer);
            _pooled = false;
        }
        _buffer = [];
        _start = _end = 0;
        _eof = true;
    }

    /// <summary>The one-based number of the line last returned (pieces of one long line share it).</summary>
    public long LineNumber { get; private set; }

    /// <summary>The number of bytes returned so far.</summary>
    public long Position { get; private set; }

    /// <summary>
    /// Reads the next line. <paramref name="raw"/> is the line's bytes including its terminator;
    /// <paramref name="contentLength"/> the bytes before the terminator; <paramref name="atLineStart"/> false for the
    /// continuation of a line too long for the buffer. False at the end of the stream.
    /// </summary>
    public bool TryReadLine(out ReadOnlySpan<byte> raw, out int contentLength, out bool atLineStart)
    {
        var scanFrom = _start;
        while (true)
        {
            // In memory, a line is looked at no further than a stream's buffer would hold of it.
            var window = _buffer.AsSpan(scanFrom, InMemory is null ? _end - scanFrom : Math.Min(_end - scanFrom, MaxPiece));
            var at = window.IndexOfAny((byte)'\n', (byte)'\r');
            if (at >= 0)
            {
                var index = scanFrom + at;
                int terminator;
                if (_buffer[index] == '\r')
                {
                    if (index + 1 < _end)
                    {
                        terminator = _buffer[index + 1] == '\n' ? 2 : 1;
                    }
                    else if (!_eof)
                    {
                        // A CR at the end of the buffer: read on to see whether LF follows.
                        var offset = index - _start;
                        Fill();
                        scanFrom = _start + offset;
                        continue;
                    }
                    else
                    {
                        terminator = 1;
                    }
                }
                else
                {
                    terminator = 1;
                }
                var length = index - _start + terminator;
                return Emit(length, index - _start, out raw, out contentLength, out atLineStart);
            }
            if (InMemory is not null && _end - _start > MaxPiece)
            {
                return EmitPiece(MaxPiece, out raw, out contentLength, out atLineStart);
            }
            if (_eof)
            {
                if (_end == _start)
                {
                    raw = default;
                    contentLength = 0;
                    atLineStart = false;
                    return false;
                }
                var rest = _end - _start;
                return Emit(rest, rest, out raw, out contentLength, out atLineStart);
            }
            if (_start == 0 && _end == _buffer.Length)
            {
                // The buffer is full without a line end: hand out a piece of the line.
                var piece = _end;
                return EmitPiece(piece, out raw, out contentLength, out atLineStart);
            }
            var scanned = _end - _start;
            Fill();
            scanFrom = _start + scanned;
        }
    }

    /// <summary>
    /// Takes, in one step, the whole lines from the current position up to the first line that holds any of the
    /// stop strings (<paramref name="stop3"/> may be empty) (or up to the last complete line in the buffer): the lines a caller would only pass
    /// through. <paramref name="lines"/> is their bytes with terminators; the line number and position move past them.
    /// False (nothing taken) inside a line too long for the buffer, or when no complete line comes before a stop.
    /// </summary>
    public bool TryReadPlainLines(ReadOnlySpan<byte> stop1, ReadOnlySpan<byte> stop2, ReadOnlySpan<byte> stop3, out ReadOnlySpan<byte> lines)
    {
        lines = default;
        if (_midLine || _end == _start)
        {
            return false;
        }
        // In memory, no further ahead than a stream's buffer would hold, so a stop string that comes often in a long
        // body is never searched for over the rest of the file.
        var window = _buffer.AsSpan(_start, InMemory is null ? _end - _start : Math.Min(_end - _start, MaxPiece));
        var limit = First(window, stop1, window.Length);
        limit = First(window[..limit], stop2, limit);
        if (!stop3.IsEmpty)
        {
            limit = First(window[..limit], stop3, limit);
        }
        var last = window[..limit].LastIndexOfAny((byte)'\n', (byte)'\r');
        if (last >= 0 && window[last] == '\r')
        {
            if (_start + last + 1 < _end)
            {
                last += _buffer[_start + last + 1] == '\n' ? 1 : 0;
            }
            else if (!_eof)
            {
                // A CR at the end of the buffer may have its LF still to come: leave that line.
                last = window[..last].LastIndexOfAny((byte)'\n', (byte)'\r');
                if (last >= 0 && window[last] == '\r' && window[last + 1] == '\n')
                {
                    last++;
                }
            }
        }
        if (last < 0)
        {
            return false;
        }
        lines = _buffer.AsSpan(_start, last + 1);
        var count = System.MemoryExtensions.Count(lines, (byte)'\n');
        var cr = System.MemoryExtensions.Count(lines, (byte)'\r');
        if (cr > 0)
        {
            // A bare CR ends a line too; a CR before LF does not end one of its own.
            count += cr - CountCrLf(lines);
        }
        LineNumber += count;
        Position += lines.Length;
        _start += lines.Length;
        return true;
    }

    private static int First(ReadOnlySpan<byte> window, ReadOnlySpan<byte> stop, int limit)
    {
        var at = window.IndexOf(stop);
        return at < 0 ? limit : at;
    }

    private static int CountCrLf(ReadOnlySpan<byte> s)
    {
        var n = 0;
        var i = 0;
        if (System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated)
        {
            var cr = System.Runtime.Intrinsics.Vector256.Create((byte)'\r');
            var lf = System.Runtime.Intrinsics.Vector256.Create((byte)'\n');
            for (; i + 33 <= s.Length; i += 32)
            {
                var a = System.Runtime.Intrinsics.Vector256.Equals(System.Runtime.Intrinsics.Vector256.Create(s.Slice(i, 32)), cr);
                var b = System.Runtime.Intrinsics.Vector256.Equals(System.Runtime.Intrinsics.Vector256.Create(s.Slice(i + 1, 32)), lf);
                n += System.Numerics.BitOperations.PopCount(System.Runtime.Intrinsics.Vector256.ExtractMostSignificantBits(a & b));
            }
        }
        for (; i + 1 < s.Length; i++)
        {
            if (s[i] == '\r' && s[i + 1] == '\n')
            {
                n++;
            }
        }
        return n;
    }

    private bool Emit(int length, int content, out ReadOnlySpan<byte> raw, out int contentLength, out bool atLineStart)
    {
        raw = _buffer.AsSpan(_start, length);
        contentLength = content;
        atLineStart = !_midLine;
        if (!_midLine)
        {
            LineNumber++;
        }
        _midLine = false;
        _start += length;
        Position += length;
        return true;
    }

    private bool EmitPiece(int length, out ReadOnlySpan<byte> raw, out int contentLength, out bool atLineStart)
    {
        // Never split a CR from a following LF: keep a trailing CR for the next piece.
        if (length > 1 && _buffer[_start + length - 1] == '\r')
        {
            length--;
        }
        raw = _buffer.AsSpan(_start, length);
        contentLength = length;
        atLineStart = !_midLine;
        if (!_midLine)
        {
            LineNumber++;
        }
        _midLine = true;
        _start += length;
        Position += length;
        return true;
    }

    /// <summary>Moves the unread bytes to the front and reads more; false when nothing more came.</summary>
    private bool Fill()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length)
        {
            // Only reachable for a CR at the very end of a full buffer: grow by a little.
            var larger = new byte[_buffer.Length + 16];
            _buffer.AsSpan(0, _end).CopyTo(larger);
            if (_pooled)
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(_buffer);
                _pooled = false;
            }
            _buffer = larger;
        }
        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _eof = true;
            return false;
        }
        _end += read;
        return true;
    }
}
