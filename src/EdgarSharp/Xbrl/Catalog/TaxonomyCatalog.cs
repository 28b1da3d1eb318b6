using System.Diagnostics.CodeAnalysis;
using EdgarSharp.Xbrl.Internal;

namespace EdgarSharp.Xbrl;

/// <summary>
/// Resolves absolute schema and linkbase URLs to local bytes, never from the network: from XBRL Taxonomy
/// Packages 1.0 zips (<see cref="AddPackage"/>) and from cache folders laid out by host and path
/// (<see cref="AddCacheFolder"/>). An http and an https URL resolve alike.
/// </summary>
/// <remarks>
/// <para>Order: the packages' catalog rewrites first, the longest matching start string winning (among equals,
/// the package added first); then the cache folders in the order they were added. A URL that none of them holds
/// is simply not resolved (<see cref="TryResolve"/> returns false).</para>
/// <para>Bad input: a bad package yields diagnostics with the specification's <c>tpe:</c> codes and is not used;
/// exceptions are for I/O failures and misuse only. A URL whose path climbs out of a folder or a package with
/// <c>..</c> segments is refused. Zip entries are bounded by <see cref="MaxEntryBytes"/> and
/// <see cref="MaxCompressionRatio"/> (a zip bomb is left out with a warning, never expanded).</para>
/// <para>Cost: adding a package reads its central directory and its two META-INF files and keeps the zip open
/// until <see cref="Dispose"/>; resolving is a string match per rewrite plus, for cache folders, up to three
/// file-existence checks; opening a package entry decompresses it into memory. Registration and resolution are
/// thread-safe; opens of one package are serialized.</para>
/// </remarks>
public sealed class TaxonomyCatalog : IDisposable
{
    /// <summary>The default of <see cref="MaxEntryBytes"/>: 64 MiB, above any real schema or linkbase.</summary>
    public const long DefaultMaxEntryBytes = 64L * 1024 * 1024;

    /// <summary>The default of <see cref="MaxCompressionRatio"/>: 200 (real XBRL files compress 5 to 50 times).</summary>
    public const double DefaultMaxCompressionRatio = 200;

    /// <summary>The default of <see cref="MaxPackageEntries"/>: 100,000 (the whole US GAAP package has under 3,000).</summary>
    public const int DefaultMaxPackageEntries = 100_000;

    private const int MaxRewriteDepth = 8;

    private readonly Lock _gate = new();
    private string[] _cacheFolders = [];
    private TaxonomyPackageArchive[] _packages = [];
    private PackageRewriteRule[] _rules = []; // longest start first; stable by registration
    private long _maxEntryBytes = DefaultMaxEntryBytes;
    private double _maxCompressionRatio = DefaultMaxCompressionRatio;
    private int _maxPackageEntries = DefaultMaxPackageEntries;
    private bool _disposed;

    /// <summary>Creates a catalog that resolves nothing until folders or packages are added.</summary>
    public TaxonomyCatalog()
    {
    }

    /// <summary>A new catalog that resolves nothing (a fresh instance on each call; dispose it or not, it holds nothing).</summary>
    public static TaxonomyCatalog Empty => new();

    /// <summary>
    /// The most bytes one package entry may expand to. Default <see cref="DefaultMaxEntryBytes"/> (64 MiB). An entry
    /// declaring more is left out of its package with the warning <c>edgar:packageEntryTooLarge</c>; an entry that
    /// turns out larger than it declared fails to open. Applies to packages added afterwards and to every open.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public long MaxEntryBytes
    {
        get => _maxEntryBytes;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
            _maxEntryBytes = value;
        }
    }

    /// <summary>
    /// The largest ratio of expanded to compressed size accepted for a package entry of 1 MiB or more. Default
    /// <see cref="DefaultMaxCompressionRatio"/> (200). An entry beyond it is left out of its package with the
    /// warning <c>edgar:packageEntryCompressionRatio</c>. Applies to packages added afterwards.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public double MaxCompressionRatio
    {
        get => _maxCompressionRatio;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            _maxCompressionRatio = value;
        }
    }

    /// <summary>
    /// The most entries a package may hold. Default <see cref="DefaultMaxPackageEntries"/> (100,000); a package with
    /// more is refused with the error <c>edgar:packageTooManyEntries</c>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public int MaxPackageEntries
    {
        get => _maxPackageEntries;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
            _maxPackageEntries = value;
        }
    }

    /// <summary>The cache folders added, as full paths, in the order they are searched.</summary>
    public IReadOnlyList<string> CacheFolders => Volatile.Read(ref _cacheFolders);

    /// <summary>The packages added and in use, in the order they were added.</summary>
    public IReadOnlyList<TaxonomyPackageInfo> Packages => Array.ConvertAll(Volatile.Read(ref _packages), p => p.Info);

    /// <summary>
    /// Adds a folder laid out by scheme, host and path: <c>http://www.xbrl.org/2003/x.xsd</c> is read from
    /// <c>folder/http/www.xbrl.org/2003/x.xsd</c>, else <c>folder/https/www.xbrl.org/2003/x.xsd</c>, else
    /// <c>folder/www.xbrl.org/2003/x.xsd</c> (an https URL tries <c>https/</c> first). Nothing is read until a URL
    /// is resolved. Adding the same folder twice has no effect.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public void AddCacheFolder(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        if (!Directory.Exists(full))
        {
            throw new DirectoryNotFoundException($"The cache folder {full} does not exist.");
        }
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (Array.IndexOf(_cacheFolders, full) < 0)
            {
                Volatile.Write(ref _cacheFolders, [.. _cacheFolders, full]);
            }
        }
    }

    /// <summary>
    /// Adds an XBRL Taxonomy Packages 1.0 zip: exactly one top-level folder holding <c>META-INF/taxonomyPackage.xml</c>
    /// (namespace <c>http://xbrl.org/2016/taxonomy-package</c>; the 2015 drafts are read with a warning) and
    /// optionally <c>META-INF/catalog.xml</c> (an OASIS catalog whose <c>rewriteURI</c> and <c>rewriteSystem</c>
    /// prefixes are relative to the catalog file).
    /// </summary>
    /// <returns>
    /// The problems found, empty for a clean package. A package with an error that makes it unusable (not a zip:
    /// <c>tpe:invalidArchiveFormat</c>; <c>tpe:invalidDirectoryStructure</c>; <c>tpe:metadataDirectoryNotFound</c>;
    /// <c>tpe:metadataFileNotFound</c>; <c>tpe:invalidMetaDataFile</c>; <c>tpe:invalidCatalogFile</c> for a catalog
    /// that is not XML or not a catalog; <c>edgar:packageTooManyEntries</c>) is not added and resolves nothing.
    /// Other problems (<c>tpe:multipleRewriteURIsForStartString</c>: the first rewrite is used; a rewrite pointing
    /// outside the package; oversized entries; language attributes) leave the package in use without the
    /// offending part.
    /// </returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public IReadOnlyList<Diagnostic> AddPackage(string zipPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(zipPath);
        var full = Path.GetFullPath(zipPath);
        var diagnostics = new DiagnosticBag();
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            foreach (var p in _packages)
            {
                if (string.Equals(p.ZipPath, full, StringComparison.Ordinal))
                {
                    diagnostics.Warning("edgar:packageAlreadyAdded", "This package was added already; it is used once.", new SourceLocation(full));
                    return diagnostics.ToList();
                }
            }
        }

        var archive = TaxonomyPackageArchive.Load(full, new PackageLimits(MaxEntryBytes, MaxCompressionRatio, MaxPackageEntries), diagnostics);
        if (archive is null)
        {
            return diagnostics.ToList();
        }
        lock (_gate)
        {
            if (_disposed)
            {
                archive.Dispose();
                ObjectDisposedException.ThrowIf(_disposed, this);
            }
            var rules = new List<PackageRewriteRule>(_rules.Length + archive.Rules.Count);
            rules.AddRange(_rules);
            rules.AddRange(archive.Rules);
            // Enumerable.OrderBy is stable: among start strings of one length, earlier registrations stay first.
            var ordered = rules.OrderByDescending(r => r.StartKey.Length).ToArray();
            Volatile.Write(ref _packages, [.. _packages, archive]);
            Volatile.Write(ref _rules, ordered);
        }
        return diagnostics.ToList();
    }

    /// <summary>
    /// Finds the local bytes of an absolute URL (its fragment ignored). Returns false, never throws, for a URL that
    /// no package or folder holds, for a relative or malformed URL, and for a path that would leave its folder.
    /// </summary>
    public bool TryResolve(string absoluteUrl, [MaybeNullWhen(false)] out ResolvedDocument document)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        document = null;
        if (absoluteUrl is null)
        {
            return false;
        }
        var hash = absoluteUrl.IndexOf('#', StringComparison.Ordinal);
        var url = (hash >= 0 ? absoluteUrl[..hash] : absoluteUrl).Trim();
        return TryResolveRewritten(url, url, 0, out document);
    }

    /// <summary>
    /// Opens the bytes of a document this catalog resolved: a read-only file stream, or for a package entry a
    /// read-only <see cref="MemoryStream"/> holding the whole entry. The caller disposes the stream.
    /// </summary>
    /// <exception cref="ArgumentException">The document was not resolved by this catalog.</exception>
    /// <exception cref="FileNotFoundException">The file is gone.</exception>
    /// <exception cref="InvalidDataException">The package entry is corrupt or expands beyond its declared size or
    /// <see cref="MaxEntryBytes"/>.</exception>
    public Stream Open(ResolvedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (document.Source == ResolvedDocumentSource.File)
        {
            return new FileStream(document.Location, FileMode.Open, FileAccess.Read, FileShare.Read, 16 * 1024, FileOptions.SequentialScan);
        }
        var separator = document.Location.LastIndexOf(ResolvedDocument.PackageEntrySeparator, StringComparison.Ordinal);
        if (separator > 0)
        {
            var zipPath = document.Location[..separator];
            var entry = document.Location[(separator + ResolvedDocument.PackageEntrySeparator.Length)..];
            foreach (var p in Volatile.Read(ref _packages))
            {
                if (string.Equals(p.ZipPath, zipPath, StringComparison.Ordinal) && p.HasEntry(entry))
                {
                    return p.OpenEntry(entry, MaxEntryBytes);
                }
            }
        }
        throw new ArgumentException($"The document {document.Location} does not belong to a package of this catalog.", nameof(document));
    }

    /// <summary>Closes the packages' zip files. The catalog resolves nothing afterwards.</summary>
    public void Dispose()
    {
        TaxonomyPackageArchive[] packages;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
            packages = _packages;
            _packages = [];
            _rules = [];
            _cacheFolders = [];
        }
        foreach (var p in packages)
        {
            p.Dispose();
        }
    }

    private bool TryResolveRewritten(string originalUrl, string url, int depth, [MaybeNullWhen(false)] out ResolvedDocument document)
    {
        document = null;
        if (!CatalogUrl.TryGetKey(url, out var key))
        {
            return false;
        }
        foreach (var rule in Volatile.Read(ref _rules))
        {
            if (!key.StartsWith(rule.StartKey, StringComparison.Ordinal))
            {
                continue;
            }
            var rest = key[rule.StartKey.Length..];
            if (rule.UrlPrefix is { } urlPrefix)
            {
                if (depth < MaxRewriteDepth && TryResolveRewritten(originalUrl, urlPrefix + rest, depth + 1, out document))
                {
                    return true;
                }
                continue;
            }
            if (rest.Contains('?', StringComparison.Ordinal) || !CatalogUrl.TryGetSafeSegments(rule.EntryPrefix + rest, out var segments))
            {
                continue;
            }
            var entry = string.Join('/', segments);
            if (rule.Package.HasEntry(entry))
            {
                document = new ResolvedDocument(originalUrl, rule.Package.LocationOf(entry), ResolvedDocumentSource.PackageEntry);
                return true;
            }
        }
        return TryResolveInCacheFolders(originalUrl, url, out document);
    }

    private bool TryResolveInCacheFolders(string originalUrl, string url, [MaybeNullWhen(false)] out ResolvedDocument document)
    {
        document = null;
        var folders = Volatile.Read(ref _cacheFolders);
        if (folders.Length == 0 || !CatalogUrl.TrySplitHttp(url, out var host, out var path, out var query) || query.Length > 0)
        {
            return false;
        }
        if (host.Contains(':', StringComparison.Ordinal) || !CatalogUrl.TryGetSafeSegments(host, out _)
            || !CatalogUrl.TryRemoveDotSegments(path, out var normalized) || !CatalogUrl.TryGetSafeSegments(normalized.TrimStart('/'), out var segments))
        {
            return false;
        }
        var https = url.StartsWith("https:", StringComparison.OrdinalIgnoreCase);
        string[] layouts = https ? ["https", "http", ""] : ["http", "https", ""];
        var relative = Path.Combine(segments);
        foreach (var folder in folders)
        {
            foreach (var layout in layouts)
            {
                var candidate = Path.GetFullPath(layout.Length == 0 ? Path.Combine(folder, host, relative) : Path.Combine(folder, layout, host, relative));
                if (!candidate.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                {
                    continue; // cannot happen after the segment checks; kept as the last guard
                }
                if (File.Exists(candidate))
                {
                    document = new ResolvedDocument(originalUrl, candidate, ResolvedDocumentSource.File);
                    return true;
                }
            }
        }
        return false;
    }
}
