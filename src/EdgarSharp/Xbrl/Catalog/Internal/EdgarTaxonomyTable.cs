using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace EdgarSharp.Xbrl.Internal;

/// <summary>
/// The parsed standard-taxonomy table and its indexes. Loaded once, lazily, from the embedded resource
/// <see cref="ResourceName"/> (tab-separated: family, version, namespace, prefix, schema URL; <c>#</c> starts a
/// comment line). Immutable after construction, so reads are thread-safe.
/// </summary>
internal sealed class EdgarTaxonomyTable
{
    public const string ResourceName = "EdgarSharp.edgar-taxonomies.tsv";

    private static readonly Lazy<EdgarTaxonomyTable> Loaded = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<string, StandardTaxonomy> _byUrlKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StandardTaxonomy[]> _byPrefix;
    private readonly Dictionary<string, string> _familyByFolder = new(StringComparer.Ordinal);

    private EdgarTaxonomyTable(List<StandardTaxonomy> rows)
    {
        Rows = rows.AsReadOnly();
        var byPrefix = new Dictionary<string, List<StandardTaxonomy>>(StringComparer.Ordinal);
        var latestInFolder = new Dictionary<string, StandardTaxonomy>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            ByNamespace.TryAdd(row.Namespace, row);
            if (row.SchemaUrl.Length > 0 && CatalogUrl.TryGetKey(row.SchemaUrl, out var key))
            {
                _byUrlKey.TryAdd(key, row);
                if (CatalogUrl.TrySplitHttp(row.SchemaUrl, out var host, out var path, out _)
                    && path.IndexOf('/', 1) is var slash and > 1)
                {
                    var folder = host + path[..slash];
                    if (!latestInFolder.TryGetValue(folder, out var latest) || Compare(row, latest) > 0)
                    {
                        latestInFolder[folder] = row;
                    }
                }
            }
            if (row.Prefix.Length > 0)
            {
                if (!byPrefix.TryGetValue(row.Prefix, out var list))
                {
                    byPrefix[row.Prefix] = list = [];
                }
                list.Add(row);
            }
        }
        _byPrefix = byPrefix.ToDictionary(p => p.Key, p => p.Value.OrderByDescending(t => t, Comparer<StandardTaxonomy>.Create(Compare)).ToArray(), StringComparer.Ordinal);
        foreach (var (folder, row) in latestInFolder)
        {
            _familyByFolder[folder] = row.Family;
        }
    }

    /// <summary>The table, parsed on first use.</summary>
    public static EdgarTaxonomyTable Instance => Loaded.Value;

    /// <summary>The rows in table order.</summary>
    public IReadOnlyList<StandardTaxonomy> Rows { get; }

    /// <summary>Namespace to row; the first row of a namespace wins (the table lists the defining schema first).</summary>
    public Dictionary<string, StandardTaxonomy> ByNamespace { get; } = new(StringComparer.Ordinal);

    public bool TryGetBySchemaUrl(string url, [MaybeNullWhen(false)] out StandardTaxonomy taxonomy)
    {
        taxonomy = null;
        if (url is null || !CatalogUrl.TryGetKey(url, out var key) || !key.StartsWith("//", StringComparison.Ordinal))
        {
            return false;
        }
        if (_byUrlKey.TryGetValue(key, out taxonomy))
        {
            return true;
        }
        var hash = url.IndexOf('#', StringComparison.Ordinal);
        var bare = (hash >= 0 ? url[..hash] : url).Trim();
        if (!CatalogUrl.TrySplitHttp(bare, out var host, out var path, out var query) || query.Length > 0
            || !CatalogUrl.TryRemoveDotSegments(path, out var normalized))
        {
            return false;
        }
        if (!StandardSchemaPatterns.TryMatchSchemaPath(host, normalized, out var match))
        {
            return false;
        }
        var family = match.Family ?? (_familyByFolder.TryGetValue(host + "/" + match.Folder, out var f) ? f : match.Folder.ToUpperInvariant());
        taxonomy = new StandardTaxonomy(family, match.Version, match.Namespace, match.Prefix, bare);
        return true;
    }

    public bool TryGetByPrefix(string prefix, int? year, [MaybeNullWhen(false)] out StandardTaxonomy taxonomy)
    {
        taxonomy = null;
        if (prefix is null || !_byPrefix.TryGetValue(prefix, out var candidates))
        {
            return false;
        }
        foreach (var c in candidates)
        {
            if (year is null || YearOf(c) == year)
            {
                taxonomy = c;
                return true;
            }
        }
        return false;
    }

    /// <summary>Parses the table's text; public for tests.</summary>
    public static EdgarTaxonomyTable Parse(TextReader reader)
    {
        var rows = new List<StandardTaxonomy>(700);
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            var cells = line.Split('\t');
            if (cells.Length != 5 || cells[2].Length == 0)
            {
                throw new InvalidDataException($"Line {lineNumber} of the standard-taxonomy table does not have five columns with a namespace: '{line}'.");
            }
            rows.Add(new StandardTaxonomy(cells[0], cells[1], cells[2], cells[3], cells[4]));
        }
        return new EdgarTaxonomyTable(rows);
    }

    /// <summary>The year a row belongs to: the last namespace segment that starts with four digits, else its version's.</summary>
    public static int? YearOf(StandardTaxonomy t)
    {
        var ns = t.Namespace.AsSpan();
        while (ns.Length > 0)
        {
            var slash = ns.LastIndexOf('/');
            var segment = ns[(slash + 1)..];
            if (TryYear(segment, out var y))
            {
                return y;
            }
            if (slash < 0)
            {
                break;
            }
            ns = ns[..slash];
        }
        return TryYear(t.Version, out var v) ? v : null;
    }

    private static bool TryYear(ReadOnlySpan<char> s, out int year)
    {
        year = 0;
        return s.Length >= 4 && char.IsAsciiDigit(s[0]) && char.IsAsciiDigit(s[1]) && char.IsAsciiDigit(s[2]) && char.IsAsciiDigit(s[3])
            && (s.Length == 4 || !char.IsAsciiDigit(s[4]))
            && int.TryParse(s[..4], NumberStyles.None, CultureInfo.InvariantCulture, out year);
    }

    // Later first: by year, then by namespace (2022q4 after 2022), then by EDGAR version.
    private static int Compare(StandardTaxonomy a, StandardTaxonomy b)
    {
        var c = (YearOf(a) ?? 0).CompareTo(YearOf(b) ?? 0);
        if (c != 0)
        {
            return c;
        }
        c = string.CompareOrdinal(a.Namespace, b.Namespace);
        return c != 0 ? c : string.CompareOrdinal(a.Version, b.Version);
    }

    private static EdgarTaxonomyTable Load()
    {
        using var stream = typeof(EdgarTaxonomyTable).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the EdgarSharp assembly; the build is broken.");
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        return Parse(reader);
    }
}
