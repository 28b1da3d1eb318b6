using System.Globalization;
using System.Text;
using System.Xml;
using EdgarSharp.Internal;
using EdgarSharp.Internal.Xml;
using EdgarSharp.Xbrl.Internal;

namespace EdgarSharp.Xbrl;

/// <summary>
/// An XBRL 2.1 instance: its DTS, contexts, units, facts (items and tuples, in document order) and footnotes,
/// with the diagnostics of reading and checking it.
/// </summary>
/// <remarks>
/// The instance is read forward-only through a safe <see cref="XmlReader"/> (DOCTYPE ignored, nothing fetched);
/// its DTS is loaded offline through <see cref="XbrlLoadOptions.Catalog"/>. Bad input never throws: what could
/// be read is kept, and each problem is a diagnostic with file, line and column. Where the DTS is partial (the
/// normal case on EDGAR offline: no us-gaap), facts of the missing taxonomies are kept with their names and
/// values, one <c>edgar:incompleteDts</c> warning says so, and the checks that need their declarations are
/// skipped. Costs one pass over the instance plus the DTS load.
/// </remarks>
public sealed class XbrlInstance
{
    private XbrlInstance(string url, Dts dts, IReadOnlyList<XbrlContext> contexts, IReadOnlyList<XbrlUnit> units, IReadOnlyList<XbrlFact> facts,
        IReadOnlyList<XbrlFootnote> footnotes, IReadOnlyList<Diagnostic> diagnostics)
    {
        Url = url;
        Dts = dts;
        Contexts = contexts;
        Units = units;
        Facts = facts;
        Footnotes = footnotes;
        Diagnostics = diagnostics;
    }

    /// <summary>The same instance with <paramref name="leading"/> before its own diagnostics (inline extraction).</summary>
    internal XbrlInstance WithLeadingDiagnostics(IEnumerable<Diagnostic> leading) =>
        new(Url, Dts, Contexts, Units, Facts, Footnotes, leading.Concat(Diagnostics).ToList());

    /// <summary>The instance document's URL.</summary>
    public string Url { get; }

    /// <summary>The DTS the instance starts (its schemaRef and linkbaseRef).</summary>
    public Dts Dts { get; }

    /// <summary>The contexts, in document order.</summary>
    public IReadOnlyList<XbrlContext> Contexts { get; }

    /// <summary>The units, in document order.</summary>
    public IReadOnlyList<XbrlUnit> Units { get; }

    /// <summary>The top-level facts, in document order (tuples hold their children).</summary>
    public IReadOnlyList<XbrlFact> Facts { get; }

    /// <summary>The footnotes, with the ids of the facts each qualifies.</summary>
    public IReadOnlyList<XbrlFootnote> Footnotes { get; }

    /// <summary>The DTS's diagnostics followed by the instance's own.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>The XBRL Dimensions model of <see cref="Dts"/> (its dimensional relationship sets and defaults), built on first use.</summary>
    public DimensionalModel Dimensions => _dimensions ??= DimensionalModel.Build(Dts);

    private DimensionalModel? _dimensions;

    /// <summary>Whether <paramref name="fact"/> is dimensionally valid, in which link role and with which members (defaults included); see <see cref="DimensionalModel.Validate"/>.</summary>
    public DimensionalValidity DimensionalValidity(XbrlFact fact) => Dimensions.Validate(fact);

    /// <summary>
    /// The items that are dimensionally valid, in document order, each with its members (the dimensions its context
    /// states and the defaults it takes). Facts not judged on a partial DTS are left out.
    /// </summary>
    public IEnumerable<(XbrlFact Fact, DimensionalValidity Validity)> DimensionallyValidFacts()
    {
        foreach (var fact in AllFacts())
        {
            if (!fact.IsTuple && fact.Context is not null && Dimensions.Validate(fact) is { IsValid: true } validity)
            {
                yield return (fact, validity);
            }
        }
    }

    /// <summary>Every fact, tuples' children included, in document order.</summary>
    public IEnumerable<XbrlFact> AllFacts()
    {
        var stack = new Stack<XbrlFact>(Facts.Reverse());
        while (stack.Count > 0)
        {
            var f = stack.Pop();
            yield return f;
            for (var i = f.Children.Count - 1; i >= 0; i--)
            {
                stack.Push(f.Children[i]);
            }
        }
    }

    /// <summary>
    /// Loads the instance at <paramref name="path"/> (an instance file, or a filing folder holding one) and its DTS.
    /// </summary>
    /// <exception cref="FileNotFoundException">The path does not exist, or a folder holds no XBRL instance.</exception>
    public static XbrlInstance Load(string path, XbrlLoadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= new XbrlLoadOptions();
        var file = path;
        if (Directory.Exists(path))
        {
            file = FindInstance(path) ?? throw new FileNotFoundException($"The folder '{path}' holds no XBRL instance.", path);
        }
        else if (!File.Exists(path))
        {
            throw new FileNotFoundException($"There is no file or folder at '{path}'.", path);
        }
        var dts = Dts.Load(Directory.Exists(path) ? path : file, options);
        return Read(dts, Path.GetFullPath(file), options, open: null);
    }

    /// <summary>
    /// Reads the instance at <paramref name="instancePath"/> against a DTS already loaded (several instances of one
    /// taxonomy, or the load measured apart from the DTS). The DTS's diagnostics come first in the instance's.
    /// </summary>
    /// <remarks>
    /// With <see cref="XbrlLoadOptions.Validate"/> false the instance is only read: contexts, units, facts with their
    /// typed values, footnotes, and references resolved (a missing context or unit is still reported); XML Schema
    /// validity, the XBRL 2.1 instance rules, calculations and dimensional validity are not checked.
    /// </remarks>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static XbrlInstance Load(Dts dts, string instancePath, XbrlLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(dts);
        ArgumentException.ThrowIfNullOrEmpty(instancePath);
        if (!File.Exists(instancePath))
        {
            throw new FileNotFoundException($"There is no file at '{instancePath}'.", instancePath);
        }
        return Read(dts, Path.GetFullPath(instancePath), options ?? new XbrlLoadOptions(), open: null);
    }

    /// <summary>Reads the instance document against its DTS, then (unless the options say not to) validates it.</summary>
    private static XbrlInstance Read(Dts dts, string fullPath, XbrlLoadOptions options, Func<Stream>? open, IEnumerable<Diagnostic>? early = null)
    {
        var reader = new InstanceReader(fullPath, dts, options, open);
        var schemaDiagnostics = new DiagnosticBag();
        if (options.Validate)
        {
            reader.Schemas = SchemaValidation.Build(dts.Documents, options.Catalog, schemaDiagnostics, hints: SchemaLocationHints(fullPath, open));
        }
        reader.Read();
        reader.Check(options.Validate);
        var diagnostics = new List<Diagnostic>(dts.Diagnostics.Count + schemaDiagnostics.Count + reader.Diagnostics.Count);
        diagnostics.AddRange(dts.Diagnostics);
        if (early is not null)
        {
            diagnostics.AddRange(early);
        }
        // The DTS load compiles the same schemas when its own checks need them: their errors are reported once.
        diagnostics.AddRange(schemaDiagnostics.Where(d => !dts.Diagnostics.Contains(d)));
        diagnostics.AddRange(reader.Diagnostics);
        var instance = new XbrlInstance(UrlUtil.FromPath(fullPath), dts, reader.Contexts, reader.Units, reader.Facts, reader.Footnotes, diagnostics);
        if (options.Validate)
        {
            diagnostics.AddRange(RunChecks(instance, reader.Schemas, options));
        }
        return instance;
    }

    /// <summary>
    /// Reads an instance from XML bytes that are not a file of their own (the instance extracted from an inline XBRL
    /// document, a document taken out of an EDGAR submission). <paramref name="documentPath"/> is where the bytes
    /// belong: relative schemaRef and linkbaseRef hrefs resolve against it, and diagnostics name it.
    /// </summary>
    public static XbrlInstance Load(ReadOnlyMemory<byte> xml, string documentPath, XbrlLoadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(documentPath);
        options ??= new XbrlLoadOptions();
        var full = Path.GetFullPath(documentPath);
        var entries = new List<string>();
        var early = new DiagnosticBag();
        try
        {
            using var scan = SafeXml.Create(xml, UrlUtil.FromPath(full), SafeXml.Settings());
            if (scan.MoveToContent() == XmlNodeType.Element && !scan.IsEmptyElement)
            {
                // Hrefs resolve against xml:base, the root's and the reference's own (XBRL 2.1 section 3.5.1.2).
                var documentUrl = UrlUtil.FromPath(full);
                var rootBase = scan.GetAttribute("base", XbrlNamespaces.Xml) is { } rb ? UrlUtil.Resolve(documentUrl, rb) ?? documentUrl : documentUrl;
                scan.Read();
                while (!scan.EOF && scan.Depth >= 1)
                {
                    if (scan.NodeType == XmlNodeType.Element)
                    {
                        if (scan.NamespaceURI != XbrlNamespaces.Link)
                        {
                            break;
                        }
                        var elementBase = scan.GetAttribute("base", XbrlNamespaces.Xml) is { } eb ? UrlUtil.Resolve(rootBase, eb) ?? rootBase : rootBase;
                        if (scan.LocalName is "schemaRef" or "linkbaseRef" && scan.GetAttribute("href", XbrlNamespaces.XLink) is { } href
                            && UrlUtil.Resolve(elementBase, href) is { } url)
                        {
                            entries.Add(UrlUtil.SplitFragment(url).Url);
                        }
                        scan.Skip();
                        continue;
                    }
                    scan.Read();
                }
            }
        }
        catch (XmlException)
        {
            // The reader below reports it with its position.
        }
        // A schemaRef naming a file the folder holds under another name (EDGAR folders stored as *.xsd.xml, or dated
        // differently): the folder's own documents, with the renaming reported, as when a filing folder is loaded.
        var folder = Path.GetDirectoryName(full);
        var missingEntry = entries.Any(e => UrlUtil.IsFile(e) && UrlUtil.ToPath(e) is { } p && !File.Exists(p));
        var dts = missingEntry && folder is not null && Directory.Exists(folder) ? Dts.Load(folder, options) : Dts.Load(entries, options);
        return Read(dts, full, options, () => new MemoryStream(xml.ToArray(), writable: false), early);
    }

    /// <summary>
    /// The root's <c>xsi:schemaLocation</c> pairs (namespace, absolute URL): hints to schemas the instance's content
    /// outside the DTS may use (lax-validated attributes and segment content, XBRL 2.1 section 4.7.3.2); empty when none.
    /// </summary>
    private static List<(string Namespace, string Url)> SchemaLocationHints(string fullPath, Func<Stream>? open)
    {
        var hints = new List<(string, string)>();
        try
        {
            using var stream = open is null ? File.OpenRead(fullPath) : open();
            var url = UrlUtil.FromPath(fullPath);
            using var r = SafeXml.Create(stream, url);
            if (r.MoveToContent() != XmlNodeType.Element || r.GetAttribute("schemaLocation", "http://www.w3.org/2001/XMLSchema-instance") is not { } value)
            {
                return hints;
            }
            var baseUrl = r.GetAttribute("base", XbrlNamespaces.Xml) is { } xmlBase ? UrlUtil.Resolve(url, xmlBase) ?? url : url;
            var parts = value.Split([' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i + 1 < parts.Length; i += 2)
            {
                if (UrlUtil.Resolve(baseUrl, parts[i + 1]) is { } location)
                {
                    hints.Add((parts[i], location));
                }
            }
        }
        catch (Exception e) when (e is XmlException or IOException or UnauthorizedAccessException)
        {
            // The instance reader reports it.
        }
        return hints;
    }

    /// <summary>The checks that need the whole instance: calculations (as <see cref="XbrlLoadOptions.Calculations"/> says), essence-alias and requires-element, dimensional validity.</summary>
    private static DiagnosticBag RunChecks(XbrlInstance instance, System.Xml.Schema.XmlSchemaSet? schemas, XbrlLoadOptions options)
    {
        var checks = new DiagnosticBag();
        var keys = new SEqualKeys(schemas);
        switch (options.Calculations)
        {
            case CalculationMode.Xbrl21:
                CalculationCheck.Run(instance, keys, checks);
                break;
            case CalculationMode.Calculations11:
                Calculation11Check.Run(instance, keys, truncation: false, checks);
                break;
            case CalculationMode.Calculations11Truncation:
                Calculation11Check.Run(instance, keys, truncation: true, checks);
                break;
        }
        RelationshipFactChecks.Run(instance, keys, checks);
        DimensionalValidityCheck.Run(instance, schemas, checks);
        return checks;
    }

    /// <summary>The XBRL instance of a folder: the first file, by name, whose root is <c>xbrli:xbrl</c>; null when none.</summary>
    public static string? FindInstance(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        foreach (var f in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
        {
            if (!f.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) && !f.EndsWith(".xbrl", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            try
            {
                using var stream = File.OpenRead(f);
                using var r = SafeXml.Create(stream, UrlUtil.FromPath(f));
                if (r.MoveToContent() == XmlNodeType.Element && r.LocalName == "xbrl" && r.NamespaceURI == XbrlNamespaces.Xbrli)
                {
                    return f;
                }
            }
            catch (XmlException)
            {
            }
        }
        return null;
    }

    /// <summary>Reads the instance document itself, forward-only.</summary>
    private sealed class InstanceReader(string path, Dts dts, XbrlLoadOptions options, Func<Stream>? open = null)
    {
        /// <summary>The DTS's compiled schemas, when every schema could be read: the instance is then validated against them.</summary>
        public System.Xml.Schema.XmlSchemaSet? Schemas { get; set; }

        private const string XbrldiNs = XbrlNamespaces.Xbrldi;
        private readonly DiagnosticBag _diagnostics = new();
        private readonly Dictionary<string, XbrlContext> _contexts = new(StringComparer.Ordinal);
        private readonly Dictionary<string, XbrlUnit> _units = new(StringComparer.Ordinal);
        private readonly List<XbrlFootnote> _footnotes = [];
        private readonly HashSet<string> _missingNamespaces = new(StringComparer.Ordinal);
        private int _factsOfMissingTaxonomies;

        public List<XbrlContext> Contexts { get; } = [];
        public List<XbrlUnit> Units { get; } = [];
        public List<XbrlFact> Facts { get; } = [];
        public IReadOnlyList<XbrlFootnote> Footnotes => _footnotes;
        public DiagnosticBag Diagnostics => _diagnostics;

        private SourceLocation Here(XmlReader r)
        {
            var (line, col) = SafeXml.Position(r);
            return new SourceLocation(path, line, col);
        }

        public void Read()
        {
            long length;
            try
            {
                length = open is null ? new FileInfo(path).Length : 0;
            }
            catch (IOException e)
            {
                _diagnostics.Error("edgar:unreadable", $"The instance could not be read: {e.Message}", new SourceLocation(path));
                return;
            }
            if (length > options.MaxDocumentBytes)
            {
                _diagnostics.Error("edgar:documentTooLarge", $"The instance is {length} bytes, over the limit of {options.MaxDocumentBytes}; it was not read.", new SourceLocation(path));
                return;
            }
            using var stream = open is null ? File.OpenRead(path) : open();
            var settings = SafeXml.Settings(options.MaxDocumentBytes, ignoreWhitespace: false);
            if (Schemas is not null)
            {
                settings.ValidationType = ValidationType.Schema;
                settings.Schemas = Schemas;
                settings.ValidationFlags = System.Xml.Schema.XmlSchemaValidationFlags.ProcessIdentityConstraints;
                settings.ValidationEventHandler += (_, e) =>
                {
                    if (e.Severity == System.Xml.Schema.XmlSeverityType.Error)
                    {
                        _diagnostics.Error("sche:XmlSchemaError", $"The instance is not valid against its schemas: {e.Message}",
                            new SourceLocation(path, e.Exception?.LineNumber ?? 0, e.Exception?.LinePosition ?? 0));
                    }
                };
            }
            var baseUri = UrlUtil.IsFile(path) || !Uri.TryCreate(path, UriKind.Absolute, out _) ? UrlUtil.FromPath(Path.GetFullPath(path)) : path;
            // Without schema validation the instance is read whole into a pooled buffer, for SafeXml's reader over bytes.
            var (buffer, bufferLength) = Schemas is null ? SafeXml.ReadWhole(stream, options.MaxDocumentBytes) : (null, 0);
            using var again = Schemas is null && buffer is null ? (open is null ? File.OpenRead(path) : open()) : null;
            using var r = buffer is not null
                ? SafeXml.Create(buffer.AsMemory(0, bufferLength), baseUri, settings)
                : SafeXml.Create(again ?? stream, baseUri, settings);
            _atoms = new Atoms(r.NameTable);
            try
            {
                if (r.MoveToContent() != XmlNodeType.Element || r.LocalName != "xbrl" || r.NamespaceURI != XbrlNamespaces.Xbrli)
                {
                    _diagnostics.Error("xbrl.4.1", "The document's root is not xbrli:xbrl: it is not an XBRL instance.", Here(r));
                    return;
                }
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
                    if (r.NamespaceURI == XbrlNamespaces.Xbrli && r.LocalName == "context")
                    {
                        ReadContext(r);
                    }
                    else if (r.NamespaceURI == XbrlNamespaces.Xbrli && r.LocalName == "unit")
                    {
                        ReadUnit(r);
                    }
                    else if (r.NamespaceURI == XbrlNamespaces.Link)
                    {
                        if (r.LocalName == "footnoteLink")
                        {
                            ReadFootnoteLink(r);
                        }
                        else
                        {
                            r.Skip();
                        }
                    }
                    else
                    {
                        Facts.Add(ReadFact(r, null));
                    }
                }
            }
            catch (XmlException e)
            {
                _diagnostics.Error("xml:notWellFormed", $"The instance is not well-formed XML: {e.Message} What was read before this point is kept.", new SourceLocation(path, e.LineNumber, e.LinePosition));
            }
            finally
            {
                r.Dispose();
                if (buffer is not null)
                {
                    System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
                }
            }
        }

        private void ReadContext(XmlReader r)
        {
            var location = Here(r);
            var id = r.GetAttribute("id") ?? "";
            var scheme = "";
            var identifier = "";
            XbrlDate? instant = null, start = null, end = null;
            var forever = false;
            var dims = new List<DimensionValue>();
            StringBuilder? otherSegment = null, otherScenario = null;
            bool hasSegment = false, hasScenario = false;
            var depth = r.Depth;
            if (r.IsEmptyElement)
            {
                r.Read();
                _diagnostics.Error("xbrl.4.7", $"The context '{id}' is empty: it needs an entity and a period.", location);
                return;
            }
            r.Read();
            while (!r.EOF && r.Depth > depth)
            {
                if (r.NodeType != XmlNodeType.Element)
                {
                    r.Read();
                    continue;
                }
                switch (r.LocalName)
                {
                    case "identifier":
                        scheme = r.GetAttribute("scheme") ?? "";
                        identifier = r.ReadElementContentAsString().Trim();
                        continue;
                    case "instant":
                        instant = ReadDate(r, id);
                        continue;
                    case "startDate":
                        start = ReadDate(r, id);
                        continue;
                    case "endDate":
                        end = ReadDate(r, id);
                        continue;
                    case "forever":
                        forever = true;
                        break;
                    case "segment":
                    case "scenario":
                        var inScenario = r.LocalName == "scenario";
                        if (inScenario)
                        {
                            hasScenario = true;
                        }
                        else
                        {
                            hasSegment = true;
                        }
                        ReadDimensionContainer(r, id, inScenario, dims, ref inScenario ? ref otherScenario : ref otherSegment);
                        continue;
                }
                r.Read();
            }
            if (r.NodeType == XmlNodeType.EndElement)
            {
                r.Read();
            }
            var period = new XbrlPeriod { Instant = instant, Start = start, End = end, IsForever = forever };
            if (instant is null && !forever && (start is null || end is null))
            {
                _diagnostics.Error("xbrl.4.7.2", $"The context '{id}' has no complete period: it needs an instant, a start and end date, or forever.", location);
            }
            if (start is { } s && end is { } e && e.AsEnd < s.AsStart)
            {
                _diagnostics.Error("xbrl.4.7.2", $"The context '{id}' ends ({e}) before it starts ({s}).", location);
            }
            var seen = dims.Count > 1 ? new HashSet<QName>() : null;
            foreach (var d in dims)
            {
                if (seen is not null && !seen.Add(d.Dimension))
                {
                    _diagnostics.Error("xbrldie:RepeatedDimensionInInstanceError", $"The context '{id}' gives the dimension {d.Dimension.LocalName} more than one member; a dimension may appear once per context.", location);
                }
            }
            var context = new XbrlContext
            {
                Id = id,
                Scheme = scheme,
                Identifier = identifier,
                Period = period,
                Dimensions = dims,
                OtherSegmentContent = otherSegment?.ToString() ?? "",
                OtherScenarioContent = otherScenario?.ToString() ?? "",
                HasSegment = hasSegment,
                HasScenario = hasScenario,
                Location = location,
            };
            if (!_contexts.TryAdd(id, context))
            {
                _diagnostics.Error("xbrl.4.7.1", $"Two contexts have the id '{id}'.", location);
            }
            Contexts.Add(context);
        }

        private XbrlDate? ReadDate(XmlReader r, string contextId)
        {
            var location = Here(r);
            var text = r.ReadElementContentAsString();
            if (XbrlDate.TryParse(text, out var date))
            {
                return date;
            }
            _diagnostics.Error("sche:XmlSchemaError", $"The context '{contextId}' has the date '{text.Trim()}', which is neither xs:date nor xs:dateTime.", location);
            return null;
        }

        private void ReadDimensionContainer(XmlReader r, string contextId, bool inScenario, List<DimensionValue> dims, ref StringBuilder? other)
        {
            if (r.IsEmptyElement)
            {
                r.Read();
                return;
            }
            var depth = r.Depth;
            r.Read();
            while (!r.EOF && r.Depth > depth)
            {
                if (r.NodeType != XmlNodeType.Element)
                {
                    r.Read();
                    continue;
                }
                var location = Here(r);
                if (r.NamespaceURI == XbrldiNs && r.LocalName == "explicitMember")
                {
                    var scope = Scope.Of(r);
                    var dimension = ResolveQName(r.GetAttribute("dimension"), scope, location, contextId);
                    var text = r.ReadElementContentAsString().Trim();
                    var member = ResolveQName(text, scope, location, contextId);
                    if (dimension is { } d && member is { } m)
                    {
                        dims.Add(new DimensionValue(d, m, null, inScenario));
                    }
                    continue;
                }
                if (r.NamespaceURI == XbrldiNs && r.LocalName == "typedMember")
                {
                    var dimension = ResolveQName(r.GetAttribute("dimension"), Scope.Of(r), location, contextId);
                    var content = r.ReadInnerXml().Trim();
                    if (dimension is { } d)
                    {
                        dims.Add(new DimensionValue(d, null, content, inScenario));
                    }
                    continue;
                }
                var outer = r.ReadOuterXml();
                CheckSegmentContent(outer, contextId, inScenario, location);
                (other ??= new StringBuilder()).Append(outer);
            }
            if (r.NodeType == XmlNodeType.EndElement && r.Depth == depth)
            {
                r.Read();
            }
        }

        /// <summary>XBRL 2.1 section 4.7.3.2: no element of the xbrli namespace and no item or tuple anywhere in a segment or scenario.</summary>
        private void CheckSegmentContent(string outerXml, string contextId, bool inScenario, SourceLocation location)
        {
            var settings = SafeXml.Settings();
            settings.ConformanceLevel = ConformanceLevel.Fragment;
            try
            {
                using var fragment = XmlReader.Create(new StringReader(outerXml), settings);
                while (fragment.Read())
                {
                    if (fragment.NodeType != XmlNodeType.Element)
                    {
                        continue;
                    }
                    var where = inScenario ? "scenario" : "segment";
                    if (fragment.NamespaceURI == XbrlNamespaces.Xbrli)
                    {
                        _diagnostics.Error("xbrl.4.7.3.2", $"The context '{contextId}' has xbrli:{fragment.LocalName} in its {where}; elements of the xbrli namespace may not appear there.", location);
                        return;
                    }
                    if (dts.FindConcept(new QName(fragment.NamespaceURI, fragment.LocalName)) is { IsDeclared: true } c && (c.IsItem || c.IsTuple))
                    {
                        _diagnostics.Error("xbrl.4.7.3.2", $"The context '{contextId}' has the {(c.IsItem ? "item" : "tuple")} {c} in its {where}; facts may not appear there.", location);
                        return;
                    }
                }
            }
            catch (XmlException)
            {
                // The content came out of a well-formed document; a failure here says nothing new.
            }
        }

        /// <summary>
        /// The namespaces in scope on an element, taken before its content is read (a QName in the content resolves
        /// against them): the fast reader's scope by its handle, nothing copied; another reader's as a dictionary.
        /// </summary>
        private readonly struct Scope
        {
            private readonly Utf8XmlReader? _fast;
            private readonly int _handle;
            private readonly IDictionary<string, string>? _all;

            private Scope(Utf8XmlReader fast)
            {
                _fast = fast;
                _handle = fast.NamespaceScope;
            }

            private Scope(IDictionary<string, string> all) => _all = all;

            public static Scope Of(XmlReader r) =>
                r is Utf8XmlReader fast ? new Scope(fast) : new Scope(((IXmlNamespaceResolver)r).GetNamespacesInScope(XmlNamespaceScope.All));

            /// <summary>As the dictionary of <see cref="XmlNamespaceScope.All"/> answers: the xml prefix included, xmlns not, no entry for an absent default namespace.</summary>
            public bool TryGetValue(string prefix, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? ns)
            {
                if (_all is not null)
                {
                    return _all.TryGetValue(prefix, out ns);
                }
                ns = prefix == "xmlns" ? null : _fast!.LookupNamespace(_handle, prefix);
                return !string.IsNullOrEmpty(ns);
            }
        }

        private QName? ResolveQName(string? text, Scope scope, SourceLocation location, string contextId)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                _diagnostics.Error("sche:XmlSchemaError", $"The context '{contextId}' has a dimension member with no QName.", location);
                return null;
            }
            text = text.Trim();
            if (text.StartsWith('{') && text.IndexOf('}', StringComparison.Ordinal) is var close and > 0)
            {
                // A schema-validating reader gives QName-typed content in Clark notation.
                return new QName(text[1..close], text[(close + 1)..]);
            }
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            var prefix = colon < 0 ? "" : text[..colon];
            if (!scope.TryGetValue(prefix, out var ns))
            {
                if (prefix.Length == 0)
                {
                    ns = ""; // no prefix and no default namespace: a name in no namespace
                }
                else
                {
                    _diagnostics.Error("sche:XmlSchemaError", $"'{contextId}' uses the undeclared prefix '{prefix}' in '{text}'.", location);
                    return null;
                }
            }
            return new QName(ns, colon < 0 ? text : text[(colon + 1)..]);
        }

        private void ReadUnit(XmlReader r)
        {
            var location = Here(r);
            var id = r.GetAttribute("id") ?? "";
            var numerators = new List<QName>();
            var denominators = new List<QName>();
            var depth = r.Depth;
            var inDenominator = false;
            if (!r.IsEmptyElement)
            {
                r.Read();
                while (!r.EOF && r.Depth > depth)
                {
                    if (r.NodeType == XmlNodeType.Element && r.LocalName == "unitDenominator")
                    {
                        inDenominator = true;
                    }
                    else if (r.NodeType == XmlNodeType.Element && r.LocalName == "unitNumerator")
                    {
                        inDenominator = false;
                    }
                    else if (r.NodeType == XmlNodeType.Element && r.LocalName == "measure")
                    {
                        var scope = Scope.Of(r);
                        var mlocation = Here(r);
                        var text = r.ReadElementContentAsString();
                        if (ResolveQName(text, scope, mlocation, id) is { } q)
                        {
                            (inDenominator ? denominators : numerators).Add(q);
                        }
                        continue;
                    }
                    r.Read();
                }
            }
            r.Read();
            if (numerators.Count == 0)
            {
                _diagnostics.Error("xbrl.4.8", $"The unit '{id}' has no measure.", location);
            }
            var unit = new XbrlUnit { Id = id, Numerators = numerators, Denominators = denominators, Location = location };
            if (!_units.TryAdd(id, unit))
            {
                _diagnostics.Error("xbrl.4.8", $"Two units have the id '{id}'.", location);
            }
            Units.Add(unit);
        }

        /// <summary>The attribute names a fact may carry, atomized in the reader's name table so they compare by reference.</summary>
        private sealed class Atoms(XmlNameTable names)
        {
            public readonly string ContextRef = names.Add("contextRef");
            public readonly string UnitRef = names.Add("unitRef");
            public readonly string Decimals = names.Add("decimals");
            public readonly string Precision = names.Add("precision");
            public readonly string Id = names.Add("id");
            public readonly string Nil = names.Add("nil");
            public readonly string Xsi = names.Add(XbrlNamespaces.Xsi);
        }

        private Atoms? _atoms;

        /// <summary>What the reader knows of an element name, looked up once per name: its concept, display prefix and numeric kind.</summary>
        private sealed class NameInfo(QName name, Concept? concept, string prefix, Numeric kind)
        {
            public QName Name { get; } = name;
            public Concept? Concept { get; } = concept;
            public string Prefix { get; } = prefix;
            public Numeric Kind { get; } = kind;
        }

        /// <summary>Names by (namespace, local name) as the reader atomizes them: compared by reference, hashed by identity.</summary>
        private sealed class AtomPairComparer : IEqualityComparer<(string Namespace, string LocalName)>
        {
            public static readonly AtomPairComparer Instance = new();

            public bool Equals((string Namespace, string LocalName) x, (string Namespace, string LocalName) y) =>
                ReferenceEquals(x.Namespace, y.Namespace) && ReferenceEquals(x.LocalName, y.LocalName);

            // Cheap and good enough to spread element names: lengths and three characters (equality is by reference anyway).
            public int GetHashCode((string Namespace, string LocalName) obj)
            {
                var local = obj.LocalName;
                var ns = obj.Namespace;
                return local.Length == 0 ? ns.Length
                    : (((local.Length * 31) + local[0]) * 31 + local[local.Length / 2]) * 31 + local[^1] + (ns.Length * 7919) + (ns.Length > 0 ? ns[^1] : 0);
            }
        }

        private readonly Dictionary<(string, string), NameInfo> _names = new(256, AtomPairComparer.Instance);

        private NameInfo InfoOf(XmlReader r)
        {
            var key = (r.NamespaceURI, r.LocalName);
            if (!_names.TryGetValue(key, out var info))
            {
                var name = new QName(key.NamespaceURI, key.LocalName);
                var concept = dts.FindConcept(name);
                _names[key] = info = new NameInfo(name, concept, EdgarTaxonomies.PrefixFor(name.Namespace) ?? r.Prefix, DeclaredKind(concept));
            }
            return info;
        }

        private XbrlFact ReadFact(XmlReader r, XbrlFact? parent)
        {
            var location = Here(r);
            var info = InfoOf(r);
            var name = info.Name;
            var concept = info.Concept;
            var prefix = info.Prefix;
            string? contextRef = null, unitRef = null, decimals = null, precision = null, id = null, xbrlAttribute = null;
            var nil = false;
            var atoms = _atoms!;
            if (r.MoveToFirstAttribute())
            {
                do
                {
                    var local = r.LocalName;
                    var ns = r.NamespaceURI;
                    if (ns.Length == 0)
                    {
                        if (ReferenceEquals(local, atoms.ContextRef))
                        {
                            contextRef = r.Value;
                        }
                        else if (ReferenceEquals(local, atoms.UnitRef))
                        {
                            unitRef = r.Value;
                        }
                        else if (ReferenceEquals(local, atoms.Decimals))
                        {
                            decimals = r.Value;
                        }
                        else if (ReferenceEquals(local, atoms.Precision))
                        {
                            precision = r.Value;
                        }
                        else if (ReferenceEquals(local, atoms.Id))
                        {
                            id = r.Value;
                        }
                    }
                    else if (ReferenceEquals(ns, atoms.Xsi))
                    {
                        if (ReferenceEquals(local, atoms.Nil))
                        {
                            nil = r.Value.Trim() is "true" or "1";
                        }
                    }
                    else if (ns is XbrlNamespaces.Xbrli or XbrlNamespaces.Link or XbrlNamespaces.XLink or XbrlNamespaces.Xl)
                    {
                        xbrlAttribute ??= r.Name;
                    }
                }
                while (r.MoveToNextAttribute());
                r.MoveToElement();
            }

            if (contextRef is null && (concept is { IsDeclared: true, IsTuple: true } || (!r.IsEmptyElement && (concept is null || !concept.IsDeclared))))
            {
                // A tuple: no context, child facts.
                var children = new List<XbrlFact>();
                var depth = r.Depth;
                var empty = r.IsEmptyElement;
                r.Read();
                var tuple = new XbrlFact(name, prefix) { Concept = concept, Id = id, IsNil = nil, IsTuple = true, Children = children, Location = location };
                if (xbrlAttribute is not null)
                {
                    _diagnostics.Error("xbrl.4.9", $"The tuple {tuple.PrefixedName} has the attribute {xbrlAttribute}; a tuple may have no attribute in a namespace of XBRL 2.1 (xbrli, link, xlink, xl).", location);
                }
                while (!empty && !r.EOF && r.Depth > depth)
                {
                    if (r.NodeType == XmlNodeType.Element)
                    {
                        var child = ReadFact(r, tuple);
                        children.Add(child);
                        continue;
                    }
                    if (r.NodeType == XmlNodeType.Text && r.Value.Trim().Length > 0)
                    {
                        _diagnostics.Error("sche:XmlSchemaError", $"The tuple {tuple.PrefixedName} has text content; a tuple holds only facts.", Here(r));
                    }
                    r.Read();
                }
                if (!empty && r.NodeType == XmlNodeType.EndElement)
                {
                    r.Read();
                }
                tuple.Parent = parent;
                Track(tuple);
                return tuple;
            }

            var text = "";
            if (r.IsEmptyElement)
            {
                r.Read();
            }
            else
            {
                // The value: usually one text node, read without a builder; mixed or split content is joined.
                var depth = r.Depth;
                StringBuilder? sb = null;
                r.Read();
                var hasChildElement = false;
                while (!r.EOF && r.Depth > depth)
                {
                    if (r.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
                    {
                        if (text.Length == 0 && sb is null)
                        {
                            text = r.Value;
                        }
                        else
                        {
                            (sb ??= new StringBuilder(text)).Append(r.Value);
                        }
                        r.Read();
                    }
                    else if (r.NodeType == XmlNodeType.Element)
                    {
                        hasChildElement = true;
                        (sb ??= new StringBuilder(text)).Append(r.ReadOuterXml());
                    }
                    else
                    {
                        r.Read();
                    }
                }
                if (r.NodeType == XmlNodeType.EndElement)
                {
                    r.Read();
                }
                if (sb is not null)
                {
                    text = sb.ToString();
                }
                if (hasChildElement && concept is { IsDeclared: true, IsItem: true } && !IsMixedContentType(concept))
                {
                    _diagnostics.Error("sche:XmlSchemaError", $"The item {prefix}:{name.LocalName} has element content; its type allows only a value.", location);
                }
            }
            var fact = new XbrlFact(name, prefix)
            {
                Concept = concept,
                Id = id,
                ContextRef = contextRef,
                UnitRef = unitRef,
                Decimals = decimals,
                Precision = precision,
                IsNil = nil,
                Lexical = nil ? "" : text,
                Location = location,
            };
            fact.Parent = parent;
            if (contextRef is null)
            {
                _diagnostics.Error("xbrl.4.6.1", $"The item {fact.PrefixedName} has no contextRef; every item needs one.", location);
            }
            TypeValue(fact, info.Kind);
            Track(fact);
            return fact;
        }

        private static bool IsMixedContentType(Concept concept) =>
            concept.Type is { } t && (t.LocalName.Contains("textBlock", StringComparison.OrdinalIgnoreCase) || t.LocalName == "anyType");

        private void Track(XbrlFact fact)
        {
            if (fact.Concept is null || !fact.Concept.IsDeclared)
            {
                _factsOfMissingTaxonomies++;
                _missingNamespaces.Add(fact.Name.Namespace);
            }
        }

        private void TypeValue(XbrlFact fact, Numeric declared)
        {
            if (fact.IsNil)
            {
                return;
            }
            var kind = declared == Numeric.UnknownWithUnit ? (fact.UnitRef is null ? Numeric.None : Numeric.Unknown) : declared;
            if (kind == Numeric.None)
            {
                return;
            }
            var span = fact.Lexical.AsSpan().Trim();
            if (kind == Numeric.Double)
            {
                if (TryDouble(span, out var d))
                {
                    fact.DoubleValue = d;
                }
                else
                {
                    _diagnostics.Error("sche:XmlSchemaError", $"The value '{span}' of {fact.PrefixedName} is not a valid number.", fact.Location);
                }
                return;
            }
            if (decimal.TryParse(span, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            {
                fact.DecimalValue = value;
            }
            else if (kind == Numeric.Unknown && TryDouble(span, out var d))
            {
                // A type we cannot see offline that takes exponents or INF: keep it as a double.
                fact.DoubleValue = d;
            }
            else
            {
                _diagnostics.Error("sche:XmlSchemaError", $"The value '{span}' of {fact.PrefixedName} is not a valid decimal number; fix the value or its unit.", fact.Location);
            }
        }

        private static bool TryDouble(ReadOnlySpan<char> text, out double value)
        {
            switch (text)
            {
                case "INF":
                    value = double.PositiveInfinity;
                    return true;
                case "-INF":
                    value = double.NegativeInfinity;
                    return true;
                case "NaN":
                    value = double.NaN;
                    return true;
            }
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && !text.Contains("Infinity", StringComparison.OrdinalIgnoreCase);
        }

        private enum Numeric
        {
            None,
            Decimal,
            Double,
            Unknown,

            /// <summary>A kind known only per fact: <see cref="Unknown"/> when the fact has a unit, else <see cref="None"/>.</summary>
            UnknownWithUnit,
        }

        private static Numeric NumericKind(XbrlFact fact)
        {
            var kind = DeclaredKind(fact.Concept);
            return kind == Numeric.UnknownWithUnit ? (fact.UnitRef is null ? Numeric.None : Numeric.Unknown) : kind;
        }

        /// <summary>The numeric kind a concept's type gives its facts (per concept, so looked up once per name).</summary>
        private static Numeric DeclaredKind(Concept? concept)
        {
            if (concept is { IsDeclared: true, Type: { } type } && (type.Namespace == XbrlNamespaces.Xbrli || type.Namespace == XbrlNamespaces.Xsd))
            {
                return type.LocalName switch
                {
                    "floatItemType" or "doubleItemType" or "float" or "double" => Numeric.Double,
                    "fractionItemType" => Numeric.None,
                    _ when NumericTypes.Contains(type.LocalName) => Numeric.Decimal,
                    _ => Numeric.UnknownWithUnit,
                };
            }
            return Numeric.UnknownWithUnit;
        }

        private static readonly HashSet<string> NumericTypes = new(StringComparer.Ordinal)
        {
            "decimalItemType", "integerItemType", "nonPositiveIntegerItemType", "negativeIntegerItemType", "longItemType", "intItemType",
            "shortItemType", "byteItemType", "nonNegativeIntegerItemType", "unsignedLongItemType", "unsignedIntItemType", "unsignedShortItemType",
            "unsignedByteItemType", "positiveIntegerItemType", "monetaryItemType", "sharesItemType", "pureItemType",
            "decimal", "integer", "long", "int", "short", "byte", "nonNegativeInteger", "positiveInteger", "nonPositiveInteger", "negativeInteger",
            "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte",
        };

        private void ReadFootnoteLink(XmlReader r)
        {
            var locators = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            var resources = new Dictionary<string, (string? Id, string? Role, string? Lang, string Text)>(StringComparer.Ordinal);
            var arcs = new List<(string From, string To, SourceLocation Location)>();
            var depth = r.Depth;
            if (r.IsEmptyElement)
            {
                r.Read();
                return;
            }
            var linkLang = r.GetAttribute("lang", XbrlNamespaces.Xml);
            r.Read();
            while (!r.EOF && r.Depth > depth)
            {
                if (r.NodeType != XmlNodeType.Element)
                {
                    r.Read();
                    continue;
                }
                var type = r.GetAttribute("type", XbrlNamespaces.XLink);
                var label = r.GetAttribute("label", XbrlNamespaces.XLink) ?? "";
                switch (type)
                {
                    case "locator":
                        var href = r.GetAttribute("href", XbrlNamespaces.XLink) ?? "";
                        var hash = href.IndexOf('#', StringComparison.Ordinal);
                        if (hash > 0 && !string.Equals(Path.GetFileName(href[..hash]), Path.GetFileName(path), StringComparison.Ordinal))
                        {
                            _diagnostics.Error("xbrl.4.11.1.2", $"The footnote locator href '{href}' points into another document; a footnote link may only point to facts of its own instance.", Here(r));
                        }
                        if (!locators.TryGetValue(label, out var list))
                        {
                            locators[label] = list = [];
                        }
                        list.Add(hash >= 0 ? href[(hash + 1)..] : href);
                        r.Skip();
                        continue;
                    case "resource":
                        var id = r.GetAttribute("id");
                        var role = r.GetAttribute("role", XbrlNamespaces.XLink);
                        var lang = r.GetAttribute("lang", XbrlNamespaces.Xml) ?? linkLang;
                        if (lang is null && r.LocalName == "footnote" && r.NamespaceURI == XbrlNamespaces.Link)
                        {
                            _diagnostics.Error("xbrl.4.11.1.2.1", "A footnote needs an xml:lang attribute.", Here(r));
                        }
                        var inner = r.ReadInnerXml();
                        resources[label] = (id, role, lang, System.Text.RegularExpressions.Regex.Replace(inner, "<[^>]+>", "").Trim());
                        continue;
                    case "arc":
                        if (r.GetAttribute("arcrole", XbrlNamespaces.XLink) == XbrlArcroles.FactFootnote)
                        {
                            arcs.Add((r.GetAttribute("from", XbrlNamespaces.XLink) ?? "", r.GetAttribute("to", XbrlNamespaces.XLink) ?? "", Here(r)));
                        }
                        r.Skip();
                        continue;
                }
                r.Skip();
            }
            if (r.NodeType == XmlNodeType.EndElement)
            {
                r.Read();
            }
            foreach (var (label, res) in resources)
            {
                var facts = arcs.Where(a => a.To == label).SelectMany(a => locators.GetValueOrDefault(a.From) ?? []).ToList();
                _footnotes.Add(new XbrlFootnote(res.Id ?? label, res.Role, res.Lang, res.Text, facts));
            }
            foreach (var arc in arcs)
            {
                if (!locators.ContainsKey(arc.From) || !resources.ContainsKey(arc.To))
                {
                    _diagnostics.Error("xbrl.4.11.1.3.1", $"The footnote arc from '{arc.From}' to '{arc.To}' must join a locator of a fact to a footnote of the same link.", arc.Location);
                }
            }
        }

        /// <summary>
        /// Resolves each fact's context and unit (a missing one is reported); when <paramref name="validate"/>, also the
        /// instance checks that need the whole document: references, accuracy, period types, units, footnotes.
        /// </summary>
        public void Check(bool validate)
        {
            if (!validate)
            {
                Resolve();
                return;
            }
            CheckUnits();
            var factIds = new HashSet<string>(StringComparer.Ordinal);
            foreach (var fact in Walk(Facts))
            {
                if (fact.Id is { } fid)
                {
                    factIds.Add(fid);
                }
                if (fact.IsTuple)
                {
                    continue;
                }
                if (fact.ContextRef is { } cref)
                {
                    if (_contexts.TryGetValue(cref, out var ctx))
                    {
                        fact.Context = ctx;
                        if (fact.Concept is { IsDeclared: true, PeriodType: { } pt })
                        {
                            if (pt == PeriodType.Instant && !ctx.Period.IsInstant)
                            {
                                _diagnostics.Error("xbrl.4.7.2", $"{fact.PrefixedName} is an instant concept but its context '{cref}' has a duration.", fact.Location);
                            }
                            else if (pt == PeriodType.Duration && !ctx.Period.IsDuration)
                            {
                                _diagnostics.Error("xbrl.4.7.2", $"{fact.PrefixedName} is a duration concept but its context '{cref}' is an instant.", fact.Location);
                            }
                        }
                    }
                    else
                    {
                        _diagnostics.Error("xbrl.4.6.1", $"{fact.PrefixedName} names the context '{cref}', which does not exist.", fact.Location);
                    }
                }
                if (fact.UnitRef is { } uref)
                {
                    if (_units.TryGetValue(uref, out var unit))
                    {
                        fact.Unit = unit;
                        CheckUnitOfFact(fact, unit);
                    }
                    else
                    {
                        _diagnostics.Error("xbrl.4.6.2", $"{fact.PrefixedName} names the unit '{uref}', which does not exist.", fact.Location);
                    }
                    if (fact.IsNil && (fact.Decimals is not null || fact.Precision is not null))
                    {
                        _diagnostics.Error("xbrl.4.6.3", $"{fact.PrefixedName} is nil, so it must have neither decimals nor precision.", fact.Location);
                    }
                    else if (!fact.IsNil && fact.Decimals is not null && fact.Precision is not null)
                    {
                        _diagnostics.Error("xbrl.4.6.3", $"{fact.PrefixedName} has both decimals and precision; give one.", fact.Location);
                    }
                    else if (!fact.IsNil && fact.Decimals is null && fact.Precision is null && fact.Concept is not { IsDeclared: true, Type.LocalName: "fractionItemType" })
                    {
                        _diagnostics.Error("xbrl.4.6.3", $"{fact.PrefixedName} is numeric but has neither decimals nor precision.", fact.Location);
                    }
                    if (fact.Decimals is { } dec && dec.Trim() != "INF" && !int.TryParse(dec.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
                    {
                        _diagnostics.Error("sche:XmlSchemaError", $"{fact.PrefixedName} has decimals '{dec}'; it must be an integer or INF.", fact.Location);
                    }
                    if (fact.Precision is { } prec && prec.Trim() != "INF" && !uint.TryParse(prec.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out _))
                    {
                        _diagnostics.Error("sche:XmlSchemaError", $"{fact.PrefixedName} has precision '{prec}'; it must be a non-negative integer or INF.", fact.Location);
                    }
                }
                else if (fact.Concept is { IsDeclared: true } c && c.IsItem && NumericKind(fact) == Numeric.None && IsNumericType(c))
                {
                    _diagnostics.Error("xbrl.4.6.2", $"{fact.PrefixedName} is numeric but has no unitRef.", fact.Location);
                }
                if (fact.Concept is null && NamespaceHasReadSchema(fact.Name.Namespace))
                {
                    _diagnostics.Error("sche:XmlSchemaError", $"{fact.PrefixedName} is not declared by the schema of its namespace '{fact.Name.Namespace}'; the fact is not an XBRL item.", fact.Location);
                }
            }
            foreach (var fn in _footnotes)
            {
                foreach (var id in fn.FactIds)
                {
                    if (!factIds.Contains(id))
                    {
                        _diagnostics.Error("xbrl.4.11.1.3.1", $"The footnote '{fn.Id}' points to the fact id '{id}', which no fact has.", new SourceLocation(path));
                    }
                }
            }
            if (_factsOfMissingTaxonomies > 0)
            {
                var namespaces = string.Join(", ", _missingNamespaces.Order(StringComparer.Ordinal).Take(6));
                _diagnostics.Warning("edgar:incompleteDts",
                    $"{_factsOfMissingTaxonomies} facts use concepts whose schemas are not available offline ({namespaces}{(_missingNamespaces.Count > 6 ? ", ..." : "")}): their names and values are read, but the checks that need their declarations (types, period types, dimensional validity) are skipped. Register the taxonomy packages for a complete validation.",
                    new SourceLocation(path));
            }
        }

        /// <summary>Only the references: each fact's context and unit, a missing one reported.</summary>
        private void Resolve()
        {
            foreach (var fact in Walk(Facts))
            {
                if (fact.IsTuple)
                {
                    continue;
                }
                if (fact.ContextRef is { } cref)
                {
                    if (_contexts.TryGetValue(cref, out var ctx))
                    {
                        fact.Context = ctx;
                    }
                    else
                    {
                        _diagnostics.Error("xbrl.4.6.1", $"{fact.PrefixedName} names the context '{cref}', which does not exist.", fact.Location);
                    }
                }
                if (fact.UnitRef is { } uref)
                {
                    if (_units.TryGetValue(uref, out var unit))
                    {
                        fact.Unit = unit;
                    }
                    else
                    {
                        _diagnostics.Error("xbrl.4.6.2", $"{fact.PrefixedName} names the unit '{uref}', which does not exist.", fact.Location);
                    }
                }
            }
        }

        private static readonly QName MonetaryItemType = new(XbrlNamespaces.Xbrli, "monetaryItemType");
        private static readonly QName SharesItemType = new(XbrlNamespaces.Xbrli, "sharesItemType");
        private const string Iso4217 = "http://www.xbrl.org/2003/iso4217";

        private enum UnitRule
        {
            None,
            Monetary,
            Shares,
        }

        private readonly Dictionary<QName, UnitRule> _unitRules = [];

        /// <summary>XBRL 2.1 section 4.8.2: monetary items in one ISO 4217 currency, shares items in xbrli:shares.</summary>
        private void CheckUnitOfFact(XbrlFact fact, XbrlUnit unit)
        {
            if (fact.Concept is not { IsDeclared: true, Type: { } type })
            {
                return;
            }
            if (!_unitRules.TryGetValue(type, out var rule))
            {
                _unitRules[type] = rule = dts.TypeDerivesFrom(type, MonetaryItemType) ? UnitRule.Monetary : dts.TypeDerivesFrom(type, SharesItemType) ? UnitRule.Shares : UnitRule.None;
            }
            if (rule == UnitRule.Monetary)
            {
                if (unit.Denominators.Count > 0 || unit.Numerators.Count != 1 || unit.Numerators[0].Namespace != Iso4217
                    || unit.Numerators[0].LocalName.Length != 3 || !unit.Numerators[0].LocalName.All(char.IsAsciiLetterUpper))
                {
                    _diagnostics.Error("xbrl.4.8.2", $"{fact.PrefixedName} is monetary, so its unit '{unit.Id}' must be a single ISO 4217 currency (iso4217:XXX); it is {unit}.", fact.Location);
                }
            }
            else if (rule == UnitRule.Shares)
            {
                if (unit.Denominators.Count > 0 || unit.Numerators.Count != 1 || unit.Numerators[0] != new QName(XbrlNamespaces.Xbrli, "shares"))
                {
                    _diagnostics.Error("xbrl.4.8.2", $"{fact.PrefixedName} is a shares item, so its unit '{unit.Id}' must be xbrli:shares; it is {unit}.", fact.Location);
                }
            }
        }

        /// <summary>Rules on units themselves (XBRL 2.1 sections 4.8.2 and 4.8.4).</summary>
        private void CheckUnits()
        {
            foreach (var unit in Units)
            {
                foreach (var m in unit.Numerators.Concat(unit.Denominators))
                {
                    if (m.Namespace == XbrlNamespaces.Xbrli && m.LocalName is not ("pure" or "shares"))
                    {
                        _diagnostics.Error("xbrl.4.8.2", $"The unit '{unit.Id}' has the measure xbrli:{m.LocalName}; in the xbrli namespace only pure and shares are measures.", unit.Location);
                    }
                }
                if (unit.Numerators.Intersect(unit.Denominators).Any())
                {
                    _diagnostics.Error("xbrl.4.8.4", $"The unit '{unit.Id}' has a measure in both its numerator and its denominator; they cancel: simplify the unit.", unit.Location);
                }
            }
        }

        private static bool IsNumericType(Concept c) =>
            c.Type is { } t && (t.Namespace == XbrlNamespaces.Xbrli && (NumericTypes.Contains(t.LocalName) || t.LocalName is "floatItemType" or "doubleItemType" or "fractionItemType"));

        private readonly Dictionary<string, bool> _namespaceHasReadSchema = new(StringComparer.Ordinal);

        private bool NamespaceHasReadSchema(string ns)
        {
            if (!_namespaceHasReadSchema.TryGetValue(ns, out var has))
            {
                _namespaceHasReadSchema[ns] = has = dts.Documents.Any(d => !d.IsMissing && d.Type == TaxonomyDocumentType.Schema && string.Equals(d.TargetNamespace, ns, StringComparison.Ordinal));
            }
            return has;
        }

        /// <summary>Every fact, tuples' children after their tuple, in document order (one list and an explicit stack, no nested iterators).</summary>
        private static List<XbrlFact> Walk(List<XbrlFact> facts)
        {
            var all = new List<XbrlFact>(facts.Count);
            var stack = new Stack<(IReadOnlyList<XbrlFact> List, int Index)>();
            stack.Push((facts, 0));
            while (stack.Count > 0)
            {
                var (list, i) = stack.Pop();
                if (i >= list.Count)
                {
                    continue;
                }
                var f = list[i];
                all.Add(f);
                stack.Push((list, i + 1));
                if (f.Children.Count > 0)
                {
                    stack.Push((f.Children, 0));
                }
            }
            return all;
        }
    }
}
