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
