namespace EdgarSharp.Xbrl;

/// <summary>
/// Options for loading a DTS. Passed in, never global.
/// </summary>
public sealed class XbrlLoadOptions
{
    /// <summary>Where schemas and linkbases named by http(s) URLs are read from; never the network. Default: an empty catalog (every remote document is missing).</summary>
    public TaxonomyCatalog Catalog { get; init; } = new();

    /// <summary>The largest document read, in bytes (default 128 MiB); a larger one is an error diagnostic and is not read.</summary>
    public long MaxDocumentBytes { get; init; } = 128L * 1024 * 1024;

    /// <summary>The deepest element nesting read (default 128); deeper input is an error diagnostic.</summary>
    public int MaxDepth { get; init; } = 128;

    /// <summary>The most documents one DTS may hold (default 20,000); discovery stops there with an error diagnostic.</summary>
    public int MaxDocuments { get; init; } = 20_000;

    /// <summary>
    /// Whether to run the taxonomy checks of XBRL 2.1 and XBRL Dimensions 1.0 after loading (default true); for an
    /// instance also its checks (XML Schema validity, the XBRL 2.1 instance rules, calculations, dimensional validity):
    /// false only reads it.
    /// </summary>
    public bool Validate { get; init; } = true;

    /// <summary>How an instance's calculations are checked (default: the classic rules of XBRL 2.1).</summary>
    public CalculationMode Calculations { get; init; } = CalculationMode.Xbrl21;
}

/// <summary>
/// A discoverable taxonomy set: the documents reached from an entry point (XBRL 2.1 section 3.2), the concepts,
/// role and arcrole types they declare, their extended links, the effective relationships (after prohibition
/// and override) and every diagnostic found on the way. Immutable once loaded.
/// </summary>
/// <remarks>
/// Loading reads each document once, forward-only, offline: remote URLs resolve only through
/// <see cref="XbrlLoadOptions.Catalog"/>. A document that cannot be found is one warning, and concepts in it are
/// still known by QName from EDGAR's table and the <c>prefix_LocalName</c> id rule. Bad input never throws: it is
/// an error diagnostic with file, line and column; exceptions are for misuse of the API.
/// </remarks>
public sealed class Dts
{
    private readonly Dictionary<QName, Concept> _concepts;
    private readonly Dictionary<string, RelationshipSet> _setsByArcrole = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), RelationshipSet> _setsByArcroleAndRole = [];
    private readonly Lock _gate = new();

    internal Dts(
        IReadOnlyList<string> entryPoints,
        IReadOnlyList<TaxonomyDocument> documents,
        Dictionary<QName, Concept> concepts,
        IReadOnlyList<RoleType> roleTypes,
        IReadOnlyList<ArcroleType> arcroleTypes,
        IReadOnlyList<ExtendedLink> links,
        IReadOnlyList<Relationship> relationships,
        IReadOnlyList<Diagnostic> diagnostics)
    {
        EntryPoints = entryPoints;
        Documents = documents;
        _concepts = concepts;
        RoleTypes = roleTypes;
        ArcroleTypes = arcroleTypes;
        ExtendedLinks = links;
        Relationships = relationships;
        Diagnostics = diagnostics;
    }

    /// <summary>The URLs discovery started from.</summary>
    public IReadOnlyList<string> EntryPoints { get; }

    /// <summary>Every document of the DTS, found or missing, in discovery order.</summary>
    public IReadOnlyList<TaxonomyDocument> Documents { get; }

    /// <summary>Every concept (global element declaration) by name, declared or known only from locators.</summary>
    public IReadOnlyCollection<Concept> Concepts => _concepts.Values;

    /// <summary>The role types declared in the DTS.</summary>
    public IReadOnlyList<RoleType> RoleTypes { get; }

    /// <summary>The arcrole types declared in the DTS.</summary>
    public IReadOnlyList<ArcroleType> ArcroleTypes { get; }

    /// <summary>Every extended link, in discovery order.</summary>
    public IReadOnlyList<ExtendedLink> ExtendedLinks { get; }

    /// <summary>The effective relationships, in document order.</summary>
    public IReadOnlyList<Relationship> Relationships { get; }

    /// <summary>Everything found wrong or missing while loading and checking.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>True when any diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>The dimensional model the Dimensions checks built while loading, reused by <see cref="Xbrl.DimensionalModel.Build"/>; null when the checks did not run.</summary>
    internal DimensionalModel? DimensionalModel { get; set; }

    /// <summary>The base types of the named types the DTS's schemas declare (restriction or extension).</summary>
    internal IReadOnlyDictionary<QName, QName> TypeBases { get; init; } = new Dictionary<QName, QName>();

    /// <summary>
    /// True when <paramref name="type"/> is <paramref name="ancestor"/> or derives from it through the named types the
    /// DTS declares (and the XBRL item types, which derive as XBRL 2.1 defines them).
    /// </summary>
    public bool TypeDerivesFrom(QName type, QName ancestor)
    {
        var seen = 0;
        for (QName? t = type; t is { } current && seen < 64; seen++)
        {
            if (current == ancestor)
            {
                return true;
            }
            t = TypeBases.TryGetValue(current, out var b) ? b : null;
        }
        return false;
    }

    /// <summary>The concept named <paramref name="name"/>, or null.</summary>
    public Concept? FindConcept(QName name) => _concepts.GetValueOrDefault(name);

    /// <summary>The extended link roles used in the DTS, in first-use order.</summary>
    public IReadOnlyList<string> LinkRoles() => ExtendedLinks.Select(l => l.Role).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The effective relationships with <paramref name="arcrole"/>, optionally only those in <paramref name="linkRole"/>.</summary>
    public RelationshipSet RelationshipSet(string arcrole, string? linkRole = null)
    {
        ArgumentNullException.ThrowIfNull(arcrole);
        lock (_gate)
        {
            if (linkRole is null)
            {
                if (!_setsByArcrole.TryGetValue(arcrole, out var set))
                {
                    _setsByArcrole[arcrole] = set = new RelationshipSet(Relationships.Where(r => string.Equals(r.Arcrole, arcrole, StringComparison.Ordinal)));
                }
                return set;
            }
            if (!_setsByArcroleAndRole.TryGetValue((arcrole, linkRole), out var roleSet))
            {
                _setsByArcroleAndRole[(arcrole, linkRole)] = roleSet = new RelationshipSet(Relationships.Where(r =>
                    string.Equals(r.Arcrole, arcrole, StringComparison.Ordinal) && string.Equals(r.LinkRole, linkRole, StringComparison.Ordinal)));
            }
            return roleSet;
        }
    }

    /// <summary>
    /// Loads the DTS that starts at <paramref name="path"/>: a schema, a linkbase, an instance, or a filing folder
    /// (every schema and linkbase in it; the ones discovery did not reach are added with one warning each).
    /// </summary>
    /// <exception cref="FileNotFoundException">The path exists neither as a file nor as a folder.</exception>
    public static Dts Load(string path, XbrlLoadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var loader = new Internal.DtsLoader(options ?? new XbrlLoadOptions());
        if (Directory.Exists(path))
        {
            return loader.LoadFolder(Path.GetFullPath(path));
        }
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"There is no file or folder at '{path}'.", path);
        }
        return loader.Load([Internal.UrlUtil.FromPath(Path.GetFullPath(path))]);
    }

    /// <summary>Loads the DTS discovered from several entry points (files or absolute URLs).</summary>
    public static Dts Load(IEnumerable<string> entryPoints, XbrlLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(entryPoints);
        // Absolute URLs (http, https, file) as they are; anything else is a path.
        var urls = entryPoints.Select(e => e.Contains("://", StringComparison.Ordinal) && Uri.TryCreate(e, UriKind.Absolute, out _) ? e : Internal.UrlUtil.FromPath(Path.GetFullPath(e))).ToList();
        return new Internal.DtsLoader(options ?? new XbrlLoadOptions()).Load(urls);
    }
}
