using System.Buffers;
using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using EdgarSharp.Internal;

namespace EdgarSharp.Xbrl.Inline.Internal;

/// <summary>Builds the instance XML of an inline XBRL document set; one use per extraction.</summary>
internal sealed partial class InlineExtractor(XbrlLoadOptions options)
{
    private static readonly XNamespace Ix = InlineXbrl.Namespace;
    private static readonly XNamespace Xbrli = XbrlNamespaces.Xbrli;
    private static readonly XNamespace Link = XbrlNamespaces.Link;
    private static readonly XNamespace XLink = XbrlNamespaces.XLink;
    private static readonly XNamespace Xsi = XbrlNamespaces.Xsi;
    private const string FactFootnote = "http://www.xbrl.org/2003/arcrole/fact-footnote";
    private static readonly XName XmlLang = XNamespace.Xml + "lang";
    private static readonly XName XsiNil = Xsi + "nil";
    private static readonly XName IxTuple = Ix + "tuple";
    private static readonly XName IxNonFraction = Ix + "nonFraction";
    private static readonly XName IxNonNumeric = Ix + "nonNumeric";
    private static readonly XName IxExclude = Ix + "exclude";

    /// <summary>The attribute names looked up on every fact, made once.</summary>
    private static class Names
    {
        public static readonly XName TupleID = "tupleID";
        public static readonly XName TupleRef = "tupleRef";
        public static readonly XName Id = "id";
        public static readonly XName Order = "order";
        public static readonly XName Scale = "scale";
        public static readonly XName Sign = "sign";
        public static readonly XName Escape = "escape";
        public static readonly XName ContinuedAt = "continuedAt";
        public static readonly XName ContextRef = "contextRef";
        public static readonly XName UnitRef = "unitRef";
        public static readonly XName Decimals = "decimals";
        public static readonly XName Precision = "precision";
        public static readonly XName Name = "name";
        public static readonly XName Format = "format";
        public static readonly XName Target = "target";
    }

    private static readonly HashSet<string> VoidElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    };

    private readonly DiagnosticBag _diagnostics = new();
    private readonly Dictionary<string, XElement> _continuations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, XElement> _footnotes = new(StringComparer.Ordinal);
    private readonly HashSet<XElement> _usedContinuations = [];

    /// <summary>Per document URL whose character references were replaced: its original columns, for diagnostics.</summary>
    private readonly Dictionary<string, ReferenceColumns> _referenceColumns = new(StringComparer.Ordinal);

    /// <summary>Where an ix element stands, kept on it as an annotation (cheaper than a dictionary keyed by element).</summary>
    private sealed class Origin(int line, int column)
    {
        public string? Document { get; set; }
        public int Line { get; } = line;
        public int Column { get; } = column;

        /// <summary>
        /// On a fact or continuation read by <see cref="BuildIx"/>: the prefixed namespace declarations in scope where it
        /// stood (beyond its own), kept here rather than copied onto it as attributes.
        /// </summary>
        public IDictionary<string, string>? Scope { get; set; }
    }

    public InlineExtraction Extract(IReadOnlyList<(string Path, byte[] Bytes)> documents, string? target)
    {
        var trees = new List<(List<XElement> Roots, string Url)>();
        // The markup of escaped values is at most about the size of the documents: one buffer that rarely regrows.
        _markup.Expect(documents.Sum(d => d.Bytes.Length));
        foreach (var (path, bytes) in documents)
        {
            trees.Add((Parse(path, bytes), InlineXbrl.UrlOf(path)));
        }

        var references = new List<HeaderChild>();
        var resources = new List<HeaderChild>();
        var facts = new List<XElement>();
        var relationships = new List<XElement>();
        var namespaces = new Dictionary<string, string>(StringComparer.Ordinal);
        var headers = 0;
        IDictionary<string, string>? lastScope = null;
        foreach (var (roots, documentUrl) in trees)
        {
            // One walk in document order: the namespace declarations (each root's own, then those in scope where it
            // stood, then its descendants') and the ix elements. A fact of text alone is the root alone.
            foreach (var root in roots)
            {
                foreach (var e in root.HasElements ? root.DescendantsAndSelf() : [root])
                {
                    var name = e.Name;
                    if (name == ChunkName)
                    {
                        continue;
                    }
                    for (var a = e.FirstAttribute; a is not null; a = a.NextAttribute)
                    {
                        if (a.IsNamespaceDeclaration && a.Name.Namespace == XNamespace.Xmlns)
                        {
                            namespaces.TryAdd(a.Name.LocalName, a.Value);
                        }
                    }
                    if (e == root && e.Annotation<Origin>()?.Scope is { } scope && !ReferenceEquals(scope, lastScope))
                    {
                        // The same declarations as the last root's are in already.
                        lastScope = scope;
                        foreach (var (prefix, ns) in scope)
                        {
                            if (prefix.Length > 0)
                            {
                                namespaces.TryAdd(prefix, ns);
                            }
                        }
                    }
                    if (name.Namespace != Ix)
                    {
                        continue;
                    }
                    if (e.Annotation<Origin>() is { } origin)
                    {
                        origin.Document = documentUrl;
                    }
                    else
                    {
                        e.AddAnnotation(new Origin(0, 0) { Document = documentUrl });
                    }
                    if (name == IxNonFraction || name == IxNonNumeric)
                    {
                        // Most ix elements: told apart by name object, not by the text of the name.
                        if (TargetOf(e) == target)
                        {
                            facts.Add(e);
                        }
                        continue;
                    }
                    switch (name.LocalName)
                    {
                        case "header":
                            headers++;
                            break;
                        case "references":
                            if (TargetOf(e) == target)
                            {
                                references.AddRange(HeaderChildren(e));
                            }
                            break;
                        case "resources":
                            resources.AddRange(HeaderChildren(e));
                            break;
                        case "nonFraction":
                        case "nonNumeric":
                        case "fraction":
                        case "tuple":
                            if (TargetOf(e) == target)
                            {
                                facts.Add(e);
                            }
                            break;
                        case "continuation":
                            Register(_continuations, e, "continuation");
                            break;
                        case "footnote":
                            Register(_footnotes, e, "footnote");
                            break;
                        case "relationship":
                            relationships.Add(e);
                            break;
                    }
                }
            }
        }
        if (trees.Count > 0 && headers == 0)
        {
            _diagnostics.Add(Diagnostic.Error("ix11.3.1.1:headerMissing", "The document set has no ix:header; an inline XBRL document needs one to hold its contexts, units and schema references.",
                new SourceLocation(trees[0].Url)));
        }

        // Tuples: children by tupleRef or nesting, ordered by 'order' then document order.
        var tuplesById = new Dictionary<string, XElement>(StringComparer.Ordinal);
        foreach (var t in facts.Where(f => f.Name.LocalName == "tuple"))
        {
            if ((string?)t.Attribute(Names.TupleID) is { } tid && !tuplesById.TryAdd(tid, t))
            {
                Report(DiagnosticSeverity.Error, "ix11.12.1.2:tupleIdDuplicate", $"The tupleID '{tid}' is used by two ix:tuple elements; give each tuple its own id.", t);
            }
        }
        var children = new Dictionary<XElement, List<XElement>>();
        var topLevel = new List<XElement>();
        foreach (var f in facts)
        {
            XElement? parent = null;
            if ((string?)f.Attribute(Names.TupleRef) is { } tref)
            {
                if (!tuplesById.TryGetValue(tref, out parent))
                {
                    Report(DiagnosticSeverity.Error, "ix11.12.1.2:tupleRefMissing", $"The tupleRef '{tref}' names no ix:tuple; the fact is reported outside any tuple.", f);
                }
            }
            else
            {
                for (var a = f.Parent; a is not null && parent is null; a = a.Parent)
                {
                    parent = a.Name == IxTuple ? a : null;
                }
            }
            if (parent is null)
            {
                topLevel.Add(f);
            }
            else
            {
                if (!children.TryGetValue(parent, out var list))
                {
                    children[parent] = list = [];
                }
                list.Add(f);
            }
        }

        var inputBytes = 0;
        foreach (var d in documents)
        {
            inputBytes += d.Bytes.Length;
        }
        // The instance is usually a little smaller than its documents (escaped XHTML against markup left out); a buffer
        // an eighth larger rarely regrows, and one much larger costs its zeroing.
        using var stream = new InstanceStream(inputBytes + inputBytes / 8 + 4096);
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false };
        var count = 0;
        using (var w = XmlWriter.Create(stream, settings))
        {
            _textSink = new TextSink(w, stream, settings.NewLineChars);
            w.WriteStartDocument();
            w.WriteStartElement("xbrli", "xbrl", XbrlNamespaces.Xbrli);
            _rootPrefixes["xbrli"] = XbrlNamespaces.Xbrli;
            foreach (var (prefix, uri) in namespaces)
            {
                if (prefix is "xbrli" or "xml" || uri == InlineXbrl.Namespace)
                {
                    continue;
                }
                w.WriteAttributeString("xmlns", prefix, null, uri);
                _rootPrefixes[prefix] = uri;
            }
            foreach (var r in references.Where(r => r.Name.Namespace == Link && r.Name.LocalName is "schemaRef" or "linkbaseRef"))
            {
                WriteHeaderChild(w, r);
            }
            foreach (var r in resources.Where(r => r.Name.Namespace == Link && r.Name.LocalName is "roleRef" or "arcroleRef"))
            {
                WriteHeaderChild(w, r);
            }
            foreach (var r in resources.Where(r => r.Name.Namespace == Xbrli && r.Name.LocalName is "context" or "unit"))
            {
                WriteHeaderChild(w, r);
            }
            foreach (var f in topLevel)
            {
                count += WriteFact(w, f, children);
            }
            WriteFootnotes(w, relationships, facts);
            w.WriteEndElement();
            w.WriteEndDocument();
        }
        _markup.Release();
        _headerBytes.Release();
        return new InlineExtraction(stream.Written, _diagnostics.ToList(), count);
    }

    private static string? TargetOf(XElement e) => (string?)e.Attribute(Names.Target);

    private void Register(Dictionary<string, XElement> map, XElement e, string what)
    {
        if ((string?)e.Attribute(Names.Id) is not { } id)
        {
            Report(DiagnosticSeverity.Error, "ix11.4.1.1:idMissing", $"An ix:{what} has no id, so nothing can refer to it; give it an id.", e);
            return;
        }
        if (!map.TryAdd(id, e))
        {
            Report(DiagnosticSeverity.Error, "ix11.4.1.1:idDuplicate", $"Two ix:{what} elements have the id '{id}'; ids must be unique in the document set.", e);
        }
    }

    // ---- Parsing ----

    private List<XElement> Parse(string path, byte[] bytes)
    {
        var url = InlineXbrl.UrlOf(path);
        var settings = SafeXml.Settings(options.MaxDocumentBytes, ignoreWhitespace: false);
        XmlException? error;
        var errorColumn = 0;
        try
        {
            var resolved = CharacterReferences.Resolve(bytes, out var columns);
            if (columns is not null)
            {
                _referenceColumns[url] = columns;
            }
            try
            {
                return Load(resolved.Array!, 0, resolved.Count, url, settings);
            }
            finally
            {
                CharacterReferences.Release(resolved, bytes);
            }
        }
        catch (XmlException ex)
        {
            error = ex;
            errorColumn = _referenceColumns.Remove(url, out var columns) ? columns.Original(ex.LineNumber, ex.LinePosition) : ex.LinePosition;
        }
        var start = 0;
        while (start < bytes.Length && bytes[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            start++;
        }
        if (start > 0 && StartsWith(bytes, start, "<?xml"u8))
        {
            try
            {
                var doc = Load(bytes, start, bytes.Length - start, url, settings);
                _diagnostics.Add(Diagnostic.Warning("xml:notWellFormed",
                    $"The document is not well-formed XML: {start} whitespace character(s) come before the XML declaration ({error.Message}). It was read without them; the facts are complete.",
                    new SourceLocation(path, error.LineNumber, errorColumn)));
                return doc;
            }
            catch (XmlException again)
            {
                error = again;
                errorColumn = again.LinePosition;
            }
        }
        // The message of the first error gives the resolved document's column; the location gives the document's.
        _diagnostics.Add(Diagnostic.Warning("xml:notWellFormed",
            $"The document is not well-formed XML ({error.Message}); it was read with an HTML parser instead. Element and attribute names outside the inline XBRL vocabulary may have lost their case; check the facts against the filing.",
            new SourceLocation(path, error.LineNumber, errorColumn)));
        return HtmlFallback.Parse(Encoding.UTF8.GetString(bytes)).Root is { } root ? [root] : [];
    }

    private static int Occurrences(ReadOnlySpan<byte> text, ReadOnlySpan<byte> value)
    {
        var n = 0;
        for (var i = text.IndexOf(value); i >= 0; i = text.IndexOf(value))
        {
            n++;
            text = text[(i + value.Length)..];
        }
        return n;
    }

    /// <summary>How many namespace declarations the element under the reader carries.</summary>
    private static int NamespaceDeclarations(XmlReader reader)
    {
        var n = 0;
        if (reader.MoveToFirstAttribute())
        {
            do
            {
                if (reader.Prefix == "xmlns" || (reader.Prefix.Length == 0 && reader.LocalName == "xmlns"))
                {
                    n++;
                }
            }
            while (reader.MoveToNextAttribute());
            reader.MoveToElement();
        }
        return n;
    }

    private static bool StartsWith(byte[] bytes, int start, ReadOnlySpan<byte> prefix) =>
        bytes.Length - start >= prefix.Length && bytes.AsSpan(start, prefix.Length).SequenceEqual(prefix);

    /// <summary>
    /// One forward pass: only the outermost inline XBRL elements (headers, facts, continuations, footnotes) become
    /// trees, each carrying the namespace declarations and xml:lang in scope where it stood. Headers and footnotes
    /// are whole trees (small, and their XHTML is copied as elements); a fact or continuation keeps its ix
    /// elements as elements and the XHTML between them as <see cref="Chunk"/>s: the text and, when some fact
    /// around it may need it (<c>escape="true"</c>, a continuation), the markup, written once while reading.
    /// </summary>
    private List<XElement> Load(byte[] bytes, int start, int count, string url, XmlReaderSettings settings)
    {
        using var reader = SafeXml.Create(new MemoryStream(bytes, start, count, writable: false), url, settings);
        var resolver = (IXmlNamespaceResolver)reader;
        var roots = new List<XElement>();
        var ix = reader.NameTable.Add(InlineXbrl.Namespace);
        // When every "xmlns" of the document is a declaration on its root element, every element has the root's
        // declarations in scope: asked of the reader once, not at every outermost ix element (a dictionary each).
        var occurrences = Occurrences(bytes.AsSpan(start, count), "xmlns"u8);
        var plainScope = false;
        var rootSeen = false;
        IDictionary<string, string>? documentScope = null;
        reader.Read();
        while (!reader.EOF)
        {
            if (!rootSeen && reader.NodeType == XmlNodeType.Element)
            {
                rootSeen = true;
                plainScope = occurrences == NamespaceDeclarations(reader);
            }
            if (reader.NodeType != XmlNodeType.Element || !ReferenceEquals(reader.NamespaceURI, ix))
            {
                reader.Read();
                continue;
            }
            var scope = plainScope && documentScope is not null ? documentScope : resolver.GetNamespacesInScope(XmlNamespaceScope.ExcludeXml);
            if (plainScope)
            {
                documentScope = scope;
            }
            if (_lastScope is not null && (ReferenceEquals(_lastScope, scope) || SameScope(_lastScope, scope)))
            {
                // Usually the same declarations as the last one's: one object for both, so that names resolved
                // against it can be remembered (ResolveName).
                scope = _lastScope;
            }
            _lastScope = scope;
            var lang = reader.XmlLang;
            var at = (IXmlLineInfo)reader;
            var position = (at.LineNumber, at.LinePosition);
            XElement e;
            if (reader.LocalName == "header")
            {
                e = ReadHeader(reader, ix, () => RereadHeader(bytes, start, count, url, settings, position.LineNumber, position.LinePosition));
            }
            else if (reader.LocalName == "footnote")
            {
                // Through a subtree reader, which declares on each element the namespaces it uses from outside
                // the subtree (the instance keeps those declarations).
                e = LoadSubtree(reader);
            }
            else
            {
                e = BuildIx(reader, ix, needMarkup: false, outermost: true);
            }
            var origin = e.Annotation<Origin>();
            if (origin is null)
            {
                e.AddAnnotation(origin = new Origin(position.LineNumber, position.LinePosition));
            }
            if (e.Name.LocalName is "header" or "footnote")
            {
                // Whole trees written back as they are: the declarations in scope go on them.
                foreach (var (prefix, ns) in scope)
                {
                    if (prefix.Length > 0 && e.Attribute(XNamespace.Xmlns + prefix) is null)
                    {
                        e.SetAttributeValue(XNamespace.Xmlns + prefix, ns);
                    }
                }
            }
            else
            {
                origin.Scope = scope;
            }
            if (lang.Length > 0 && e.Attribute(XmlLang) is null)
            {
                e.SetAttributeValue(XmlLang, lang);
            }
            roots.Add(e);
            reader.Read();
        }
        return roots;
    }

    /// <summary>
    /// The XHTML between two ix elements of a fact: its text and (when needed) its markup, ix tags left out. The
    /// markup is kept as the instance's element text holds it, escaped once more (<c>&amp;lt;p&amp;gt;</c>), so that
    /// writing it is encoding alone; <see cref="Unescape"/> gives the markup itself.
    /// </summary>
    private sealed class Chunk(string? text, MarkupBuffer? markup, int start, int length)
    {
        private string? _text = text;

        /// <summary>The markup as UTF-8, escaped once more; empty without markup.</summary>
        public ReadOnlySpan<byte> MarkupBytes => markup is null ? default : markup.Bytes(start, length);

        public bool HasMarkup => markup is not null;

        /// <summary>The markup escaped once more, as text; null without markup.</summary>
        public string? EscapedMarkup => markup is null ? null : Encoding.UTF8.GetString(markup.Bytes(start, length));

        /// <summary>
        /// The text; for the chunks of an escaped fact, whose text is rarely asked for, taken from the markup when
        /// asked (its tags left out, its text unescaped).
        /// </summary>
        public string Text => _text ??= TextOfMarkup(Unescape(EscapedMarkup!));

        private static string TextOfMarkup(string markup)
        {
            var sb = new StringBuilder(markup.Length);
            for (var i = 0; i < markup.Length; i++)
            {
                var c = markup[i];
                if (c == '<')
                {
                    // A tag: attribute values hold '>' only as &gt;.
                    i = markup.IndexOf('>', i);
                }
                else if (c == '&')
                {
                    var end = markup.IndexOf(';', i);
                    sb.Append(markup.AsSpan(i, end + 1 - i) switch
                    {
                        "&amp;" => '&',
                        "&lt;" => '<',
                        "&gt;" => '>',
                        _ => '\r',
                    });
                    i = end;
                }
                else
                {
                    sb.Append(c);
                }
            }
            return sb.ToString();
        }
    }

    private static readonly XName ChunkName = XName.Get("chunk", "urn:edgarsharp:inline:chunk");

    private readonly Stack<StringBuilder> _builders = new();

    /// <summary>The markup of every chunk of the extraction, one after another.</summary>
    private readonly MarkupBuffer _markup = new();

    /// <summary>
    /// Reads the ix element under the reader (left on its end tag) into an element holding its attributes, its ix
    /// children as elements and the XHTML between them as chunks.
    /// </summary>
    private XElement BuildIx(XmlReader reader, string ix, bool needMarkup, bool outermost = false)
    {
        var escaped = false;
        var e = new XElement(NameOf(reader));
        var at = (IXmlLineInfo)reader;
        e.AddAnnotation(new Origin(at.LineNumber, at.LinePosition));
        var local = reader.LocalName;
        var empty = reader.IsEmptyElement;
        if (reader.MoveToFirstAttribute())
        {
            do
            {
                if (reader.Prefix.Length == 0 && reader.LocalName == "xmlns")
                {
                    e.Add(new XAttribute("xmlns", reader.Value));
                    continue;
                }
                e.Add(new XAttribute(NameOf(reader), reader.Value));
                if (local == "nonNumeric" && reader.LocalName == "escape" && reader.NamespaceURI.Length == 0 && reader.Value.Trim() is "true" or "1")
                {
                    needMarkup = escaped = true;
                }
            }
            while (reader.MoveToNextAttribute());
            reader.MoveToElement();
        }
        if (empty)
        {
            return e;
        }
        needMarkup |= local is "continuation" or "footnote";
        if (e.Attribute(XmlLang) is null && reader.XmlLang.Length > 0)
        {
            e.SetAttributeValue(XmlLang, reader.XmlLang);
        }
        var text = _builders.Count > 0 ? _builders.Pop() : new StringBuilder();
        var markup = _markup;
        var markupStart = markup.Length;
        // The text of an outermost escaped fact's own chunks is only ever its markup's (see Chunk.Text).
        var needText = !(outermost && escaped);
        var depth = reader.Depth;
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element when ReferenceEquals(reader.NamespaceURI, ix):
                    markupStart = AddChunk(e, text, markupStart, needMarkup, needText);
                    if (reader.LocalName == "footnote")
                    {
                        // A footnote inside a fact: a whole tree of its own, its content part of the fact's.
                        XElement footnote;
                        using (var subtree = reader.ReadSubtree())
                        {
                            footnote = XElement.Load(subtree, LoadOptions.PreserveWhitespace);
                        }
                        e.Add(footnote);
                    }
                    else
                    {
                        e.Add(BuildIx(reader, ix, needMarkup));
                    }
                    markupStart = markup.Length;
                    break;
                case XmlNodeType.Element:
                    if (needMarkup)
                    {
                        AppendStartTag(markup, reader, _valueChars);
                    }
                    break;
                case XmlNodeType.EndElement when reader.Depth == depth:
                    markupStart = AddChunk(e, text, markupStart, needMarkup, needText);
                    _builders.Push(text);
                    return e;
                case XmlNodeType.EndElement:
                    if (needMarkup)
                    {
                        markup.Append("&lt;/"u8);
                        markup.Append(reader.LocalName);
                        markup.Append("&gt;"u8);
                    }
                    break;
                case XmlNodeType.Text:
                case XmlNodeType.CDATA:
                case XmlNodeType.Whitespace:
                case XmlNodeType.SignificantWhitespace:
                    // The value read in pieces: no string of it.
                    int n;
                    while ((n = reader.ReadValueChunk(_valueChars, 0, _valueChars.Length)) > 0)
                    {
                        var value = _valueChars.AsSpan(0, n);
                        if (needText)
                        {
                            text.Append(value);
                        }
                        if (needMarkup)
                        {
                            AppendDoublyEscaped(markup, value, attribute: false);
                        }
                    }
                    break;
            }
        }
        markupStart = AddChunk(e, text, markupStart, needMarkup, needText);
        _builders.Push(text);
        return e;
    }

    /// <summary>The names met in this extraction, by the reader's own (atomized) strings: no hashing of the text.</summary>
    private readonly Dictionary<(string Local, string Ns), XName> _names = new(NameKeyComparer.Instance);

    private XName NameOf(XmlReader reader)
    {
        var key = (reader.LocalName, reader.NamespaceURI);
        if (!_names.TryGetValue(key, out var name))
        {
            _names[key] = name = XName.Get(key.LocalName, key.NamespaceURI);
        }
        return name;
    }

    /// <summary>Compares names by reference: the reader gives the same string object for the same name.</summary>
    private sealed class NameKeyComparer : IEqualityComparer<(string Local, string Ns)>
    {
        public static readonly NameKeyComparer Instance = new();

        public bool Equals((string Local, string Ns) x, (string Local, string Ns) y) => ReferenceEquals(x.Local, y.Local) && ReferenceEquals(x.Ns, y.Ns);

        public int GetHashCode((string Local, string Ns) obj) =>
            System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.Local) ^ System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.Ns);
    }

    private readonly char[] _valueChars = new char[4096];

    /// <summary>The chunk read since <paramref name="markupStart"/>, if any; gives where the next one starts.</summary>
    private int AddChunk(XElement e, StringBuilder text, int markupStart, bool needMarkup, bool needText)
    {
        var markupLength = _markup.Length - markupStart;
        if (!needMarkup)
        {
            // Text alone: a text node, read as a chunk's text is everywhere.
            if (text.Length > 0)
            {
                e.Add(new XText(text.ToString()));
            }
        }
        else if (text.Length > 0 || markupLength > 0)
        {
            var chunk = new XElement(ChunkName);
            chunk.AddAnnotation(new Chunk(needText ? text.ToString() : null, needMarkup ? _markup : null, markupStart, markupLength));
            e.Add(chunk);
        }
        text.Clear();
        return _markup.Length;
    }

    /// <summary>
    /// An XHTML start tag without prefix or namespace declarations, as <see cref="AppendXhtml"/> writes it, escaped
    /// once more as element text.
    /// </summary>
    private static void AppendStartTag(MarkupBuffer markup, XmlReader reader, char[] valueChars)
    {
        var name = reader.LocalName;
        markup.Append("&lt;"u8);
        markup.Append(name);
        var empty = reader.IsEmptyElement;
        if (reader.MoveToFirstAttribute())
        {
            do
            {
                var ns = reader.NamespaceURI;
                if (ns.Length == 0 && reader.Prefix.Length == 0 && reader.LocalName != "xmlns")
                {
                    markup.Append(" "u8);
                    markup.Append(reader.LocalName);
                    markup.Append("=\""u8);
                    AppendAttributeValue(markup, reader, valueChars);
                    markup.Append("\""u8);
                }
                else if (ns == XbrlNamespaces.Xml)
                {
                    markup.Append(" xml:"u8);
                    markup.Append(reader.LocalName);
                    markup.Append("=\""u8);
                    AppendAttributeValue(markup, reader, valueChars);
                    markup.Append("\""u8);
                }
            }
            while (reader.MoveToNextAttribute());
            reader.MoveToElement();
        }
        if (!empty)
        {
            markup.Append("&gt;"u8);
        }
        else if (VoidElements.Contains(name))
        {
            markup.Append(" /&gt;"u8);
        }
        else
        {
            // HTML readers of the escaped value need <td></td>, not <td/>.
            markup.Append("&gt;&lt;/"u8);
            markup.Append(name);
            markup.Append("&gt;"u8);
        }
    }

    /// <summary>The value of the attribute under the reader, read in pieces (no string of it), doubly escaped.</summary>
    private static void AppendAttributeValue(MarkupBuffer markup, XmlReader reader, char[] valueChars)
    {
        int n;
        while ((n = reader.ReadValueChunk(valueChars, 0, valueChars.Length)) > 0)
        {
            AppendDoublyEscaped(markup, valueChars.AsSpan(0, n), attribute: true);
        }
    }

    /// <summary>
    /// <paramref name="value"/> escaped as XHTML markup holds it (as <see cref="AppendEscaped"/>), then once more as
    /// the instance's element text holds that markup: <c>&amp;</c> becomes <c>&amp;amp;amp;</c>.
    /// </summary>
    private static void AppendDoublyEscaped(MarkupBuffer markup, ReadOnlySpan<char> value, bool attribute)
    {
        var rest = value;
        var special = attribute ? AttributeSpecials : TextSpecials;
        while (true)
        {
            var i = rest.IndexOfAny(special);
            if (i < 0)
            {
                markup.Append(rest);
                return;
            }
            markup.Append(rest[..i]);
            markup.Append(rest[i] switch
            {
                '&' => "&amp;amp;"u8,
                '<' => "&amp;lt;"u8,
                '>' => "&amp;gt;"u8,
                '"' => "&amp;quot;"u8,
                '\n' => "&amp;#xA;"u8,
                '\t' => "&amp;#x9;"u8,
                _ => "&amp;#xD;"u8,
            });
            rest = rest[(i + 1)..];
        }
    }

    /// <summary>
    /// Markup as UTF-8, appended to as it is read; a pooled buffer, given back at the end of the extraction.
    /// </summary>
    private sealed class MarkupBuffer
    {
        private readonly Encoder _encoder = new UTF8Encoding(false).GetEncoder();
        private byte[] _bytes = [];
        private int _expected;

        public int Length { get; private set; }

        /// <summary>The size the first buffer is taken at.</summary>
        public void Expect(int bytes) => _expected = bytes;

        public ReadOnlySpan<byte> Bytes(int start, int length) => _bytes.AsSpan(start, length);

        public void Append(ReadOnlySpan<byte> ascii)
        {
            Reserve(ascii.Length);
            ascii.CopyTo(_bytes.AsSpan(Length));
            Length += ascii.Length;
        }

        public void Append(ReadOnlySpan<char> chars)
        {
            Reserve(3 * chars.Length + 4);
            // Names and most text are ASCII: copied as bytes, without the encoder's overhead for short runs.
            if (System.Text.Ascii.FromUtf16(chars, _bytes.AsSpan(Length), out var ascii) == OperationStatus.Done)
            {
                Length += ascii;
                return;
            }
            // A high surrogate at the end waits in the encoder for its pair.
            _encoder.Convert(chars, _bytes.AsSpan(Length), flush: false, out _, out var used, out _);
            Length += used;
        }

        private void Reserve(int more)
        {
            if (_bytes.Length - Length >= more)
            {
                return;
            }
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(Math.Max(Math.Max(64 * 1024, _expected), 2 * _bytes.Length), Length + more));
            _bytes.AsSpan(0, Length).CopyTo(larger);
            Release();
            _bytes = larger;
        }

        public void Release()
        {
            if (_bytes.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(_bytes);
                _bytes = [];
            }
        }
    }

    /// <summary>The characters <see cref="AppendDoublyEscaped"/> replaces in text and in attribute values.</summary>
    private static readonly SearchValues<char> TextSpecials = SearchValues.Create("&<>\r");
    private static readonly SearchValues<char> AttributeSpecials = SearchValues.Create("&<>\"\n\t\r");

    /// <summary>Markup escaped once more as element text, given back as the markup (the inverse of that escaping).</summary>
    private static string Unescape(string escaped) =>
        escaped.Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal).Replace("&amp;", "&", StringComparison.Ordinal);

    private static void AppendEscaped(StringBuilder sb, string value, bool attribute)
    {
        var from = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            string? entity = c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' when attribute => "&quot;",
                '\n' when attribute => "&#xA;",
                '\t' when attribute => "&#x9;",
                '\r' => "&#xD;",
                _ => null,
            };
            if (entity is not null)
            {
                sb.Append(value, from, i - from).Append(entity);
                from = i + 1;
            }
        }
        sb.Append(value, from, value.Length - from);
    }

    // ---- Facts ----

    /// <summary>The prefixes the instance's root element binds, and to what.</summary>
    private readonly Dictionary<string, string> _rootPrefixes = new(StringComparer.Ordinal);

    /// <summary>
    /// Writes the fact <paramref name="f"/> (and a tuple's facts). Its tags go straight into the instance as UTF-8
    /// when the root element binds its prefix (and <c>xsi</c> for a nil) and it has no attributes of other
    /// namespaces: the bytes the <see cref="XmlWriter"/> would write. Otherwise the writer writes it, declaring what
    /// it needs.
    /// </summary>
    private int WriteFact(XmlWriter w, XElement f, Dictionary<XElement, List<XElement>> children)
    {
        var name = ResolveName(f);
        if (name is null)
        {
            return 0;
        }
        var (prefix, local, ns, qualifiedName) = name.Value;
        var kind = f.Name.LocalName;
        var nil = IsNil(f);
        List<XAttribute>? others = null;
        for (var a = f.FirstAttribute; a is not null; a = a.NextAttribute)
        {
            if (!a.IsNamespaceDeclaration && a.Name.Namespace != XNamespace.None && a.Name.Namespace != Xsi && a.Name.Namespace != Ix && a.Name != XmlLang)
            {
                (others ??= []).Add(a);
            }
        }
        var sink = _textSink!;
        var direct = sink.FallbackDepth == 0 && others is null && prefix.Length > 0
            && _rootPrefixes.TryGetValue(prefix, out var bound) && bound == ns
            && (!nil || (_rootPrefixes.TryGetValue("xsi", out var xsi) && xsi == XbrlNamespaces.Xsi));
        var qualified = direct ? qualifiedName : null;
        if (direct)
        {
            sink.StartTag(qualified!);
        }
        else
        {
            sink.BeginFallback();
            w.WriteStartElement(prefix, local, ns);
        }
        WriteAttribute(w, sink, direct, f, Names.ContextRef);
        if (kind is "nonFraction" or "fraction")
        {
            WriteAttribute(w, sink, direct, f, Names.UnitRef);
        }
        if (kind == "nonFraction")
        {
            WriteAttribute(w, sink, direct, f, Names.Decimals);
            WriteAttribute(w, sink, direct, f, Names.Precision);
        }
        WriteAttribute(w, sink, direct, f, Names.Id);
        if (nil)
        {
            if (direct)
            {
                sink.Attribute("xsi:nil", "true");
            }
            else
            {
                w.WriteAttributeString("xsi", "nil", XbrlNamespaces.Xsi, "true");
            }
        }
        foreach (var a in others ?? [])
        {
            w.WriteAttributeString(a.Name.LocalName, a.Name.NamespaceName, a.Value);
        }
        if (kind == "nonNumeric" && Lang(f) is { } lang)
        {
            if (direct)
            {
                sink.Attribute("xml:lang", lang);
            }
            else
            {
                w.WriteAttributeString("xml", "lang", XbrlNamespaces.Xml, lang);
            }
        }
        var count = 1;
        switch (kind)
        {
            case "nonFraction":
                if (!nil)
                {
                    WriteString(w, sink, direct, NonFractionValue(f) ?? string.Empty);
                }
                break;
            case "nonNumeric":
                if (nil)
                {
                    break;
                }
                if (IsEscaped(f) && f.Attribute(Names.Format) is null)
                {
                    // XHTML straight into the instance, piece by piece: no string of the whole value.
                    var pending = new StringBuilder();
                    foreach (var part in Chain(f))
                    {
                        AppendXhtml(pending, part, sink);
                    }
                    Flush(pending, sink);
                }
                else
                {
                    WriteString(w, sink, direct, NonNumericValue(f));
                }
                break;
            case "fraction":
                if (!nil)
                {
                    WriteFractionPart(w, f, "numerator", direct);
                    WriteFractionPart(w, f, "denominator", direct);
                }
                break;
            case "tuple":
                if (children.TryGetValue(f, out var list))
                {
                    foreach (var c in list.Select((e, i) => (e, i)).OrderBy(x => OrderOf(x.e)).ThenBy(x => x.i).Select(x => x.e))
                    {
                        count += WriteFact(w, c, children);
                    }
                }
                break;
        }
        if (direct)
        {
            sink.EndTag(qualified!);
        }
        else
        {
            w.WriteEndElement();
            sink.EndFallback();
        }
        return count;
    }

    private static void WriteAttribute(XmlWriter w, TextSink sink, bool direct, XElement f, XName name)
    {
        if ((string?)f.Attribute(name) is { } v)
        {
            if (direct)
            {
                sink.Attribute(name.LocalName, v);
            }
            else
            {
                w.WriteAttributeString(name.LocalName, v);
            }
        }
    }

    /// <summary>Element text, as <see cref="XmlWriter.WriteString"/> writes it (empty text closes the start tag).</summary>
    private static void WriteString(XmlWriter w, TextSink sink, bool direct, string text)
    {
        if (direct)
        {
            sink.WriteText(text);
        }
        else
        {
            w.WriteString(text);
        }
    }

    private decimal OrderOf(XElement e)
    {
        if ((string?)e.Attribute(Names.Order) is not { } order)
        {
            return decimal.MaxValue;
        }
        if (decimal.TryParse(order.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            return d;
        }
        Report(DiagnosticSeverity.Error, "ix11.12.1.2:orderInvalid", $"The order '{order}' is not a decimal number; the fact is placed last in its tuple.", e);
        return decimal.MaxValue;
    }

    private static bool IsNil(XElement f) =>
        (string?)f.Attribute(XsiNil) is { } nil && nil.Trim() is "true" or "1";

    private static string? Lang(XElement e)
    {
        for (XElement? a = e; a is not null; a = a.Parent)
        {
            if (a.Attribute(XmlLang) is { } lang)
            {
                return lang.Value;
            }
        }
        return null;
    }

    private IDictionary<string, string>? _lastScope;

    private static bool SameScope(IDictionary<string, string> a, IDictionary<string, string> b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }
        foreach (var (prefix, ns) in b)
        {
            if (!a.TryGetValue(prefix, out var other) || !string.Equals(ns, other, StringComparison.Ordinal))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Names of facts resolved against a plain scope (<see cref="PlainScope"/>), by scope (the same object for the same declarations) and name.</summary>
    private readonly ByScope<(string Prefix, string Local, string Ns, string Qualified)> _resolved = new();

    /// <summary>
    /// What is remembered of names by scope: a dictionary of its own per scope, so that a look-up hashes the name alone
    /// (the ordinary string hashing), the last scope's at hand.
    /// </summary>
    private sealed class ByScope<T>
    {
        private readonly Dictionary<IDictionary<string, string>, Dictionary<string, T>> _scopes = new(ReferenceEqualityComparer.Instance);
        private IDictionary<string, string>? _lastScope;
        private Dictionary<string, T>? _last;

        public Dictionary<string, T> For(IDictionary<string, string> scope)
        {
            if (!ReferenceEquals(scope, _lastScope))
            {
                if (!_scopes.TryGetValue(scope, out _last))
                {
                    _scopes[scope] = _last = [];
                }
                _lastScope = scope;
            }
            return _last!;
        }
    }

    private (string Prefix, string Local, string Ns, string Qualified)? ResolveName(XElement f)
    {
        var name = (string?)f.Attribute(Names.Name);
        if (string.IsNullOrWhiteSpace(name))
        {
            Report(DiagnosticSeverity.Error, "ix11.4.1.1:nameMissing", $"An ix:{f.Name.LocalName} has no name; it is left out.", f);
            return null;
        }
        var known = PlainScope(f) is { } scope ? _resolved.For(scope) : null;
        if (known is not null && known.TryGetValue(name, out var found))
        {
            return found;
        }
        var resolved = ResolveNameOnce(f, name);
        if (known is not null && resolved is { } r)
        {
            known[name] = r;
        }
        return resolved;
    }

    /// <summary>
    /// The declarations in scope where the outermost ix element around <paramref name="f"/> stood, when neither it
    /// nor any ix element between declares a namespace: then a prefix means at <paramref name="f"/> what it means in
    /// that scope, and what is resolved against it can be remembered by scope. Null otherwise.
    /// </summary>
    private static IDictionary<string, string>? PlainScope(XElement f)
    {
        var e = f;
        while (true)
        {
            if (HasNamespaceDeclarations(e))
            {
                return null;
            }
            if (e.Parent is not { } parent)
            {
                return e.Annotation<Origin>()?.Scope;
            }
            e = parent;
        }
    }

    private static bool HasNamespaceDeclarations(XElement e)
    {
        for (var a = e.FirstAttribute; a is not null; a = a.NextAttribute)
        {
            if (a.IsNamespaceDeclaration)
            {
                return true;
            }
        }
        return false;
    }

    private (string Prefix, string Local, string Ns, string Qualified)? ResolveNameOnce(XElement f, string name)
    {
        name = name.Trim();
        var colon = name.IndexOf(':', StringComparison.Ordinal);
        var prefix = colon < 0 ? string.Empty : name[..colon];
        var local = colon < 0 ? name : name[(colon + 1)..];
        var ns = NamespaceOfPrefix(f, prefix) ?? (colon < 0 ? f.GetDefaultNamespace().NamespaceName : null);
        if (ns is null || !IsNcName(local))
        {
            Report(DiagnosticSeverity.Error, "ix11.4.1.1:nameUnresolved", $"The name '{name}' of an ix:{f.Name.LocalName} has a prefix no namespace declaration binds; declare the prefix or correct the name. The fact is left out.", f);
            return null;
        }
        return (prefix, local, ns, colon < 0 ? local : name);
    }

    /// <summary>
    /// The namespace <paramref name="prefix"/> stands for at <paramref name="e"/>: the declarations on it and its
    /// ancestors, then those in scope where its outermost ix element stood.
    /// </summary>
    private static string? NamespaceOfPrefix(XElement e, string prefix)
    {
        // An unprefixed name takes the default namespace in scope (LINQ to XML has no namespace "of" the empty prefix).
        if (prefix.Length == 0)
        {
            if (e.GetDefaultNamespace() is { NamespaceName.Length: > 0 } declared)
            {
                return declared.NamespaceName;
            }
        }
        else if (e.GetNamespaceOfPrefix(prefix) is { } ns)
        {
            return ns.NamespaceName;
        }
        var root = e;
        while (root.Parent is { } parent)
        {
            root = parent;
        }
        return root.Annotation<Origin>()?.Scope is { } scope && scope.TryGetValue(prefix, out var uri) ? uri : null;
    }

    private static bool IsNcName(string s)
    {
        try
        {
            XmlConvert.VerifyNCName(s);
            return true;
        }
        catch (XmlException)
        {
            return false;
        }
    }

    private string? NonFractionValue(XElement f)
    {
        // Usually text alone: no list of nested facts to make.
        var nested = f.FirstNode is XText { NextNode: null } ? [] : f.Elements(IxNonFraction).ToList();
        string text;
        if (nested.Count > 0)
        {
            var strayText = new StringBuilder();
            foreach (var node in f.Nodes())
            {
                if (node is XText t)
                {
                    strayText.Append(t.Value);
                }
                else if (node is XElement { Name: var n } c && n == ChunkName)
                {
                    strayText.Append(c.Annotation<Chunk>()!.Text);
                }
            }
            var others = 0;
            foreach (var c in f.Elements())
            {
                others += c.Name == ChunkName ? 0 : 1;
            }
            if (nested.Count > 1 || strayText.ToString().Trim(' ', '\t', '\r', '\n').Length > 0 || others != 1)
            {
                Report(DiagnosticSeverity.Error, "ix11.10.1.1:nonFractionChildren", "An ix:nonFraction holds more than one nested ix:nonFraction or text beside it; it must hold either text or exactly one nested ix:nonFraction.", f);
            }
            var inner = nested[0];
            if (!string.Equals((string?)inner.Attribute(Names.Format), (string?)f.Attribute(Names.Format), StringComparison.Ordinal)
                || !string.Equals((string?)inner.Attribute(Names.Scale) ?? "0", (string?)f.Attribute(Names.Scale) ?? "0", StringComparison.Ordinal))
            {
                Report(DiagnosticSeverity.Error, "ix11.10.1.1:nonFractionNestingDisagrees", "A nested ix:nonFraction has a different format or scale from the one around it; nested facts must agree.", f);
            }
            text = TextOf(inner);
        }
        else
        {
            if (HasIxChild(f))
            {
                Report(DiagnosticSeverity.Error, "ix11.10.1.1:nonFractionChildren", "An ix:nonFraction holds inline XBRL elements other than a nested ix:nonFraction.", f);
            }
            text = TextOf(f);
        }
        string value;
        if ((string?)f.Attribute(Names.Format) is { } format)
        {
            var transformed = ApplyFormat(f, format, text);
            if (transformed is null)
            {
                return null;
            }
            value = transformed;
        }
        else
        {
            value = Transforms.Collapse(text);
        }
        if (!IsNonNegativeDecimal(value))
        {
            Report(DiagnosticSeverity.Error, "ix11.10.1.1:nonFractionNotANumber",
                $"The ix:nonFraction '{(string?)f.Attribute(Names.Name)}' holds '{Transforms.Collapse(text)}', which is not a number{((string?)f.Attribute(Names.Format) is null ? " and has no format to read it with; add a format such as ixt:num-dot-decimal" : " after its format")}.", f);
            return null;
        }
        if ((string?)f.Attribute(Names.Scale) is { } scaleText)
        {
            if (!int.TryParse(scaleText.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var scale) || scale is < -100 or > 100)
            {
                Report(DiagnosticSeverity.Error, "ix11.10.1.1:scaleInvalid", $"The scale '{scaleText}' is not an integer power of ten; the value is taken unscaled.", f);
            }
            else
            {
                value = Shift(value, scale);
            }
        }
        if ((string?)f.Attribute(Names.Sign) == "-")
        {
            value = "-" + value;
        }
        return value;
    }

    private static bool HasIxChild(XElement e)
    {
        for (var node = e.FirstNode; node is not null; node = node.NextNode)
        {
            if (node is XElement child && child.Name.Namespace == Ix)
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsNonNegativeDecimal(string s)
    {
        if (s.Length == 0)
        {
            return false;
        }
        var dot = false;
        var digits = 0;
        foreach (var c in s)
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (c == '.' && !dot)
            {
                dot = true;
            }
            else
            {
                return false;
            }
        }
        return digits > 0;
    }

    /// <summary>Multiplies a non-negative decimal numeral by 10^scale, exactly, as text.</summary>
    internal static string Shift(string value, int scale)
    {
        // The digits without the point, padded with zeros so that the point, moved by scale, falls within them.
        var dot = value.IndexOf('.', StringComparison.Ordinal);
        var intLength = dot < 0 ? value.Length : dot;
        var digitCount = dot < 0 ? value.Length : value.Length - 1;
        var point = intLength + scale;
        var left = point <= 0 ? 1 - point : 0;
        point = Math.Max(point, 1);
        var right = Math.Max(point - (left + digitCount), 0);
        var length = left + digitCount + right;
        Span<char> digits = length <= 256 ? stackalloc char[length] : new char[length];
        digits[..left].Fill('0');
        value.AsSpan(0, intLength).CopyTo(digits[left..]);
        if (dot >= 0)
        {
            value.AsSpan(dot + 1).CopyTo(digits[(left + intLength)..]);
        }
        digits[(left + digitCount)..].Fill('0');
        ReadOnlySpan<char> whole = digits[..point].TrimStart('0');
        ReadOnlySpan<char> frac = digits[point..].TrimEnd('0');
        if (whole.IsEmpty)
        {
            whole = "0";
        }
        return frac.IsEmpty ? whole.ToString() : string.Concat(whole, ".", frac);
    }

    /// <summary>Each format attribute's value met in this extraction, trimmed and split at its colon once.</summary>
    private readonly Dictionary<string, (string Format, string Prefix, string Local)> _formats = new(StringComparer.Ordinal);

    /// <summary>Formats resolved against a plain scope (<see cref="PlainScope"/>): their function, by the format's value and the scope.</summary>
    private readonly ByScope<(string Format, string Local, string Ns, Func<string, string?>? Function)> _resolvedFormats = new();

    private string? ApplyFormat(XElement f, string format, string text)
    {
        var formats = PlainScope(f) is { } scope ? _resolvedFormats.For(scope) : null;
        if (formats is null || !formats.TryGetValue(format, out var known))
        {
            if (!_formats.TryGetValue(format, out var split))
            {
                var trimmed = format.Trim();
                var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
                _formats[format] = split = (trimmed, colon < 0 ? string.Empty : trimmed[..colon], colon < 0 ? trimmed : trimmed[(colon + 1)..]);
            }
            var ns = NamespaceOfPrefix(f, split.Prefix) ?? string.Empty;
            known = (split.Format, split.Local, ns, Transforms.Find(ns, split.Local));
            if (formats is not null)
            {
                formats[format] = known;
            }
        }
        format = known.Format;
        var result = InlineTransformRegistry.Apply(known.Function, known.Ns, known.Local, text);
        if (!result.Succeeded)
        {
            Report(DiagnosticSeverity.Error, result.ErrorCode!, $"The fact '{(string?)f.Attribute(Names.Name)}' with format {format}: {result.Message}", f);
            return null;
        }
        return result.Value;
    }

    private static bool IsEscaped(XElement f) => (string?)f.Attribute(Names.Escape) is { } e && e.Trim() is "true" or "1";

    private string NonNumericValue(XElement f)
    {
        var escape = IsEscaped(f);
        var chain = Chain(f);
        string value;
        if (escape)
        {
            var sb = new StringBuilder();
            foreach (var part in chain)
            {
                AppendXhtml(sb, part);
            }
            value = sb.ToString();
        }
        else
        {
            var sb = new StringBuilder();
            foreach (var part in chain)
            {
                AppendText(sb, part);
            }
            value = sb.ToString();
        }
        if ((string?)f.Attribute(Names.Format) is { } format)
        {
            return ApplyFormat(f, format, value) ?? string.Empty;
        }
        return value;
    }

    /// <summary>The element and its continuations, in order; each continuation once, no cycles.</summary>
    private List<XElement> Chain(XElement f)
    {
        var chain = new List<XElement> { f };
        HashSet<string>? seen = null;
        var current = f;
        while ((string?)current.Attribute(Names.ContinuedAt) is { } next)
        {
            next = next.Trim();
            if (!(seen ??= new HashSet<string>(StringComparer.Ordinal)).Add(next))
            {
                Report(DiagnosticSeverity.Error, "ix11.4.1.2:continuationCycle", $"The continuedAt chain of '{(string?)f.Attribute(Names.Name)}' comes back to '{next}'; a chain must not loop. The content is cut where the loop starts.", current);
                break;
            }
            if (!_continuations.TryGetValue(next, out var continuation))
            {
                Report(DiagnosticSeverity.Error, "ix11.4.1.2:continuationMissing", $"The continuedAt '{next}' names no ix:continuation; the content ends before it.", current);
                break;
            }
            if (!_usedContinuations.Add(continuation))
            {
                Report(DiagnosticSeverity.Error, "ix11.4.1.2:continuationReused", $"The ix:continuation '{next}' continues more than one fact; each continuation belongs to one chain.", continuation);
            }
            chain.Add(continuation);
            current = continuation;
        }
        return chain;
    }

    /// <summary>The text of <paramref name="e"/>, less ix:exclude.</summary>
    private static string TextOf(XElement e)
    {
        if (e.FirstNode is XText { NextNode: null } only)
        {
            return only.Value;
        }
        var sb = new StringBuilder();
        AppendText(sb, e);
        return sb.ToString();
    }

    private static void AppendText(StringBuilder sb, XElement e)
    {
        for (var node = e.FirstNode; node is not null; node = node.NextNode)
        {
            switch (node)
            {
                case XText t:
                    sb.Append(t.Value);
                    break;
                case XElement child when child.Name == ChunkName:
                    sb.Append(child.Annotation<Chunk>()!.Text);
                    break;
                case XElement child when child.Name == IxExclude:
                    break;
                case XElement child:
                    AppendText(sb, child);
                    break;
            }
        }
    }

    /// <summary>
    /// The XHTML content of <paramref name="e"/> as markup, ix elements unwrapped and ix:exclude left out: elements
    /// without prefix or namespace declarations, empty void elements as <c>&lt;br /&gt;</c>, other empty elements
    /// as <c>&lt;td&gt;&lt;/td&gt;</c> (HTML readers of the escaped value need that). With <paramref name="sink"/>, chunks of
    /// markup go straight to it as text (what <paramref name="sb"/> holds before them first) instead of into <paramref name="sb"/>.
    /// </summary>
    private static void AppendXhtml(StringBuilder sb, XElement e, TextSink? sink = null)
    {
        for (var node = e.FirstNode; node is not null; node = node.NextNode)
        {
            switch (node)
            {
                case XText t:
                    AppendEscaped(sb, t.Value, attribute: false);
                    break;
                case XElement child when child.Name == ChunkName:
                    var chunk = child.Annotation<Chunk>()!;
                    if (chunk.HasMarkup && sink is not null)
                    {
                        Flush(sb, sink);
                        sink.WriteEscaped(chunk.MarkupBytes);
                    }
                    else if (chunk.EscapedMarkup is { } m)
                    {
                        sb.Append(Unescape(m));
                    }
                    else
                    {
                        AppendEscaped(sb, chunk.Text, attribute: false);
                    }
                    break;
                case XElement child when child.Name == IxExclude:
                    break;
                case XElement child when child.Name.Namespace == Ix:
                    AppendXhtml(sb, child, sink);
                    break;
                case XElement child:
                    var name = child.Name.LocalName;
                    sb.Append('<').Append(name);
                    foreach (var a in child.Attributes())
                    {
                        if (a.IsNamespaceDeclaration)
                        {
                            continue;
                        }
                        if (a.Name.Namespace == XNamespace.None)
                        {
                            sb.Append(' ').Append(a.Name.LocalName).Append("=\"");
                        }
                        else if (a.Name.Namespace == XNamespace.Xml)
                        {
                            sb.Append(" xml:").Append(a.Name.LocalName).Append("=\"");
                        }
                        else
                        {
                            continue;
                        }
                        AppendEscaped(sb, a.Value, attribute: true);
                        sb.Append('"');
                    }
                    if (child.IsEmpty && VoidElements.Contains(name))
                    {
                        sb.Append(" />");
                    }
                    else
                    {
                        sb.Append('>');
                        AppendXhtml(sb, child, sink);
                        sb.Append("</").Append(name).Append('>');
                    }
                    break;
            }
        }
    }

    /// <summary>Writes what <paramref name="sb"/> holds to <paramref name="sink"/> as text and empties it.</summary>
    private static void Flush(StringBuilder sb, TextSink sink)
    {
        if (sb.Length > 0)
        {
            sink.WriteText(sb.ToString());
            sb.Clear();
        }
    }

    private TextSink? _textSink;

    /// <summary>
    /// Writes into the instance as UTF-8 itself, past the <see cref="XmlWriter"/>: element text (whose escaping in the
    /// writer goes character by character), escaped as the writer escapes it (<c>&amp;</c>, <c>&lt;</c>,
    /// <c>&gt;</c>; line breaks as its <c>NewLineChars</c>), each run between characters to escape found at once
    /// and encoded at once; and the tags of facts whose names the root element binds, as the writer writes them
    /// (attribute values escaped as it escapes them, an element without content as <c>&lt;a /&gt;</c>). Elements
    /// the writer writes (<see cref="BeginFallback"/>) have what it holds go out before anything is written here.
    /// </summary>
    private sealed class TextSink(XmlWriter writer, InstanceStream stream, string newLine)
    {
        private static readonly SearchValues<char> Escaped = SearchValues.Create("&<>\r\n");
        private static readonly SearchValues<char> AttributeEscaped = SearchValues.Create("&<>\"\t\n\r");
        private readonly byte[] _newLine = Encoding.UTF8.GetBytes(newLine);

        /// <summary>The writer's root start tag closed and what it holds written out.</summary>
        private bool _synced;

        /// <summary>A start tag written here still open (its <c>&gt;</c> not yet written).</summary>
        private bool _tagOpen;

        /// <summary>How many elements written here are open.</summary>
        private int _directDepth;

        /// <summary>How many elements the writer writes are open: inside one, everything goes through the writer.</summary>
        public int FallbackDepth { get; private set; }

        /// <summary>Before text or markup: closes the start tag open here, or has the writer close its own and write out.</summary>
        private void BeginContent()
        {
            if (FallbackDepth == 0 && _directDepth > 0)
            {
                CloseTag();
            }
            else
            {
                // Empty text closes a start tag still open, as text does; then what the writer holds goes out.
                writer.WriteString(string.Empty);
                writer.Flush();
            }
        }

        private void CloseTag()
        {
            if (_tagOpen)
            {
                stream.WriteByte((byte)'>');
                _tagOpen = false;
            }
        }

        private void Sync()
        {
            if (!_synced)
            {
                writer.WriteString(string.Empty);
                writer.Flush();
                _synced = true;
            }
        }

        public void StartTag(string qualifiedName)
        {
            Sync();
            CloseTag();
            stream.WriteByte((byte)'<');
            Encode(qualifiedName);
            _tagOpen = true;
            _directDepth++;
        }

        public void Attribute(string qualifiedName, string value)
        {
            stream.WriteByte((byte)' ');
            Encode(qualifiedName);
            stream.Write("=\""u8);
            var rest = value.AsSpan();
            while (!rest.IsEmpty)
            {
                var i = rest.IndexOfAny(AttributeEscaped);
                Encode(i < 0 ? rest : rest[..i]);
                if (i < 0)
                {
                    break;
                }
                stream.Write(rest[i] switch
                {
                    '&' => "&amp;"u8,
                    '<' => "&lt;"u8,
                    '>' => "&gt;"u8,
                    '"' => "&quot;"u8,
                    '\t' => "&#x9;"u8,
                    '\n' => "&#xA;"u8,
                    _ => "&#xD;"u8,
                });
                rest = rest[(i + 1)..];
            }
            stream.WriteByte((byte)'"');
        }

        public void EndTag(string qualifiedName)
        {
            if (_tagOpen)
            {
                stream.Write(" />"u8);
                _tagOpen = false;
            }
            else
            {
                stream.Write("</"u8);
                Encode(qualifiedName);
                stream.WriteByte((byte)'>');
            }
            _directDepth--;
        }

        /// <summary>The writer writes the next element: the start tag open here is closed first.</summary>
        public void BeginFallback()
        {
            CloseTag();
            FallbackDepth++;
        }

        public void EndFallback()
        {
            if (--FallbackDepth == 0)
            {
                writer.Flush();
                _synced = true;
            }
        }

        /// <summary>Markup as the instance holds it, in UTF-8 (between the writer's elements): copied.</summary>
        public void WriteRaw(ReadOnlySpan<byte> markup)
        {
            Sync();
            CloseTag();
            stream.Write(markup);
        }

        /// <summary>Text already escaped as element text, in UTF-8: copied (line breaks as the writer writes them).</summary>
        public void WriteEscaped(ReadOnlySpan<byte> escaped)
        {
            BeginContent();
            if (_newLine is not [(byte)'\n'] && escaped.Contains((byte)'\n'))
            {
                // Only \n can stand in escaped text (a \r is a reference): the writer's other line break instead.
                Encode(Encoding.UTF8.GetString(escaped).Replace("\n", newLine, StringComparison.Ordinal));
                return;
            }
            stream.Write(escaped);
        }

        public void WriteText(string text)
        {
            BeginContent();
            var rest = text.AsSpan();
            while (!rest.IsEmpty)
            {
                var i = rest.IndexOfAny(Escaped);
                Encode(i < 0 ? rest : rest[..i]);
                if (i < 0)
                {
                    break;
                }
                var next = i + 1;
                switch (rest[i])
                {
                    case '&':
                        stream.Write("&amp;"u8);
                        break;
                    case '<':
                        stream.Write("&lt;"u8);
                        break;
                    case '>':
                        stream.Write("&gt;"u8);
                        break;
                    default:
                        // \r\n, \r or \n: one line break, as the writer's NewLineHandling.Replace gives it.
                        if (rest[i] == '\r' && next < rest.Length && rest[next] == '\n')
                        {
                            next++;
                        }
                        stream.Write(_newLine);
                        break;
                }
                rest = rest[next..];
            }
        }

        /// <summary>
        /// Encodes <paramref name="run"/> straight into the instance, in pieces of at most 1,024 characters (a surrogate
        /// pair kept whole), so that the room asked for is never much more than the bytes written.
        /// </summary>
        private void Encode(ReadOnlySpan<char> run)
        {
            while (!run.IsEmpty)
            {
                var take = run.Length <= 1024 ? run.Length : char.IsHighSurrogate(run[1023]) ? 1023 : 1024;
                var piece = run[..take];
                var target = stream.GetSpan(3 * take);
                stream.Advance(System.Text.Ascii.FromUtf16(piece, target, out var ascii) == OperationStatus.Done
                    ? ascii
                    : Encoding.UTF8.GetBytes(piece, target));
                run = run[take..];
            }
        }
    }

    /// <summary>
    /// The instance being written: a growing buffer that is not zeroed first (a <see cref="MemoryStream"/> of the
    /// instance's size clears a megabyte before writing it), handed over as it is at the end.
    /// </summary>
    private sealed class InstanceStream(int capacity) : Stream
    {
        private byte[] _buffer = GC.AllocateUninitializedArray<byte>(capacity);
        private int _length;

        public ReadOnlyMemory<byte> Written => new(_buffer, 0, _length);

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _length;

        public override long Position
        {
            get => _length;
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            buffer.CopyTo(GetSpan(buffer.Length));
            _length += buffer.Length;
        }

        public override void WriteByte(byte value)
        {
            GetSpan(1)[0] = value;
            _length++;
        }

        /// <summary>Room for at least <paramref name="size"/> bytes at the end, to be written then <see cref="Advance"/>d over.</summary>
        public Span<byte> GetSpan(int size)
        {
            if (_buffer.Length - _length < size)
            {
                var larger = GC.AllocateUninitializedArray<byte>(Math.Max(_buffer.Length * 2, _length + size));
                _buffer.AsSpan(0, _length).CopyTo(larger);
                _buffer = larger;
            }
            return _buffer.AsSpan(_length);
        }

        public void Advance(int count) => _length += count;

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }

    private void WriteFractionPart(XmlWriter w, XElement f, string part, bool direct)
    {
        var e = f.Element(Ix + part);
        var sink = _textSink!;
        if (direct)
        {
            sink.StartTag("xbrli:" + part);
        }
        else
        {
            w.WriteStartElement("xbrli", part, XbrlNamespaces.Xbrli);
        }
        if (e is null)
        {
            Report(DiagnosticSeverity.Error, "ix11.7.1.1:fractionPartMissing", $"An ix:fraction has no ix:{part}.", f);
        }
        else
        {
            var raw = TextOf(e);
            var text = Transforms.Collapse(raw);
            if ((string?)e.Attribute(Names.Format) is { } format)
            {
                text = ApplyFormat(e, format, raw) ?? text;
            }
            if ((string?)e.Attribute(Names.Scale) is { } sc && int.TryParse(sc, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var scale) && IsNonNegativeDecimal(text))
            {
                text = Shift(text, scale);
            }
            WriteString(w, sink, direct, text);
        }
        if (direct)
        {
            sink.EndTag("xbrli:" + part);
        }
        else
        {
            w.WriteEndElement();
        }
    }

    // ---- Footnotes ----

    private void WriteFootnotes(XmlWriter w, List<XElement> relationships, List<XElement> facts)
    {
        if (relationships.Count == 0)
        {
            return;
        }
        var factIds = new HashSet<string>(facts.Select(f => (string?)f.Attribute(Names.Id)).OfType<string>(), StringComparer.Ordinal);
        foreach (var group in relationships.GroupBy(r => ((string?)r.Attribute("linkRole") ?? XbrlRoles.Link, (string?)r.Attribute("arcrole") ?? FactFootnote)))
        {
            var (linkRole, arcrole) = group.Key;
            w.WriteStartElement("link", "footnoteLink", XbrlNamespaces.Link);
            w.WriteAttributeString("xlink", "type", XbrlNamespaces.XLink, "extended");
            w.WriteAttributeString("xlink", "role", XbrlNamespaces.XLink, linkRole);
            var written = new HashSet<string>(StringComparer.Ordinal);
            var n = 0;
            foreach (var r in group)
            {
                var from = Split((string?)r.Attribute("fromRefs"));
                var to = Split((string?)r.Attribute("toRefs"));
                foreach (var id in from.Concat(to))
                {
                    if (!written.Add(id))
                    {
                        continue;
                    }
                    if (_footnotes.TryGetValue(id, out var footnote))
                    {
                        w.WriteStartElement("link", "footnote", XbrlNamespaces.Link);
                        w.WriteAttributeString("xlink", "type", XbrlNamespaces.XLink, "resource");
                        w.WriteAttributeString("xlink", "label", XbrlNamespaces.XLink, id);
                        w.WriteAttributeString("xlink", "role", XbrlNamespaces.XLink, (string?)footnote.Attribute("footnoteRole") ?? XbrlRoles.Footnote);
                        w.WriteAttributeString("id", id);
                        w.WriteAttributeString("xml", "lang", XbrlNamespaces.Xml, Lang(footnote) ?? "en");
                        foreach (var node in footnote.Nodes())
                        {
                            WriteFootnoteNode(w, node);
                        }
                        w.WriteEndElement();
                    }
                    else if (factIds.Contains(id))
                    {
                        w.WriteStartElement("link", "loc", XbrlNamespaces.Link);
                        w.WriteAttributeString("xlink", "type", XbrlNamespaces.XLink, "locator");
                        w.WriteAttributeString("xlink", "href", XbrlNamespaces.XLink, "#" + id);
                        w.WriteAttributeString("xlink", "label", XbrlNamespaces.XLink, id);
                        w.WriteEndElement();
                    }
                    else
                    {
                        Report(DiagnosticSeverity.Error, "ix11.13.1.2:relationshipRefMissing", $"The ix:relationship refers to '{id}', which is neither a fact nor an ix:footnote of this target document.", r);
                        written.Remove(id);
                    }
                }
                foreach (var a in from.Where(written.Contains))
                {
                    foreach (var b in to.Where(written.Contains))
                    {
                        w.WriteStartElement("link", "footnoteArc", XbrlNamespaces.Link);
                        w.WriteAttributeString("xlink", "type", XbrlNamespaces.XLink, "arc");
                        w.WriteAttributeString("xlink", "arcrole", XbrlNamespaces.XLink, arcrole);
                        w.WriteAttributeString("xlink", "from", XbrlNamespaces.XLink, a);
                        w.WriteAttributeString("xlink", "to", XbrlNamespaces.XLink, b);
                        w.WriteAttributeString("order", (++n).ToString(CultureInfo.InvariantCulture));
                        w.WriteEndElement();
                    }
                }
            }
            w.WriteEndElement();
        }
    }

    private static void WriteFootnoteNode(XmlWriter w, XNode node)
    {
        switch (node)
        {
            case XText t:
                w.WriteString(t.Value);
                break;
            case XElement e when e.Name == ChunkName:
                w.WriteString(e.Annotation<Chunk>()!.Text);
                break;
            case XElement e when e.Name == IxExclude:
                break;
            case XElement e when e.Name.Namespace == Ix:
                foreach (var c in e.Nodes())
                {
                    WriteFootnoteNode(w, c);
                }
                break;
            case XElement e:
                w.WriteStartElement(e.Name.LocalName, InlineXbrl.XhtmlNamespace);
                foreach (var a in e.Attributes().Where(a => !a.IsNamespaceDeclaration && a.Name.Namespace == XNamespace.None))
                {
                    w.WriteAttributeString(a.Name.LocalName, a.Value);
                }
                foreach (var c in e.Nodes())
                {
                    WriteFootnoteNode(w, c);
                }
                w.WriteEndElement();
                break;
        }
    }

    private static string[] Split(string? refs) =>
        refs is null ? [] : refs.Split([' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries);

    private void Report(DiagnosticSeverity severity, string code, string message, XElement at)
    {
        int line = 0, column = 0;
        var origin = at.Annotation<Origin>();
        if (origin is { Line: > 0 })
        {
            (line, column) = (origin.Line, origin.Column);
        }
        else if (at is IXmlLineInfo info && info.HasLineInfo())
        {
            (line, column) = (info.LineNumber, info.LinePosition);
        }
        else if (at.AncestorsAndSelf().Last().Annotation<Origin>() is { } root)
        {
            (line, column) = (root.Line, root.Column);
        }
        var document = origin?.Document ?? at.AncestorsAndSelf().Last().Annotation<Origin>()?.Document ?? at.Document?.BaseUri ?? string.Empty;
        if (_referenceColumns.TryGetValue(document, out var columns))
        {
            column = columns.Original(line, column);
        }
        _diagnostics.Add(new Diagnostic(severity, code, message, new SourceLocation(document, line, column)));
    }
}
