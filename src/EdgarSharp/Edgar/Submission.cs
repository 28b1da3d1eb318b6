namespace EdgarSharp.Edgar;

/// <summary>How an EDGAR submission file is laid out; decided from its first lines.</summary>
public enum SubmissionFormat
{
    /// <summary>Nothing recognisable: the reader found no container tag.</summary>
    Unknown,

    /// <summary>A full submission: <c>&lt;SEC-DOCUMENT&gt;</c> (or <c>&lt;IMS-DOCUMENT&gt;</c>), a <c>&lt;SEC-HEADER&gt;</c> of tab-indented <c>KEY: value</c> lines, then documents.</summary>
    SecDocument,

    /// <summary>A header alone starting at <c>&lt;SEC-HEADER&gt;</c> (an <c>.hdr.sgml</c> file).</summary>
    SecHeader,

    /// <summary>A header alone starting at <c>&lt;ACCEPTANCE-DATETIME&gt;</c> (as EDGAR's header endpoints serve it).</summary>
    HeaderOnly,

    /// <summary>A dissemination-feed file (<c>.nc</c>): <c>&lt;SUBMISSION&gt;</c> with hyphenated tags and unclosed leaves.</summary>
    DisseminationFeed,

    /// <summary>No header at all: the file starts at <c>&lt;DOCUMENT&gt;</c> (some 1990s filings).</summary>
    DocumentsOnly,
}

/// <summary>
/// One EDGAR submission: its header, its documents in file order, and what the reader found wrong. Immutable;
/// produced by <see cref="SubmissionReader"/>.
/// </summary>
/// <param name="Format">How the file is laid out.</param>
/// <param name="IsPemWrapped">True when the file is wrapped in a <c>-----BEGIN PRIVACY-ENHANCED MESSAGE-----</c> preamble (1990s and early 2000s files).</param>
/// <param name="Header">The header; empty (all fields null) for a file without one.</param>
/// <param name="Documents">The documents in the order of the file.</param>
/// <param name="Length">The number of bytes read from the source.</param>
/// <param name="Diagnostics">Problems found: truncation, unclosed tags, bad dates, uuencode errors, count mismatches.</param>
public sealed record Submission(
    SubmissionFormat Format,
    bool IsPemWrapped,
    SubmissionHeader Header,
    IReadOnlyList<SubmissionDocument> Documents,
    long Length,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>The document with <paramref name="type"/> (compared ordinally, case-insensitively), or null.</summary>
    public SubmissionDocument? FindByType(string type)
    {
        foreach (var d in Documents)
        {
            if (string.Equals(d.Type, type, StringComparison.OrdinalIgnoreCase))
            {
                return d;
            }
        }
        return null;
    }

    /// <summary>True when any diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
}

/// <summary>The wrapper a document's body sits in, inside <c>&lt;TEXT&gt;</c>.</summary>
public enum BodyWrapper
{
    /// <summary>The body is directly inside <c>&lt;TEXT&gt;</c> (plain text, HTML, or a uuencoded file).</summary>
    Text,

    /// <summary><c>&lt;XML&gt;</c>: an XML document (Forms 3/4/5, Form D, 13F information tables, ...).</summary>
    Xml,

    /// <summary><c>&lt;XBRL&gt;</c>: an XBRL instance, schema, linkbase or inline XBRL document.</summary>
    Xbrl,

    /// <summary><c>&lt;PDF&gt;</c>: a uuencoded PDF.</summary>
    Pdf,

    /// <summary>The document has no <c>&lt;TEXT&gt;</c> at all.</summary>
    None,
}

/// <summary>
/// One <c>&lt;DOCUMENT&gt;</c> of a submission: its metadata and its body as bytes (ASCII or Latin-1 as EDGAR
/// serves them; never decoded to a string by the reader). A uuencoded body is decoded: <see cref="Content"/> holds
/// the file, <see cref="UuencodedName"/> the name on its <c>begin</c> line.
/// </summary>
/// <param name="Type">The <c>&lt;TYPE&gt;</c> (<c>10-K</c>, <c>EX-101.INS</c>, <c>GRAPHIC</c>, ...); empty when missing.</param>
/// <param name="Sequence">The <c>&lt;SEQUENCE&gt;</c> number, or null when missing or not a number.</param>
/// <param name="FileName">The <c>&lt;FILENAME&gt;</c> as written (untrusted: see <see cref="SafeFileName"/>), or null.</param>
/// <param name="Description">The <c>&lt;DESCRIPTION&gt;</c>, or null.</param>
/// <param name="Wrapper">The wrapper inside <c>&lt;TEXT&gt;</c>.</param>
/// <param name="IsUuencoded">True when the body was a uuencoded file and <see cref="Content"/> is the decoded bytes.</param>
/// <param name="UuencodedName">The file name on the uuencode <c>begin</c> line (may differ from <see cref="FileName"/>), or null.</param>
/// <param name="Content">
/// The body: the bytes after the line of the opening <c>&lt;TEXT&gt;</c> (or wrapper) tag up to the closing tag, line
/// endings as in the file; decoded when uuencoded. Truncated at <see cref="SubmissionReadOptions.MaxDocumentBytes"/>
/// (then <see cref="IsTruncated"/> is true); empty when bodies are not kept. Read from bytes in memory (or by
/// <see cref="SubmissionReader.ReadFile"/>), a body that is not uuencoded is a slice of those bytes, not a copy.
/// </param>
/// <param name="EncodedLength">The number of body bytes in the file (before uudecoding), whether kept or not.</param>
/// <param name="IsTruncated">True when the body was longer than the limit, or the file ended inside it.</param>
/// <param name="Line">The one-based line of the <c>&lt;DOCUMENT&gt;</c> tag in the file.</param>
public sealed record SubmissionDocument(
    string Type,
    int? Sequence,
    string? FileName,
    string? Description,
    BodyWrapper Wrapper,
    bool IsUuencoded,
    string? UuencodedName,
    ReadOnlyMemory<byte> Content,
    long EncodedLength,
    bool IsTruncated,
    long Line)
{
    /// <summary>The size of <see cref="Content"/> in bytes (decoded size for a uuencoded body).</summary>
    public long Size => Content.Length;

    /// <summary>
    /// A file name safe to write under a folder: <see cref="FileName"/> (else the uuencoded name, else
    /// <c>document-SEQUENCE.txt</c>) reduced by <see cref="EdgarFileNames.Sanitize"/>.
    /// </summary>
    public string SafeFileName => EdgarFileNames.Sanitize(FileName ?? UuencodedName, Sequence);

    /// <summary>A read-only stream over <see cref="Content"/>.</summary>
    public Stream OpenRead() => new ReadOnlyMemoryStream(Content);

    private sealed class ReadOnlyMemoryStream(ReadOnlyMemory<byte> memory) : Stream
    {
        private int _position;

        public override bool CanRead => true;
        public override bool CanSeek => true;
        public override bool CanWrite => false;
        public override long Length => memory.Length;

        public override long Position
        {
            get => _position;
            set => _position = (int)Math.Clamp(value, 0, memory.Length);
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = Math.Min(buffer.Length, memory.Length - _position);
            memory.Span.Slice(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }

        public override long Seek(long offset, SeekOrigin origin)
        {
            Position = origin switch
            {
                SeekOrigin.Begin => offset,
                SeekOrigin.Current => _position + offset,
                _ => memory.Length + offset,
            };
            return _position;
        }

        public override void Flush()
        {
        }

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
