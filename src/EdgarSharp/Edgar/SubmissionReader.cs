using System.Text;
using EdgarSharp.Edgar.Internal;

namespace EdgarSharp.Edgar;

/// <summary>Options of <see cref="SubmissionReader"/> and <see cref="SubmissionStreamReader"/>; immutable, shareable.</summary>
public sealed record SubmissionReadOptions
{
    /// <summary>The default options.</summary>
    public static SubmissionReadOptions Default { get; } = new();

    /// <summary>
    /// The most bytes of one document body kept in memory (default 256 MiB). A longer body is cut there, marked
    /// <see cref="SubmissionDocument.IsTruncated"/> and reported (<see cref="EdgarCodes.DocumentTooLarge"/>); the
    /// reader then skips to the document's end without buffering, so memory stays bounded by this limit.
    /// </summary>
    public long MaxDocumentBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>The most bytes of header kept (default 16 MiB; the largest real headers, with hundreds of filers, are a few hundred KiB).</summary>
    public int MaxHeaderBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>False to keep no document bodies (only their lengths): for scans that need headers and document lists. Default true.</summary>
    public bool KeepContent { get; init; } = true;

    /// <summary>True (default) to decode uuencoded bodies; false keeps the encoded text.</summary>
    public bool DecodeUuencoded { get; init; } = true;
}

/// <summary>
/// Reads EDGAR submissions (<c>.txt</c> full submissions with <c>&lt;SEC-DOCUMENT&gt;</c>/<c>&lt;SEC-HEADER&gt;</c>,
/// PEM-wrapped 1990s files, files without a header that start at <c>&lt;DOCUMENT&gt;</c>, header-only files, and
/// <c>.nc</c> dissemination-feed files with hyphenated tags and LF, CRLF or bare CR line endings) into a
/// <see cref="Submission"/>: the header, then each document's metadata and body as bytes, uuencoded files decoded.
/// Bad input never throws: a truncated file, unclosed tags, bad dates, bad uuencode, missing header fields and
/// oversized bodies become diagnostics beside what could be read. Exceptions are for I/O failures and API misuse
/// only. Bodies are kept byte for byte as served (line endings, Latin-1, and the <c>- </c> dash-escaping of PEM-wrapped
/// files included). Cost: one forward pass; memory is the documents kept (use <see cref="SubmissionStreamReader"/> to hold one
/// document at a time). A submission in memory (bytes given, or a file read once into one array) is read in place:
/// each body is a slice of that array, not a copy, so the documents keep the whole array alive; from a stream each body
/// is copied into an array of its own. Thread-safe (no shared state).
/// </summary>
public static class SubmissionReader
{
    /// <summary>
    /// Reads a whole submission from <paramref name="stream"/> (left open), through a pooled buffer: each body kept
    /// is copied into an array of its own.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    public static Submission Read(Stream stream, string? document = null, SubmissionReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = SubmissionStreamReader.Open(stream, document, options, leaveOpen: true);
        return ReadAll(reader);
    }

    /// <summary>
    /// Reads a whole submission from bytes, in place: each document's <see cref="SubmissionDocument.Content"/> is a
    /// slice of <paramref name="bytes"/>, not a copy (a uuencoded body is decoded into an array of its own). The
    /// documents therefore keep <paramref name="bytes"/> alive and see any later change to it: do not modify it
    /// while they are in use.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="bytes"/> is null.</exception>
    public static Submission Read(byte[] bytes, string? document = null, SubmissionReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        using var reader = SubmissionStreamReader.OpenInPlace(bytes, document ?? "(bytes)", options);
        return ReadAll(reader);
    }

    /// <summary>
    /// Reads the submission file at <paramref name="path"/> (the path names it in diagnostics). When bodies are kept
    /// (<see cref="SubmissionReadOptions.KeepContent"/>) and the file is no larger than
    /// <see cref="SubmissionReadOptions.MaxDocumentBytes"/> (so that limit still bounds the memory held), the file is
    /// read once into one array that the documents are slices of (as
    /// <see cref="Read(byte[], string?, SubmissionReadOptions?)"/>); otherwise it is read as a stream, through a
    /// pooled buffer, each body kept copied.
    /// </summary>
    /// <exception cref="IOException">The file cannot be opened or read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public static Submission ReadFile(string path, SubmissionReadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= SubmissionReadOptions.Default;
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
        if (options.KeepContent && stream.CanSeek && stream.Length <= Math.Min(options.MaxDocumentBytes, Array.MaxLength))
        {
            var bytes = GC.AllocateUninitializedArray<byte>((int)stream.Length);
            stream.ReadExactly(bytes);
            using var inPlace = SubmissionStreamReader.OpenInPlace(bytes, path, options);
            return ReadAll(inPlace);
        }
        using var reader = SubmissionStreamReader.Open(stream, path, options, leaveOpen: true);
        return ReadAll(reader);
    }

    private static Submission ReadAll(SubmissionStreamReader reader)
    {
        var documents = reader.ReadDocuments().ToList();
        return new Submission(reader.Format, reader.IsPemWrapped, reader.Header, documents, reader.Position, reader.Diagnostics.ToList());
    }
}

/// <summary>
/// A forward-only reader of one EDGAR submission from a stream: <see cref="Open"/> reads up to the end of the header;
/// <see cref="ReadNextDocument"/> then returns one document at a time, so a caller that drops each document holds at
/// most one body (bounded by <see cref="SubmissionReadOptions.MaxDocumentBytes"/>) plus a 256 KiB buffer, whatever
/// the size of the submission. Formats, diagnostics and failure behaviour are those of <see cref="SubmissionReader"/>.
/// Not thread-safe.
/// </summary>
public sealed class SubmissionStreamReader : IDisposable
{
    private const string PemBegin = "-----BEGIN PRIVACY-ENHANCED MESSAGE-----";
    private const string PemEnd = "-----END PRIVACY-ENHANCED MESSAGE-----";

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly ByteLineReader _lines;
    private readonly SubmissionReadOptions _options;
    private readonly string _document;
    private readonly DiagnosticBag _diagnostics = new();
    private bool _pendingDocument;
    private long _pendingLine;
    private bool _finished;
    private bool _containerClosed;
    private bool _pemClosed;
    private int _documentCount;
    private int _strayLines;
    private bool _checked;

    private SubmissionStreamReader(Stream stream, ByteLineReader lines, string document, SubmissionReadOptions options, bool leaveOpen)
    {
        _stream = stream;
        _leaveOpen = leaveOpen;
        _document = document;
        _options = options;
        _lines = lines;
    }

    /// <summary>How the file is laid out.</summary>
    public SubmissionFormat Format { get; private set; }

    /// <summary>True when the file has a PEM preamble.</summary>
    public bool IsPemWrapped { get; private set; }

    /// <summary>The header (read by <see cref="Open"/>).</summary>
    public SubmissionHeader Header { get; private set; } = SubmissionHeader.Empty;

    /// <summary>The diagnostics so far.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;

    /// <summary>The number of bytes read so far.</summary>
    public long Position => _lines.Position;

    /// <summary>
    /// Opens a submission: reads any PEM preamble and the header. The stream is read forward only (it need not be
    /// seekable) and is disposed with the reader unless <paramref name="leaveOpen"/>.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A limit in <paramref name="options"/> is not positive.</exception>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    public static SubmissionStreamReader Open(Stream stream, string? document = null, SubmissionReadOptions? options = null, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= SubmissionReadOptions.Default;
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxDocumentBytes, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxHeaderBytes, 1);
        // A small file needs no 256 KiB buffer.
        var size = stream.CanSeek ? (int)Math.Clamp(stream.Length - stream.Position + 1, 4096, ByteLineReader.MaxPiece) : ByteLineReader.MaxPiece;
        var reader = new SubmissionStreamReader(stream, new ByteLineReader(stream, size), document ?? "(stream)", options, leaveOpen);
        reader.ReadPreambleAndHeader();
        return reader;
    }

    /// <summary>
    /// Opens a submission held whole in <paramref name="bytes"/>, read in place: each body kept is a slice of
    /// <paramref name="bytes"/> (a uuencoded one is decoded into an array of its own), so the documents hold on to
    /// the array and see any later change to it.
    /// </summary>
    internal static SubmissionStreamReader OpenInPlace(byte[] bytes, string document, SubmissionReadOptions? options)
    {
        options ??= SubmissionReadOptions.Default;
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxDocumentBytes, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxHeaderBytes, 1);
        var reader = new SubmissionStreamReader(Stream.Null, new ByteLineReader(bytes), document, options, leaveOpen: true);
        reader.ReadPreambleAndHeader();
        return reader;
    }

    /// <summary>Every remaining document, one at a time.</summary>
    public IEnumerable<SubmissionDocument> ReadDocuments()
    {
        while (ReadNextDocument() is { } d)
        {
            yield return d;
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _lines.Release();
        _finished = true;
        _pendingDocument = false;
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }

    private SourceLocation At(long line) => new(_document, (int)Math.Min(line, int.MaxValue), 1);

    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> s) => s.Trim(" \t\f\v"u8);

    private static bool Starts(ReadOnlySpan<byte> s, string tag)
    {
        if (s.Length < tag.Length)
        {
            return false;
        }
        for (var i = 0; i < tag.Length; i++)
        {
            if (s[i] != tag[i])
            {
                return false;
            }
        }
        return true;
    }

    private static string Latin1(ReadOnlySpan<byte> s) => Encoding.Latin1.GetString(s);

    private static string After(ReadOnlySpan<byte> s, string tag) => Latin1(Trim(s[tag.Length..]));

    private void ReadPreambleAndHeader()
    {
        var inPemHeaders = false;
        while (_lines.TryReadLine(out var raw, out var length, out var atStart))
        {
            if (!atStart)
            {
                continue;
            }
            var line = Trim(raw[..length]);
            if (inPemHeaders)
            {
                // PEM header fields, continued lines start with a space; a blank line ends them.
                inPemHeaders = line.Length != 0;
                continue;
            }
            if (line.IsEmpty)
            {
                continue;
            }
            if (Starts(line, PemBegin))
            {
                IsPemWrapped = true;
                inPemHeaders = true;
                continue;
            }
            if (Starts(line, "<SEC-DOCUMENT>") || Starts(line, "<IMS-DOCUMENT>"))
            {
                Format = SubmissionFormat.SecDocument;
                continue;
            }
            if (Starts(line, "<SEC-HEADER>") || Starts(line, "<IMS-HEADER>"))
            {
                if (Format == SubmissionFormat.Unknown)
                {
                    Format = SubmissionFormat.SecHeader;
                }
                ReadHeader(Starts(line, "<IMS-HEADER>") ? "</IMS-HEADER>" : "</SEC-HEADER>", null, requireClose: true);
                return;
            }
            if (Starts(line, "<ACCEPTANCE-DATETIME>"))
            {
                if (Format == SubmissionFormat.Unknown)
                {
                    Format = SubmissionFormat.HeaderOnly;
                }
                ReadHeader("</SEC-HEADER>", (Latin1(line), _lines.LineNumber), requireClose: false);
                return;
            }
            if (Starts(line, "<SUBMISSION>"))
            {
                Format = SubmissionFormat.DisseminationFeed;
                var rest = Trim(line["<SUBMISSION>".Length..]);
                ReadHeader("</SUBMISSION>", rest.IsEmpty ? null : (Latin1(rest), _lines.LineNumber), requireClose: false);
                return;
            }
            if (Starts(line, "<DOCUMENT>"))
            {
                if (Format == SubmissionFormat.Unknown)
                {
                    Format = SubmissionFormat.DocumentsOnly;
                }
                _pendingDocument = true;
                _pendingLine = _lines.LineNumber;
                return;
            }
            _diagnostics.Error(EdgarCodes.NotASubmission,
                $"The file does not start like an EDGAR submission (<SEC-DOCUMENT>, <SEC-HEADER>, <SUBMISSION>, <DOCUMENT> or a PEM preamble) but with '{Shorten(Latin1(line))}'; nothing was read.",
                At(_lines.LineNumber));
            _finished = true;
            return;
        }
        if (Format == SubmissionFormat.Unknown)
        {
            _diagnostics.Error(EdgarCodes.NotASubmission, "The file is empty or blank: there is no submission to read.", At(0));
        }
        _finished = true;
    }

    private void ReadHeader(string closeTag, (string Text, long Line)? first, bool requireClose)
    {
        var lines = new HeaderLines();
        if (first is { } f)
        {
            lines.Add(f.Text, f.Line);
        }
        long bytes = 0;
        var tooLarge = false;
        var closed = false;
        var feed = Format == SubmissionFormat.DisseminationFeed;
        while (_lines.TryReadLine(out var raw, out var length, out var atStart))
        {
            if (!atStart)
            {
                continue;
            }
            var content = raw[..length];
            // Only the start matters here (a blank line, or a tag that ends the header), so the line is trimmed at its start only.
            var lead = 0;
            while (lead < content.Length && content[lead] is (byte)' ' or (byte)'\t' or (byte)'\f' or (byte)'\v')
            {
                lead++;
            }
            var line = content[lead..];
            // Field lines start with a letter or a tab; only a tag can end the header.
            var tag = !line.IsEmpty && line[0] == '<';
            if (tag && Starts(line, closeTag) && !feed)
            {
                closed = true;
                break;
            }
            if (tag && (Starts(line, "</SUBMISSION>") || Starts(line, "</SEC-DOCUMENT>")))
            {
                _containerClosed = true;
                closed = true;
                _finished = true;
                break;
            }
            if (tag && Starts(line, "<DOCUMENT>"))
            {
                _pendingDocument = true;
                _pendingLine = _lines.LineNumber;
                closed = true;
                break;
            }
            if (tag && (Starts(line, "<SEC-HEADER>") || Starts(line, "<SEC-DOCUMENT>")))
            {
                continue;
            }
            bytes += raw.Length;
            if (bytes > _options.MaxHeaderBytes)
            {
                if (!tooLarge)
                {
                    _diagnostics.Error(EdgarCodes.HeaderTooLarge,
                        $"The header is larger than {_options.MaxHeaderBytes} bytes (SubmissionReadOptions.MaxHeaderBytes); the fields after line {_lines.LineNumber} were skipped.",
                        At(_lines.LineNumber));
                    tooLarge = true;
                }
                continue;
            }
            if (!line.IsEmpty)
            {
                // Blank lines carry nothing for the header's fields.
                lines.Add(content, _lines.LineNumber);
            }
        }
        if (!closed)
        {
            if (requireClose)
            {
                _diagnostics.Error(EdgarCodes.Truncated,
                    $"The file ends inside the header (no {closeTag}); the header may be incomplete. Download the submission again.",
                    At(_lines.LineNumber));
            }
            _finished = true;
        }
        var fields = HeaderParser.ParseFields(lines, _document, _diagnostics);
        fields.Detach(lines.Used);
        lines.Release();
        Header = HeaderParser.Build(fields, _document, _diagnostics);
    }

    private enum State { Meta, BodyStart, Body, AfterWrapper, AfterText }

    /// <summary>The next document, or null at the end of the submission (then the end-of-file checks run).</summary>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    public SubmissionDocument? ReadNextDocument()
    {
        if (_finished && !_pendingDocument)
        {
            Finish();
            return null;
        }
        if (!_pendingDocument && !FindDocumentStart())
        {
            Finish();
            return null;
        }
        _pendingDocument = false;
        var documentLine = _pendingLine;
        var type = string.Empty;
        int? sequence = null;
        string? fileName = null, description = null;
        var wrapper = BodyWrapper.None;
        string? wrapperClose = null;
        var state = State.Meta;
        var body = new BodyBuffer(_options.KeepContent, _options.MaxDocumentBytes, _lines);
        var ended = false;
        var sawDocumentEnd = false;

        while (!ended)
        {
            // Inside a body, the lines that cannot close it (they hold no closing tag) pass in one step.
            if (state == State.Body
                && _lines.TryReadPlainLines("</TEXT>"u8, "DOCUMENT>"u8, WrapperCloseBytes(wrapper, wrapperClose), out var plain))
            {
                body.Append(plain, this, documentLine);
                continue;
            }
            if (!_lines.TryReadLine(out var raw, out var length, out var atStart))
            {
                break;
            }
            var content = raw[..length];
            var line = atStart ? Trim(content) : default;
            switch (state)
            {
                case State.Meta:
                    if (!atStart)
                    {
                        break;
                    }
                    if (Starts(line, "<TYPE>"))
                    {
                        type = After(line, "<TYPE>");
                    }
                    else if (Starts(line, "<SEQUENCE>"))
                    {
                        var text = After(line, "<SEQUENCE>");
                        sequence = int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var s) ? s : null;
                    }
                    else if (Starts(line, "<FILENAME>"))
                    {
                        fileName = After(line, "<FILENAME>");
                    }
                    else if (Starts(line, "<DESCRIPTION>"))
                    {
                        description = After(line, "<DESCRIPTION>");
                    }
                    else if (Starts(line, "<TEXT>"))
                    {
                        wrapper = BodyWrapper.Text;
                        state = State.BodyStart;
                        var rest = TrimStartBytes(content, "<TEXT>");
                        if (!rest.IsEmpty)
                        {
                            state = State.Body;
                            body.Append(rest, this, documentLine);
                        }
                    }
                    else if (Starts(line, "</DOCUMENT>"))
                    {
                        ended = sawDocumentEnd = true;
                    }
                    else if (Starts(line, "<DOCUMENT>"))
                    {
                        ended = true;
                        Pending();
                    }
                    break;
                case State.BodyStart:
                    if (atStart && (Starts(line, "<XML>") || Starts(line, "<XBRL>") || Starts(line, "<PDF>")))
                    {
                        var tag = Starts(line, "<XML>") ? "<XML>" : Starts(line, "<XBRL>") ? "<XBRL>" : "<PDF>";
                        wrapper = tag switch { "<XML>" => BodyWrapper.Xml, "<XBRL>" => BodyWrapper.Xbrl, _ => BodyWrapper.Pdf };
                        wrapperClose = "</" + tag[1..];
                        state = State.Body;
                        var rest = TrimStartBytes(content, tag);
                        if (!rest.IsEmpty)
                        {
                            body.Append(rest, this, documentLine);
                        }
                        break;
                    }
                    state = State.Body;
                    goto case State.Body;
                case State.Body:
                    if (atStart)
                    {
                        if (wrapperClose is not null && Starts(line, wrapperClose))
                        {
                            state = State.AfterWrapper;
                            break;
                        }
                        if (Starts(line, "</TEXT>"))
                        {
                            if (wrapperClose is not null)
                            {
                                Unclosed(wrapperClose, "</TEXT>", _lines.LineNumber);
                            }
                            state = State.AfterText;
                            break;
                        }
                        if (Starts(line, "</DOCUMENT>"))
                        {
                            Unclosed("</TEXT>", "</DOCUMENT>", _lines.LineNumber);
                            ended = sawDocumentEnd = true;
                            break;
                        }
                        if (Starts(line, "<DOCUMENT>"))
                        {
                            _diagnostics.Error(EdgarCodes.UnclosedTag,
                                $"The document that starts at line {documentLine} is not closed before the next <DOCUMENT>; its body ends there.",
                                At(_lines.LineNumber));
                            ended = true;
                            Pending();
                            break;
                        }
                    }
                    // A closing tag at the end of a line ("...</html></TEXT>").
                    var close = wrapperClose ?? "</TEXT>";
                    var end = EndsWithTag(content, close);
                    if (end >= 0)
                    {
                        body.Append(content[..end], this, documentLine);
                        state = wrapperClose is null ? State.AfterText : State.AfterWrapper;
                        break;
                    }
                    body.Append(raw, this, documentLine);
                    break;
                case State.AfterWrapper:
                case State.AfterText:
                    if (!atStart)
                    {
                        break;
                    }
                    if (Starts(line, "</DOCUMENT>"))
                    {
                        ended = sawDocumentEnd = true;
                    }
                    else if (Starts(line, "<DOCUMENT>"))
                    {
                        Unclosed("</DOCUMENT>", "<DOCUMENT>", _lines.LineNumber);
                        ended = true;
                        Pending();
                    }
                    else if (state == State.AfterWrapper && Starts(line, "</TEXT>"))
                    {
                        state = State.AfterText;
                    }
                    break;
            }
        }

        var truncated = body.Truncated;
        if (!ended)
        {
            _diagnostics.Error(EdgarCodes.Truncated,
                $"The file ends inside the document that starts at line {documentLine} ({Describe(type, sequence, fileName)}); its body is incomplete. Download the submission again.",
                At(_lines.LineNumber));
            truncated = true;
            _finished = true;
        }
        _ = sawDocumentEnd;
        if (type.Length == 0)
        {
            _diagnostics.Warning(EdgarCodes.MissingDocumentType, $"The document at line {documentLine} has no <TYPE>.", At(documentLine));
        }
        _documentCount++;
        return Complete(type, sequence, fileName, description, wrapper, body, truncated, documentLine);
    }

    private SubmissionDocument Complete(string type, int? sequence, string? fileName, string? description, BodyWrapper wrapper,
        BodyBuffer body, bool truncated, long documentLine)
    {
        ReadOnlyMemory<byte> content;
        var uuencoded = false;
        string? uuName = null;
        if (_options.DecodeUuencoded && _options.KeepContent && wrapper is BodyWrapper.Text or BodyWrapper.Pdf
            && body.MayStartWith((byte)'b') && Uudecoder.TryFindBegin(body.Span, out var name, out var dataStart))
        {
            var decoded = Uudecoder.Decode(body.Span[dataStart..], out var badLines, out var firstBad, out var sawEnd);
            body.Release();
            uuencoded = true;
            uuName = name;
            if (badLines > 0)
            {
                _diagnostics.Error(EdgarCodes.BadUuencode,
                    $"{badLines} line(s) of the uuencoded file '{name}' ({Describe(type, sequence, fileName)}) are not valid uuencode (the first is line {firstBad} of the block); they were skipped, so the decoded file is damaged.",
                    At(documentLine));
            }
            if (!sawEnd)
            {
                _diagnostics.Error(EdgarCodes.BadUuencode,
                    $"The uuencoded file '{name}' ({Describe(type, sequence, fileName)}) has no 'end' line; the decoded file is probably incomplete.",
                    At(documentLine));
                truncated = true;
            }
            if (fileName is not null && !string.Equals(name, fileName, StringComparison.Ordinal))
            {
                _diagnostics.Info(EdgarCodes.UuencodeNameDiffers,
                    $"The uuencoded file is named '{name}' on its begin line but '{fileName}' in <FILENAME>; <FILENAME> is used.", At(documentLine));
            }
            content = decoded;
        }
        else
        {
            content = body.ToMemory();
            body.Release();
        }
        if (fileName is not null && !EdgarFileNames.IsSafe(fileName))
        {
            _diagnostics.Warning(EdgarCodes.UnsafeFileName,
                $"The <FILENAME> '{Shorten(fileName)}' is not a plain file name (it has a path, reserved characters or a device name); it is written as '{EdgarFileNames.Sanitize(fileName, sequence)}'.",
                At(documentLine));
        }
        return new SubmissionDocument(type, sequence, fileName, description, wrapper, uuencoded, uuName, content, body.Length, truncated, documentLine);
    }

    /// <summary>The closing tag of a body's inner wrapper as bytes (empty for none).</summary>
    private static ReadOnlySpan<byte> WrapperCloseBytes(BodyWrapper wrapper, string? wrapperClose) =>
        wrapperClose is null ? default : wrapper switch
        {
            BodyWrapper.Xml => "</XML>"u8,
            BodyWrapper.Xbrl => "</XBRL>"u8,
            _ => "</PDF>"u8,
        };

    private static string Describe(string type, int? sequence, string? fileName) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"type '{type}', sequence {sequence?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"}, file '{fileName ?? "?"}'");

    private void Pending()
    {
        _pendingDocument = true;
        _pendingLine = _lines.LineNumber;
    }

    private void Unclosed(string expected, string found, long line) =>
        _diagnostics.Warning(EdgarCodes.UnclosedTag, $"{found} comes before the {expected} it should follow; the document was closed there.", At(line));

    private static ReadOnlySpan<byte> TrimStartBytes(ReadOnlySpan<byte> content, string tag)
    {
        var at = content.IndexOf(Encoding.ASCII.GetBytes(tag));
        return at < 0 ? default : Trim(content[(at + tag.Length)..]);
    }

    /// <summary>The offset of <paramref name="tag"/> when the line, trimmed at its end, ends with it; else -1.</summary>
    private static int EndsWithTag(ReadOnlySpan<byte> content, string tag)
    {
        var trimmed = content.TrimEnd(" \t"u8);
        if (trimmed.Length <= tag.Length)
        {
            return -1;
        }
        var start = trimmed.Length - tag.Length;
        return Starts(trimmed[start..], tag) ? start : -1;
    }

    private bool FindDocumentStart()
    {
        while (_lines.TryReadLine(out var raw, out var length, out var atStart))
        {
            if (!atStart)
            {
                continue;
            }
            var line = Trim(raw[..length]);
            if (line.IsEmpty)
            {
                continue;
            }
            if (Starts(line, "<DOCUMENT>"))
            {
                _pendingLine = _lines.LineNumber;
                return true;
            }
            if (Starts(line, "</SEC-DOCUMENT>") || Starts(line, "</SUBMISSION>") || Starts(line, "</IMS-DOCUMENT>"))
            {
                _containerClosed = true;
                continue;
            }
            if (Starts(line, PemEnd))
            {
                _pemClosed = true;
                continue;
            }
            if (Starts(line, "</SEC-HEADER>") || Starts(line, "<PAPER>") || Starts(line, "</PAPER>"))
            {
                continue;
            }
            _strayLines++;
        }
        return false;
    }

    private void Finish()
    {
        if (_checked || Format == SubmissionFormat.Unknown)
        {
            _finished = true;
            return;
        }
        _checked = true;
        _finished = true;
        var end = At(_lines.LineNumber);
        if (_strayLines > 0)
        {
            _diagnostics.Warning(EdgarCodes.UnrecognisedHeaderLine, $"{_strayLines} line(s) outside any document were skipped.", end);
            _strayLines = 0;
        }
        if (!_containerClosed && Format == SubmissionFormat.SecDocument)
        {
            _diagnostics.Warning(EdgarCodes.UnclosedContainer, "The file ends without </SEC-DOCUMENT>; it may be truncated.", end);
        }
        if (!_containerClosed && Format == SubmissionFormat.DisseminationFeed)
        {
            _diagnostics.Warning(EdgarCodes.UnclosedContainer, "The file ends without </SUBMISSION>; it may be truncated.", end);
        }
        if (IsPemWrapped && !_pemClosed)
        {
            _diagnostics.Warning(EdgarCodes.UnclosedContainer, "The file ends without the PEM end line (-----END PRIVACY-ENHANCED MESSAGE-----); it may be truncated.", end);
        }
        if (Header.PublicDocumentCount is { } declared && declared != _documentCount
            && Format is SubmissionFormat.SecDocument or SubmissionFormat.DisseminationFeed)
        {
            _diagnostics.Warning(EdgarCodes.DocumentCountMismatch,
                string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"The header declares {declared} public document(s) but the file holds {_documentCount}."),
                end);
        }
    }

    private static string Shorten(string s) => s.Length <= 80 ? s : s[..77] + "...";

    /// <summary>
    /// A document's body as it is read, with a hard limit; past the limit it only counts. Read in place from an array
    /// in memory, the body is a slice of that array, nothing copied, as long as its parts follow each other there
    /// (they do but for text on the line of the opening tag). Otherwise the bytes gather in arrays rented from the
    /// shared pool, each twice the size of the one before and none copied as the body grows, and the document gets
    /// one exact copy of them.
    /// </summary>
    private sealed class BodyBuffer(bool keep, long limit, ByteLineReader lines)
    {
        private readonly List<byte[]> _full = [];
        private byte[] _current = [];
        private int _used;
        private int _count;
        private byte[]? _joined;
        private bool _reported;

        // The body as a slice of the array the lines are read from in place (_sliceStart < 0: not a slice).
        private int _sliceStart = -1;

        public long Length { get; private set; }

        public bool Truncated { get; private set; }

        private bool IsSlice => _sliceStart >= 0;

        /// <summary>
        /// False when the first byte after leading blanks and line ends is surely not <paramref name="first"/>, read
        /// from the first segment alone (so a body that is not uuencoded is not joined into one span to find out).
        /// </summary>
        public bool MayStartWith(byte first)
        {
            var head = IsSlice ? Span : _full.Count > 0 ? _full[0].AsSpan() : _current.AsSpan(0, _used);
            var at = head.IndexOfAnyExcept(" \t\r\n"u8);
            return at < 0 || head[at] == first;
        }

        /// <summary>The bytes kept so far, contiguous; valid until <see cref="Release"/>.</summary>
        public ReadOnlySpan<byte> Span
        {
            get
            {
                if (IsSlice)
                {
                    return lines.InMemory.AsSpan(_sliceStart, _count);
                }
                if (_full.Count == 0)
                {
                    return _current.AsSpan(0, _used);
                }
                _joined ??= System.Buffers.ArrayPool<byte>.Shared.Rent(_count);
                CopyTo(_joined);
                return _joined.AsSpan(0, _count);
            }
        }

        public void Append(ReadOnlySpan<byte> data, SubmissionStreamReader owner, long documentLine)
        {
            Length += data.Length;
            if (!keep || data.IsEmpty)
            {
                return;
            }
            var room = (int)Math.Min(Math.Min(limit, Array.MaxLength) - _count, data.Length);
            if (room < data.Length)
            {
                Truncated = true;
                if (!_reported)
                {
                    _reported = true;
                    owner._diagnostics.Error(EdgarCodes.DocumentTooLarge,
                        $"The document that starts at line {documentLine} is larger than {limit} bytes (SubmissionReadOptions.MaxDocumentBytes); its body was cut there.",
                        owner.At(documentLine));
                }
            }
            if (room <= 0)
            {
                return;
            }
            data = data[..room];
            if (lines.InMemory is not null)
            {
                var at = lines.OffsetOf(data);
                if (_count == 0)
                {
                    _sliceStart = at;
                    _count = data.Length;
                    return;
                }
                if (IsSlice && at == _sliceStart + _count)
                {
                    _count += data.Length;
                    return;
                }
                if (IsSlice)
                {
                    // A part that does not follow the one before: from here on, the body is copied.
                    var sliced = lines.InMemory.AsSpan(_sliceStart, _count);
                    _sliceStart = -1;
                    _count = 0;
                    Copy(sliced);
                }
            }
            Copy(data);
        }

        private void Copy(ReadOnlySpan<byte> data)
        {
            while (!data.IsEmpty)
            {
                if (_used == _current.Length)
                {
                    if (_current.Length > 0)
                    {
                        _full.Add(_current);
                    }
                    _current = System.Buffers.ArrayPool<byte>.Shared.Rent((int)Math.Min(Math.Max(4096L, (long)_count), 64L * 1024 * 1024));
                    _used = 0;
                }
                var part = Math.Min(data.Length, _current.Length - _used);
                data[..part].CopyTo(_current.AsSpan(_used));
                _used += part;
                _count += part;
                data = data[part..];
            }
        }

        /// <summary>The bytes kept: a slice of the array read in place, else an array of their own.</summary>
        public ReadOnlyMemory<byte> ToMemory()
        {
            if (_count == 0)
            {
                return ReadOnlyMemory<byte>.Empty;
            }
            if (IsSlice)
            {
                return lines.InMemory.AsMemory(_sliceStart, _count);
            }
            var copy = GC.AllocateUninitializedArray<byte>(_count);
            CopyTo(copy);
            return copy;
        }

        private void CopyTo(byte[] destination)
        {
            var at = 0;
            foreach (var segment in _full)
            {
                segment.CopyTo(destination, at);
                at += segment.Length;
            }
            _current.AsSpan(0, _used).CopyTo(destination.AsSpan(at));
        }

        /// <summary>Gives the pooled arrays back; the buffer is empty afterwards.</summary>
        public void Release()
        {
            foreach (var segment in _full)
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(segment);
            }
            _full.Clear();
            if (_current.Length > 0)
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(_current);
            }
            if (_joined is not null)
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(_joined);
            }
            _current = [];
            _joined = null;
            _used = _count = 0;
            _sliceStart = -1;
        }
    }
}
