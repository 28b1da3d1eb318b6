using System.Buffers;
using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;
using System.Text.Unicode;
using System.Xml;

namespace EdgarSharp.Internal.Xml;

/// <summary>
/// Checks a whole UTF-8 document against a strict subset of XML 1.0 with namespaces and, when it fits, indexes it
/// into a <see cref="Tape"/>: one entry per node that System.Xml's reader would report under the given settings
/// (element, end element, text, CDATA, whitespace, XML declaration), with byte offsets of names and values. It never
/// reports an error: anything outside the subset, and any error, makes <see cref="Tokenize"/> return null so that the
/// caller reads the document with System.Xml, which then gives its own nodes, diagnostics and exceptions.
/// </summary>
/// <remarks>
/// Outside the subset: a DOCTYPE; an encoding other than UTF-8 (or US-ASCII and ISO-8859-1 on an all-ASCII
/// document); control characters other than tab, LF and CR; invalid UTF-8, U+0080 to U+009F, U+FFFE and U+FFFF;
/// names that are not ASCII or not namespace-well-formed; undeclared prefixes; duplicate attributes; mismatched
/// tags; <c>&lt;</c> in attribute values; entity references other than the five predefined and valid character
/// references (and character references to whitespace in text); <c>]]&gt;</c> in text; <c>--</c> in comments;
/// content outside the root; unusual settings (comments or processing instructions kept, validation, fragments,
/// line offsets); documents longer in bytes than <see cref="XmlReaderSettings.MaxCharactersInDocument"/>.
/// </remarks>
internal static class Utf8XmlTokenizer
{
    public const string XmlNamespace = "http://www.w3.org/XML/1998/namespace";
    public const string XmlnsNamespace = "http://www.w3.org/2000/xmlns/";

    private static readonly SearchValues<byte> ForbiddenControls = SearchValues.Create(
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 11, 12, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31]);

    private static readonly SearchValues<byte> WhitespaceBytes = SearchValues.Create(" \t\r\n"u8);
    private static readonly SearchValues<byte> NameBytes = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-:"u8);
    private static readonly SearchValues<byte> TextSpecials = SearchValues.Create("&\r"u8);
    private static readonly SearchValues<byte> AttributeSpecials = SearchValues.Create("&\r\n\t"u8);
    private static readonly SearchValues<byte> CdataSpecials = SearchValues.Create("\r"u8);

    // 1: may start a name (ASCII letters, '_'); 2: may continue one (also digits, '.', '-').
    private static readonly byte[] NameClass = BuildNameClass();

    private static byte[] BuildNameClass()
    {
        var t = new byte[256];
        for (var c = 'a'; c <= 'z'; c++)
        {
            t[c] = 3;
            t[char.ToUpperInvariant(c)] = 3;
        }
        t['_'] = 3;
        for (var c = '0'; c <= '9'; c++)
        {
            t[c] = 2;
        }
        t['.'] = 2;
        t['-'] = 2;
        return t;
    }

    public struct Node
    {
        public XmlNodeType Type;
        public bool IsEmpty;
        public XmlSpace Space;
        public int Depth;

        /// <summary>Index into <see cref="Tape.NameEntries"/>, or -1.</summary>
        public int Name;
        public string? Namespace;

        /// <summary>The raw value's bytes (text, CDATA, whitespace).</summary>
        public int Start;
        public int Length;

        /// <summary>Where line and column are reported: the name of an element, the start of text.</summary>
        public int Pos;
        public int FirstAttr;
        public int AttrCount;

        /// <summary>The innermost namespace declaration in scope (-1: none) and how many of the innermost belong to the current element.</summary>
        public int NsTop;
        public int NsLocal;
        public string? Lang;
    }

    public struct Attr
    {
        public int Name;
        public string Namespace;
        public int Start;
        public int Length;
        public int Pos;

        /// <summary>The decoded value when the tokenizer needed it (namespace declarations, xml:lang, xml:space).</summary>
        public string? Value;
    }

    public struct NameEntry
    {
        public string Local;
        public string Prefix;
        public string Qualified;
        public int ByteStart;
        public int ByteLength;
        public int Hash;
        public int Next;
        public ulong Key0;
        public ulong Key1;

        /// <summary>The namespace of the prefix as last resolved, and the scope (innermost declaration) it was resolved in.</summary>
        public int NsTop;
        public string? Ns;

        /// <summary>
        /// For an element name: the names of the attributes its last start tag had, in order (a linkbase writes
        /// every locator's and every arc's attributes alike), tried first before a name is scanned and looked up.
        /// </summary>
        public int[]? AttributeNames;
        public int AttributeNameCount;

        /// <summary>
        /// How many of <see cref="AttributeNames"/> a start tag of this name has had checked (no namespace declaration,
        /// no xml:lang or xml:space, no duplicate) in scope <see cref="CheckedNsTop"/>, and their namespaces there: a tag
        /// with the same attribute names in the same scope takes them without resolving and comparing them again.
        /// </summary>
        public int CheckedCount;
        public int CheckedNsTop;
        public string[]? AttributeNamespaces;

        /// <summary>For an element name: the name of the start tag that came next after the last one of this name (-1: none yet).</summary>
        public int NextElement;
    }

    public struct NsDecl
    {
        public string Prefix;
        public string Uri;
        public int Prev;
    }

    /// <summary>The index of one document.</summary>
    public sealed class Tape
    {
        public Tape(XmlNameTable names)
            : this(names, buckets: 256, chars: 64, open: 32, nodes: 64, attrs: 64, nameEntries: 64, decls: 8)
        {
        }

        private Tape(XmlNameTable names, int buckets, int chars, int open, int nodes, int attrs, int nameEntries, int decls)
        {
            Buckets = Room<int>(buckets);
            Chars = Room<char>(chars);
            Open = Room<Open>(open);
            Nodes = Room<Node>(nodes);
            Attrs = Room<Attr>(attrs);
            NameEntries = Room<NameEntry>(nameEntries);
            Decls = Room<NsDecl>(decls);
            Reset(names);
        }

        private static T[] Room<T>(int length) => length == 0 ? [] : new T[length];

        /// <summary>A tape with no room, for a reader that has given its own back.</summary>
        public static Tape Empty(XmlNameTable names) => new(names, 0, 0, 0, 0, 0, 0, 0);

        /// <summary>Empties the tape for another document (its arrays are kept: a thread reading many documents reuses one tape).</summary>
        [MemberNotNull(nameof(Names), nameof(XmlNs), nameof(XmlnsNs), nameof(XmlPrefix), nameof(XmlnsPrefix))]
        public void Reset(XmlNameTable names)
        {
            Names = names;
            XmlNs = names.Add(XmlNamespace);
            XmlnsNs = names.Add(XmlnsNamespace);
            XmlPrefix = names.Add("xml");
            XmlnsPrefix = names.Add("xmlns");
            NodeCount = AttrCount = NameCount = DeclCount = BodyStart = 0;
            Array.Fill(Buckets, -1);
        }

        public XmlNameTable Names;
        public string XmlNs;
        public string XmlnsNs;
        public string XmlPrefix;
        public string XmlnsPrefix;
        public int[] Buckets;
        public char[] Chars;
        internal Open[] Open;
        public Node[] Nodes;
        public int NodeCount;
        public Attr[] Attrs;
        public int AttrCount;
        public NameEntry[] NameEntries;
        public int NameCount;
        public NsDecl[] Decls;
        public int DeclCount;

        public int BodyStart;

        /// <summary>Whether the document after its byte order mark is all ASCII (a column is then a count of bytes).</summary>
        public bool Ascii;

        public string? LookupNamespace(int top, string prefix)
        {
            for (var i = top; i >= 0; i = Decls[i].Prev)
            {
                if (string.Equals(Decls[i].Prefix, prefix, StringComparison.Ordinal))
                {
                    return Decls[i].Uri;
                }
            }
            return prefix switch
            {
                "" => string.Empty,
                "xml" => XmlNs,
                "xmlns" => XmlnsNs,
                _ => null,
            };
        }

        public string? LookupPrefix(int top, string uri)
        {
            for (var i = top; i >= 0; i = Decls[i].Prev)
            {
                if (string.Equals(Decls[i].Uri, uri, StringComparison.Ordinal) && string.Equals(LookupNamespace(top, Decls[i].Prefix), uri, StringComparison.Ordinal))
                {
                    return Decls[i].Prefix;
                }
            }
            if (uri == XmlNamespace)
            {
                return XmlPrefix;
            }
            if (uri == XmlnsNamespace)
            {
                return XmlnsPrefix;
            }
            return uri.Length == 0 && string.Equals(LookupNamespace(top, ""), "", StringComparison.Ordinal) ? string.Empty : null;
        }

        public IDictionary<string, string> NamespacesInScope(int top, int local, XmlNamespaceScope scope)
        {
            var chain = new List<int>();
            for (var i = top; i >= 0 && (scope != XmlNamespaceScope.Local || chain.Count < local); i = Decls[i].Prev)
            {
                chain.Add(i);
            }
            var dict = new Dictionary<string, string>(StringComparer.Ordinal);
            if (scope == XmlNamespaceScope.All)
            {
                dict[XmlPrefix] = XmlNs;
            }
            for (var k = chain.Count - 1; k >= 0; k--)
            {
                ref var d = ref Decls[chain[k]];
                if (scope == XmlNamespaceScope.Local || d.Uri.Length > 0 || d.Prefix.Length > 0)
                {
                    dict[d.Prefix] = d.Uri;
                }
                else
                {
                    dict.Remove(d.Prefix);
                }
            }
            return dict;
        }
    }

    internal struct Open
    {
        public int Node;
        public int ParentTop;
    }

    /// <summary>The tape of <paramref name="doc"/>, or null when it is outside the subset (or not well-formed).</summary>
    public static Tape? Tokenize(ReadOnlySpan<byte> doc, XmlReaderSettings settings, XmlNameTable names)
    {
        if (settings.ConformanceLevel != ConformanceLevel.Document || !settings.IgnoreComments || !settings.IgnoreProcessingInstructions
            || !settings.CheckCharacters || settings.ValidationType != ValidationType.None || settings.LineNumberOffset != 0
            || settings.LinePositionOffset != 0 || (settings.MaxCharactersInDocument > 0 && doc.Length > settings.MaxCharactersInDocument))
        {
            return null;
        }
        var bodyStart = doc.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        var body = doc[bodyStart..];
        if (body.IndexOfAny(ForbiddenControls) >= 0)
        {
            return null;
        }
        var ascii = Ascii.IsValid(body);
        if (!ascii && !PlainUtf8(body))
        {
            return null;
        }
        var tape = s_spare ?? new Tape(names);
        s_spare = null;
        tape.Reset(names);
        var t = new Tokenizer(doc, tape, settings.IgnoreWhitespace, ascii && bodyStart == 0);
        tape.BodyStart = bodyStart;
        tape.Ascii = ascii;
        if (t.Run(bodyStart))
        {
            return tape;
        }
        Release(tape);
        return null;
    }

    [ThreadStatic]
    private static Tape? s_spare;

    /// <summary>Gives back a tape no reader uses any more, for the next document read on this thread.</summary>
    public static void Release(Tape tape) => s_spare = tape;

    /// <summary>Valid UTF-8 with no U+0080 to U+009F, U+FFFE or U+FFFF.</summary>
    private static bool PlainUtf8(ReadOnlySpan<byte> body)
    {
        if (!Utf8.IsValid(body))
        {
            return false;
        }
        if (body.IndexOf((ReadOnlySpan<byte>)[0xEF, 0xBF, 0xBE]) >= 0 || body.IndexOf((ReadOnlySpan<byte>)[0xEF, 0xBF, 0xBF]) >= 0)
        {
            return false;
        }
        var i = 0;
        while (true)
        {
            var at = body[i..].IndexOf((byte)0xC2);
            if (at < 0)
            {
                return true;
            }
            i += at + 1;
            if (body[i] < 0xA0)
            {
                return false;
            }
        }
    }

    private ref struct Tokenizer
    {
        private readonly ReadOnlySpan<byte> _doc;
        private readonly XmlNameTable _names;
        private readonly bool _ignoreWhitespace;
        private readonly bool _allAscii;
        public readonly Tape Tape;
        private int _depth;
        private int _nsTop;
        private bool _rootSeen;
        // The name of the last start tag (-1: none yet), whose NextElement is tried first for the next one.
        private int _lastStart;

        public Tokenizer(ReadOnlySpan<byte> doc, Tape tape, bool ignoreWhitespace, bool allAscii)
        {
            _doc = doc;
            _names = tape.Names;
            _ignoreWhitespace = ignoreWhitespace;
            _allAscii = allAscii;
            Tape = tape;
            _nsTop = -1;
            _lastStart = -1;
        }

        public bool Run(int p)
        {
            var doc = _doc;
            var end = doc.Length;
            if (doc[p..].StartsWith("<?xml"u8) && p + 5 < end && IsWhitespace(doc[p + 5]))
            {
                if (!Declaration(ref p))
                {
                    return false;
                }
            }
            while (p < end)
            {
                if (doc[p] != (byte)'<')
                {
                    if (!Text(ref p))
                    {
                        return false;
                    }
                    continue;
                }
                if (p + 1 >= end)
                {
                    return false;
                }
                var c = doc[p + 1];
                bool ok;
                if (c == (byte)'/')
                {
                    ok = EndTag(ref p);
                }
                else if (c == (byte)'?')
                {
                    ok = ProcessingInstruction(ref p);
                }
                else if (c == (byte)'!')
                {
                    if (doc[p..].StartsWith("<!--"u8))
                    {
                        ok = Comment(ref p);
                    }
                    else if (doc[p..].StartsWith("<![CDATA["u8) && _depth > 0)
                    {
                        ok = CData(ref p);
                    }
                    else
                    {
                        return false;
                    }
                }
                else
                {
                    ok = (_depth > 0 || !_rootSeen) && StartTag(ref p);
                }
                if (!ok)
                {
                    return false;
                }
            }
            return _rootSeen && _depth == 0;
        }

        private static bool IsWhitespace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';

        private int SkipWhitespace(ref int p)
        {
            var start = p;
            while (p < _doc.Length && IsWhitespace(_doc[p]))
            {
                p++;
            }
            return p - start;
        }

        /// <summary>
        /// <c>S? '=' S?</c> and an opening quote (XML 1.0 production Eq, then the start of AttValue): false when it is
        /// not there; else <paramref name="p"/> is just past the quote, which <paramref name="quote"/> gives.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private bool ScanEquals(ref int p, out byte quote)
        {
            quote = 0;
            SkipWhitespace(ref p);
            if (p >= _doc.Length || _doc[p] != (byte)'=')
            {
                return false;
            }
            p++;
            SkipWhitespace(ref p);
            if (p >= _doc.Length || _doc[p] is not ((byte)'"' or (byte)'\''))
            {
                return false;
            }
            quote = _doc[p++];
            return true;
        }

        private ref Node AddNode()
        {
            if (Tape.NodeCount == Tape.Nodes.Length)
            {
                Array.Resize(ref Tape.Nodes, Tape.Nodes.Length * 2);
            }
            ref var n = ref Tape.Nodes[Tape.NodeCount++];
            n = default;
            n.Name = -1;
            n.NsTop = _nsTop;
            if (_depth > 0)
            {
                ref var parent = ref Tape.Nodes[Tape.Open[_depth - 1].Node];
                n.NsLocal = parent.NsLocal;
                if (parent.Lang is not null)
                {
                    // Stored only when there is one (nearly never in a linkbase): a reference stored costs a write barrier.
                    n.Lang = parent.Lang;
                }
                n.Space = parent.Space;
            }
            n.Depth = _depth;
            return ref n;
        }

        /// <summary>The next attribute on the tape, with its namespace and no value; the caller sets its name and offsets.</summary>
        private ref Attr AddAttr(string ns)
        {
            if (Tape.AttrCount == Tape.Attrs.Length)
            {
                Array.Resize(ref Tape.Attrs, Tape.Attrs.Length * 2);
            }
            ref var a = ref Tape.Attrs[Tape.AttrCount++];
            a.Namespace = ns;
            a.Value = null;
            return ref a;
        }

        private bool Declaration(ref int p)
        {
            var doc = _doc;
            ref var n = ref AddNode();
            n.Type = XmlNodeType.XmlDeclaration;
            n.Pos = p + 2;
            n.Name = Intern(p + 2, 3, -1);
            n.Namespace = string.Empty;
            n.FirstAttr = Tape.AttrCount;
            p += 5;
            ReadOnlySpan<string> names = ["version", "encoding", "standalone"];
            var next = 0;
            string? encoding = null;
            while (true)
            {
                var ws = SkipWhitespace(ref p);
                if (p + 1 < doc.Length && doc[p] == (byte)'?' && doc[p + 1] == (byte)'>')
                {
                    p += 2;
                    break;
                }
                if (ws == 0 || next == 3)
                {
                    return false;
                }
                var nameStart = p;
                var which = -1;
                for (var k = next; k < 3; k++)
                {
                    if (doc[p..].StartsWith(Encoding.ASCII.GetBytes(names[k])))
                    {
                        which = k;
                        break;
                    }
                }
                if (which < 0 || (next == 0 && which != 0))
                {
                    return false;
                }
                p += names[which].Length;
                next = which + 1;
                if (!ScanEquals(ref p, out var quote))
                {
                    return false;
                }
                var valueStart = p;
                while (p < doc.Length && (NameClass[doc[p]] != 0))
                {
                    p++;
                }
                if (p >= doc.Length || doc[p] != quote)
                {
                    return false;
                }
                var value = Encoding.ASCII.GetString(doc[valueStart..p]);
                p++;
                switch (which)
                {
                    case 0 when value != "1.0":
                    case 2 when value is not ("yes" or "no"):
                        return false;
                    case 1:
                        encoding = value;
                        break;
                }
                ref var a = ref AddAttr(string.Empty);
                a.Name = Intern(nameStart, names[which].Length, -1);
                a.Pos = nameStart;
                a.Start = valueStart;
                a.Length = p - 1 - valueStart;
                a.Value = value;
                Tape.Nodes[Tape.NodeCount - 1].AttrCount++;
            }
            if (encoding is not null && !encoding.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
                && !(_allAscii && (encoding.Equals("us-ascii", StringComparison.OrdinalIgnoreCase) || encoding.Equals("iso-8859-1", StringComparison.OrdinalIgnoreCase))))
            {
                return false;
            }
            return true;
        }

        private bool Text(ref int position)
        {
            // A copy of the position, never passed by reference, so that it stays in a register.
            var p = position;
            var doc = _doc;
            var start = p;
            var hasRef = false;
            // Most runs are the line break and indentation between two tags.
            while (p < doc.Length && IsWhitespace(doc[p]))
            {
                p++;
            }
            if (p == doc.Length || doc[p] == (byte)'<')
            {
                position = p;
                return Whitespace(start, p);
            }
            while (true)
            {
                var at = IndexOfAny3(doc[p..], (byte)'<', (byte)'&', (byte)']');
                if (at < 0)
                {
                    p = doc.Length;
                    break;
                }
                p += at;
                var c = doc[p];
                if (c == (byte)'<')
                {
                    break;
                }
                if (c == (byte)']')
                {
                    if (doc[p..].StartsWith("]]>"u8))
                    {
                        return false;
                    }
                    p++;
                    continue;
                }
                var afterReference = p;
                if (_depth == 0 || !Reference(ref afterReference, inText: true))
                {
                    return false;
                }
                p = afterReference;
                hasRef = true;
            }
            position = p;
            var text = doc[start..p];
            if (!hasRef && text.IndexOfAnyExcept(WhitespaceBytes) < 0)
            {
                return Whitespace(start, p);
            }
            if (_depth == 0)
            {
                return false;
            }
            ref var n = ref AddNode();
            n.Type = XmlNodeType.Text;
            n.Start = start;
            n.Length = p - start;
            n.Pos = start;
            return true;
        }

        /// <summary>A run of whitespace: a node only where System.Xml reports one (xml:space="preserve", or whitespace kept).</summary>
        private bool Whitespace(int start, int p)
        {
            XmlNodeType type;
            if (_depth > 0 && Tape.Nodes[Tape.Open[_depth - 1].Node].Space == XmlSpace.Preserve)
            {
                type = XmlNodeType.SignificantWhitespace;
            }
            else if (_ignoreWhitespace)
            {
                return true;
            }
            else
            {
                type = XmlNodeType.Whitespace;
            }
            ref var n = ref AddNode();
            n.Type = type;
            n.Start = start;
            n.Length = p - start;
            n.Pos = start;
            return true;
        }

        /// <summary>Checks the reference at <paramref name="p"/> (at '&amp;') and moves past it.</summary>
        private bool Reference(ref int p, bool inText)
        {
            var doc = _doc;
            var rest = doc[(p + 1)..];
            if (rest.Length >= 3 && rest[2] == (byte)';' && rest[1] == (byte)'t' && rest[0] is (byte)'l' or (byte)'g')
            {
                // &lt; and &gt;: nearly every reference of an escaped HTML text block.
                p += 4;
                return true;
            }
            // The ';' within a dozen bytes, looked for one by one (references are short and text blocks hold thousands).
            var semi = -1;
            var end = Math.Min(rest.Length, 13);
            for (var j = 0; j < end; j++)
            {
                if (rest[j] == (byte)';')
                {
                    semi = j;
                    break;
                }
            }
            if (semi <= 0 || semi > 12)
            {
                return false;
            }
            var body = rest[..semi];
            if (body[0] == (byte)'#')
            {
                if (!TryCharReference(body[1..], out var value))
                {
                    return false;
                }
                if (inText && value is 0x9 or 0xA or 0xD or 0x20)
                {
                    return false;
                }
            }
            else if (!(body.SequenceEqual("lt"u8) || body.SequenceEqual("gt"u8) || body.SequenceEqual("amp"u8) || body.SequenceEqual("apos"u8) || body.SequenceEqual("quot"u8)))
            {
                return false;
            }
            p += semi + 2;
            return true;
        }

        /// <summary>An attribute value the tokenizer decodes itself (xml:lang, xml:space, namespace URIs), shared through the thread's pool when short.</summary>
        private static string SharedValue(ReadOnlySpan<byte> raw) =>
            raw.Length <= Utf8ValuePool.MaxBytes ? Utf8ValuePool.Current.AttributeValue(raw) : Decode(raw, attribute: true);

        private bool StartTag(ref int p)
        {
            var doc = _doc;
            var nameStart = p + 1;
            // q, the position in the tag, is never passed by reference (helpers that move it get a copy), so that it stays in a register.
            var q = nameStart;
            // Tags come in runs (a locator, its arc, the next locator): the name that followed the last tag's name is tried first.
            var nameId = _lastStart >= 0 ? Tape.NameEntries[_lastStart].NextElement : -1;
            if (nameId >= 0 && IsNameAt(q, nameId, out var nameLength))
            {
                q += nameLength;
            }
            else
            {
                var nameEnd = q;
                if (!ScanName(ref nameEnd, out var colon))
                {
                    return false;
                }
                q = nameEnd;
                nameId = Intern(nameStart, q - nameStart, colon);
                if (_lastStart >= 0)
                {
                    Tape.NameEntries[_lastStart].NextElement = nameId;
                }
            }
            _lastStart = nameId;
            var firstAttr = Tape.AttrCount;
            var predicted = true;
            // The names this element's last start tag had, held here (they change only when one is not met).
            var lastNames = Tape.NameEntries[nameId].AttributeNames;
            var lastCount = Tape.NameEntries[nameId].AttributeNameCount;
            // Whether this element's names were checked in this scope, and the namespaces they had there: a predicted
            // attribute takes its namespace at once (a tag that turns out otherwise is checked in full below anyway).
            var scopeChecked = Tape.NameEntries[nameId].CheckedNsTop == _nsTop;
            var checkedNamespaces = Tape.NameEntries[nameId].AttributeNamespaces;
            var checkedCount = scopeChecked ? Tape.NameEntries[nameId].CheckedCount : 0;
            bool empty;
            while (true)
            {
                var spaceStart = q;
                while (q < doc.Length && IsWhitespace(doc[q]))
                {
                    q++;
                }
                if (q >= doc.Length)
                {
                    return false;
                }
                var c = doc[q];
                if (c == (byte)'>')
                {
                    q++;
                    empty = false;
                    break;
                }
                if (c == (byte)'/')
                {
                    if (q + 1 < doc.Length && doc[q + 1] == (byte)'>')
                    {
                        q += 2;
                        empty = true;
                        break;
                    }
                    return false;
                }
                if (q == spaceStart)
                {
                    return false;
                }
                var attrStart = q;
                int attrName;
                var attrNs = string.Empty;
                var position = Tape.AttrCount - firstAttr;
                if (position < lastCount && IsNameAt(q, lastNames![position], out var length))
                {
                    // The same attribute as in this element's last start tag: no scan, no lookup.
                    attrName = lastNames[position];
                    q += length;
                    if (position < checkedCount)
                    {
                        attrNs = checkedNamespaces![position];
                    }
                }
                else
                {
                    var attrEnd = q;
                    if (!ScanName(ref attrEnd, out var attrColon))
                    {
                        return false;
                    }
                    q = attrEnd;
                    attrName = Intern(attrStart, q - attrStart, attrColon);
                    RememberAttributeName(nameId, position, attrName);
                    predicted = false;
                    lastNames = Tape.NameEntries[nameId].AttributeNames;
                    lastCount = Tape.NameEntries[nameId].AttributeNameCount;
                    checkedCount = 0;
                }
                // S? '=' S? and the opening quote: nearly always just '="'.
                byte quote;
                if (q + 1 < doc.Length && doc[q] == (byte)'=' && doc[q + 1] is (byte)'"' or (byte)'\'')
                {
                    quote = doc[q + 1];
                    q += 2;
                }
                else
                {
                    var afterEquals = q;
                    if (!ScanEquals(ref afterEquals, out quote))
                    {
                        return false;
                    }
                    q = afterEquals;
                }
                var valueStart = q;
                while (true)
                {
                    var at = IndexOfAny3(doc[q..], quote, (byte)'<', (byte)'&');
                    if (at < 0)
                    {
                        return false;
                    }
                    q += at;
                    var s = doc[q];
                    if (s == quote)
                    {
                        break;
                    }
                    var afterReference = q;
                    if (s == (byte)'<' || !Reference(ref afterReference, inText: false))
                    {
                        return false;
                    }
                    q = afterReference;
                }
                ref var a = ref AddAttr(attrNs);
                a.Name = attrName;
                a.Pos = attrStart;
                a.Start = valueStart;
                a.Length = q - valueStart;
                q++;
            }
            var attrCount = Tape.AttrCount - firstAttr;
            var parentTop = _nsTop;
            ref var checkedTag = ref Tape.NameEntries[nameId];
            if (predicted && scopeChecked && attrCount <= checkedCount)
            {
                // The names of a tag already checked in this scope (their namespaces taken above): no declaration, no duplicate.
                var elementNs = Resolve(ref checkedTag);
                if (elementNs is null)
                {
                    return false;
                }
                AddElement(nameId, elementNs, empty, nameStart, firstAttr, attrCount, 0, null, XmlSpace.None, parentTop);
                p = q;
                return true;
            }
            var local = 0;
            string? lang = null;
            var space = XmlSpace.None;
            var hasLang = false;
            var hasSpace = false;
            for (var i = firstAttr; i < Tape.AttrCount; i++)
            {
                ref var a = ref Tape.Attrs[i];
                ref var e = ref Tape.NameEntries[a.Name];
                string prefix;
                if (e.Prefix.Length == 0 && ReferenceEquals(e.Local, Tape.XmlnsPrefix))
                {
                    prefix = string.Empty;
                }
                else if (ReferenceEquals(e.Prefix, Tape.XmlnsPrefix))
                {
                    prefix = e.Local;
                    if (ReferenceEquals(prefix, Tape.XmlnsPrefix))
                    {
                        return false;
                    }
                }
                else
                {
                    if (ReferenceEquals(e.Prefix, Tape.XmlPrefix))
                    {
                        a.Namespace = Tape.XmlNs;
                        if (e.Local == "lang")
                        {
                            // Every label repeats its xml:lang: one shared string per value.
                            a.Value = SharedValue(doc.Slice(a.Start, a.Length));
                            lang = a.Value;
                            hasLang = true;
                        }
                        else if (e.Local == "space")
                        {
                            a.Value = SharedValue(doc.Slice(a.Start, a.Length));
                            switch (a.Value)
                            {
                                case "preserve":
                                    space = XmlSpace.Preserve;
                                    break;
                                case "default":
                                    space = XmlSpace.Default;
                                    break;
                                default:
                                    return false;
                            }
                            hasSpace = true;
                        }
                    }
                    continue;
                }
                a.Namespace = Tape.XmlnsNs;
                var uri = SharedValue(doc.Slice(a.Start, a.Length));
                // xmlns:xml may only bind xml to its own namespace (Workiva's label linkbases declare it on every label).
                var declaresXml = ReferenceEquals(prefix, Tape.XmlPrefix);
                if ((prefix.Length > 0 && uri.Length == 0) || (uri == XmlNamespace) != declaresXml || uri == XmlnsNamespace)
                {
                    return false;
                }
                a.Value = uri;
                if (Tape.DeclCount == Tape.Decls.Length)
                {
                    Array.Resize(ref Tape.Decls, Tape.Decls.Length * 2);
                }
                Tape.Decls[Tape.DeclCount] = new NsDecl { Prefix = prefix, Uri = _names.Add(uri), Prev = _nsTop };
                _nsTop = Tape.DeclCount++;
                local++;
            }
            ref var element = ref Tape.NameEntries[nameId];
            string? ns;
            if (ReferenceEquals(element.Prefix, Tape.XmlPrefix) || ReferenceEquals(element.Prefix, Tape.XmlnsPrefix))
            {
                return false;
            }
            ns = Resolve(ref element);
            if (ns is null)
            {
                return false;
            }
            for (var i = firstAttr; i < Tape.AttrCount; i++)
            {
                ref var a = ref Tape.Attrs[i];
                ref var e = ref Tape.NameEntries[a.Name];
                if (e.Prefix.Length > 0 && !ReferenceEquals(e.Prefix, Tape.XmlPrefix) && !ReferenceEquals(e.Prefix, Tape.XmlnsPrefix))
                {
                    var attrNs = Resolve(ref e);
                    if (attrNs is null)
                    {
                        return false;
                    }
                    a.Namespace = attrNs;
                }
                for (var j = firstAttr; j < i; j++)
                {
                    ref var b = ref Tape.Attrs[j];
                    if (b.Name == a.Name || (ReferenceEquals(Tape.NameEntries[b.Name].Local, e.Local) && ReferenceEquals(b.Namespace, a.Namespace)))
                    {
                        return false;
                    }
                }
            }
            if (local == 0 && !hasLang && !hasSpace && attrCount <= element.AttributeNameCount)
            {
                // The attribute names are now the element's AttributeNames (see RememberAttributeName): checked in this scope.
                if (element.AttributeNamespaces is null || element.AttributeNamespaces.Length < attrCount)
                {
                    element.AttributeNamespaces = new string[Math.Max(4, attrCount)];
                }
                for (var i = 0; i < attrCount; i++)
                {
                    element.AttributeNamespaces[i] = Tape.Attrs[firstAttr + i].Namespace;
                }
                element.CheckedCount = attrCount;
                element.CheckedNsTop = parentTop;
            }
            AddElement(nameId, ns, empty, nameStart, firstAttr, attrCount, local, hasLang ? lang : null, hasSpace ? space : XmlSpace.None, parentTop);
            p = q;
            return true;
        }

        /// <summary>The node of a start tag whose attributes are on the tape, and the tag opened unless empty.</summary>
        private void AddElement(int nameId, string ns, bool empty, int nameStart, int firstAttr, int attrCount, int local, string? lang, XmlSpace space, int parentTop)
        {
            var nodeIndex = Tape.NodeCount;
            ref var n = ref AddNode();
            n.Type = XmlNodeType.Element;
            n.IsEmpty = empty;
            n.Name = nameId;
            n.Namespace = ns;
            n.Pos = nameStart;
            n.FirstAttr = firstAttr;
            n.AttrCount = attrCount;
            n.NsLocal = local;
            if (lang is not null)
            {
                n.Lang = lang;
            }
            if (space != XmlSpace.None)
            {
                n.Space = space;
            }
            _rootSeen = true;
            if (empty)
            {
                _nsTop = parentTop;
            }
            else
            {
                if (_depth == Tape.Open.Length)
                {
                    Array.Resize(ref Tape.Open, Tape.Open.Length * 2);
                }
                Tape.Open[_depth++] = new Open { Node = nodeIndex, ParentTop = parentTop };
            }
        }

        /// <summary>The namespace of the name's prefix in the current scope (remembered per name while the scope lasts).</summary>
        private string? Resolve(ref NameEntry e)
        {
            if (e.NsTop != _nsTop)
            {
                e.Ns = Tape.LookupNamespace(_nsTop, e.Prefix);
                e.NsTop = _nsTop;
            }
            return e.Ns;
        }

        private bool EndTag(ref int p)
        {
            if (_depth == 0)
            {
                return false;
            }
            var doc = _doc;
            var open = Tape.Open[_depth - 1];
            ref var element = ref Tape.Nodes[open.Node];
            ref var name = ref Tape.NameEntries[element.Name];
            var nameStart = p + 2;
            var q = nameStart + name.ByteLength;
            if (q >= doc.Length || !HasNameBytes(nameStart, ref name) || NameClass[doc[q]] != 0 || doc[q] == (byte)':')
            {
                return false;
            }
            while (q < doc.Length && IsWhitespace(doc[q]))
            {
                q++;
            }
            if (q >= doc.Length || doc[q] != (byte)'>')
            {
                return false;
            }
            if (Tape.NodeCount == Tape.Nodes.Length)
            {
                Array.Resize(ref Tape.Nodes, Tape.Nodes.Length * 2);
            }
            element = ref Tape.Nodes[open.Node];
            ref var n = ref Tape.Nodes[Tape.NodeCount++];
            n = element;
            n.Type = XmlNodeType.EndElement;
            n.IsEmpty = false;
            n.Pos = nameStart;
            n.FirstAttr = 0;
            n.AttrCount = 0;
            _depth--;
            _nsTop = open.ParentTop;
            p = q + 1;
            return true;
        }

        private bool Comment(ref int p)
        {
            var doc = _doc;
            var at = doc[(p + 4)..].IndexOf("--"u8);
            if (at < 0)
            {
                return false;
            }
            var close = p + 4 + at;
            if (close + 2 >= doc.Length || doc[close + 2] != (byte)'>')
            {
                return false;
            }
            p = close + 3;
            return true;
        }

        private bool CData(ref int p)
        {
            var doc = _doc;
            var start = p + 9;
            var at = doc[start..].IndexOf("]]>"u8);
            if (at < 0)
            {
                return false;
            }
            ref var n = ref AddNode();
            n.Type = XmlNodeType.CDATA;
            n.Start = start;
            n.Length = at;
            n.Pos = start;
            p = start + at + 3;
            return true;
        }

        private bool ProcessingInstruction(ref int p)
        {
            var doc = _doc;
            var q = p + 2;
            var nameStart = q;
            if (!ScanName(ref q, out var colon) || colon >= 0)
            {
                return false;
            }
            if (q - nameStart == 3 && Ascii.EqualsIgnoreCase(doc.Slice(nameStart, 3), "xml"u8))
            {
                return false;
            }
            if (q + 1 < doc.Length && doc[q] == (byte)'?' && doc[q + 1] == (byte)'>')
            {
                p = q + 2;
                return true;
            }
            if (q >= doc.Length || !IsWhitespace(doc[q]))
            {
                return false;
            }
            var at = doc[q..].IndexOf("?>"u8);
            if (at < 0)
            {
                return false;
            }
            p = q + at + 2;
            return true;
        }

        /// <summary>Whether the name of entry <paramref name="id"/> (<paramref name="length"/> bytes) stands at <paramref name="q"/>, whole (not the start of a longer name).</summary>
        private bool IsNameAt(int q, int id, out int length)
        {
            ref var e = ref Tape.NameEntries[id];
            length = e.ByteLength;
            var end = q + length;
            if (end >= _doc.Length || !HasNameBytes(q, ref e))
            {
                return false;
            }
            var next = _doc[end];
            return next < 0x80 && NameClass[next] == 0 && next != (byte)':';
        }

        /// <summary>
        /// Whether the bytes at <paramref name="q"/> (which has room for them) are those of name <paramref name="e"/>:
        /// compared by its keys, the first and last eight bytes, and only longer names byte by byte in between.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private bool HasNameBytes(int q, ref NameEntry e)
        {
            var doc = _doc;
            var length = e.ByteLength;
            if (length >= 8)
            {
                return BinaryPrimitives.ReadUInt64LittleEndian(doc[q..]) == e.Key0
                    && BinaryPrimitives.ReadUInt64LittleEndian(doc[(q + length - 8)..]) == e.Key1
                    && (length <= 16 || doc.Slice(q + 8, length - 16).SequenceEqual(doc.Slice(e.ByteStart + 8, length - 16)));
            }
            if (q + 8 <= doc.Length)
            {
                return (BinaryPrimitives.ReadUInt64LittleEndian(doc[q..]) & ((1UL << (8 * length)) - 1)) == e.Key0;
            }
            return doc.Slice(q, length).SequenceEqual(doc.Slice(e.ByteStart, length));
        }

        /// <summary>Records that the start tags of element name <paramref name="elementName"/> have <paramref name="attributeName"/> at <paramref name="position"/>.</summary>
        private void RememberAttributeName(int elementName, int position, int attributeName)
        {
            ref var element = ref Tape.NameEntries[elementName];
            if (position > element.AttributeNameCount || position >= 16)
            {
                return;
            }
            if (element.AttributeNames is null || element.AttributeNames.Length <= position)
            {
                Array.Resize(ref element.AttributeNames, Math.Max(4, position + 1 + (position / 2)));
            }
            element.AttributeNames[position] = attributeName;
            element.AttributeNameCount = position + 1;
            element.CheckedCount = Math.Min(element.CheckedCount, position);
        }

        /// <summary>Moves past an ASCII QName (at most one colon, each part an NCName); <paramref name="colon"/> is its offset or -1.</summary>
        private bool ScanName(ref int q, out int colon)
        {
            var doc = _doc;
            colon = -1;
            if (q >= doc.Length || (NameClass[doc[q]] & 1) == 0)
            {
                return false;
            }
            var length = doc[(q + 1)..].IndexOfAnyExcept(NameBytes);
            if (length < 0)
            {
                return false;
            }
            length++;
            var name = doc.Slice(q, length);
            var end = q + length;
            q = end;
            if (doc[end] >= 0x80)
            {
                return false;
            }
            var at = name.IndexOf((byte)':');
            if (at < 0)
            {
                return true;
            }
            if (at + 1 >= name.Length || (NameClass[name[at + 1]] & 1) == 0 || name[(at + 1)..].Contains((byte)':'))
            {
                return false;
            }
            colon = at;
            return true;
        }

        private int Intern(int start, int length, int colon)
        {
            var bytes = _doc.Slice(start, length);
            // Names are keyed by their first and last eight bytes (which, with the length, cover names up to 16 bytes).
            var (k0, k1) = ByteKeys.Of(bytes);
            var h = ((k0 * 0x9E3779B97F4A7C15UL) ^ (k1 + (ulong)length)) * 0xC2B2AE3D27D4EB4FUL;
            var hash = (int)(h >> 32);
            var entries = Tape.NameEntries;
            var bucket = hash & (Tape.Buckets.Length - 1);
            for (var i = Tape.Buckets[bucket]; i >= 0; i = entries[i].Next)
            {
                ref var e = ref entries[i];
                if (e.Key0 == k0 && e.Key1 == k1 && e.ByteLength == length && (length <= 16 || _doc.Slice(e.ByteStart, length).SequenceEqual(bytes)))
                {
                    return i;
                }
            }
            if (Tape.NameCount == Tape.NameEntries.Length)
            {
                Array.Resize(ref Tape.NameEntries, Tape.NameEntries.Length * 2);
            }
            if (Tape.Chars.Length < length)
            {
                Tape.Chars = new char[Math.Max(length, Tape.Chars.Length * 2)];
            }
            var chars = Tape.Chars;
            for (var k = 0; k < length; k++)
            {
                chars[k] = (char)bytes[k];
            }
            var id = Tape.NameCount++;
            ref var entry = ref Tape.NameEntries[id];
            entry.Qualified = _names.Add(chars, 0, length);
            if (colon < 0)
            {
                entry.Prefix = string.Empty;
                entry.Local = entry.Qualified;
            }
            else
            {
                entry.Prefix = _names.Add(chars, 0, colon);
                entry.Local = _names.Add(chars, colon + 1, length - colon - 1);
            }
            entry.ByteStart = start;
            entry.ByteLength = length;
            entry.Hash = hash;
            entry.Key0 = k0;
            entry.Key1 = k1;
            entry.NsTop = -2;
            entry.AttributeNameCount = 0;
            entry.CheckedCount = 0;
            entry.CheckedNsTop = -2;
            entry.NextElement = -1;
            entry.Next = Tape.Buckets[bucket];
            Tape.Buckets[bucket] = id;
            if (Tape.NameCount > Tape.Buckets.Length)
            {
                Rehash();
            }
            return id;
        }

        private void Rehash()
        {
            Tape.Buckets = new int[Tape.Buckets.Length * 4];
            Array.Fill(Tape.Buckets, -1);
            for (var i = 0; i < Tape.NameCount; i++)
            {
                ref var e = ref Tape.NameEntries[i];
                var bucket = e.Hash & (Tape.Buckets.Length - 1);
                e.Next = Tape.Buckets[bucket];
                Tape.Buckets[bucket] = i;
            }
        }
    }

    /// <summary>
    /// The first of three bytes in <paramref name="span"/>, or -1: <see cref="MemoryExtensions.IndexOfAny{T}(ReadOnlySpan{T}, T, T, T)"/>
    /// inlined, since the tokenizer calls it once per attribute value and text run, most of them a few dozen bytes.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int IndexOfAny3(ReadOnlySpan<byte> span, byte a, byte b, byte c)
    {
        if (Vector256.IsHardwareAccelerated && span.Length >= Vector256<byte>.Count)
        {
            ref var start = ref MemoryMarshal.GetReference(span);
            var va = Vector256.Create(a);
            var vb = Vector256.Create(b);
            var vc = Vector256.Create(c);
            var last = span.Length - Vector256<byte>.Count;
            for (var i = 0; ; i += Vector256<byte>.Count)
            {
                if (i > last)
                {
                    i = last;
                }
                var v = Vector256.LoadUnsafe(ref start, (nuint)i);
                var mask = (Vector256.Equals(v, va) | Vector256.Equals(v, vb) | Vector256.Equals(v, vc)).ExtractMostSignificantBits();
                if (mask != 0)
                {
                    return i + BitOperations.TrailingZeroCount(mask);
                }
                if (i == last)
                {
                    return -1;
                }
            }
        }
        return span.IndexOfAny(a, b, c);
    }

    /// <summary>The character a reference's body (after '&amp;#', before ';') stands for, if it is a valid XML character.</summary>
    private static bool TryCharReference(ReadOnlySpan<byte> digits, out int value)
    {
        value = 0;
        var hex = digits.Length > 0 && digits[0] == (byte)'x';
        if (hex)
        {
            digits = digits[1..];
        }
        if (digits.Length == 0 || digits.Length > 8)
        {
            return false;
        }
        foreach (var b in digits)
        {
            int d;
            if (b is >= (byte)'0' and <= (byte)'9')
            {
                d = b - '0';
            }
            else if (hex && b is >= (byte)'a' and <= (byte)'f')
            {
                d = b - 'a' + 10;
            }
            else if (hex && b is >= (byte)'A' and <= (byte)'F')
            {
                d = b - 'A' + 10;
            }
            else
            {
                return false;
            }
            value = (value * (hex ? 16 : 10)) + d;
        }
        return value is 0x9 or 0xA or 0xD or (>= 0x20 and <= 0xD7FF) or (>= 0xE000 and <= 0xFFFD) or (>= 0x10000 and <= 0x10FFFF);
    }

    /// <summary>
    /// The value of raw text or attribute bytes as System.Xml gives it: line ends normalised (CR LF and CR to LF),
    /// references expanded (except in CDATA) and, in an attribute, tab, LF and CR from the source (not from references) as spaces.
    /// </summary>
    public static string Decode(ReadOnlySpan<byte> raw, bool attribute, bool cdata = false)
    {
        if ((cdata ? raw.IndexOf((byte)'\r') : raw.IndexOfAny(attribute ? AttributeSpecials : TextSpecials)) < 0)
        {
            return raw.Length == 0 ? string.Empty : Encoding.UTF8.GetString(raw);
        }
        var rented = ArrayPool<char>.Shared.Rent(raw.Length);
        try
        {
            return new string(rented, 0, DecodeTo(raw, attribute, cdata, rented));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// <see cref="Decode"/> into <paramref name="chars"/> (at least <paramref name="raw"/>'s length: UTF-8 never takes
    /// fewer bytes than UTF-16 takes chars); the number of chars written. ASCII is widened 32 bytes at a time and only
    /// the specials (references, line ends, and in an attribute tab and LF) and non-ASCII runs are looked at apart:
    /// escaped HTML text blocks hold a reference every few dozen bytes. The tokenizer has checked the bytes (valid
    /// UTF-8, well-formed references).
    /// </summary>
    public static int DecodeTo(ReadOnlySpan<byte> raw, bool attribute, bool cdata, Span<char> chars)
    {
        var specials = cdata ? CdataSpecials : attribute ? AttributeSpecials : TextSpecials;
        int i = 0, w = 0;
        if (Vector256.IsHardwareAccelerated && raw.Length >= 32)
        {
            ref var src = ref MemoryMarshal.GetReference(raw);
            ref var dst = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(chars));
            var amp = Vector256.Create((byte)(cdata ? '\r' : '&'));
            var cr = Vector256.Create((byte)'\r');
            var lf = Vector256.Create((byte)(attribute ? '\n' : '\r'));
            var tab = Vector256.Create((byte)(attribute ? '\t' : '\r'));
            // w never passes i (nothing decodes longer than it is written), so 32 chars at w always fit in chars.
            while (i <= raw.Length - 32)
            {
                var v = Vector256.LoadUnsafe(ref src, (nuint)i);
                var special = Vector256.Equals(v, amp) | Vector256.Equals(v, cr) | Vector256.Equals(v, lf) | Vector256.Equals(v, tab);
                var mask = special.ExtractMostSignificantBits() | v.ExtractMostSignificantBits();
                var (low, high) = Vector256.Widen(v);
                low.StoreUnsafe(ref dst, (nuint)w);
                high.StoreUnsafe(ref dst, (nuint)(w + 16));
                if (mask == 0)
                {
                    i += 32;
                    w += 32;
                    continue;
                }
                var k = BitOperations.TrailingZeroCount(mask);
                i += k;
                w += k;
                if (raw[i] >= 0x80)
                {
                    // Non-ASCII: transcoded up to the next special.
                    var next = raw[i..].IndexOfAny(specials);
                    var run = next < 0 ? raw[i..] : raw.Slice(i, next);
                    Utf8.ToUtf16(run, chars[w..], out _, out var written, replaceInvalidSequences: false);
                    i += run.Length;
                    w += written;
                    continue;
                }
                i = Special(raw, i, attribute, chars, ref w);
            }
        }
        while (true)
        {
            var at = raw[i..].IndexOfAny(specials);
            var run = at < 0 ? raw[i..] : raw.Slice(i, at);
            if (!run.IsEmpty)
            {
                Utf8.ToUtf16(run, chars[w..], out _, out var written, replaceInvalidSequences: false);
                w += written;
            }
            if (at < 0)
            {
                return w;
            }
            i = Special(raw, i + at, attribute, chars, ref w);
        }
    }

    /// <summary>Decodes the special byte at <paramref name="i"/> (a reference, a line end, an attribute's tab or LF) into chars at <paramref name="w"/>; where the bytes go on.</summary>
    private static int Special(ReadOnlySpan<byte> raw, int i, bool attribute, Span<char> chars, ref int w)
    {
        switch (raw[i])
        {
            case (byte)'\r':
                chars[w++] = attribute ? ' ' : '\n';
                return i + 1 < raw.Length && raw[i + 1] == (byte)'\n' ? i + 2 : i + 1;
            case (byte)'\n' or (byte)'\t':
                // Only an attribute's specials hold these.
                chars[w++] = ' ';
                return i + 1;
        }
        // A reference, at most a dozen bytes to its ';'.
        var semi = i + 2;
        while (raw[semi] != (byte)';')
        {
            semi++;
        }
        var body = raw[(i + 1)..semi];
        if (body[0] == (byte)'#')
        {
            TryCharReference(body[1..], out var value);
            if (value > 0xFFFF)
            {
                new Rune(value).EncodeToUtf16(chars[w..]);
                w += 2;
            }
            else
            {
                chars[w++] = (char)value;
            }
        }
        else
        {
            chars[w++] = body[0] switch
            {
                (byte)'l' => '<',
                (byte)'g' => '>',
                (byte)'q' => '"',
                _ => body[1] == (byte)'m' ? '&' : '\'',
            };
        }
        return semi + 1;
    }
}
