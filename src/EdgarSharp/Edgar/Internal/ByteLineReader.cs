namespace EdgarSharp.Edgar.Internal;

/// <summary>
/// Forward-only lines of bytes from a stream: LF, CRLF and bare CR all end a line (several dissemination-feed files
/// use bare CR). A line longer than the buffer comes out in pieces, the later ones with <c>atLineStart</c> false, so
/// memory stays bounded by the buffer whatever the input. Each returned span is valid until the next call. The buffer
/// is rented from the shared array pool and goes back with <see cref="Release"/>.
/// </summary>
internal sealed class ByteLineReader
{
    private bool _pooled;

    private readonly Stream _stream;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private bool _eof;
    private bool _midLine;

    public ByteLineReader(Stream stream, int bufferSize = 256 * 1024)
    {
        _stream = stream;
        _buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(Math.Max(bufferSize, 16));
        _pooled = true;
    }

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
            var window = _buffer.AsSpan(scanFrom, _end - scanFrom);
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
        var window = _buffer.AsSpan(_start, _end - _start);
        var limit = First(window, stop1, window.Length);
        limit = First(window[..limit], stop2, limit);
        if (!stop3.IsEmpty)
        {
            limit = First(window[..limit], stop3, limit);
        }
        var last = window[..limit].LastIndexOfAny((byte)'\n', (byte)'\r');
        if (last >= 0 && window[last] == '\r')
        {
            if (last + 1 < window.Length)
            {
                last += window[last + 1] == '\n' ? 1 : 0;
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
        lines = window[..(last + 1)];
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
