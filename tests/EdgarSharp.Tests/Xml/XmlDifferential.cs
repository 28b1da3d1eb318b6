using System.Globalization;
using System.Text;
using System.Xml;
using EdgarSharp.Internal;
using EdgarSharp.Internal.Xml;

namespace EdgarSharp.Tests.Xml;

/// <summary>
/// Walks <see cref="Utf8XmlReader"/> and System.Xml's reader over the same bytes side by side and tells the first
/// difference: node by node every property a consumer can see, every attribute (by position, by name, by namespace,
/// through <see cref="XmlReader.ReadAttributeValue"/>), namespaces in scope, line and column, and the end state.
/// </summary>
internal static class XmlDifferential
{
    public const string BaseUri = "file:///corpus/doc.xml";

    public static XmlReaderSettings Settings(bool ignoreWhitespace) => SafeXml.Settings(ignoreWhitespace: ignoreWhitespace);

    /// <summary>Whether the fast reader accepts the document under the settings.</summary>
    public static bool Accepts(byte[] bytes, bool ignoreWhitespace = true) =>
        Utf8XmlReader.TryCreate(bytes, WithNameTable(Settings(ignoreWhitespace)), BaseUri) is not null;

    /// <summary>Whether System.Xml reads the whole document without an error.</summary>
    public static bool StandardAccepts(byte[] bytes, bool ignoreWhitespace = true)
    {
        try
        {
            using var r = XmlReader.Create(new MemoryStream(bytes), Settings(ignoreWhitespace), BaseUri);
            while (r.Read())
            {
            }
            return true;
        }
        catch (XmlException)
        {
            return false;
        }
    }

    /// <summary>
    /// Null when the fast reader bailed out or both readers give every value (of text-like nodes and of attributes)
    /// the same through <see cref="XmlReader.ReadValueChunk"/> in pieces of at most <paramref name="chunk"/> chars
    /// (the pieces may be cut differently; their concatenation must be equal, none longer than asked, and the fast
    /// reader never splits a surrogate pair); else the first difference.
    /// </summary>
    public static string? CompareChunks(byte[] bytes, bool ignoreWhitespace, int chunk)
    {
        var fastReader = Utf8XmlReader.TryCreate(bytes, WithNameTable(Settings(ignoreWhitespace)), BaseUri);
        if (fastReader is null)
        {
            return null;
        }
        using var f = fastReader;
        using var s = XmlReader.Create(new MemoryStream(bytes), WithNameTable(Settings(ignoreWhitespace)), BaseUri);
        var buffer = new char[chunk + 2];
        string Pieces(XmlReader r, bool checkSurrogates)
        {
            var sb = new StringBuilder();
            int n;
            while ((n = r.ReadValueChunk(buffer, 1, chunk)) > 0)
            {
                if (n > chunk)
                {
                    return $"<piece of {n} chars>";
                }
                if (checkSurrogates && char.IsHighSurrogate(buffer[n]))
                {
                    // The tokenizer accepts only well-formed UTF-8, so a high surrogate is always followed by its pair.
                    return "<split surrogate pair>";
                }
                sb.Append(buffer, 1, n);
            }
            return sb.ToString();
        }
        while (true)
        {
            var more = f.Read();
            if (more != s.Read())
            {
                return "the readers end at different nodes";
            }
            if (!more)
            {
                return null;
            }
            if (f.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
            {
                var (a, b) = (Pieces(f, true), Pieces(s, false));
                if (!string.Equals(a, b, StringComparison.Ordinal))
                {
                    return $"{f.NodeType} at {Where(f)}: fast '{a}' System.Xml '{b}'";
                }
            }
            if (f.NodeType == XmlNodeType.Element)
            {
                for (var i = 0; i < f.AttributeCount; i++)
                {
                    f.MoveToAttribute(i);
                    s.MoveToAttribute(i);
                    var (a, b) = (Pieces(f, true), Pieces(s, false));
                    if (!string.Equals(a, b, StringComparison.Ordinal))
                    {
                        return $"attribute {f.Name} at {Where(f)}: fast '{a}' System.Xml '{b}'";
                    }
                }
                f.MoveToElement();
                s.MoveToElement();
            }
        }

        static string Where(XmlReader r) => r is IXmlLineInfo li ? $"{li.LineNumber}:{li.LinePosition}" : "?";
    }

    private static XmlReaderSettings WithNameTable(XmlReaderSettings s)
    {
        s.NameTable = new NameTable();
        return s;
    }

    /// <summary>
    /// Null when the fast reader bailed out (<paramref name="fast"/> false) or both readers agree on everything;
    /// else a description of the first difference (including the fast reader accepting a document System.Xml rejects).
    /// </summary>
    public static string? Compare(byte[] bytes, bool ignoreWhitespace, out bool fast, bool outerXml = false)
    {
        var fastReader = Utf8XmlReader.TryCreate(bytes, WithNameTable(Settings(ignoreWhitespace)), BaseUri);
        fast = fastReader is not null;
        if (fastReader is null)
        {
            return null;
        }
        using var f = fastReader;
        using var s = XmlReader.Create(new MemoryStream(bytes), WithNameTable(Settings(ignoreWhitespace)), BaseUri);
        var sb = new StringBuilder();
        var node = 0;
        try
        {
            if (Describe(s, sb, "state") != Describe(f, new StringBuilder(), "state"))
            {
                return "initial state differs";
            }
            while (true)
            {
                var sr = s.Read();
                var fr = f.Read();
                node++;
                if (sr != fr)
                {
                    return $"node {node}: Read() {sr} (System.Xml) vs {fr} (fast)";
                }
                var a = Describe(s, new StringBuilder(), "node");
                var b = Describe(f, new StringBuilder(), "node");
                if (a != b)
                {
                    return $"node {node}:\n System.Xml: {a}\n fast:       {b}";
                }
                if (f.NodeType is XmlNodeType.Element or XmlNodeType.EndElement or XmlNodeType.Text)
                {
                    if (!ReferenceEquals(f.LocalName, f.NameTable.Get(f.LocalName)) || !ReferenceEquals(f.NamespaceURI, f.NameTable.Get(f.NamespaceURI)) || !ReferenceEquals(f.Name, f.NameTable.Get(f.Name)))
                    {
                        return $"node {node}: names not atomized";
                    }
                }
                if (!sr)
                {
                    break;
                }
            }
            if (outerXml)
            {
                using var s2 = XmlReader.Create(new MemoryStream(bytes), WithNameTable(Settings(ignoreWhitespace)), BaseUri);
                using var f2 = Utf8XmlReader.TryCreate(bytes, WithNameTable(Settings(ignoreWhitespace)), BaseUri)!;
                s2.MoveToContent();
                f2.MoveToContent();
                var so = s2.ReadOuterXml();
                var fo = f2.ReadOuterXml();
                if (so != fo)
                {
                    return "ReadOuterXml differs";
                }
                if (Describe(s2, new StringBuilder(), "node") != Describe(f2, new StringBuilder(), "node"))
                {
                    return "state after ReadOuterXml differs";
                }
            }
        }
        catch (XmlException e)
        {
            return $"node {node}: the fast reader accepted a document System.Xml rejects: {e.Message}";
        }
        f.Close();
        s.Close();
        return f.ReadState == s.ReadState ? null : "closed state differs";
    }

    private static string Describe(XmlReader r, StringBuilder sb, string what)
    {
        var li = (IXmlLineInfo)r;
        sb.Append(CultureInfo.InvariantCulture, $"{what} {r.ReadState} eof={r.EOF} {Fields(r)}");
        if (r.NodeType is not (XmlNodeType.Element or XmlNodeType.XmlDeclaration))
        {
            sb.Append(CultureInfo.InvariantCulture, $" ns:{Scope(r)}");
            return sb.ToString();
        }
        var count = r.AttributeCount;
        sb.Append(CultureInfo.InvariantCulture, $" attrs={count} ns:{Scope(r)}");
        for (var i = 0; i < count; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $" [{i}]={r.GetAttribute(i)}");
        }
        var names = new List<(string Name, string Local, string Ns)>();
        var k = 0;
        if (r.MoveToFirstAttribute())
        {
            do
            {
                sb.Append(CultureInfo.InvariantCulture, $"\n   @{k++} {Fields(r)} lookup={r.LookupNamespace(r.Prefix)}");
                names.Add((r.Name, r.LocalName, r.NamespaceURI));
                if (r.ReadAttributeValue())
                {
                    sb.Append(CultureInfo.InvariantCulture, $" value-node: {Fields(r)} again={r.ReadAttributeValue()}");
                }
            }
            while (r.MoveToNextAttribute());
            sb.Append(CultureInfo.InvariantCulture, $" back={r.MoveToElement()} {r.NodeType} {li.LineNumber}:{li.LinePosition}");
        }
        foreach (var (name, local, ns) in names)
        {
            sb.Append(CultureInfo.InvariantCulture, $"\n   get {name}={r.GetAttribute(name)} {local}/{ns}={r.GetAttribute(local, ns)} moved={r.MoveToAttribute(local, ns)}:{r.Name}");
            r.MoveToElement();
            sb.Append(CultureInfo.InvariantCulture, $" moved={r.MoveToAttribute(name)}:{r.LocalName}");
            r.MoveToElement();
        }
        sb.Append(CultureInfo.InvariantCulture, $" missing={r.GetAttribute("nope")}|{r.GetAttribute("x:nope")}|{r.GetAttribute("href", "urn:nope")}");
        if (count > 0)
        {
            r.MoveToAttribute(count - 1);
            sb.Append(CultureInfo.InvariantCulture, $" last={r.Name} next={r.MoveToNextAttribute()} {r.Name}");
            r.MoveToElement();
        }
        return sb.ToString();
    }

    private static string Fields(XmlReader r)
    {
        var li = (IXmlLineInfo)r;
        return string.Create(CultureInfo.InvariantCulture,
            $"{r.NodeType} name={r.Name} local={r.LocalName} ns={r.NamespaceURI} prefix={r.Prefix} value=[{r.Value}] hasValue={r.HasValue} depth={r.Depth} empty={r.IsEmptyElement} space={r.XmlSpace} lang={r.XmlLang} base={r.BaseURI} at={li.LineNumber}:{li.LinePosition} default={r.IsDefault} quote={r.QuoteChar} attrs={r.HasAttributes}");
    }

    private static string Scope(XmlReader r)
    {
        var resolver = (IXmlNamespaceResolver)r;
        var sb = new StringBuilder();
        foreach (var scope in new[] { XmlNamespaceScope.All, XmlNamespaceScope.Local })
        {
            foreach (var kv in resolver.GetNamespacesInScope(scope).OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                sb.Append(CultureInfo.InvariantCulture, $"{kv.Key}={kv.Value};");
            }
            sb.Append('|');
        }
        sb.Append(CultureInfo.InvariantCulture, $"{r.LookupNamespace("")}|{r.LookupNamespace("xml")}|{r.LookupNamespace("xmlns")}|{r.LookupNamespace("link")}|{resolver.LookupPrefix("http://www.w3.org/1999/xlink")}");
        return sb.ToString();
    }
}
