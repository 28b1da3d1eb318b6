using System.Buffers;
using System.Globalization;
using System.Text;
using System.Xml;
using EdgarSharp.Internal;
using EdgarSharp.Internal.Xml;
using Microsoft.Win32.SafeHandles;

namespace EdgarSharp.Xbrl.Internal;

/// <summary>
/// Discovers and reads the documents of a DTS (XBRL 2.1 section 3.2), forward-only, each document once, then
/// resolves locators, builds relationships and applies prohibition and override.
/// </summary>
internal sealed partial class DtsLoader
{
    private readonly XbrlLoadOptions options;

    public DtsLoader(XbrlLoadOptions options)
    {
        this.options = options;
        _atoms = new AtomizedNames(_names);
    }

    internal const string UnknownNamespacePrefix = "urn:edgarsharp:unknown-namespace:";

    private readonly DiagnosticBag _diagnostics = new();
    private readonly Dictionary<string, TaxonomyDocument> _documents = new(StringComparer.Ordinal);
    private readonly List<TaxonomyDocument> _documentOrder = [];
    private readonly Queue<PendingDocument> _queue = new();
    private readonly Dictionary<string, DocumentIndex> _indexes = new(StringComparer.Ordinal);
    private readonly Dictionary<QName, Concept> _concepts = [];
    private readonly List<Concept> _conceptList = [];
    private readonly List<RoleType> _roleTypes = [];
    private readonly List<ArcroleType> _arcroleTypes = [];
    private readonly List<ExtendedLink> _links = [];
    private readonly XmlNameTable _names = new NameTable();
    private readonly Dictionary<QName, QName> _typeBases = [];

    /// <summary>The schema documents (keys) with content XML Schema leaves to lax assessment: see <see cref="LaxSchemaContentValidation"/>.</summary>
    private readonly HashSet<string> _laxSchemaDocuments = new(StringComparer.Ordinal);

    /// <summary>The schema documents (keys) of a namespace other than XBRL's with sequence or choice groups: see <see cref="SchemaCompilation"/>.</summary>
    private readonly HashSet<string> _contentModelDocuments = new(StringComparer.Ordinal);

    /// <summary>The global attribute declarations read (name to type; an anonymous type gets a name of its own in <see cref="_typeBases"/>).</summary>
    private readonly Dictionary<QName, QName> _attributeTypes = [];
    private readonly AtomizedNames _atoms;

    /// <summary>Attribute names atomized in the loader's name table: compared by reference, one pass per element.</summary>
    private sealed class AtomizedNames(XmlNameTable t)
    {
        public readonly string Id = t.Add("id"), Type = t.Add("type"), Href = t.Add("href"), Label = t.Add("label"), Role = t.Add("role"),
            Base = t.Add("base"), Lang = t.Add("lang"), Space = t.Add("space"), XLink = t.Add(XbrlNamespaces.XLink), Xml = t.Add(XbrlNamespaces.Xml),
            Xmlns = t.Add("http://www.w3.org/2000/xmlns/"),
            Empty = t.Add("");
    }

    /// <summary>The attributes every element is asked for, read in one pass.</summary>
    private struct ElementAttributes
    {
        public string? Id, XlinkType, Href, Label, Role, XmlBase, XmlLang, XmlSpace;
    }

    private ElementAttributes ScanAttributes(XmlReader r)
    {
        if (r is Utf8XmlReader fast)
        {
            return ScanAttributes(fast);
        }
        var a = default(ElementAttributes);
        if (!r.MoveToFirstAttribute())
        {
            return a;
        }
        var n = _atoms;
        do
        {
            var ns = r.NamespaceURI;
            var local = r.LocalName;
            if (ReferenceEquals(ns, n.XLink))
            {
                if (ReferenceEquals(local, n.Type)) a.XlinkType = r.Value;
                else if (ReferenceEquals(local, n.Href)) a.Href = r.Value;
                else if (ReferenceEquals(local, n.Label)) a.Label = r.Value;
                else if (ReferenceEquals(local, n.Role)) a.Role = r.Value;
            }
            else if (ReferenceEquals(ns, n.Empty))
            {
                if (ReferenceEquals(local, n.Id)) a.Id = r.Value;
            }
            else if (ReferenceEquals(ns, n.Xml))
            {
                if (ReferenceEquals(local, n.Base)) a.XmlBase = r.Value;
                else if (ReferenceEquals(local, n.Lang)) a.XmlLang = r.Value;
                else if (ReferenceEquals(local, n.Space)) a.XmlSpace = r.Value;
            }
        }
        while (r.MoveToNextAttribute());
        r.MoveToElement();
        return a;
    }

    /// <summary>The xlink:type values a linkbase is made of, recognised from their bytes; null for any other (decoded as usual).</summary>
    private static string? XlinkType(ReadOnlySpan<byte> raw) => raw switch
    {
        [(byte)'l', ..] when raw.SequenceEqual("locator"u8) => "locator",
        [(byte)'a', ..] when raw.SequenceEqual("arc"u8) => "arc",
        [(byte)'r', ..] when raw.SequenceEqual("resource"u8) => "resource",
        [(byte)'e', ..] when raw.SequenceEqual("extended"u8) => "extended",
        [(byte)'s', ..] when raw.SequenceEqual("simple"u8) => "simple",
        _ => null,
    };

    /// <summary>The same pass over the fast reader's attributes by index: no moves, no virtual calls.</summary>
    private ElementAttributes ScanAttributes(Utf8XmlReader r)
    {
        var a = default(ElementAttributes);
        var n = _atoms;
        var count = r.ElementAttributeCount;
        for (var i = 0; i < count; i++)
        {
            var (ns, local) = r.AttributeNameAt(i);
            if (ReferenceEquals(ns, n.XLink))
            {
                if (ReferenceEquals(local, n.Type)) a.XlinkType = XlinkType(r.AttributeBytesAt(i)) ?? r.AttributeValueAt(i);
                else if (ReferenceEquals(local, n.Href)) a.Href = r.AttributeValueAt(i);
                else if (ReferenceEquals(local, n.Label)) a.Label = r.AttributeValueAt(i);
                else if (ReferenceEquals(local, n.Role)) a.Role = r.AttributeValueAt(i);
            }
            else if (ReferenceEquals(ns, n.Empty))
            {
                if (ReferenceEquals(local, n.Id)) a.Id = r.AttributeValueAt(i);
            }
            else if (ReferenceEquals(ns, n.Xml))
            {
                if (ReferenceEquals(local, n.Base)) a.XmlBase = r.AttributeValueAt(i);
                else if (ReferenceEquals(local, n.Lang)) a.XmlLang = r.AttributeValueAt(i);
                else if (ReferenceEquals(local, n.Space)) a.XmlSpace = r.AttributeValueAt(i);
            }
        }
        return a;
    }
    private readonly Dictionary<string, string> _redirects = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Base, string Reference), string?> _resolved = [];

    /// <summary>
    /// Resolves an href into its document URL (one string instance per distinct document, from the cache) and its
    /// fragment; <c>ok</c> false when the reference is not a valid URI.
    /// </summary>
    private (string Url, string Fragment, bool Ok) ResolveHref(string baseUrl, string href)
    {
        if (!ReferenceEquals(baseUrl, _hrefBase))
        {
            if (!_hrefCaches.TryGetValue(baseUrl, out var cache))
            {
                _hrefCaches[baseUrl] = cache = new Dictionary<string, string?>(StringComparer.Ordinal);
            }
            _hrefBase = baseUrl;
            _hrefCache = cache.GetAlternateLookup<ReadOnlySpan<char>>();
            _lastHrefPart = null;
            _otherHrefPart = null;
        }
        int hash;
        string? absolute;
        // The same document as one of the last two hrefs against this base (locators name a schema many times in a
        // row, or alternate between an extension schema and its base taxonomy): no search for '#', no lookup.
        if (NamesDocument(href, _lastHrefPart))
        {
            hash = _lastHrefPart!.Length;
            absolute = _lastHrefAbsolute;
        }
        else if (NamesDocument(href, _otherHrefPart))
        {
            hash = _otherHrefPart!.Length;
            absolute = _otherHrefAbsolute;
            (_lastHrefPart, _lastHrefAbsolute, _otherHrefPart, _otherHrefAbsolute) = (_otherHrefPart, _otherHrefAbsolute, _lastHrefPart, _lastHrefAbsolute);
        }
        else
        {
            (_otherHrefPart, _otherHrefAbsolute) = (_lastHrefPart, _lastHrefAbsolute);
            hash = href.IndexOf('#', StringComparison.Ordinal);
            var documentPart = hash < 0 ? href.AsSpan() : href.AsSpan(0, hash);
            if (!_hrefCache.TryGetValue(documentPart, out var part, out absolute))
            {
                part = documentPart.ToString();
                absolute = Resolve(baseUrl, part);
                _hrefCache.Dictionary[part] = absolute;
            }
            (_lastHrefPart, _lastHrefAbsolute) = (part, absolute);
        }
        var fragment = "";
        if (hash >= 0)
        {
            // Fragments (ids) repeat across links and filings: one string per distinct id.
            fragment = _strings.Get(href.AsSpan(hash + 1));
            if (fragment.Contains('%', StringComparison.Ordinal))
            {
                fragment = Uri.UnescapeDataString(fragment);
            }
        }
        return absolute is null ? ("", "", false) : (absolute, fragment, true);
    }

    private string? _hrefBase;
    private string? _lastHrefPart;
    private string? _lastHrefAbsolute;
    private string? _otherHrefPart;
    private string? _otherHrefAbsolute;

    /// <summary>True when <paramref name="href"/> is <paramref name="documentPart"/> followed by a fragment.</summary>
    private static bool NamesDocument(string href, string? documentPart) =>
        documentPart is not null && href.Length > documentPart.Length && href[documentPart.Length] == '#'
        && href.StartsWith(documentPart, StringComparison.Ordinal);
    private Dictionary<string, string?>.AlternateLookup<ReadOnlySpan<char>> _hrefCache;
    private readonly Dictionary<string, Dictionary<string, string?>> _hrefCaches = new(StringComparer.Ordinal);
    private readonly SharedStrings _strings = SharedStrings.Current;

    /// <summary>Resolves a reference against a base URL, once per distinct document part (locators repeat them by the thousand).</summary>
    private string? Resolve(string baseUrl, string reference)
    {
        var hash = reference.IndexOf('#', StringComparison.Ordinal);
        var documentPart = hash < 0 ? reference : reference[..hash];
        if (!_resolved.TryGetValue((baseUrl, documentPart), out var absolute))
        {
            absolute = documentPart.Length == 0 ? UrlUtil.Resolve(baseUrl, "") : UrlUtil.Resolve(baseUrl, documentPart);
            if (absolute is not null)
            {
                absolute = UrlUtil.SplitFragment(absolute).Url;
            }
            _resolved[(baseUrl, documentPart)] = absolute;
        }
        return absolute is null ? null : hash < 0 ? absolute : absolute + reference[hash..];
    }

    /// <summary>Linkbase-level references checked by the validator.</summary>
    internal List<LinkbaseRefInfo> LinkbaseRefs { get; } = [];

    /// <summary>The schemaRefs met, their hrefs resolved against their <c>xml:base</c>: the validator checks each names a schema.</summary>
    internal List<(SourceLocation Location, string Href, string TargetUrl)> SchemaRefs { get; } = [];

    internal List<RefInfo> RoleRefs { get; } = [];

    internal List<RefInfo> ArcroleRefs { get; } = [];

    /// <summary>The xml:lang values of resources not already known to be valid, with where they stand (for the validator).</summary>
    internal List<(string DocumentUrl, SourceLocation Location, string Lang)> LanguageValues { get; } = [];

    private readonly HashSet<string> _validLanguages = new(StringComparer.Ordinal);

    private readonly record struct PendingDocument(string Url, SourceLocation? ReferencedFrom, bool FromFolder);

    /// <summary>What is known of the elements of one read document, for locator resolution.</summary>
    internal sealed class DocumentIndex
    {
        public Dictionary<string, XbrlElement> ById { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, XbrlElement> ByPath { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, string> IdToPath { get; } = new(StringComparer.Ordinal);
        public HashSet<string> AllPaths { get; } = new(StringComparer.Ordinal);
    }

    internal sealed record LinkbaseRefInfo(string DocumentUrl, SourceLocation Location, string? Href, string? TargetUrl, string? Role, string? Arcrole, string? XlinkType);

    internal sealed record RefInfo(string DocumentUrl, SourceLocation Location, string Uri, string? Href, string? TargetUrl, string? Fragment, int Linkbase = 0);

    public Dts Load(IReadOnlyList<string> entryUrls)
    {
        foreach (var url in entryUrls)
        {
            Enqueue(url, null);
        }
        Drain();
        return Finish(entryUrls);
    }

    public Dts LoadFolder(string folder)
    {
        // Entry points: instances if any, else schemas, else linkbases; everything else in the folder is added after discovery.
        var files = System.IO.Directory.EnumerateFiles(folder).OrderBy(f => f, StringComparer.Ordinal).ToList();
        var kinds = files.Select(f => (Path: f, Kind: Sniff(f))).Where(x => x.Kind != TaxonomyDocumentType.Other).ToList();
        var entries = kinds.Where(k => k.Kind == TaxonomyDocumentType.Instance).Select(k => k.Path).ToList();
        if (entries.Count == 0)
        {
            entries = kinds.Where(k => k.Kind == TaxonomyDocumentType.Schema).Select(k => k.Path).ToList();
        }
        if (entries.Count == 0)
        {
            entries = kinds.Where(k => k.Kind == TaxonomyDocumentType.Linkbase).Select(k => k.Path).ToList();
        }
        var entryUrls = entries.Select(UrlUtil.FromPath).ToList();
        foreach (var url in entryUrls)
        {
            Enqueue(url, null);
        }
        Drain();
        foreach (var (path, kind) in kinds)
        {
            if (kind == TaxonomyDocumentType.Instance)
            {
                continue;
            }
            var url = UrlUtil.FromPath(path);
            if (!_documents.ContainsKey(KeyOf(url)))
            {
                _diagnostics.Warning("edgar:documentNotDiscovered",
                    $"The {(kind == TaxonomyDocumentType.Schema ? "schema" : "linkbase")} '{Path.GetFileName(path)}' is in the filing folder but no document of the DTS refers to it; it was added to the DTS. Check that the filing's file names match the names its documents use.",
                    new SourceLocation(path));
                _queue.Enqueue(new PendingDocument(url, null, true));
                Drain();
            }
        }
        RedirectMissingSchemasInFolder(folder);
        return Finish(entryUrls);
    }

    /// <summary>
    /// A filing folder whose documents name each other by another date than the files on disk (the instance names
    /// <c>aapl-20100925.xsd</c>, the folder holds <c>aapl-20101027.xsd</c>; some schemas are stored as
    /// <c>*.xsd.xml</c>): a missing document of the folder is taken to be the one present document with the same
    /// prefix and the same ending (<c>.xsd</c>, <c>_cal.xml</c>, ...), with a warning.
    /// </summary>
    private void RedirectMissingSchemasInFolder(string folder)
    {
        var folderUrl = UrlUtil.FromPath(folder.EndsWith('/') ? folder : folder + "/");
        var present = _documentOrder.Where(d => !d.IsMissing && d.Type is TaxonomyDocumentType.Schema or TaxonomyDocumentType.Linkbase
            && d.Url.StartsWith(folderUrl, StringComparison.Ordinal)).ToList();
        foreach (var missing in _documentOrder.Where(d => d.IsMissing && d.Url.StartsWith(folderUrl, StringComparison.Ordinal)).ToList())
        {
            var (prefix, ending) = NameParts(UrlUtil.FileName(missing.Url));
            var candidates = present.Where(p => NameParts(UrlUtil.FileName(p.Url)) == (prefix, ending)).ToList();
            if (candidates.Count == 1)
            {
                _redirects[KeyOf(missing.Url)] = KeyOf(candidates[0].Url);
                if (_missingWarnings.TryGetValue(missing, out var notFound))
                {
                    // One warning per document: the renaming says it all.
                    _diagnostics.Remove(notFound);
                }
                _diagnostics.Warning("edgar:documentRenamed",
                    $"'{UrlUtil.FileName(missing.Url)}' is not in the filing folder; '{UrlUtil.FileName(candidates[0].Url)}', the folder's only document with the same prefix and ending, was used in its place.",
                    new SourceLocation(UrlUtil.ToPath(missing.Url) ?? missing.Url));
            }
        }

        // "aapl-20100925_cal.xml" -> ("aapl", "_cal.xml"); "gahc-20240930.xsd.xml" -> ("gahc", ".xsd").
        static (string Prefix, string Ending) NameParts(string fileName)
        {
            if (fileName.EndsWith(".xsd.xml", StringComparison.OrdinalIgnoreCase))
            {
                fileName = fileName[..^4];
            }
            var dash = fileName.IndexOf('-', StringComparison.Ordinal);
            if (dash < 0)
            {
                return (fileName, "");
            }
            var i = dash + 1;
            while (i < fileName.Length && char.IsAsciiDigit(fileName[i]))
            {
                i++;
            }
            return (fileName[..dash], fileName[i..].ToLowerInvariant());
        }
    }

    private static TaxonomyDocumentType Sniff(string path)
    {
        try
        {
            // The head read through a bare handle (no stream, no buffer); a stream only for the rare XML reader below.
            Span<byte> start = stackalloc byte[4096];
            int read;
            using (var handle = File.OpenHandle(path))
            {
                read = 0;
                int got;
                while (read < start.Length && (got = RandomAccess.Read(handle, start[read..], read)) > 0)
                {
                    read += got;
                }
            }
            // Only markup is worth an XML reader: a file whose first non-blank byte (after a BOM) is not '<' is not XML.
            var n = Math.Min(read, 64);
            var head = start[..n];
            var i = n >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF ? 3 : 0;
            while (i < n && head[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                i++;
            }
            if (i >= n || head[i] != (byte)'<')
            {
                return TaxonomyDocumentType.Other;
            }
            if (SniffRootElement(start[..read]) is { } known)
            {
                return known;
            }
            using var stream = File.OpenRead(path);
            using var reader = SafeXml.Create(stream, UrlUtil.FromPath(path));
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element)
                {
                    return Classify(reader.NamespaceURI, reader.LocalName);
                }
            }
        }
        catch (XmlException)
        {
        }
        catch (IOException)
        {
        }
        return TaxonomyDocumentType.Other;
    }

    /// <summary>
    /// The kind of a document from the start tag of its root element, read from the first bytes without an XML
    /// reader; null when the bytes are not plain enough to be sure (then an XML reader decides). Plain means ASCII
    /// up to the end of the root's start tag, only an XML declaration, comments and processing instructions before it,
    /// no DOCTYPE, no entity or character reference in the namespace declaration.
    /// </summary>
    internal static TaxonomyDocumentType? SniffRootElement(ReadOnlySpan<byte> bytes)
    {
        var i = bytes.StartsWith("\uFEFF"u8) ? 3 : 0;
        while (true)
        {
            while (i < bytes.Length && bytes[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                i++;
            }
            if (i + 1 >= bytes.Length || bytes[i] != (byte)'<')
            {
                return null;
            }
            var rest = bytes[i..];
            if (rest.StartsWith("<?"u8))
            {
                var end = rest.IndexOf("?>"u8);
                if (end < 0)
                {
                    return null;
                }
                i += end + 2;
                continue;
            }
            if (rest.StartsWith("<!--"u8))
            {
                var end = rest[4..].IndexOf("-->"u8);
                if (end < 0)
                {
                    return null;
                }
                i += 4 + end + 3;
                continue;
            }
            if (rest[1] == (byte)'!')
            {
                // A DOCTYPE (or anything else unusual): the XML reader decides.
                return null;
            }
            break;
        }
        var tag = bytes[(i + 1)..];
        var close = tag.IndexOf((byte)'>');
        if (close < 0 || !IsAsciiWithWhitespace(tag[..close]))
        {
            return null;
        }
        tag = tag[..close];
        var nameEnd = tag.IndexOfAny(" \t\r\n/"u8);
        var name = nameEnd < 0 ? tag : tag[..nameEnd];
        var colon = name.IndexOf((byte)':');
        var prefix = colon < 0 ? [] : name[..colon];
        var local = colon < 0 ? name : name[(colon + 1)..];
        // The namespace declaration for the prefix: xmlns:prefix="..." (or xmlns="..." without a prefix), either quote.
        var attributes = nameEnd < 0 ? [] : tag[nameEnd..];
        string? ns = null;
        while (attributes.Length > 0)
        {
            var equals = attributes.IndexOf((byte)'=');
            if (equals < 0)
            {
                break;
            }
            var attributeName = attributes[..equals].Trim(" \t\r\n"u8);
            var afterEquals = attributes[(equals + 1)..].TrimStart(" \t\r\n"u8);
            if (afterEquals.Length == 0 || afterEquals[0] is not ((byte)'"' or (byte)'\''))
            {
                return null;
            }
            var valueEnd = afterEquals[1..].IndexOf(afterEquals[0]);
            if (valueEnd < 0)
            {
                return null;
            }
            var value = afterEquals.Slice(1, valueEnd);
            var isDeclaration = prefix.IsEmpty
                ? attributeName.SequenceEqual("xmlns"u8)
                : attributeName.StartsWith("xmlns:"u8) && attributeName[6..].SequenceEqual(prefix);
            if (isDeclaration)
            {
                if (value.Contains((byte)'&'))
                {
                    return null;
                }
                ns = System.Text.Encoding.ASCII.GetString(value);
            }
            attributes = afterEquals[(valueEnd + 2)..];
        }
        if (ns is null)
        {
            // The prefix is declared nowhere in the tag (or is xml's): only an XML reader can say.
            return null;
        }
        return Classify(ns, System.Text.Encoding.ASCII.GetString(local));

        static bool IsAsciiWithWhitespace(ReadOnlySpan<byte> span)
        {
            foreach (var b in span)
            {
                if (b is not ((>= 0x20 and <= 0x7E) or (byte)'\t' or (byte)'\r' or (byte)'\n'))
                {
                    return false;
                }
            }
            return true;
        }
    }

    private static TaxonomyDocumentType Classify(string ns, string local) => (ns, local) switch
    {
        (XbrlNamespaces.Xsd, "schema") => TaxonomyDocumentType.Schema,
        (XbrlNamespaces.Link, "linkbase") => TaxonomyDocumentType.Linkbase,
        (XbrlNamespaces.Xbrli, "xbrl") => TaxonomyDocumentType.Instance,
        _ => TaxonomyDocumentType.Other,
    };

    private string? _lastKeyUrl, _lastKey;
    private readonly Dictionary<string, string> _httpsKeys = new(StringComparer.Ordinal);

    /// <summary>
    /// <see cref="UrlUtil.Key"/> without a new string per call: an <c>https</c> URL's key is made once and kept, and
    /// the last URL asked for is remembered by reference (locators ask for the same document URL instance in runs).
    /// </summary>
    private string KeyOf(string url)
    {
        if (ReferenceEquals(url, _lastKeyUrl))
        {
            return _lastKey!;
        }
        string key;
        if (!url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            key = UrlUtil.Key(url);
        }
        else if (!_httpsKeys.TryGetValue(url, out key!))
        {
            _httpsKeys[url] = key = UrlUtil.Key(url);
        }
        (_lastKeyUrl, _lastKey) = (url, key);
        return key;
    }

    private string? _lastEnqueued;
    private string? _lastEnqueuedBefore;

    private void Enqueue(string url, SourceLocation? from)
    {
        // Locators name the same document thousands of times in a row, or alternate between two (an extension schema
        // and its base taxonomy): a reference check settles those.
        if (ReferenceEquals(url, _lastEnqueued))
        {
            return;
        }
        if (ReferenceEquals(url, _lastEnqueuedBefore))
        {
            (_lastEnqueued, _lastEnqueuedBefore) = (url, _lastEnqueued);
            return;
        }
        (_lastEnqueued, _lastEnqueuedBefore) = (url, _lastEnqueued);
        var (docUrl, _) = UrlUtil.SplitFragment(url);
        if (docUrl.Length == 0)
        {
            return;
        }
        if (_documents.ContainsKey(KeyOf(docUrl)))
        {
            return;
        }
        // Register now so that each document is read once, whatever cycle of imports reaches it again.
        var doc = new TaxonomyDocument(docUrl, TaxonomyDocumentType.Other);
        _documents[KeyOf(docUrl)] = doc;
        _documentOrder.Add(doc);
        _queue.Enqueue(new PendingDocument(docUrl, from, false));
    }

    private void Drain()
    {
        while (_queue.Count > 0)
        {
            var pending = _queue.Dequeue();
            if (!_documents.TryGetValue(KeyOf(pending.Url), out var doc))
            {
                doc = new TaxonomyDocument(pending.Url, TaxonomyDocumentType.Other);
                _documents[KeyOf(pending.Url)] = doc;
                _documentOrder.Add(doc);
            }
            doc.AddedFromFolder = pending.FromFolder;
            if (_documentOrder.Count > options.MaxDocuments)
            {
                _diagnostics.Error("edgar:tooManyDocuments", $"Discovery reached more than {options.MaxDocuments} documents and stopped; raise XbrlLoadOptions.MaxDocuments if the taxonomy really is that large.", pending.ReferencedFrom);
                _queue.Clear();
                return;
            }
            ReadDocument(doc, pending.ReferencedFrom);
        }
    }

    private void ReadDocument(TaxonomyDocument doc, SourceLocation? referencedFrom)
    {
        // Each document is read whole into a pooled buffer and given to SafeXml's reader over bytes (the fast reader
        // for plain documents, System.Xml's otherwise); a package entry larger than the limit is streamed instead, so
        // that the limit is reported as before.
        Stream? stream = null;
        byte[]? buffer = null;
        var length = 0;
        string location;
        try
        {
            if (UrlUtil.IsFile(doc.Url))
            {
                var path = UrlUtil.ToPath(doc.Url)!;
                location = path;
                SafeFileHandle handle;
                try
                {
                    handle = File.OpenHandle(path);
                }
                catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException || (e is UnauthorizedAccessException && Directory.Exists(path)))
                {
                    Missing(doc, referencedFrom, null);
                    return;
                }
                long fileLength;
                try
                {
                    fileLength = RandomAccess.GetLength(handle);
                }
                catch
                {
                    handle.Dispose();
                    throw;
                }
                if (fileLength > options.MaxDocumentBytes)
                {
                    handle.Dispose();
                    doc.IsMissing = true;
                    _diagnostics.Error("edgar:documentTooLarge", $"The document is {fileLength} bytes, over the limit of {options.MaxDocumentBytes}; it was not read. Raise XbrlLoadOptions.MaxDocumentBytes if it is genuine.", new SourceLocation(path));
                    return;
                }
                (buffer, length, stream) = ReadFile(handle, (int)fileLength);
            }
            else if (options.Catalog.TryResolve(doc.Url, out var resolved))
            {
                location = resolved.Location;
                (buffer, length) = SafeXml.ReadWhole(options.Catalog.Open(resolved), options.MaxDocumentBytes);
                if (buffer is null)
                {
                    stream = options.Catalog.Open(resolved);
                }
            }
            else
            {
                Missing(doc, referencedFrom, null);
                return;
            }
        }
        catch (IOException e)
        {
            Missing(doc, referencedFrom, e.Message);
            return;
        }
        catch (UnauthorizedAccessException e)
        {
            Missing(doc, referencedFrom, e.Message);
            return;
        }
        catch (InvalidDataException e)
        {
            doc.IsMissing = true;
            _diagnostics.Error("edgar:packageEntryCorrupt", $"The taxonomy package entry for '{doc.Url}' is corrupt ({e.Message}); it was not read. Replace the package.", referencedFrom);
            return;
        }

        doc.Location = location;
        try
        {
            var settings = SafeXml.Settings(options.MaxDocumentBytes);
            settings.NameTable = _names;
            using var reader = buffer is not null
                ? SafeXml.Create(buffer.AsMemory(0, length), doc.Url, settings)
                : XmlReader.Create(stream!, settings, doc.Url);
            var state = new ReadState(doc, location, reader);
            try
            {
                ReadRoot(state);
            }
            catch (XmlException e)
            {
                _diagnostics.Error("xml:notWellFormed", $"The document is not well-formed XML: {e.Message} Fix the XML; what was read before this point is kept.", new SourceLocation(location, e.LineNumber, e.LinePosition));
            }
            catch (DepthLimitException e)
            {
                _diagnostics.Error("edgar:tooDeep", $"Elements nest deeper than {options.MaxDepth} levels; the rest of the document was not read.", new SourceLocation(location, e.Line, e.Column));
            }
        }
        finally
        {
            stream?.Dispose();
            if (buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    /// <summary>
    /// Reads a file whole into a pooled buffer, through one handle: its first bytes first, and when they show an XBRL
    /// instance root, a stream over the file instead (an instance is read only up to its references, not whole).
    /// </summary>
    private static (byte[]? Buffer, int Length, Stream? Stream) ReadFile(SafeFileHandle handle, int fileLength)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(fileLength, 1));
        try
        {
            var length = RandomAccess.Read(handle, buffer.AsSpan(0, Math.Min(fileLength, 4096)), 0);
            if (SniffRootElement(buffer.AsSpan(0, length)) == TaxonomyDocumentType.Instance)
            {
                ArrayPool<byte>.Shared.Return(buffer);
                return (null, 0, new FileStream(handle, FileAccess.Read));
            }
            while (length < fileLength)
            {
                var read = RandomAccess.Read(handle, buffer.AsSpan(length, fileLength - length), length);
                if (read == 0)
                {
                    break;
                }
                length += read;
            }
            handle.Dispose();
            return (buffer, length, null);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            handle.Dispose();
            throw;
        }
    }

    private void Missing(TaxonomyDocument doc, SourceLocation? referencedFrom, string? reason)
    {
        doc.IsMissing = true;
        var what = doc.Url.EndsWith(".xsd", StringComparison.OrdinalIgnoreCase) ? "schema" : "document";
        var message = UrlUtil.IsFile(doc.Url)
            ? $"The {what} '{UrlUtil.FileName(doc.Url)}' was not found{(reason is null ? "" : " (" + reason.TrimEnd('.') + ")")}. Its concepts are known only by the names locators give them; put the file beside the documents that refer to it for a complete DTS."
            : $"The {what} '{doc.Url}' is not in the taxonomy catalog and was not fetched (EdgarSharp works offline). Its concepts are known only by their names; register a taxonomy package or a cache folder that holds it for a complete DTS.";
        var diagnostic = Diagnostic.Warning("edgar:schemaNotFound", message, referencedFrom);
        _diagnostics.Add(diagnostic);
        _missingWarnings[doc] = diagnostic;
    }

    private readonly Dictionary<TaxonomyDocument, Diagnostic> _missingWarnings = new(ReferenceEqualityComparer.Instance);

    private sealed class DepthLimitException(int line, int column) : Exception
    {
        public int Line { get; } = line;
        public int Column { get; } = column;
    }

    /// <summary>Per-document reading state: base URIs by depth (<c>xml:base</c>), element paths, language in scope.</summary>
    private sealed class ReadState
    {
        public ReadState(TaxonomyDocument doc, string location, XmlReader reader)
        {
            Doc = doc;
            Location = location;
            Reader = reader;
            LineInfo = reader as IXmlLineInfo;
        }

        public TaxonomyDocument Doc { get; }
        public string Location { get; }
        public XmlReader Reader { get; }
        public IXmlLineInfo? LineInfo { get; }
        public List<string> Bases { get; } = [];
        public List<int> ChildCounts { get; } = [0];
        public List<string?> Langs { get; } = [];
        public DocumentIndex Index { get; set; } = null!;

        /// <summary>The depth of the xs:appinfo being read, or -1.</summary>
        public int AppinfoDepth { get; set; } = -1;

        /// <summary>Counts the link:linkbase elements met (a schema can embed several).</summary>
        public int LinkbaseOrdinal { get; set; }

        /// <summary>True once the schema is known to hold sequence or choice groups (content models to check).</summary>
        public bool HasContentModel { get; set; }

        /// <summary>True once the schema is known to hold content left to lax assessment (appinfo content, foreign attributes).</summary>
        public bool HasLaxContent { get; set; }

        /// <summary>The named top-level type being read, until its base type is found.</summary>
        public QName? CurrentTypeName { get; set; }

        public SourceLocation Here() => LineInfo is { } li && li.HasLineInfo() ? new SourceLocation(Location, li.LineNumber, li.LinePosition) : new SourceLocation(Location);
    }

    private void ReadRoot(ReadState s)
    {
        var r = s.Reader;
        while (r.Read() && r.NodeType != XmlNodeType.Element)
        {
        }
        if (r.NodeType != XmlNodeType.Element)
        {
            _diagnostics.Error("xml:noRootElement", "The document has no root element.", s.Here());
            return;
        }
        var type = Classify(r.NamespaceURI, r.LocalName);
        s.Doc.Type = type;
        s.Index = GetIndex(s.Doc.Url);
        switch (type)
        {
            case TaxonomyDocumentType.Schema:
                ReadSchema(s);
                break;
            case TaxonomyDocumentType.Linkbase:
                ReadElementTree(s, inSchema: false);
                break;
            case TaxonomyDocumentType.Instance:
                ReadInstanceReferences(s);
                break;
            default:
                // A href reached something that is neither a schema nor a linkbase: index its ids, nothing more.
                ReadElementTree(s, inSchema: false);
                break;
        }
    }

    private DocumentIndex GetIndex(string url)
    {
        var key = KeyOf(url);
        if (!_indexes.TryGetValue(key, out var index))
        {
            _indexes[key] = index = new DocumentIndex();
        }
        return index;
    }

    private void ReadSchema(ReadState s)
    {
        var r = s.Reader;
        var targetNamespace = r.GetAttribute("targetNamespace");
        s.Doc.TargetNamespace = targetNamespace;
        if (targetNamespace is { Length: 0 })
        {
            _diagnostics.Error("xbrl.5.1", "The taxonomy schema's targetNamespace is empty; a taxonomy schema must name its namespace.", s.Here());
        }
        ReadElementTree(s, inSchema: true);
    }

    /// <summary>
    /// Walks the element tree from the current (root) element, tracking <c>xml:base</c>, <c>xml:lang</c> and
    /// element paths, and dispatches the elements that matter for the DTS.
    /// </summary>
    private void ReadElementTree(ReadState s, bool inSchema)
    {
        var r = s.Reader;
        var rootDepth = r.Depth;
        ExtendedLink? currentLink = null;
        var linkDepth = -1;
        do
        {
            if (r.NodeType == XmlNodeType.EndElement)
            {
                if (currentLink is not null && r.Depth == linkDepth)
                {
                    currentLink = null;
                    linkDepth = -1;
                }
                continue;
            }
            if (r.NodeType != XmlNodeType.Element)
            {
                continue;
            }
            var depth = r.Depth - rootDepth;
            if (depth > options.MaxDepth)
            {
                var (line, col) = SafeXml.Position(r);
                throw new DepthLimitException(line, col);
            }
            var attributes = ScanAttributes(r);
            Enter(s, depth, attributes.XmlBase, attributes.XmlLang);
            var ns = r.NamespaceURI;
            var local = r.LocalName;
            var id = attributes.Id;
            // Element paths serve element() pointers: every element of a schema, and the root and elements with ids elsewhere.
            var path = inSchema || depth == 0 || id is not null ? PathOf(s, depth) : "";
            if (inSchema)
            {
                s.Index.AllPaths.Add(path);
                if (s.AppinfoDepth >= depth)
                {
                    s.AppinfoDepth = -1;
                }
                if (local == "appinfo" && string.Equals(ns, XbrlNamespaces.Xsd, StringComparison.Ordinal))
                {
                    s.AppinfoDepth = depth;
                }
                else if (!s.HasLaxContent && NeedsLaxAssessment(s, depth, ns, local))
                {
                    s.HasLaxContent = true;
                    _laxSchemaDocuments.Add(KeyOf(s.Doc.Url));
                }
            }
            if (local == "linkbase" && string.Equals(ns, XbrlNamespaces.Link, StringComparison.Ordinal))
            {
                s.LinkbaseOrdinal++;
            }
            if (depth > 0 && s.Doc.Type == TaxonomyDocumentType.Other)
            {
                ReportNested(s, ns, local);
            }
            if (depth == 0)
            {
                s.Index.ByPath[path] = new OtherElement(s.Doc.Url, new QName(ns, local), id, s.Here());
            }

            if (id is not null)
            {
                s.Index.IdToPath.TryAdd(id, path);
            }

            if (string.Equals(ns, XbrlNamespaces.Xsd, StringComparison.Ordinal) && inSchema)
            {
                if (!s.HasContentModel && local is "sequence" or "choice" && !IsXbrlSpecificationNamespace(s.Doc.TargetNamespace))
                {
                    s.HasContentModel = true;
                    _contentModelDocuments.Add(KeyOf(s.Doc.Url));
                }
                if (depth == 1)
                {
                    s.CurrentTypeName = local is "complexType" or "simpleType" && r.GetAttribute("name") is { } typeName
                        ? new QName(s.Doc.TargetNamespace ?? "", typeName)
                        : local == "attribute" ? ReadAttributeDeclaration(s) : null;
                }
                else if (s.CurrentTypeName is { } typeName && local is "restriction" or "extension"
                    && ResolveQNameAttribute(s, r.GetAttribute("base")) is { } baseType)
                {
                    // The first restriction or extension in a named type's definition gives its base type.
                    _typeBases.TryAdd(typeName, baseType);
                    s.CurrentTypeName = null;
                }
                if (depth == 1 && local is "element")
                {
                    var concept = ReadConceptDeclaration(s, id);
                    if (concept is not null)
                    {
                        Register(s, id, path, concept);
                    }
                }
                else if (depth == 1 && local == "redefine")
                {
                    _diagnostics.Error("xbrl.5.1", "A taxonomy schema must not use xs:redefine.", s.Here());
                }
                else if (depth == 1 && local is "import" or "include")
                {
                    var schemaLocation = r.GetAttribute("schemaLocation");
                    if (!string.IsNullOrWhiteSpace(schemaLocation))
                    {
                        var target = Resolve(BaseOf(s, depth), schemaLocation);
                        if (target is not null)
                        {
                            Enqueue(target, s.Here());
                        }
                    }
                }
                else if (id is not null)
                {
                    Register(s, id, path, new OtherElement(s.Doc.Url, new QName(ns, local), id, s.Here()));
                }
                else
                {
                    s.Index.ByPath[path] = new OtherElement(s.Doc.Url, new QName(ns, local), null, s.Here());
                }
            }
            else if (string.Equals(ns, XbrlNamespaces.Link, StringComparison.Ordinal) && currentLink is null)
            {
                switch (local)
                {
                    case "linkbaseRef":
                        if (inSchema && s.AppinfoDepth < 0)
                        {
                            // XBRL 2.1 section 4.3: a schema's linkbaseRefs live in xs:appinfo; one in xs:documentation is not discovered.
                            break;
                        }
                        ReadLinkbaseRef(s, depth);
                        break;
                    case "schemaRef":
                        ReadSchemaRef(s, depth);
                        break;
                    case "roleRef":
                    case "arcroleRef":
                        ReadRoleRef(s, depth, local == "roleRef");
                        break;
                    case "roleType":
                        if (inSchema)
                        {
                            ReadRoleType(s, id, path);
                            continue;
                        }
                        break;
                    case "arcroleType":
                        if (inSchema)
                        {
                            ReadArcroleType(s, id, path);
                            continue;
                        }
                        break;
                    case "linkbase":
                        if (inSchema && s.Doc.Type == TaxonomyDocumentType.Schema)
                        {
                            // An embedded linkbase: its links are the schema's.
                        }
                        break;
                }
                if (id is not null && !s.Index.ById.ContainsKey(id))
                {
                    Register(s, id, path, new OtherElement(s.Doc.Url, new QName(ns, local), id, s.Here()));
                }
            }
            if (currentLink is null && attributes.XlinkType == "extended")
            {
                currentLink = StartExtendedLink(s, depth);
                linkDepth = r.Depth;
                if (r.IsEmptyElement)
                {
                    currentLink = null;
                    linkDepth = -1;
                }
                continue;
            }
            if (currentLink is not null && r.Depth == linkDepth + 1)
            {
                ReadLinkChild(s, depth, path, currentLink, in attributes);
            }
            else if (!inSchema && id is not null && !s.Index.ById.ContainsKey(id))
            {
                Register(s, id, path, new OtherElement(s.Doc.Url, new QName(ns, local), id, s.Here()));
            }
        }
        while (r.Read());
    }

    /// <summary>The namespaces of the XBRL specifications' own schemas (their content models are known to be valid).</summary>
    private static bool IsXbrlSpecificationNamespace(string? ns) =>
        ns is XbrlNamespaces.Xbrli or XbrlNamespaces.Link or XbrlNamespaces.Xl or XbrlNamespaces.XLink or XbrlNamespaces.Xbrldt or "http://xbrl.org/2006/xbrldi";

    /// <summary>
    /// Whether the schema element being read is content XML Schema leaves to lax assessment that XBRL's own checks do
    /// not cover: a child of xs:appinfo other than link:roleType, link:arcroleType and link:linkbaseRef (an embedded
    /// linkbase included), or an XML Schema element with an attribute of another namespace than XBRL's.
    /// </summary>
    private static bool NeedsLaxAssessment(ReadState s, int depth, string ns, string local)
    {
        if (s.AppinfoDepth >= 0 && depth == s.AppinfoDepth + 1)
        {
            return !string.Equals(ns, XbrlNamespaces.Link, StringComparison.Ordinal) || local is not ("roleType" or "arcroleType" or "linkbaseRef");
        }
        var r = s.Reader;
        if (!string.Equals(ns, XbrlNamespaces.Xsd, StringComparison.Ordinal) || r.AttributeCount == 0)
        {
            return false;
        }
        var found = false;
        for (var i = 0; i < r.AttributeCount && !found; i++)
        {
            r.MoveToAttribute(i);
            found = LaxSchemaContentValidation.IsForeignAttributeNamespace(r.NamespaceURI);
        }
        r.MoveToElement();
        return found;
    }

    /// <summary>
    /// A taxonomy schema or a linkbase nested inside another XML element (the document's root being neither): a schema
    /// document has xs:schema as its root (XML Schema 1.0 part 1 section 3.15.2, XBRL 2.1 section 5.1), and a linkbase is
    /// the root of its document or sits in a taxonomy schema's xs:appinfo (XBRL 2.1 section 3.5.2). Its ids are indexed
    /// as any element's, but it is not read as a schema or a linkbase of the DTS.
    /// </summary>
    private void ReportNested(ReadState s, string ns, string local)
    {
        if (local == "schema" && string.Equals(ns, XbrlNamespaces.Xsd, StringComparison.Ordinal))
        {
            _diagnostics.Error("xbrl.5.1", "An xs:schema is nested inside another XML element; a taxonomy schema must be the root element of its document.", s.Here());
        }
        else if (local == "linkbase" && string.Equals(ns, XbrlNamespaces.Link, StringComparison.Ordinal))
        {
            _diagnostics.Error("xbrl.3.5.2", "A link:linkbase is nested inside another XML element; a linkbase must be the root element of its document or sit in a taxonomy schema's xs:appinfo.", s.Here());
        }
    }

    /// <summary>
    /// An instance starts the DTS with its schemaRef, linkbaseRef, roleRef and arcroleRef children, which its
    /// content model puts before any context, unit or fact: reading stops at the first other element.
    /// </summary>
    private void ReadInstanceReferences(ReadState s)
    {
        var r = s.Reader;
        Enter(s, 0);
        if (r.IsEmptyElement)
        {
            return;
        }
        r.Read();
        while (!r.EOF && r.Depth >= 1)
        {
            if (r.NodeType != XmlNodeType.Element)
            {
                r.Read();
                continue;
            }
            if (!string.Equals(r.NamespaceURI, XbrlNamespaces.Link, StringComparison.Ordinal))
            {
                return;
            }
            Enter(s, 1);
            switch (r.LocalName)
            {
                case "schemaRef":
                    ReadSchemaRef(s, 1);
                    break;
                case "linkbaseRef":
                    ReadLinkbaseRef(s, 1);
                    break;
                case "roleRef":
                case "arcroleRef":
                    ReadRoleRef(s, 1, r.LocalName == "roleRef");
                    break;
            }
            r.Skip();
        }
    }

    private void Enter(ReadState s, int depth) =>
        Enter(s, depth, s.Reader.GetAttribute("base", XbrlNamespaces.Xml), s.Reader.GetAttribute("lang", XbrlNamespaces.Xml));

    private static void Enter(ReadState s, int depth, string? xmlBase, string? lang)
    {
        // ChildCounts[d] counts the children seen so far of the element at depth d-1.
        while (s.ChildCounts.Count <= depth)
        {
            s.ChildCounts.Add(0);
        }
        s.ChildCounts[depth]++;
        for (var i = depth + 1; i < s.ChildCounts.Count; i++)
        {
            s.ChildCounts[i] = 0;
        }
        var parentBase = depth == 0 ? s.Doc.Url : s.Bases[depth - 1];
        while (s.Bases.Count <= depth)
        {
            s.Bases.Add(s.Doc.Url);
        }
        s.Bases[depth] = xmlBase is null ? parentBase : UrlUtil.Resolve(parentBase, xmlBase) ?? parentBase;
        while (s.Langs.Count <= depth)
        {
            s.Langs.Add(null);
        }
        s.Langs[depth] = lang ?? (depth == 0 ? null : s.Langs[depth - 1]);
    }

    private static string PathOf(ReadState s, int depth)
    {
        // "/1/3/17": formatted into a stack buffer, one string made (paths are asked for every schema element and every element with an id).
        Span<char> buffer = stackalloc char[256];
        var length = 0;
        for (var i = 0; i <= depth; i++)
        {
            if (buffer.Length - length < 12)
            {
                return PathOfLong(s, depth);
            }
            buffer[length++] = '/';
            s.ChildCounts[i].TryFormat(buffer[length..], out var written, default, CultureInfo.InvariantCulture);
            length += written;
        }
        return new string(buffer[..length]);
    }

    private static string PathOfLong(ReadState s, int depth)
    {
        var sb = new StringBuilder(depth * 3);
        for (var i = 0; i <= depth; i++)
        {
            sb.Append('/').Append(s.ChildCounts[i].ToString(CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    private static string BaseOf(ReadState s, int depth) => s.Bases[depth];

    private static void Register(ReadState s, string? id, string path, XbrlElement element)
    {
        if (id is not null)
        {
            s.Index.ById.TryAdd(id, element);
        }
        s.Index.ByPath[path] = element;
    }

    private Concept? ReadConceptDeclaration(ReadState s, string? id)
    {
        var r = s.Reader;
        var name = r.GetAttribute("name");
        if (name is null)
        {
            return null;
        }
        var tns = s.Doc.TargetNamespace ?? "";
        var qn = new QName(tns, name);
        var location = s.Here();
        QName? substitutionGroup = ResolveQNameAttribute(s, r.GetAttribute("substitutionGroup"));
        QName? type = ResolveQNameAttribute(s, r.GetAttribute("type"));
        var periodTypeText = r.GetAttribute("periodType", XbrlNamespaces.Xbrli);
        var balanceText = r.GetAttribute("balance", XbrlNamespaces.Xbrli);
        PeriodType? periodType = periodTypeText switch
        {
            "instant" => Xbrl.PeriodType.Instant,
            "duration" => Xbrl.PeriodType.Duration,
            _ => null,
        };
        Balance? balance = balanceText switch
        {
            "debit" => Xbrl.Balance.Debit,
            "credit" => Xbrl.Balance.Credit,
            _ => null,
        };
        var prefix = EdgarTaxonomies.PrefixFor(tns) ?? ((IXmlNamespaceResolver)r).LookupPrefix(tns) ?? IdPrefix(id) ?? "";
        var concept = new Concept(qn, prefix, s.Doc.Url, id)
        {
            SubstitutionGroup = substitutionGroup,
            Type = type,
            PeriodType = periodType,
            Balance = balance,
            IsAbstract = IsTrue(r.GetAttribute("abstract")),
            IsNillable = IsTrue(r.GetAttribute("nillable")),
            TypedDomainRef = r.GetAttribute("typedDomainRef", XbrlNamespaces.Xbrldt),
            Location = location,
        };
        PeriodTypeAttributes.Add((concept, periodTypeText, balanceText));
        if (_concepts.TryGetValue(qn, out var existing))
        {
            if (!string.Equals(KeyOf(existing.DocumentUrl), KeyOf(s.Doc.Url), StringComparison.Ordinal) || existing.IsDeclared)
            {
                DuplicateDeclarations.Add((existing, concept));
            }
            return concept;
        }
        _concepts[qn] = concept;
        _conceptList.Add(concept);
        return concept;
    }

    internal List<(Concept Concept, string? PeriodType, string? Balance)> PeriodTypeAttributes { get; } = [];

    internal List<(Concept First, Concept Second)> DuplicateDeclarations { get; } = [];

    private static bool IsTrue(string? value) => value is not null && (value.Trim() is "true" or "1");

    private static string? IdPrefix(string? id)
    {
        if (id is null)
        {
            return null;
        }
        var us = id.IndexOf('_', StringComparison.Ordinal);
        return us > 0 ? id[..us] : null;
    }

    /// <summary>
    /// Records a global attribute declaration's type, for comparing custom arc attributes by value (XBRL 2.1 section
    /// 3.5.3.9.7.4). Returns the name its anonymous simple type is recorded under (its base is read next), or null.
    /// </summary>
    private QName? ReadAttributeDeclaration(ReadState s)
    {
        if (s.Reader.GetAttribute("name") is not { Length: > 0 } name)
        {
            return null;
        }
        var declared = new QName(s.Doc.TargetNamespace ?? "", name.Trim());
        if (ResolveQNameAttribute(s, s.Reader.GetAttribute("type")) is { } type)
        {
            _attributeTypes.TryAdd(declared, type);
            return null;
        }
        // "#" cannot start an NCName: the anonymous type's name cannot meet a declared one.
        var anonymous = new QName(declared.Namespace, "#attribute " + declared.LocalName);
        _attributeTypes.TryAdd(declared, anonymous);
        return anonymous;
    }

    /// <summary>The XML Schema built-in type a declared global attribute's type is or derives from, or null when undeclared or unknown.</summary>
    internal QName? AttributeBuiltInType(QName attribute)
    {
        if (!_attributeTypes.TryGetValue(attribute, out var type))
        {
            return null;
        }
        for (var seen = 0; seen < 64; seen++)
        {
            if (string.Equals(type.Namespace, XbrlNamespaces.Xsd, StringComparison.Ordinal))
            {
                return type;
            }
            if (!_typeBases.TryGetValue(type, out type))
            {
                return null;
            }
        }
        return null;
    }

    private static QName? ResolveQNameAttribute(ReadState s, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        value = value.Trim();
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        var prefix = colon < 0 ? "" : value[..colon];
        var local = colon < 0 ? value : value[(colon + 1)..];
        var ns = s.Reader.LookupNamespace(prefix) ?? (prefix.Length == 0 ? "" : UnknownNamespacePrefix + prefix);
        return new QName(ns, local);
    }

    private void ReadSchemaRef(ReadState s, int depth)
    {
        var href = s.Reader.GetAttribute("href", XbrlNamespaces.XLink);
        if (string.IsNullOrWhiteSpace(href))
        {
            return;
        }
        var target = Resolve(BaseOf(s, depth), href);
        if (target is not null)
        {
            SchemaRefs.Add((s.Here(), href, target));
            Enqueue(target, s.Here());
        }
    }

    private void ReadLinkbaseRef(ReadState s, int depth)
    {
        var r = s.Reader;
        var href = r.GetAttribute("href", XbrlNamespaces.XLink);
        var target = href is null ? null : Resolve(BaseOf(s, depth), href);
        LinkbaseRefs.Add(new LinkbaseRefInfo(s.Doc.Url, s.Here(), href, target, r.GetAttribute("role", XbrlNamespaces.XLink), r.GetAttribute("arcrole", XbrlNamespaces.XLink), r.GetAttribute("type", XbrlNamespaces.XLink)));
        if (target is not null)
        {
            Enqueue(target, s.Here());
        }
    }

    private void ReadRoleRef(ReadState s, int depth, bool isRole)
    {
        var r = s.Reader;
        var uri = r.GetAttribute(isRole ? "roleURI" : "arcroleURI") ?? "";
        var href = r.GetAttribute("href", XbrlNamespaces.XLink);
        string? target = null, fragment = null;
        if (href is not null)
        {
            // Every link's roleRef names the same schema: its URL and the role's id come shared, as a locator's do.
            var (url, id, ok) = ResolveHref(BaseOf(s, depth), href);
            if (ok)
            {
                (target, fragment) = (url, id);
            }
        }
        var here = s.Here();
        (isRole ? RoleRefs : ArcroleRefs).Add(new RefInfo(s.Doc.Url, here, uri, href, target, fragment, s.LinkbaseOrdinal));
        if (target is not null)
        {
            Enqueue(target, here);
        }
    }

    /// <summary>XBRL 2.1 sections 5.1.3 and 5.1.4: the URI present and non-empty (an arcrole URI absolute); the id an NCName.</summary>
    private void CheckTypeDeclaration(string element, string attribute, string? uri, string? id, SourceLocation location)
    {
        if (string.IsNullOrWhiteSpace(uri))
        {
            _diagnostics.Error("sche:XmlSchemaError", $"The {element} has {(uri is null ? "no" : "an empty")} {attribute}; it must name an absolute URI.", location);
        }
        else if (element == "arcroleType" && !Uri.TryCreate(uri.Trim(), UriKind.Absolute, out _))
        {
            // The suite holds a relative roleURI valid (161 V-05) and a relative arcroleURI invalid (161 V-15).
            _diagnostics.Error("xbrl.5.1.4", $"The {element}'s {attribute} '{uri}' is not an absolute URI.", location);
        }
        if (id is not null)
        {
            try
            {
                XmlConvert.VerifyNCName(id);
            }
            catch (XmlException)
            {
                _diagnostics.Error("sche:XmlSchemaError", $"The {element}'s id '{id}' is not an NCName.", location);
            }
        }
    }

    private void ReadRoleType(ReadState s, string? id, string path)
    {
        var r = s.Reader;
        var uriAttribute = r.GetAttribute("roleURI");
        var uri = uriAttribute ?? "";
        var location = s.Here();
        CheckTypeDeclaration("roleType", "roleURI", uriAttribute, id, location);
        string? definition = null;
        var usedOn = new List<QName>();
        ReadTypeChildren(s, ref definition, usedOn);
        var rt = new RoleType(uri, id, definition, usedOn, s.Doc.Url, location);
        _roleTypes.Add(rt);
        var element = new OtherElement(s.Doc.Url, new QName(XbrlNamespaces.Link, "roleType"), id, location);
        Register(s, id, path, element);
    }

    private void ReadArcroleType(ReadState s, string? id, string path)
    {
        var r = s.Reader;
        var uriAttribute = r.GetAttribute("arcroleURI");
        var uri = uriAttribute ?? "";
        var cyclesText = r.GetAttribute("cyclesAllowed");
        var location = s.Here();
        CheckTypeDeclaration("arcroleType", "arcroleURI", uriAttribute, id, location);
        var cycles = cyclesText switch
        {
            "any" => CyclesAllowed.Any,
            "undirected" => CyclesAllowed.Undirected,
            "none" => CyclesAllowed.None,
            _ => CyclesAllowed.Any,
        };
        if (cyclesText is not ("any" or "undirected" or "none"))
        {
            _diagnostics.Error("xbrl.5.1.4.3", $"The arcroleType '{uri}' has cyclesAllowed='{cyclesText}'; it must be any, undirected or none.", location);
        }
        string? definition = null;
        var usedOn = new List<QName>();
        ReadTypeChildren(s, ref definition, usedOn);
        _arcroleTypes.Add(new ArcroleType(uri, id, cycles, definition, usedOn, s.Doc.Url, location));
        Register(s, id, path, new OtherElement(s.Doc.Url, new QName(XbrlNamespaces.Link, "arcroleType"), id, location));
    }

    /// <summary>Reads the definition and usedOn children of a roleType or arcroleType; leaves the reader on its end tag.</summary>
    private void ReadTypeChildren(ReadState s, ref string? definition, List<QName> usedOn)
    {
        var r = s.Reader;
        if (r.IsEmptyElement)
        {
            return;
        }
        var depth = r.Depth;
        r.Read();
        while (!r.EOF && !(r.NodeType == XmlNodeType.EndElement && r.Depth == depth))
        {
            if (r.NodeType == XmlNodeType.Element && string.Equals(r.NamespaceURI, XbrlNamespaces.Link, StringComparison.Ordinal))
            {
                if (r.LocalName == "definition")
                {
                    definition = r.ReadElementContentAsString();
                    continue;
                }
                if (r.LocalName == "usedOn")
                {
                    var location = s.Here();
                    var scope = ((IXmlNamespaceResolver)r).GetNamespacesInScope(XmlNamespaceScope.All);
                    var text = r.ReadElementContentAsString().Trim();
                    var colon = text.IndexOf(':', StringComparison.Ordinal);
                    var prefix = colon < 0 ? "" : text[..colon];
                    var local = colon < 0 ? text : text[(colon + 1)..];
                    if (!scope.TryGetValue(prefix, out var ns))
                    {
                        _diagnostics.Error("xbrl.5.1.3.4", $"The usedOn value '{text}' uses the undeclared prefix '{prefix}'; declare it or correct the QName.", location);
                        ns = UnknownNamespacePrefix + prefix;
                    }
                    usedOn.Add(new QName(ns, local));
                    continue;
                }
            }
            if (r.NodeType == XmlNodeType.Element && r.LocalName == "usedOn")
            {
                r.Skip();
                continue;
            }
            r.Read();
        }
    }

    private static string? LookupInScope(XmlReader r, string prefix) => r.LookupNamespace(prefix);

    private ExtendedLink StartExtendedLink(ReadState s, int depth)
    {
        var r = s.Reader;
        var role = r.GetAttribute("role", XbrlNamespaces.XLink);
        if (role is not null)
        {
            role = SharedRole(role);
        }
        var link = new ExtendedLink(new QName(r.NamespaceURI, r.LocalName), role ?? "", s.Doc.Url, s.Here(), s.Doc);
        if (role is null)
        {
            MissingLinkRoles.Add(link);
        }
        _links.Add(link);
        return link;
    }

    internal List<ExtendedLink> MissingLinkRoles { get; } = [];

    private readonly Dictionary<string, string> _linkRoles = new(StringComparer.Ordinal);

    // Target roles already found to be absolute URIs (the check is a Uri parse).
    private readonly HashSet<string> _absoluteTargetRoles = new(StringComparer.Ordinal);

    /// <summary>One string per link role (and target role): the relationship indexes compare roles, and equal instances compare at once.</summary>
    private string SharedRole(string role)
    {
        ref var shared = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_linkRoles, role, out var seen);
        if (!seen)
        {
            shared = role;
        }
        return shared!;
    }

    internal List<(SourceLocation Location, string Value)> XmlSpaceValues { get; } = [];

    private void ReadLinkChild(ReadState s, int depth, string path, ExtendedLink link, in ElementAttributes attributes)
    {
        var r = s.Reader;
        var type = attributes.XlinkType;
        switch (type)
        {
            case "locator":
            {
                var href = attributes.Href ?? "";
                var label = attributes.Label ?? "";
                var (url, fragment, ok) = ResolveHref(BaseOf(s, depth), href);
                var absolute = ok ? url : null;
                var locator = new Locator(label, href, url, fragment, s.Here()) { ElementName = new QName(r.NamespaceURI, r.LocalName) };
                link.Locators.Add(locator);
                if (absolute is null)
                {
                    _diagnostics.Error("xbrl.3.5.3.7.2", $"The locator href '{href}' is not a valid URI.", locator.Location);
                }
                else if (string.Equals(r.NamespaceURI, XbrlNamespaces.Link, StringComparison.Ordinal) && r.LocalName == "loc")
                {
                    // Discovery (XBRL 2.1 section 3.2) follows link:loc only; a custom vocabulary's locators resolve within the DTS.
                    Enqueue(url, locator.Location);
                }
                break;
            }
            case "resource":
            {
                var label = attributes.Label ?? "";
                var id = attributes.Id;
                var lang = s.Langs[depth];
                var resource = new Resource(new QName(r.NamespaceURI, r.LocalName), label, s.Doc.Url, s.Here())
                {
                    Role = attributes.Role,
                    Language = lang,
                    Id = id,
                };
                var space = attributes.XmlSpace;
                if (space is not null)
                {
                    XmlSpaceValues.Add((resource.Location, space));
                }
                var ownLang = attributes.XmlLang;
                if (ownLang is not null)
                {
                    // Labels repeat a few languages thousands of times: a value once found valid is not kept for the check again.
                    if (!_validLanguages.Contains(ownLang))
                    {
                        if (TaxonomyValidator.IsValidLanguage(ownLang))
                        {
                            _validLanguages.Add(ownLang);
                        }
                        else
                        {
                            LanguageValues.Add((s.Doc.Url, resource.Location, ownLang));
                        }
                    }
                }
                if (id is not null)
                {
                    Register(s, id, path, resource);
                }
                if (path.Length > 0)
                {
                    s.Index.ByPath[path] = resource;
                }
                link.Resources.Add(resource);
                resource.Text = ReadResourceText(r);
                break;
            }
            case "arc":
                link.Arcs.Add(ReadArc(s, link));
                break;
        }
    }

    private static string ReadResourceText(XmlReader r)
    {
        if (r.IsEmptyElement)
        {
            return "";
        }
        var depth = r.Depth;
        // Most resources (labels) hold one text node: its value is the text, no builder needed.
        if (!r.Read())
        {
            return "";
        }
        if (r.NodeType == XmlNodeType.EndElement && r.Depth == depth)
        {
            return "";
        }
        if (r.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace)
        {
            var first = r.Value;
            if (!r.Read() || (r.NodeType == XmlNodeType.EndElement && r.Depth == depth))
            {
                return first;
            }
            return ReadResourceTextRest(r, depth, new StringBuilder(first));
        }
        return ReadResourceTextRest(r, depth, new StringBuilder());
    }

    /// <summary>The text of a resource from the node the reader is on: its text nodes, and its reference parts as "name: value" lines.</summary>
    private static string ReadResourceTextRest(XmlReader r, int depth, StringBuilder sb)
    {
        do
        {
            if (r.NodeType == XmlNodeType.EndElement && r.Depth == depth)
            {
                break;
            }
            switch (r.NodeType)
            {
                case XmlNodeType.Element:
                    if (r.Depth == depth + 1 && !string.Equals(r.NamespaceURI, "http://www.w3.org/1999/xhtml", StringComparison.Ordinal))
                    {
                        // Reference parts: one "name: value" line each.
                        if (sb.Length > 0)
                        {
                            sb.Append('\n');
                        }
                        sb.Append(r.LocalName).Append(": ");
                    }
                    break;
                case XmlNodeType.Text:
                case XmlNodeType.CDATA:
                case XmlNodeType.SignificantWhitespace:
                case XmlNodeType.Whitespace:
                    sb.Append(r.Value);
                    break;
            }
        }
        while (r.Read());
        return sb.ToString();
    }

    private Arc ReadArc(ReadState s, ExtendedLink link)
    {
        var r = s.Reader;
        var location = s.Here();
        string from = "", to = "", arcrole = "";
        decimal order = 1m;
        var priority = 0;
        var prohibited = false;
        decimal? weight = null;
        string? preferredLabel = null, contextElement = null, targetRole = null;
        bool? closed = null, usable = null;
        Dictionary<QName, string>? other = null;
        Dictionary<QName, QName>? otherQNames = null;
        string? orderText = null, weightText = null;

        // The attributes by index: through the fast reader's own view when it is the reader, else by moving to each.
        var fast = r as Utf8XmlReader;
        var attributeCount = fast?.ElementAttributeCount ?? r.AttributeCount;
        for (var i = 0; i < attributeCount; i++)
        {
            string ans, alocal;
            if (fast is not null)
            {
                (ans, alocal) = fast.AttributeNameAt(i);
            }
            else
            {
                r.MoveToAttribute(i);
                (ans, alocal) = (r.NamespaceURI, r.LocalName);
            }
            if (ReferenceEquals(ans, _atoms.XLink))
            {
                switch (alocal)
                {
                    case "from": from = fast?.AttributeValueAt(i) ?? r.Value; break;
                    case "to": to = fast?.AttributeValueAt(i) ?? r.Value; break;
                    case "arcrole": arcrole = fast?.AttributeValueAt(i) ?? r.Value; break;
                }
                continue;
            }
            if (ReferenceEquals(ans, _atoms.Xmlns))
            {
                continue;
            }
            var value = fast?.AttributeValueAt(i) ?? r.Value;
            if (ans.Length == 0)
            {
                switch (alocal)
                {
                    case "order":
                        order = ArcDecimal(value, "The arc's order", location, ref orderText) ?? order;
                        continue;
                    case "priority":
                        if (!int.TryParse(value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out priority))
                        {
                            _diagnostics.Error("sche:XmlSchemaError", $"The arc's priority '{value}' is not an integer.", location);
                        }
                        continue;
                    case "use":
                        var use = value.Trim();
                        prohibited = use == "prohibited";
                        if (use is not ("prohibited" or "optional"))
                        {
                            _diagnostics.Error("sche:XmlSchemaError", $"The arc's use '{value}' must be optional or prohibited.", location);
                        }
                        continue;
                    case "weight":
                        weight = ArcDecimal(value, "The calculation arc's weight", location, ref weightText) ?? weight;
                        continue;
                    case "preferredLabel":
                        preferredLabel = value.Trim();
                        continue;
                }
            }
            else if (string.Equals(ans, XbrlNamespaces.Xbrldt, StringComparison.Ordinal))
            {
                switch (alocal)
                {
                    case "closed":
                        closed = ParseBoolean(value, "xbrldt:closed", location);
                        continue;
                    case "usable":
                        usable = ParseBoolean(value, "xbrldt:usable", location);
                        continue;
                    case "contextElement":
                        contextElement = value.Trim();
                        if (contextElement is not ("segment" or "scenario"))
                        {
                            _diagnostics.Error("sche:XmlSchemaError", $"xbrldt:contextElement is '{value}'; it must be segment or scenario.", location);
                        }
                        continue;
                    case "targetRole":
                        targetRole = SharedRole(value.Trim());
                        if (!_absoluteTargetRoles.Contains(targetRole))
                        {
                            if (Uri.TryCreate(targetRole, UriKind.Absolute, out _))
                            {
                                _absoluteTargetRoles.Add(targetRole);
                            }
                            else
                            {
                                _diagnostics.Error("sche:XmlSchemaError", $"xbrldt:targetRole '{value}' is not an absolute URI.", location);
                            }
                        }
                        continue;
                }
            }
            other ??= [];
            other[new QName(ans, alocal)] = value;
            if (value.IndexOf(':', StringComparison.Ordinal) is > 0 and var colon && r.LookupNamespace(value[..colon].Trim()) is { } valueNamespace)
            {
                // Kept in case the attribute is declared xs:QName: compared then by namespace and local name.
                otherQNames ??= [];
                otherQNames[new QName(ans, alocal)] = new QName(valueNamespace, value[(colon + 1)..].Trim());
            }
        }
        if (fast is null && attributeCount > 0)
        {
            r.MoveToElement();
        }
        return new Arc(new QName(r.NamespaceURI, r.LocalName), from, to, arcrole, location)
        {
            Order = order,
            Priority = priority,
            IsProhibited = prohibited,
            Weight = weight,
            PreferredLabel = preferredLabel,
            Closed = closed,
            Usable = usable,
            ContextElement = contextElement,
            TargetRole = targetRole,
            OtherAttributes = other ?? Arc.EmptyAttributes,
            OtherAttributeQNames = otherQNames,
            InvalidOrderText = orderText,
            InvalidWeightText = weightText,
            Link = link,
        };
    }

    /// <summary>An arc's decimal attribute (order, weight); null, with an error and the text kept, when it is not a decimal number.</summary>
    private decimal? ArcDecimal(string value, string what, SourceLocation location, ref string? invalidText)
    {
        if (TryDecimal(value, out var d))
        {
            return d;
        }
        _diagnostics.Error("sche:XmlSchemaError", $"{what} '{value}' is not a decimal number.", location);
        invalidText = value;
        return null;
    }

    /// <summary>
    /// The value of a custom arc attribute as compared for equivalence (XBRL 2.1 section 3.5.3.9.7.4: by value, as
    /// typed by the attribute's declaration). <paramref name="builtIn"/> is the XML Schema built-in type the declared
    /// type is or derives from: booleans compare by truth value (<c>1</c> equals <c>true</c>), decimals and their
    /// integer subtypes as decimals, floats and doubles as doubles, QNames by namespace and local name, strings as
    /// written and other types whitespace-collapsed. An attribute without a declaration at hand (null) compares as a
    /// number when its value reads as one (<c>1.0</c> equals <c>1</c>), else as its trimmed text.
    /// </summary>
    internal static string TypedValueKey(string value, QName? builtIn, QName? qnameValue)
    {
        if (builtIn is not { } type)
        {
            var t = value.Trim();
            return NumberKey(t) ?? t;
        }
        var collapsed = CollapseWhitespace(value);
        switch (type.LocalName)
        {
            case "string":
                return value;
            case "normalizedString":
                return value.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');
            case "boolean":
                return collapsed switch
                {
                    "true" or "1" => "?true",
                    "false" or "0" => "?false",
                    _ => collapsed,
                };
            case "decimal" or "integer" or "nonPositiveInteger" or "negativeInteger" or "long" or "int" or "short" or "byte"
                or "nonNegativeInteger" or "unsignedLong" or "unsignedInt" or "unsignedShort" or "unsignedByte" or "positiveInteger":
                return decimal.TryParse(collapsed, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d)
                    ? "#" + Canonical(d) : collapsed;
            case "float" or "double":
                return collapsed switch
                {
                    "INF" => "#INF",
                    "-INF" => "#-INF",
                    "NaN" => "#NaN",
                    _ => double.TryParse(collapsed, NumberStyles.Float, CultureInfo.InvariantCulture, out var f) && double.IsFinite(f)
                        ? "#" + (type.LocalName == "float" ? ((float)f).ToString("R", CultureInfo.InvariantCulture) : f.ToString("R", CultureInfo.InvariantCulture))
                        : collapsed,
                };
            case "QName":
                return qnameValue is { } q ? "{" + q.Namespace + "}" + q.LocalName
                    : collapsed.Contains(':', StringComparison.Ordinal) ? collapsed : "{}" + collapsed;
            default:
                return collapsed;
        }
    }

    private static string? NumberKey(string t)
    {
        if (decimal.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            return "#" + Canonical(d);
        }
        if (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var f) && double.IsFinite(f))
        {
            return "#" + f.ToString("R", CultureInfo.InvariantCulture);
        }
        return null;
    }

    private static string CollapseWhitespace(string value) =>
        string.Join(' ', value.Split([' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// The non-exempt attributes (XBRL 2.1 section 3.5.3.9.7.4) in a fixed order, typed values in canonical form and
    /// defaults filled in (order 1, xbrldt:closed false, xbrldt:usable true): compared ordinally to decide equivalence.
    /// Custom attributes are typed by <paramref name="builtInType"/> (their declaration's built-in type, or null).
    /// Built only for arcs that share their ends with another arc (most never need it).
    /// </summary>
    internal static string EquivalenceText(Arc arc, Func<QName, QName?> builtInType)
    {
        var sb = new StringBuilder(64);
        sb.Append(arc.InvalidOrderText ?? Canonical(arc.Order)).Append('\u001f')
          .Append(arc.InvalidWeightText ?? (arc.Weight is { } w ? Canonical(w) : null)).Append('\u001f')
          .Append(arc.PreferredLabel).Append('\u001f')
          .Append(arc.Closed == true ? 't' : 'f').Append(arc.Usable == false ? 'f' : 't').Append('\u001f')
          .Append(arc.ContextElement).Append('\u001f').Append(arc.TargetRole);
        if (arc.OtherAttributes.Count > 0)
        {
            var others = new List<string>(arc.OtherAttributes.Count);
            foreach (var (name, value) in arc.OtherAttributes)
            {
                var qnameValue = arc.OtherAttributeQNames is { } q && q.TryGetValue(name, out var v) ? v : (QName?)null;
                others.Add("{" + name.Namespace + "}" + name.LocalName + "=" + TypedValueKey(value, builtInType(name), qnameValue));
            }
            others.Sort(StringComparer.Ordinal);
            foreach (var o in others)
            {
                sb.Append('\u001f').Append(o);
            }
        }
        return sb.ToString();
    }

    private bool? ParseBoolean(string value, string name, SourceLocation location)
    {
        switch (value.Trim())
        {
            case "true":
            case "1":
                return true;
            case "false":
            case "0":
                return false;
            default:
                _diagnostics.Error("sche:XmlSchemaError", $"{name} is '{value}'; it must be true, false, 1 or 0.", location);
                return null;
        }
    }

    internal static bool TryDecimal(string text, out decimal value)
    {
        // The common case (order="1", "2.5"): a few digits and at most one point, read without the general parser; the
        // result is the parser's, scale included ("1.0" keeps its zero).
        if (text.Length is > 0 and <= 18)
        {
            long mantissa = 0;
            var scale = -1;
            var digits = 0;
            foreach (var ch in text)
            {
                if (char.IsAsciiDigit(ch))
                {
                    mantissa = (mantissa * 10) + (ch - '0');
                    digits++;
                    if (scale >= 0)
                    {
                        scale++;
                    }
                }
                else if (ch == '.' && scale < 0)
                {
                    scale = 0;
                }
                else
                {
                    digits = -1;
                    break;
                }
            }
            if (digits > 0)
            {
                value = new decimal((int)mantissa, (int)(mantissa >> 32), 0, false, (byte)Math.Max(scale, 0));
                return true;
            }
        }
        return decimal.TryParse(text.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>The canonical lexical form of a decimal: no trailing zeros, invariant culture.</summary>
    internal static string Canonical(decimal d) => d.ToString("0.############################", CultureInfo.InvariantCulture);
}
