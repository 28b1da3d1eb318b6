using System.Globalization;
using System.IO.Compression;
using System.Xml;
using System.Xml.Linq;
using EdgarSharp.Internal;

namespace EdgarSharp.Xbrl.Internal;

/// <summary>The bounds a catalog applies to the packages it opens.</summary>
internal readonly record struct PackageLimits(long MaxEntryBytes, double MaxCompressionRatio, int MaxEntries)
{
    /// <summary>Entries smaller than this are never judged by their compression ratio (small files compress wildly).</summary>
    public const long RatioCheckMinimumBytes = 1024 * 1024;
}

/// <summary>
/// One URL rewrite of a package catalog, ready to match: <see cref="StartKey"/> is the start string's
/// <see cref="CatalogUrl.TryGetKey"/> key; the target is either a folder inside the zip or an absolute URL.
/// </summary>
internal sealed record PackageRewriteRule(string StartKey, string? EntryPrefix, string? UrlPrefix, TaxonomyPackageArchive Package);

/// <summary>
/// An open XBRL Taxonomy Packages 1.0 zip: its entry index (names to entries, oversized and unsafe entries left
/// out), its metadata and its catalog rewrites. Reads the zip's central directory and the two META-INF files
/// when loaded; entries are decompressed only when opened, one at a time (the zip is not thread-safe, so opens
/// are serialized per package), into memory bounded by <see cref="PackageLimits.MaxEntryBytes"/>.
/// </summary>
internal sealed class TaxonomyPackageArchive : IDisposable
{
    public const string Namespace2016 = "http://xbrl.org/2016/taxonomy-package";
    public const string NamespacePwd2015 = "http://xbrl.org/PWD/2015-01-14/taxonomy-package";
    public const string NamespacePr2015 = "http://xbrl.org/PR/2015-12-09/taxonomy-package";
    public const string CatalogNamespace = "urn:oasis:names:tc:entity:xmlns:xml:catalog";

    private const int MaxEntryWarnings = 20;

    private static readonly XName XmlLang = XNamespace.Xml + "lang";
    private static readonly XName XmlBase = XNamespace.Xml + "base";

    private readonly FileStream _file;
    private readonly ZipArchive _zip;
    private readonly Dictionary<string, ZipArchiveEntry> _entries;
    private readonly Lock _gate = new();
    private bool _disposed;

    private TaxonomyPackageArchive(string zipPath, FileStream file, ZipArchive zip, Dictionary<string, ZipArchiveEntry> entries)
    {
        ZipPath = zipPath;
        _file = file;
        _zip = zip;
        _entries = entries;
    }

    /// <summary>The package's full path.</summary>
    public string ZipPath { get; }

    /// <summary>The name of the package's single top-level folder.</summary>
    public string TopLevelFolder { get; private init; } = "";

    /// <summary>The package's metadata; set once loading succeeds.</summary>
    public TaxonomyPackageInfo Info { get; private set; } = null!;

    /// <summary>The catalog's rewrites in document order (rewriteURI before rewriteSystem).</summary>
    public IReadOnlyList<PackageRewriteRule> Rules { get; private set; } = [];

    /// <summary>True when the zip holds a readable entry of that name (<c>/</c> separators).</summary>
    public bool HasEntry(string entryName) => _entries.ContainsKey(entryName);

    /// <summary>The location string of an entry, for <see cref="ResolvedDocument.Location"/> and diagnostics.</summary>
    public string LocationOf(string entryName) => ZipPath + ResolvedDocument.PackageEntrySeparator + entryName;

    /// <summary>
    /// Decompresses an entry into memory. Throws <see cref="FileNotFoundException"/> for an unknown entry and
    /// <see cref="InvalidDataException"/> when the entry is corrupt or holds more bytes than it declares or than
    /// <paramref name="maxBytes"/>.
    /// </summary>
    public MemoryStream OpenEntry(string entryName, long maxBytes)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (!_entries.TryGetValue(entryName, out var entry))
            {
                throw new FileNotFoundException($"The package {ZipPath} has no entry {entryName}.", LocationOf(entryName));
            }
            var bytes = ReadBounded(entry, maxBytes, LocationOf(entryName));
            return new MemoryStream(bytes.Array!, 0, bytes.Count, writable: false, publiclyVisible: true);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
            _zip.Dispose();
            _file.Dispose();
        }
    }

    /// <summary>
    /// Opens and checks a package. Returns null, with the reasons in <paramref name="diagnostics"/>, when the
    /// package cannot be used (not a zip, bad structure, unreadable metadata or catalog); the file is then
    /// closed. Throws only when the file cannot be opened or read (I/O).
    /// </summary>
    public static TaxonomyPackageArchive? Load(string zipPath, PackageLimits limits, DiagnosticBag diagnostics)
    {
        var file = new FileStream(zipPath, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.RandomAccess);
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException e)
        {
            file.Dispose();
            diagnostics.Error("tpe:invalidArchiveFormat",
                $"The file is not a readable zip archive ({e.Message}); a taxonomy package must be a zip file.",
                new SourceLocation(zipPath));
            return null;
        }
        catch
        {
            file.Dispose();
            throw;
        }

        TaxonomyPackageArchive? archive;
        HashSet<string> names;
        try
        {
            archive = Index(zipPath, file, zip, limits, diagnostics, out names);
        }
        catch
        {
            zip.Dispose();
            file.Dispose();
            throw;
        }
        if (archive is null)
        {
            zip.Dispose();
            file.Dispose();
            return null;
        }
        try
        {
            if (archive.ReadMetadata(names, limits, diagnostics))
            {
                return archive;
            }
            archive.Dispose();
            return null;
        }
        catch
        {
            archive.Dispose();
            throw;
        }
    }

    private static TaxonomyPackageArchive? Index(
        string zipPath, FileStream file, ZipArchive zip, PackageLimits limits, DiagnosticBag diagnostics, out HashSet<string> allNames)
    {
        allNames = new HashSet<string>(StringComparer.Ordinal);
        var at = new SourceLocation(zipPath);
        System.Collections.ObjectModel.ReadOnlyCollection<ZipArchiveEntry> entries;
        try
        {
            entries = zip.Entries;
        }
        catch (InvalidDataException e)
        {
            diagnostics.Error("tpe:invalidArchiveFormat", $"The zip's central directory cannot be read ({e.Message}).", at);
            return null;
        }
        if (entries.Count > limits.MaxEntries)
        {
            diagnostics.Error("edgar:packageTooManyEntries",
                $"The package holds {entries.Count} entries, more than the limit of {limits.MaxEntries}; raise TaxonomyCatalog.MaxPackageEntries if it is genuine.", at);
            return null;
        }

        var index = new Dictionary<string, ZipArchiveEntry>(StringComparer.Ordinal);
        var topFolders = new SortedSet<string>(StringComparer.Ordinal);
        var filesAtRoot = new List<string>();
        var leftOut = 0;
        void LeaveOut(string code, string message, string entryName)
        {
            // A hostile zip may hold thousands of bad entries: report the first ones, then count.
            if (++leftOut <= MaxEntryWarnings)
            {
                diagnostics.Warning(code, message, new SourceLocation(zipPath + ResolvedDocument.PackageEntrySeparator + entryName));
            }
        }
        foreach (var entry in entries)
        {
            var name = entry.FullName.Replace('\\', '/');
            if (name.StartsWith("__MACOSX/", StringComparison.Ordinal))
            {
                continue; // resource forks that macOS's archiver adds; never part of a package
            }
            var slash = name.IndexOf('/', StringComparison.Ordinal);
            if (slash < 0)
            {
                filesAtRoot.Add(name);
            }
            else
            {
                topFolders.Add(name[..slash]);
            }
            if (name.EndsWith('/'))
            {
                continue; // a folder entry
            }
            if (!IsSafeEntryName(name))
            {
                LeaveOut("edgar:packageEntryNameUnsafe",
                    $"The entry name '{name}' is absolute or holds '..', '\\' or ':' segments; it is left out of the package.", name);
                continue;
            }
            if (!allNames.Add(name))
            {
                LeaveOut("edgar:packageEntryDuplicate", $"The zip holds the entry '{name}' more than once; the first one is used.", name);
                continue;
            }
            if (entry.Length > limits.MaxEntryBytes)
            {
                LeaveOut("edgar:packageEntryTooLarge",
                    $"The entry '{name}' declares {entry.Length} bytes, more than the limit of {limits.MaxEntryBytes}; it is left out of the package (raise TaxonomyCatalog.MaxEntryBytes if it is genuine).", name);
                continue;
            }
            if (entry.Length >= PackageLimits.RatioCheckMinimumBytes
                && entry.Length > Math.Max(1, entry.CompressedLength) * limits.MaxCompressionRatio)
            {
                LeaveOut("edgar:packageEntryCompressionRatio",
                    string.Create(CultureInfo.InvariantCulture, $"The entry '{name}' expands {entry.Length / (double)Math.Max(1, entry.CompressedLength):0} times, more than the limit of {limits.MaxCompressionRatio:0}; it is left out of the package as a likely zip bomb."), name);
                continue;
            }
            index.TryAdd(name, entry);
        }
        if (leftOut > MaxEntryWarnings)
        {
            diagnostics.Warning("edgar:packageEntriesLeftOut",
                $"{leftOut - MaxEntryWarnings} more entries were left out of the package for the same reasons.", at);
        }

        if (filesAtRoot.Count > 0 || topFolders.Count != 1)
        {
            var what = topFolders.Count == 0 && filesAtRoot.Count == 0
                ? "no entries"
                : $"{topFolders.Count} top-level folder(s) ({string.Join(", ", topFolders.Take(5))}) and {filesAtRoot.Count} file(s) at the top level";
            diagnostics.Error("tpe:invalidDirectoryStructure",
                $"A taxonomy package must hold exactly one top-level folder and nothing else at the top; this one has {what}.", at);
            return null;
        }

        return new TaxonomyPackageArchive(zipPath, file, zip, index) { TopLevelFolder = topFolders.Min! };
    }

    private static bool IsSafeEntryName(string name)
    {
        foreach (var segment in name.Split('/'))
        {
            if (segment.Length == 0 || segment == "." || segment == ".." || segment.AsSpan().IndexOfAny('\\', ':', '\0') >= 0)
            {
                return false;
            }
        }
        return true;
    }

    private bool ReadMetadata(HashSet<string> allNames, PackageLimits limits, DiagnosticBag diagnostics)
    {
        var metaInf = TopLevelFolder + "/META-INF/";
        var hasMetaInf = false;
        foreach (var entry in _zip.Entries)
        {
            if (entry.FullName.Replace('\\', '/').StartsWith(metaInf, StringComparison.Ordinal))
            {
                hasMetaInf = true;
                break;
            }
        }
        if (!hasMetaInf)
        {
            diagnostics.Error("tpe:metadataDirectoryNotFound",
                $"The package has no {metaInf} folder; a taxonomy package keeps its metadata there.", new SourceLocation(ZipPath));
            return false;
        }

        var metadataName = metaInf + "taxonomyPackage.xml";
        if (!allNames.Contains(metadataName))
        {
            diagnostics.Error("tpe:metadataFileNotFound",
                $"The package has no {metadataName}; a taxonomy package must describe itself there.", new SourceLocation(ZipPath));
            return false;
        }
        var metadata = LoadXml(metadataName, "tpe:invalidMetaDataFile", limits, diagnostics);
        if (metadata is null || !ReadPackageMetadata(metadata, metadataName, diagnostics, out var info))
        {
            return false;
        }

        var catalogName = metaInf + "catalog.xml";
        IReadOnlyList<TaxonomyPackageRewrite> rewrites = [];
        if (allNames.Contains(catalogName))
        {
            var catalog = LoadXml(catalogName, "tpe:invalidCatalogFile", limits, diagnostics);
            if (catalog is null || !ReadCatalog(catalog, catalogName, diagnostics, out rewrites))
            {
                return false;
            }
        }
        else
        {
            diagnostics.Info("edgar:packageWithoutCatalog",
                $"The package has no {catalogName}, so none of its files can be found by URL; only its metadata is used.",
                new SourceLocation(ZipPath));
        }
        Info = info with { Rewrites = rewrites };
        return true;
    }

    private XDocument? LoadXml(string entryName, string code, PackageLimits limits, DiagnosticBag diagnostics)
    {
        var location = LocationOf(entryName);
        if (!_entries.TryGetValue(entryName, out var entry))
        {
            // Present but left out by the size checks (reported already).
            diagnostics.Error(code, $"The file {entryName} is too large to read as package metadata.", new SourceLocation(location));
            return null;
        }
        try
        {
            var bytes = ReadBounded(entry, limits.MaxEntryBytes, location);
            using var reader = SafeXml.Create(new MemoryStream(bytes.Array!, 0, bytes.Count, writable: false), "");
            return XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            diagnostics.Error(code, $"The file {entryName} is not well-formed XML: {e.Message}", new SourceLocation(location, e.LineNumber, e.LinePosition));
            return null;
        }
        catch (InvalidDataException e)
        {
            diagnostics.Error(code, $"The file {entryName} cannot be decompressed: {e.Message}", new SourceLocation(location));
            return null;
        }
    }

    private bool ReadPackageMetadata(XDocument doc, string entryName, DiagnosticBag diagnostics, out TaxonomyPackageInfo info)
    {
        info = null!;
        var location = LocationOf(entryName);
        var root = doc.Root!;
        var ns = root.Name.NamespaceName;
        if (root.Name.LocalName != "taxonomyPackage" || (ns != Namespace2016 && ns != NamespacePwd2015 && ns != NamespacePr2015))
        {
            diagnostics.Error("tpe:invalidMetaDataFile",
                $"The root element of {entryName} is {{{ns}}}{root.Name.LocalName}; it must be tp:taxonomyPackage in {Namespace2016}.",
                At(location, root));
            return false;
        }
        if (ns != Namespace2016)
        {
            diagnostics.Warning("edgar:packageDraftNamespace",
                $"{entryName} uses the draft namespace {ns}; it is read as Taxonomy Packages 1.0 ({Namespace2016}), but the publisher should re-issue it.",
                At(location, root));
        }
        XNamespace tp = ns;
        var identifier = root.Element(tp + "identifier")?.Value.Trim();
        if (string.IsNullOrEmpty(identifier))
        {
            diagnostics.Error("tpe:invalidMetaDataFile", $"{entryName} has no tp:identifier; every taxonomy package must name itself with a URI.", At(location, root));
            return false;
        }
        CheckLanguages(root, tp, location, diagnostics);

        var entryPoints = new List<TaxonomyEntryPoint>();
        foreach (var ep in root.Element(tp + "entryPoints")?.Elements(tp + "entryPoint") ?? [])
        {
            CheckLanguages(ep, tp, location, diagnostics);
            var urls = new List<string>();
            foreach (var doc2 in ep.Elements(tp + "entryPointDocument"))
            {
                var href = doc2.Attribute("href")?.Value.Trim();
                if (string.IsNullOrEmpty(href))
                {
                    diagnostics.Error("tpe:invalidMetaDataFile", "A tp:entryPointDocument has no href; it is skipped.", At(location, doc2));
                    continue;
                }
                urls.Add(ApplyXmlBase(doc2, href));
            }
            entryPoints.Add(new TaxonomyEntryPoint(
                Localized(ep, tp + "name") ?? "",
                Localized(ep, tp + "description"),
                ep.Element(tp + "version")?.Value.Trim(),
                urls));
        }

        info = new TaxonomyPackageInfo(
            identifier,
            Localized(root, tp + "name") ?? Path.GetFileNameWithoutExtension(ZipPath),
            root.Element(tp + "version")?.Value.Trim(),
            Localized(root, tp + "description"),
            Localized(root, tp + "publisher"),
            root.Element(tp + "publicationDate")?.Value.Trim(),
            entryPoints,
            ZipPath,
            TopLevelFolder,
            []);
        return true;
    }

    private bool ReadCatalog(XDocument doc, string entryName, DiagnosticBag diagnostics, out IReadOnlyList<TaxonomyPackageRewrite> rewrites)
    {
        rewrites = [];
        var location = LocationOf(entryName);
        var root = doc.Root!;
        if (root.Name != XName.Get("catalog", CatalogNamespace))
        {
            diagnostics.Error("tpe:invalidCatalogFile",
                $"The root element of {entryName} is {{{root.Name.NamespaceName}}}{root.Name.LocalName}; it must be an OASIS XML catalog ({CatalogNamespace}).",
                At(location, root));
            return false;
        }

        var rules = new List<PackageRewriteRule>();
        var listed = new List<TaxonomyPackageRewrite>();
        var uriStarts = new HashSet<string>(StringComparer.Ordinal);
        var systemRules = new List<(PackageRewriteRule Rule, TaxonomyPackageRewrite Listed)>();
        foreach (var element in root.Elements())
        {
            if (element.Name.NamespaceName != CatalogNamespace)
            {
                continue; // other namespaces may extend a catalog; they say nothing about URLs
            }
            string startAttribute;
            var isUri = element.Name.LocalName == "rewriteURI";
            if (isUri)
            {
                startAttribute = "uriStartString";
            }
            else if (element.Name.LocalName == "rewriteSystem")
            {
                startAttribute = "systemIdStartString";
            }
            else
            {
                diagnostics.Warning("edgar:catalogEntryIgnored",
                    $"The catalog element {element.Name.LocalName} is not used by taxonomy packages; only rewriteURI and rewriteSystem are read.",
                    At(location, element));
                continue;
            }
            var start = element.Attribute(startAttribute)?.Value;
            var prefix = element.Attribute("rewritePrefix")?.Value;
            if (string.IsNullOrEmpty(start) || prefix is null)
            {
                diagnostics.Error("tpe:invalidCatalogFile",
                    $"A {element.Name.LocalName} element lacks @{startAttribute} or @rewritePrefix; it is skipped.", At(location, element));
                continue;
            }
            if (!CatalogUrl.TryGetKey(start, out var startKey))
            {
                diagnostics.Error("tpe:invalidCatalogFile",
                    $"The start string '{start}' is not an absolute URL; it can never match and is skipped.", At(location, element));
                continue;
            }
            if (!TryTarget(element, entryName, prefix, out var entryPrefix, out var urlPrefix, out var why))
            {
                diagnostics.Error("edgar:packageRewriteRefused", $"The rewrite of '{start}' to '{prefix}' is refused: {why}", At(location, element));
                continue;
            }
            var rule = new PackageRewriteRule(startKey, entryPrefix, urlPrefix, this);
            var shown = new TaxonomyPackageRewrite(start, prefix, entryPrefix ?? urlPrefix!);
            if (!isUri)
            {
                systemRules.Add((rule, shown));
                continue;
            }
            if (!uriStarts.Add(startKey))
            {
                diagnostics.Error("tpe:multipleRewriteURIsForStartString",
                    $"The catalog has more than one rewriteURI for '{start}'; the first one is used.", At(location, element));
                continue;
            }
            rules.Add(rule);
            listed.Add(shown);
        }
        foreach (var (rule, shown) in systemRules)
        {
            if (uriStarts.Add(rule.StartKey))
            {
                rules.Add(rule);
                listed.Add(shown);
            }
        }
        Rules = rules;
        rewrites = listed;
        return true;
    }

    // A rewritePrefix is relative to the catalog file (after xml:base); it may also be an absolute http(s) URL.
    // Anything reaching outside the zip (file: URLs, absolute paths, '..' above the zip's root) is refused.
    private static bool TryTarget(XElement element, string catalogEntry, string prefix, out string? entryPrefix, out string? urlPrefix, out string why)
    {
        entryPrefix = urlPrefix = null;
        why = "";
        var value = prefix.Trim();
        var baseValue = InScopeBase(element);
        if (baseValue is not null && !IsHttp(value))
        {
            if (IsHttp(baseValue))
            {
                value = new Uri(new Uri(baseValue), value).AbsoluteUri;
            }
            else if (!IsRelativePath(baseValue) || !CatalogUrl.TryResolveArchivePath(catalogEntry, baseValue, out var rebased))
            {
                why = $"its xml:base '{baseValue}' points outside the package.";
                return false;
            }
            else
            {
                catalogEntry = rebased.EndsWith('/') || rebased.Length == 0 ? rebased + "catalog.xml" : rebased;
            }
        }
        if (IsHttp(value))
        {
            urlPrefix = value;
            return true;
        }
        if (!IsRelativePath(value))
        {
            why = "a package may only point into itself or to an http(s) URL.";
            return false;
        }
        if (!CatalogUrl.TryResolveArchivePath(catalogEntry, value, out var resolved))
        {
            why = "its '..' segments climb above the root of the zip.";
            return false;
        }
        entryPrefix = resolved;
        return true;
    }

    private static bool IsHttp(string s) =>
        s.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || s.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    private static bool IsRelativePath(string s) =>
        !s.StartsWith('/') && !s.StartsWith('\\') && !s.Contains(':', StringComparison.Ordinal);

    private static string? InScopeBase(XElement element)
    {
        // The nearest xml:base wins; nested relative bases are rare enough in catalogs to resolve only one level.
        for (var e = element; e is not null; e = e.Parent)
        {
            var b = e.Attribute(XmlBase)?.Value;
            if (!string.IsNullOrWhiteSpace(b))
            {
                return b.Trim();
            }
        }
        return null;
    }

    private static string ApplyXmlBase(XElement element, string href)
    {
        var b = InScopeBase(element);
        if (b is null || IsHttp(href) || !Uri.TryCreate(b, UriKind.Absolute, out var baseUri))
        {
            return href;
        }
        return Uri.TryCreate(baseUri, href, out var combined) ? combined.AbsoluteUri : href;
    }

    private static string? InScopeLang(XElement element)
    {
        for (var e = element; e is not null; e = e.Parent)
        {
            var lang = e.Attribute(XmlLang)?.Value;
            if (lang is not null)
            {
                return lang.Trim();
            }
        }
        return null;
    }

    private static string? Localized(XElement parent, XName name)
    {
        string? first = null;
        foreach (var e in parent.Elements(name))
        {
            var text = e.Value.Trim();
            first ??= text;
            var lang = InScopeLang(e);
            if (lang is not null && (lang.Equals("en", StringComparison.OrdinalIgnoreCase) || lang.StartsWith("en-", StringComparison.OrdinalIgnoreCase)))
            {
                return text;
            }
        }
        return first;
    }

    private static void CheckLanguages(XElement parent, XNamespace tp, string location, DiagnosticBag diagnostics)
    {
        foreach (var local in (ReadOnlySpan<string>)["name", "description", "publisher"])
        {
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var e in parent.Elements(tp + local))
            {
                var lang = InScopeLang(e);
                if (lang is null)
                {
                    diagnostics.Error("tpe:missingLanguageAttribute",
                        $"The tp:{local} element has no xml:lang in scope; multilingual package metadata must say its language.", At(location, e));
                }
                else if (!seen.Add(lang))
                {
                    diagnostics.Error("tpe:duplicateLanguagesForElement",
                        $"There is more than one tp:{local} in language '{lang}' here; keep one per language.", At(location, e));
                }
            }
        }
    }

    private static SourceLocation At(string location, XObject node) =>
        node is IXmlLineInfo info && info.HasLineInfo() ? new SourceLocation(location, info.LineNumber, info.LinePosition) : new SourceLocation(location);

    /// <summary>
    /// Reads an entry fully, trusting neither its declared size nor its compression: at most
    /// min(declared, <paramref name="maxBytes"/>) bytes are accepted, one more byte is an error, and the bytes
    /// must match the declared size and CRC-32 (a forged size would otherwise truncate the entry silently).
    /// </summary>
    private static ArraySegment<byte> ReadBounded(ZipArchiveEntry entry, long maxBytes, string location)
    {
        var declared = entry.Length;
        var limit = Math.Min(declared, maxBytes);
        if (declared > maxBytes)
        {
            throw new InvalidDataException($"{location} declares {declared} bytes, more than the limit of {maxBytes}.");
        }
        var buffer = new byte[(int)Math.Min(limit + 1, Array.MaxLength)];
        using var stream = entry.Open();
        var total = 0;
        while (true)
        {
            var read = stream.Read(buffer, total, buffer.Length - total);
            if (read == 0)
            {
                break;
            }
            total += read;
            if (total > limit)
            {
                throw new InvalidDataException($"{location} holds more bytes than it declares ({declared}); the package is corrupt or hostile.");
            }
        }
        if (total != declared || ZipCrc32.Compute(buffer.AsSpan(0, total)) != entry.Crc32)
        {
            throw new InvalidDataException($"{location} does not match the size and checksum its headers declare; the package is corrupt or hostile.");
        }
        return new ArraySegment<byte>(buffer, 0, total);
    }
}
