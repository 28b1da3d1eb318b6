using System.Buffers;
using System.Xml;
using System.Xml.Linq;
using EdgarSharp.Internal;

namespace EdgarSharp.Xbrl.Inline.Internal;

/// <summary>
/// Headers read without element trees for what the instance copies from them: the schema and linkbase references,
/// role and arcrole references, contexts and units are kept as the bytes the instance holds of them, written while
/// they are read.
/// </summary>
/// <remarks>
/// Those bytes are what the earlier way gave, which the instance keeps: the header read through
/// <see cref="XmlReader.ReadSubtree"/> into an <see cref="XElement"/> and each of those elements written back by
/// LINQ to XML. The subtree reader declares on each element the namespaces of its name and its attributes' names that
/// no element above it in the subtree declares (so every <c>xbrli:context</c> of the instance declares
/// <c>xbrli</c>), after the element's own attributes, the element's prefix first; the writer writes those
/// declarations again though the instance's root declares them. Reproduced here when it is plain to reproduce: every
/// name of the element prefixed and declared within it, no namespace declarations of the document's own in the
/// header (but in <c>ix:hidden</c> and other children read as trees), no CDATA. Anything else has the header read
/// again the earlier way (<see cref="RereadHeader"/>), and an element whose prefixes the root binds otherwise is
/// made a tree from its bytes and written by LINQ to XML.
/// </remarks>
internal sealed partial class InlineExtractor
{
    /// <summary>A child of <c>ix:references</c> or <c>ix:resources</c>: a tree, or an element kept as the instance's bytes.</summary>
    private readonly record struct HeaderChild(XName Name, XElement? Element, HeaderBytes? Bytes);

    /// <summary>
    /// An element kept as the bytes the instance holds of it (in <see cref="_headerBytes"/>), with the prefixes it
    /// declares: the bytes stand only where the instance's root binds each of them to the same namespace.
    /// </summary>
    private sealed record HeaderBytes(int Start, int Length, List<(string Prefix, string Ns)> Declared);

    /// <summary>The bytes of the header elements of the extraction, one after another.</summary>
    private readonly MarkupBuffer _headerBytes = new();

    /// <summary>The line break the instance's writer writes (<see cref="XmlWriterSettings.NewLineChars"/>, left as it is).</summary>
    private static readonly byte[] WriterNewLine = System.Text.Encoding.UTF8.GetBytes(new XmlWriterSettings().NewLineChars);

    private static readonly SearchValues<char> HeaderTextSpecials = SearchValues.Create("&<>\r\n");
    private static readonly SearchValues<char> HeaderAttributeSpecials = SearchValues.Create("&<>\"\t\n\r");

    /// <summary>
    /// The namespace declarations a subtree reader started at the header has made (its own, to reproduce its rule): by
    /// element, innermost last.
    /// </summary>
    private sealed class SubtreeScopes
    {
        private readonly List<(string Prefix, string Ns, int Level)> _declared = [];

        public int Level { get; private set; }

        public void Push() => Level++;

        public void Pop()
        {
            while (_declared.Count > 0 && _declared[^1].Level == Level)
            {
                _declared.RemoveAt(_declared.Count - 1);
            }
            Level--;
        }

        public void Declare(string prefix, string ns) => _declared.Add((prefix, ns, Level));

        /// <summary>The namespace of <paramref name="prefix"/> and the level it was declared at; level 0 for those known from the start.</summary>
        public (string? Ns, int Level) Lookup(string prefix)
        {
            for (var i = _declared.Count - 1; i >= 0; i--)
            {
                if (_declared[i].Prefix == prefix)
                {
                    return (_declared[i].Ns, _declared[i].Level);
                }
            }
            return prefix switch
            {
                "" => (string.Empty, 0),
                "xml" => (XbrlNamespaces.Xml, 0),
                "xmlns" => ("http://www.w3.org/2000/xmlns/", 0),
                _ => (null, 0),
            };
        }
    }

    /// <summary>
    /// Reads the <c>ix:header</c> under the reader (left on its end tag): a tree of its own, its
    /// <c>ix:references</c> and <c>ix:resources</c> shallow, their children kept as bytes (<see cref="HeaderChild"/>),
    /// other children (<c>ix:hidden</c>, <c>ix:relationship</c>) trees read through a subtree reader. Where the
    /// bytes cannot be told as the earlier way gave them, <paramref name="reread"/> reads the header that way.
    /// </summary>
    private XElement ReadHeader(XmlReader reader, string ix, Func<XElement> reread)
    {
        var fallback = false;
        var scopes = new SubtreeScopes();
        var depth = reader.Depth;
        var header = StartHeaderElement(reader, scopes, ref fallback);
        if (!reader.IsEmptyElement)
        {
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth)
                {
                    break;
                }
                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }
                if (ReferenceEquals(reader.NamespaceURI, ix) && reader.LocalName is "references" or "resources")
                {
                    var container = StartHeaderElement(reader, scopes, ref fallback);
                    header.Add(container);
                    var children = new List<HeaderChild>();
                    container.AddAnnotation(children);
                    if (!reader.IsEmptyElement)
                    {
                        var inner = reader.Depth;
                        while (reader.Read())
                        {
                            if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == inner)
                            {
                                break;
                            }
                            if (reader.NodeType != XmlNodeType.Element)
                            {
                                continue;
                            }
                            var name = NameOf(reader);
                            if (IsHeaderBytesName(name))
                            {
                                children.Add(new HeaderChild(name, null, ReadHeaderBytes(reader, ix, scopes, ref fallback)));
                            }
                            else
                            {
                                var child = LoadSubtree(reader);
                                container.Add(child);
                                children.Add(new HeaderChild(child.Name, child, null));
                            }
                        }
                    }
                    scopes.Pop();
                }
                else
                {
                    header.Add(LoadSubtree(reader));
                }
            }
        }
        scopes.Pop();
        return fallback ? reread() : header;
    }

    private static bool IsHeaderBytesName(XName name) =>
        (name.NamespaceName == XbrlNamespaces.Link && name.LocalName is "schemaRef" or "linkbaseRef" or "roleRef" or "arcroleRef")
        || (name.NamespaceName == XbrlNamespaces.Xbrli && name.LocalName is "context" or "unit");

    /// <summary>The element under the reader and its descendants as a tree, through a subtree reader (the reader left on its end tag).</summary>
    private static XElement LoadSubtree(XmlReader reader)
    {
        using var subtree = reader.ReadSubtree();
        return XElement.Load(subtree, LoadOptions.PreserveWhitespace);
    }

    /// <summary>
    /// The header or one of its <c>ix:references</c> and <c>ix:resources</c>: its attributes, then the declarations
    /// the subtree reader would add. A prefixless name or a declaration of the document's own asks for the earlier way.
    /// </summary>
    private XElement StartHeaderElement(XmlReader reader, SubtreeScopes scopes, ref bool fallback)
    {
        var e = new XElement(NameOf(reader));
        scopes.Push();
        List<(string Prefix, string Ns)>? declared = null;
        fallback |= !Declares(scopes, reader.Prefix, reader.NamespaceURI, ref declared, within: 0);
        if (reader.MoveToFirstAttribute())
        {
            do
            {
                if (reader.Prefix == "xmlns" || (reader.Prefix.Length == 0 && reader.LocalName == "xmlns"))
                {
                    fallback = true;
                    continue;
                }
                e.Add(new XAttribute(NameOf(reader), reader.Value));
                if (reader.Prefix.Length > 0)
                {
                    fallback |= !Declares(scopes, reader.Prefix, reader.NamespaceURI, ref declared, within: 0);
                }
            }
            while (reader.MoveToNextAttribute());
            reader.MoveToElement();
        }
        foreach (var (prefix, ns) in declared ?? [])
        {
            e.Add(new XAttribute(XNamespace.Xmlns + prefix, ns));
        }
        return e;
    }

    /// <summary>
    /// The subtree reader's rule for one prefixed name: declared on this element when no element above declares it.
    /// False where the bytes would not follow from the rule plainly: no prefix, a prefix bound otherwise above, or one
    /// declared above level <paramref name="within"/> (outside the element being kept as bytes).
    /// </summary>
    private static bool Declares(SubtreeScopes scopes, string prefix, string ns, ref List<(string Prefix, string Ns)>? declared, int within)
    {
        if (prefix.Length == 0)
        {
            return false;
        }
        var (known, level) = scopes.Lookup(prefix);
        if (known is null)
        {
            scopes.Declare(prefix, ns);
            (declared ??= []).Add((prefix, ns));
            return true;
        }
        return string.Equals(known, ns, StringComparison.Ordinal) && (level == 0 ? prefix == "xml" : level >= within);
    }

    /// <summary>
    /// Writes the element under the reader and its content into <see cref="_headerBytes"/> as LINQ to XML writes the
    /// tree a subtree reader gives of it (the reader left on its end tag).
    /// </summary>
    private HeaderBytes ReadHeaderBytes(XmlReader reader, string ix, SubtreeScopes scopes, ref bool fallback)
    {
        var buffer = _headerBytes;
        var start = buffer.Length;
        var within = scopes.Level + 1;
        var depth = reader.Depth;
        var all = new List<(string Prefix, string Ns)>();
        var carriageReturn = false;
        do
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                {
                    carriageReturn = false;
                    var prefix = reader.Prefix;
                    var ns = reader.NamespaceURI;
                    fallback |= ReferenceEquals(ns, ix);
                    scopes.Push();
                    List<(string Prefix, string Ns)>? declared = null;
                    fallback |= !Declares(scopes, prefix, ns, ref declared, within);
                    buffer.Append("<"u8);
                    AppendQualified(buffer, prefix, reader.LocalName);
                    var empty = reader.IsEmptyElement;
                    if (reader.MoveToFirstAttribute())
                    {
                        do
                        {
                            var attributePrefix = reader.Prefix;
                            if (attributePrefix == "xmlns" || (attributePrefix.Length == 0 && reader.LocalName == "xmlns"))
                            {
                                fallback = true;
                                continue;
                            }
                            if (attributePrefix.Length > 0)
                            {
                                fallback |= !Declares(scopes, attributePrefix, reader.NamespaceURI, ref declared, within);
                            }
                            buffer.Append(" "u8);
                            AppendQualified(buffer, attributePrefix, reader.LocalName);
                            buffer.Append("=\""u8);
                            int n;
                            while ((n = reader.ReadValueChunk(_valueChars, 0, _valueChars.Length)) > 0)
                            {
                                AppendHeaderEscaped(buffer, _valueChars.AsSpan(0, n), attribute: true, ref carriageReturn);
                            }
                            buffer.Append("\""u8);
                        }
                        while (reader.MoveToNextAttribute());
                        reader.MoveToElement();
                    }
                    foreach (var (p, uri) in declared ?? [])
                    {
                        // One prefix to a namespace within the element, so that the writer finds the same one.
                        foreach (var (q, other) in all)
                        {
                            fallback |= string.Equals(other, uri, StringComparison.Ordinal) && q != p;
                        }
                        all.Add((p, uri));
                        buffer.Append(" xmlns:"u8);
                        buffer.Append(p);
                        buffer.Append("=\""u8);
                        AppendHeaderEscaped(buffer, uri, attribute: true, ref carriageReturn);
                        buffer.Append("\""u8);
                    }
                    if (empty)
                    {
                        buffer.Append(" />"u8);
                        scopes.Pop();
                    }
                    else
                    {
                        buffer.Append(">"u8);
                    }
                    break;
                }
                case XmlNodeType.EndElement:
                    carriageReturn = false;
                    buffer.Append("</"u8);
                    AppendQualified(buffer, reader.Prefix, reader.LocalName);
                    buffer.Append(">"u8);
                    scopes.Pop();
                    break;
                case XmlNodeType.Text:
                case XmlNodeType.Whitespace:
                case XmlNodeType.SignificantWhitespace:
                    int read;
                    while ((read = reader.ReadValueChunk(_valueChars, 0, _valueChars.Length)) > 0)
                    {
                        AppendHeaderEscaped(buffer, _valueChars.AsSpan(0, read), attribute: false, ref carriageReturn);
                    }
                    break;
                default:
                    fallback = true;
                    break;
            }
            if (reader.Depth == depth && (reader.NodeType == XmlNodeType.EndElement || (reader.NodeType == XmlNodeType.Element && reader.IsEmptyElement)))
            {
                break;
            }
        }
        while (reader.Read());
        return new HeaderBytes(start, buffer.Length - start, all);
    }

    private static void AppendQualified(MarkupBuffer buffer, string prefix, string local)
    {
        if (prefix.Length > 0)
        {
            buffer.Append(prefix);
            buffer.Append(":"u8);
        }
        buffer.Append(local);
    }

    /// <summary>
    /// Text or an attribute value escaped as the instance's writer escapes it (<see cref="TextSink"/>): in text a line
    /// break (<c>\r\n</c>, <c>\r</c> or <c>\n</c>) as the writer's, <paramref name="carriageReturn"/> carrying a
    /// <c>\r</c> that ended the last piece of the same text.
    /// </summary>
    private static void AppendHeaderEscaped(MarkupBuffer buffer, ReadOnlySpan<char> value, bool attribute, ref bool carriageReturn)
    {
        var rest = value;
        if (!attribute && carriageReturn && !rest.IsEmpty && rest[0] == '\n')
        {
            rest = rest[1..];
        }
        carriageReturn = false;
        var special = attribute ? HeaderAttributeSpecials : HeaderTextSpecials;
        while (true)
        {
            var i = rest.IndexOfAny(special);
            if (i < 0)
            {
                buffer.Append(rest);
                return;
            }
            buffer.Append(rest[..i]);
            var c = rest[i];
            var next = i + 1;
            switch (c)
            {
                case '&':
                    buffer.Append("&amp;"u8);
                    break;
                case '<':
                    buffer.Append("&lt;"u8);
                    break;
                case '>':
                    buffer.Append("&gt;"u8);
                    break;
                case '"':
                    buffer.Append("&quot;"u8);
                    break;
                case '\t':
                    buffer.Append("&#x9;"u8);
                    break;
                case '\n' when attribute:
                    buffer.Append("&#xA;"u8);
                    break;
                case '\r' when attribute:
                    buffer.Append("&#xD;"u8);
                    break;
                default:
                    if (c == '\r')
                    {
                        if (next < rest.Length)
                        {
                            next += rest[next] == '\n' ? 1 : 0;
                        }
                        else
                        {
                            carriageReturn = true;
                        }
                    }
                    buffer.Append(WriterNewLine);
                    break;
            }
            rest = rest[next..];
        }
    }

    /// <summary>The header at <paramref name="line"/> and <paramref name="column"/> read again the earlier way: a second reader over the same document, then a subtree reader.</summary>
    private static XElement RereadHeader(byte[] bytes, int start, int count, string url, XmlReaderSettings settings, int line, int column)
    {
        using var reader = SafeXml.Create(new MemoryStream(bytes, start, count, writable: false), url, settings);
        var at = (IXmlLineInfo)reader;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && at.LineNumber == line && at.LinePosition == column)
            {
                return LoadSubtree(reader);
            }
        }
        throw new InvalidOperationException($"The header at line {line}, column {column} was not found again.");
    }

    /// <summary>Writes a child of a header: its bytes where the root binds its prefixes alike, else as a tree.</summary>
    private void WriteHeaderChild(XmlWriter w, HeaderChild child)
    {
        var sink = _textSink!;
        if (child.Bytes is { } kept && BoundAlike(kept.Declared))
        {
            sink.WriteRaw(_headerBytes.Bytes(kept.Start, kept.Length));
            return;
        }
        var element = child.Element;
        if (element is null)
        {
            var bytes = _headerBytes.Bytes(child.Bytes!.Start, child.Bytes.Length).ToArray();
            using var reader = SafeXml.Create(new MemoryStream(bytes, writable: false), string.Empty, SafeXml.Settings(ignoreWhitespace: false));
            element = XElement.Load(reader, LoadOptions.PreserveWhitespace);
        }
        sink.BeginFallback();
        element.WriteTo(w);
        sink.EndFallback();
    }

    private bool BoundAlike(List<(string Prefix, string Ns)> declared)
    {
        foreach (var (prefix, ns) in declared)
        {
            if (!_rootPrefixes.TryGetValue(prefix, out var bound) || !string.Equals(bound, ns, StringComparison.Ordinal))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The children of an <c>ix:references</c> or <c>ix:resources</c>, in document order.</summary>
    private static List<HeaderChild> HeaderChildren(XElement e)
    {
        if (e.Annotation<List<HeaderChild>>() is { } kept)
        {
            return kept;
        }
        var children = new List<HeaderChild>();
        foreach (var c in e.Elements())
        {
            children.Add(new HeaderChild(c.Name, c, null));
        }
        return children;
    }
}
