using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;
using System.Xml;

namespace EdgarSharp.Internal.Xml;

/// <summary>
/// A forward-only <see cref="XmlReader"/> over a whole document held as UTF-8 bytes, for the plain documents that make
/// up nearly all of XBRL: <see cref="Utf8XmlTokenizer"/> checks and indexes the whole document first, and this
/// reader walks the index, atomizing names in the settings' name table and materialising values only when asked.
/// It reports what System.Xml's own reader reports (node types, names, values, depth, xml:lang, xml:space, line
/// and column, namespaces in scope) for the subset the tokenizer accepts; anything outside it is never given to
/// this reader (see <see cref="SafeXml.Create(ReadOnlyMemory{byte}, string, XmlReaderSettings?)"/>).
/// </summary>
internal sealed class Utf8XmlReader : XmlReader, IXmlLineInfo, IXmlNamespaceResolver
{
    private Utf8XmlTokenizer.Tape _tape;
    private readonly ReadOnlyMemory<byte> _bytes;
    private readonly XmlNameTable _names;
    private readonly XmlReaderSettings _settings;
    private readonly string _baseUri;
    private ReadState _state = ReadState.Initial;
    private int _node = -1;

    // -1 on the node itself; else the attribute's index among the node's attributes.
    private int _attr = -1;
    private bool _onAttrValue;
    // The values made on the current node only (a forward-only reader never comes back to a node): arrays over the
    // whole document would be garbage as large as its index, on the large object heap for a big instance.
    private string?[] _attrValues = new string?[8];
    private Utf8ValuePool? _pool;
    private int _attrValuesNode = -1;
    private string? _nodeValue;
    private int _nodeValueNode = -1;
    private int[]? _lineStarts;
    private int _lastLine;
    private int _lineCount;
    private int _positionOffset = -1;
    private (int Line, int Column) _position;

    internal Utf8XmlReader(Utf8XmlTokenizer.Tape tape, ReadOnlyMemory<byte> bytes, XmlReaderSettings settings, string baseUri)
    {
        _tape = tape;
        _bytes = bytes;
        _names = tape.Names;
        _settings = settings;
        _baseUri = baseUri;
    }

    /// <summary>
    /// The reader over <paramref name="bytes"/> when the tokenizer accepts the document under
    /// <paramref name="settings"/> (whose name table, if any, receives the names), else null.
    /// </summary>
    public static Utf8XmlReader? TryCreate(ReadOnlyMemory<byte> bytes, XmlReaderSettings settings, string? baseUri)
    {
        var nameTable = settings.NameTable ?? new NameTable();
        var tape = Utf8XmlTokenizer.Tokenize(bytes.Span, settings, nameTable);
        return tape is null ? null : new Utf8XmlReader(tape, bytes, settings, baseUri ?? "");
    }

    private ref Utf8XmlTokenizer.Node Current => ref _tape.Nodes[_node];

    private bool OnNode => _state == ReadState.Interactive;

    private XmlReaderSettings? _settingsCopy;

    /// <summary>A copy of the settings the reader was created with (as System.Xml's reader gives a copy, not its own).</summary>
    public override XmlReaderSettings Settings => _settingsCopy ??= _settings.Clone();

    /// <summary>The quote around the current attribute's value in the document; '"' elsewhere.</summary>
    public override char QuoteChar => OnNode && _attr >= 0 && !_onAttrValue ? (char)_bytes.Span[_tape.Attrs[Current.FirstAttr + _attr].Start - 1] : '"';

    public override XmlNodeType NodeType
    {
        get
        {
            if (!OnNode)
            {
                return XmlNodeType.None;
            }
            if (_onAttrValue)
            {
                return XmlNodeType.Text;
            }
            if (_attr >= 0)
            {
                return XmlNodeType.Attribute;
            }
            return Current.Type;
        }
    }

    // The name entry of the element or attribute under the reader; -1 where there is no name (text, end of input).
    private int CurrentName => !OnNode || _onAttrValue ? -1 : _attr >= 0 ? _tape.Attrs[Current.FirstAttr + _attr].Name : Current.Name;

    public override string Name => CurrentName is >= 0 and var i ? _tape.NameEntries[i].Qualified : string.Empty;

    public override string LocalName => CurrentName is >= 0 and var i ? _tape.NameEntries[i].Local : string.Empty;

    public override string Prefix => CurrentName is >= 0 and var i ? _tape.NameEntries[i].Prefix : string.Empty;

    public override string NamespaceURI
    {
        get
        {
            if (!OnNode || _onAttrValue)
            {
                return string.Empty;
            }
            if (_attr >= 0)
            {
                return _tape.Attrs[Current.FirstAttr + _attr].Namespace;
            }
            return Current.Namespace ?? string.Empty;
        }
    }

    public override bool HasValue => OnNode && (_attr >= 0 || Current.Type is not (XmlNodeType.Element or XmlNodeType.EndElement));

    public override string Value
    {
        get
        {
            if (!OnNode)
            {
                return string.Empty;
            }
            if (_attr >= 0)
            {
                return AttributeValue(Current.FirstAttr + _attr);
            }
            ref var n = ref Current;
            if (n.Type is XmlNodeType.Element or XmlNodeType.EndElement)
            {
                return string.Empty;
            }
            if (_nodeValueNode != _node)
            {
                _nodeValue = n.Type == XmlNodeType.XmlDeclaration
                    ? DeclarationValue(ref n)
                    : Utf8XmlTokenizer.Decode(_bytes.Span.Slice(n.Start, n.Length), attribute: false, cdata: n.Type == XmlNodeType.CDATA);
                _nodeValueNode = _node;
            }
            return _nodeValue!;
        }
    }

    private string DeclarationValue(ref Utf8XmlTokenizer.Node n)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < n.AttrCount; i++)
        {
            ref var a = ref _tape.Attrs[n.FirstAttr + i];
            if (i > 0)
            {
                sb.Append(' ');
            }
            var quote = (char)_bytes.Span[a.Start - 1];
            sb.Append(_tape.NameEntries[a.Name].Qualified).Append('=').Append(quote).Append(AttributeValue(n.FirstAttr + i)).Append(quote);
        }
        return sb.ToString();
    }

    /// <summary>The value of the attribute at <paramref name="index"/> in the tape, one of the current node's.</summary>
    private string AttributeValue(int index)
    {
        ref var n = ref Current;
        if (_attrValuesNode != _node)
        {
            if (_attrValues.Length < n.AttrCount)
            {
                _attrValues = new string?[Math.Max(n.AttrCount, _attrValues.Length * 2)];
            }
            else
            {
                Array.Clear(_attrValues, 0, n.AttrCount);
            }
            _attrValuesNode = _node;
        }
        var local = index - n.FirstAttr;
        if (_attrValues[local] is { } cached)
        {
            return cached;
        }
        ref var a = ref _tape.Attrs[index];
        if (a.Value is { } known)
        {
            return _attrValues[local] = known;
        }
        var raw = _bytes.Span.Slice(a.Start, a.Length);
        return _attrValues[local] = raw.Length <= Utf8ValuePool.MaxBytes
            ? (_pool ??= Utf8ValuePool.Current).AttributeValue(raw)
            : Utf8XmlTokenizer.Decode(raw, attribute: true);
    }

    // ReadValueChunk: the current value decoded once into a reused buffer, handed out from _chunkOffset; every move of
    // the reader resets it (_chunkLength -1).
    private char[] _chunk = [];
    private int _chunkLength = -1;
    private int _chunkOffset;

    public override bool CanReadValueChunk => true;

    /// <summary>The current node's value in pieces, as System.Xml's reader gives it, without a string of the whole.</summary>
    public override int ReadValueChunk(char[] buffer, int index, int count)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, buffer.Length - index);
        var type = NodeType;
        if (type is not (XmlNodeType.Attribute or XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace
            or XmlNodeType.SignificantWhitespace or XmlNodeType.XmlDeclaration))
        {
            throw new InvalidOperationException($"ReadValueChunk calls are not supported on {type} nodes.");
        }
        if (_chunkLength < 0)
        {
            ReadOnlySpan<byte> raw;
            bool attribute, cdata = false;
            if (_attr >= 0 && !_onAttrValue && Current.Type == XmlNodeType.Element && _tape.Attrs[Current.FirstAttr + _attr].Value is null)
            {
                ref var a = ref _tape.Attrs[Current.FirstAttr + _attr];
                raw = _bytes.Span.Slice(a.Start, a.Length);
                attribute = true;
            }
            else if (_attr < 0 && type != XmlNodeType.XmlDeclaration)
            {
                ref var n = ref Current;
                raw = _bytes.Span.Slice(n.Start, n.Length);
                attribute = false;
                cdata = n.Type == XmlNodeType.CDATA;
            }
            else
            {
                // Rare: the declaration, an attribute value node, a value the tokenizer made itself.
                var value = Value;
                if (_chunk.Length < value.Length)
                {
                    _chunk = new char[Math.Max(value.Length, 256)];
                }
                value.CopyTo(_chunk);
                (_chunkLength, _chunkOffset) = (value.Length, 0);
                return CopyChunk(buffer, index, count);
            }
            if (_chunk.Length < raw.Length)
            {
                _chunk = new char[Math.Max(raw.Length, 256)];
            }
            (_chunkLength, _chunkOffset) = (Utf8XmlTokenizer.DecodeTo(raw, attribute, cdata, _chunk), 0);
        }
        return CopyChunk(buffer, index, count);
    }

    private int CopyChunk(char[] buffer, int index, int count)
    {
        var n = Math.Min(count, _chunkLength - _chunkOffset);
        if (n > 0 && n < _chunkLength - _chunkOffset && char.IsHighSurrogate(_chunk[_chunkOffset + n - 1]))
        {
            // As System.Xml: a surrogate pair is never split between two pieces.
            if (--n == 0)
            {
                throw new ArgumentException("The buffer is not large enough to fit a surrogate pair; give room for at least 2 characters.", nameof(count));
            }
        }
        _chunk.AsSpan(_chunkOffset, n).CopyTo(buffer.AsSpan(index));
        _chunkOffset += n;
        return n;
    }

    public override int Depth
    {
        get
        {
            if (!OnNode)
            {
                return 0;
            }
            var d = Current.Depth;
            return _onAttrValue ? d + 2 : _attr >= 0 ? d + 1 : d;
        }
    }

    public override string BaseURI => _baseUri;

    public override bool IsEmptyElement => OnNode && _attr < 0 && Current.IsEmpty;

    public override XmlSpace XmlSpace => OnNode ? Current.Space : XmlSpace.None;

    public override string XmlLang => OnNode ? Current.Lang ?? string.Empty : string.Empty;

    public override int AttributeCount => OnNode && Current.Type is XmlNodeType.Element or XmlNodeType.XmlDeclaration ? Current.AttrCount : 0;

    private int AttrsHere => OnNode && Current.Type is XmlNodeType.Element or XmlNodeType.XmlDeclaration ? Current.AttrCount : 0;

    public override string? GetAttribute(string name)
    {
        var i = IndexOfAttribute(name);
        return i >= 0 ? AttributeValue(Current.FirstAttr + i) : null;
    }

    public override string? GetAttribute(string localName, string? namespaceURI)
    {
        var i = IndexOfAttribute(localName, namespaceURI);
        return i >= 0 ? AttributeValue(Current.FirstAttr + i) : null;
    }

    public override string GetAttribute(int i)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(i);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(i, AttrsHere);
        return AttributeValue(Current.FirstAttr + i);
    }

    /// <summary>
    /// The attributes of the element the reader is on (none elsewhere), for callers that read them all by index
    /// without moving the reader: <see cref="AttributeNameAt"/> and <see cref="AttributeValueAt"/>.
    /// </summary>
    internal int ElementAttributeCount => _attr < 0 && OnNode && Current.Type == XmlNodeType.Element ? Current.AttrCount : 0;

    /// <summary>The namespace and local name (atomized in the name table) of the element's attribute <paramref name="i"/>.</summary>
    internal (string Namespace, string LocalName) AttributeNameAt(int i)
    {
        ref var a = ref _tape.Attrs[Current.FirstAttr + i];
        return (a.Namespace, _tape.NameEntries[a.Name].Local);
    }

    /// <summary>The value of the element's attribute <paramref name="i"/>.</summary>
    internal string AttributeValueAt(int i) => AttributeValue(Current.FirstAttr + i);

    /// <summary>The bytes of the element's attribute <paramref name="i"/> as written, between its quotes (references and line ends not yet decoded).</summary>
    internal ReadOnlySpan<byte> AttributeBytesAt(int i)
    {
        ref var a = ref _tape.Attrs[Current.FirstAttr + i];
        return _bytes.Span.Slice(a.Start, a.Length);
    }

    private int IndexOfAttribute(string name)
    {
        var count = AttrsHere;
        if (count == 0)
        {
            return -1;
        }
        // As System.Xml: a name with a colon is atomized (added), one without only looked up.
        string? atom;
        if (name.Contains(':', StringComparison.Ordinal))
        {
            atom = _names.Add(name);
            for (var i = 0; i < count; i++)
            {
                if (ReferenceEquals(_tape.NameEntries[_tape.Attrs[Current.FirstAttr + i].Name].Qualified, atom))
                {
                    return i;
                }
            }
            return -1;
        }
        atom = _names.Get(name);
        if (atom is null)
        {
            return -1;
        }
        for (var i = 0; i < count; i++)
        {
            ref var e = ref _tape.NameEntries[_tape.Attrs[Current.FirstAttr + i].Name];
            if (ReferenceEquals(e.Local, atom) && e.Prefix.Length == 0)
            {
                return i;
            }
        }
        return -1;
    }

    private int IndexOfAttribute(string localName, string? namespaceURI)
    {
        var count = AttrsHere;
        if (count == 0)
        {
            return -1;
        }
        var ns = namespaceURI is null ? string.Empty : _names.Get(namespaceURI);
        var local = _names.Get(localName);
        if (ns is null || local is null)
        {
            return -1;
        }
        for (var i = 0; i < count; i++)
        {
            ref var a = ref _tape.Attrs[Current.FirstAttr + i];
            if (ReferenceEquals(_tape.NameEntries[a.Name].Local, local) && ReferenceEquals(a.Namespace, ns))
            {
                return i;
            }
        }
        return -1;
    }

    public override bool MoveToAttribute(string name)
    {
        var i = IndexOfAttribute(name);
        if (i >= 0)
        {
            OnAttribute(i);
        }
        return i >= 0;
    }

    public override bool MoveToAttribute(string name, string? ns)
    {
        var i = IndexOfAttribute(name, ns);
        if (i >= 0)
        {
            OnAttribute(i);
        }
        return i >= 0;
    }

    public override void MoveToAttribute(int i)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(i);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(i, AttrsHere);
        OnAttribute(i);
    }

    private void OnAttribute(int i)
    {
        _attr = i;
        _onAttrValue = false;
        _chunkLength = -1;
    }

    public override bool MoveToFirstAttribute()
    {
        if (AttrsHere == 0)
        {
            return false;
        }
        _attr = 0;
        _onAttrValue = false;
        _chunkLength = -1;
        return true;
    }

    public override bool MoveToNextAttribute()
    {
        if (_attr + 1 >= AttrsHere)
        {
            return false;
        }
        _attr++;
        _onAttrValue = false;
        _chunkLength = -1;
        return true;
    }

    public override bool MoveToElement()
    {
        if (_attr < 0)
        {
            return false;
        }
        _attr = -1;
        _onAttrValue = false;
        _chunkLength = -1;
        return true;
    }

    public override bool ReadAttributeValue()
    {
        if (_attr < 0 || _onAttrValue)
        {
            return false;
        }
        _onAttrValue = true;
        _chunkLength = -1;
        return true;
    }

    public override bool Read()
    {
        switch (_state)
        {
            case ReadState.Initial:
                _state = ReadState.Interactive;
                _node = 0;
                break;
            case ReadState.Interactive:
                _node++;
                break;
            default:
                return false;
        }
        _attr = -1;
        _onAttrValue = false;
        _chunkLength = -1;
        if (_node >= _tape.NodeCount)
        {
            _node = _tape.NodeCount;
            _state = ReadState.EndOfFile;
            return false;
        }
        return true;
    }

    public override bool EOF => _state == ReadState.EndOfFile;

    public override ReadState ReadState => _state;

    public override void Close()
    {
        if (_state != ReadState.Closed)
        {
            // The tape goes back for the next document; this reader keeps an empty one for what is asked after closing.
            var spent = _tape;
            _tape = Utf8XmlTokenizer.Tape.Empty(_names);
            Utf8XmlTokenizer.Release(spent);
            _attrValuesNode = -1;
            _nodeValueNode = -1;
            _nodeValue = null;
            if (_lineStarts is not null)
            {
                // Rented by LineStarts; asked for again after closing, they are counted afresh.
                ArrayPool<int>.Shared.Return(_lineStarts);
                _lineStarts = null;
                _lastLine = 0;
                _columnLine = -1;
                _positionOffset = -1;
            }
        }
        _state = ReadState.Closed;
        _attr = -1;
        _onAttrValue = false;
        _chunkLength = -1;
    }

    public override XmlNameTable NameTable => _names;

    public override string? LookupNamespace(string prefix) => OnNode ? _tape.LookupNamespace(Current.NsTop, prefix) : _tape.LookupNamespace(-1, prefix);

    public override void ResolveEntity() => throw new InvalidOperationException("The reader is not positioned on an entity reference.");

    /// <summary>
    /// The namespace scope of the current node as a handle (the innermost declaration in scope), valid for the reader's
    /// life: with <see cref="LookupNamespace(int, string)"/>, a prefix resolved as on this node after the reader has moved on.
    /// </summary>
    internal int NamespaceScope => OnNode ? Current.NsTop : -1;

    /// <summary>The namespace <paramref name="prefix"/> had on the node whose <see cref="NamespaceScope"/> was <paramref name="scope"/>, as <see cref="LookupNamespace(string)"/> gives it there.</summary>
    internal string? LookupNamespace(int scope, string prefix) => _tape.LookupNamespace(scope, prefix);

    public IDictionary<string, string> GetNamespacesInScope(XmlNamespaceScope scope) =>
        _tape.NamespacesInScope(OnNode ? Current.NsTop : -1, OnNode ? Current.NsLocal : 0, scope);

    public string? LookupPrefix(string namespaceName) => _tape.LookupPrefix(OnNode ? Current.NsTop : -1, namespaceName);

    string? IXmlNamespaceResolver.LookupNamespace(string prefix) => LookupNamespace(prefix);

    public bool HasLineInfo() => true;

    public int LineNumber => Position().Line;

    public int LinePosition => Position().Column;

    private (int Line, int Column) Position()
    {
        if (_state == ReadState.EndOfFile)
        {
            // As System.Xml: at the end, the position after the last character.
            return LineAndColumn(_bytes.Length);
        }
        if (!OnNode)
        {
            return (0, 0);
        }
        int offset;
        if (_attr >= 0)
        {
            ref var a = ref _tape.Attrs[Current.FirstAttr + _attr];
            offset = _onAttrValue ? a.Start : a.Pos;
        }
        else
        {
            offset = Current.Pos;
        }
        return LineAndColumn(offset);
    }

    private int _columnLine = -1;
    private int _columnOffset;
    private int _columnChars;

    private (int Line, int Column) LineAndColumn(int offset)
    {
        if (offset == _positionOffset)
        {
            return _position;
        }
        _lineStarts ??= LineStarts(_bytes.Span, _tape.BodyStart, out _lineCount);
        var lineStarts = _lineStarts;
        // Positions are asked for in document order: walk on from the last line found, else search.
        var line = _lastLine;
        if (lineStarts[line] <= offset)
        {
            var steps = 0;
            while (line + 1 < _lineCount && lineStarts[line + 1] <= offset && ++steps < 16)
            {
                line++;
            }
            if (line + 1 < _lineCount && lineStarts[line + 1] <= offset)
            {
                line = Array.BinarySearch(lineStarts, 0, _lineCount, offset);
                line = line < 0 ? ~line - 1 : line;
            }
        }
        else
        {
            line = Array.BinarySearch(lineStarts, 0, _lineCount, offset);
            line = line < 0 ? ~line - 1 : line;
        }
        _lastLine = line;
        // Columns count UTF-16 chars from the line's start; on a long line (inline XBRL documents are often a few
        // lines of megabytes) count on from the last position asked for on it, not from its start each time.
        var start = lineStarts[line];
        var column = 0;
        if (_columnLine == line && _columnOffset <= offset)
        {
            start = _columnOffset;
            column = _columnChars;
        }
        if (_tape.Ascii)
        {
            // An all-ASCII document: a char per byte, the bytes not even looked at.
            column += offset - start;
        }
        else
        {
            var span = _bytes.Span[start..offset];
            column += Ascii.IsValid(span) ? span.Length : Encoding.UTF8.GetCharCount(span);
        }
        (_columnLine, _columnOffset, _columnChars) = (line, offset, column);
        _positionOffset = offset;
        _position = (line + 1, column + 1);
        return _position;
    }

    /// <summary>
    /// The offset of each line's first byte (after LF, after a CR not followed by LF), in one pass that takes 32 bytes
    /// at a time and looks only at the CR and LF bytes among them; rented from the shared pool.
    /// </summary>
    internal static int[] LineStarts(ReadOnlySpan<byte> bytes, int bodyStart, out int lineCount)
    {
        var starts = ArrayPool<int>.Shared.Rent(Math.Max(64, bytes.Length / 128));
        var count = 0;
        starts[count++] = bodyStart;
        var i = bodyStart;
        if (Vector256.IsHardwareAccelerated)
        {
            ref var first = ref MemoryMarshal.GetReference(bytes);
            var lf = Vector256.Create((byte)'\n');
            var cr = Vector256.Create((byte)'\r');
            for (; i <= bytes.Length - Vector256<byte>.Count; i += Vector256<byte>.Count)
            {
                var v = Vector256.LoadUnsafe(ref first, (nuint)i);
                var mask = (Vector256.Equals(v, lf) | Vector256.Equals(v, cr)).ExtractMostSignificantBits();
                while (mask != 0)
                {
                    var at = i + BitOperations.TrailingZeroCount(mask);
                    mask &= mask - 1;
                    AddLineEnd(bytes, at, ref starts, ref count);
                }
            }
        }
        for (; i < bytes.Length; i++)
        {
            if (bytes[i] is (byte)'\n' or (byte)'\r')
            {
                AddLineEnd(bytes, i, ref starts, ref count);
            }
        }
        lineCount = count;
        return starts;
    }

    /// <summary>Records the line that starts after the CR or LF at <paramref name="at"/> (none after the CR of a CR LF: its LF ends the line).</summary>
    private static void AddLineEnd(ReadOnlySpan<byte> bytes, int at, ref int[] starts, ref int count)
    {
        if (bytes[at] == (byte)'\r' && at + 1 < bytes.Length && bytes[at + 1] == (byte)'\n')
        {
            return;
        }
        if (count == starts.Length)
        {
            var larger = ArrayPool<int>.Shared.Rent(starts.Length * 2);
            starts.AsSpan().CopyTo(larger);
            ArrayPool<int>.Shared.Return(starts);
            starts = larger;
        }
        starts[count++] = at + 1;
    }
}
