using System.Xml;
using System.Xml.Schema;
using EdgarSharp.Internal;

namespace EdgarSharp.Xbrl.Internal;

/// <summary>
/// XML Schema validity of an instance against the schemas of its DTS, with <see cref="XmlSchemaSet"/>: the schemas
/// are read only from where the DTS loader found them (local files and the catalog), never the network. Runs only
/// when every schema of the DTS was read (a partial DTS, the normal case on EDGAR offline, cannot be judged); then
/// the validating reader also supplies the schema's default attribute values to the instance reader.
/// </summary>
internal static class SchemaValidation
{
    /// <summary>The compiled schema set of the DTS, or null (with the reason) when it cannot be built.</summary>
    public static XmlSchemaSet? Build(Dts dts, TaxonomyCatalog catalog, DiagnosticBag diagnostics) => Build(dts.Documents, catalog, diagnostics);

    /// <summary>
    /// The compiled schema set of the DTS of <paramref name="documents"/>, or null (with the reason) when it cannot be
    /// built. An instance needs the XBRL instance schema among them (<paramref name="requireInstanceSchema"/>); the
    /// taxonomy's own checks do not.
    /// </summary>
    /// <param name="documents">The documents of the DTS.</param>
    /// <param name="catalog">Where schemas that are not local files are read from.</param>
    /// <param name="diagnostics">Where the reason goes when the schemas do not compile.</param>
    /// <param name="requireInstanceSchema">Whether the set is only worth building with the XBRL instance schema among the schemas.</param>
    /// <param name="hints">
    /// <c>xsi:schemaLocation</c> pairs of the document to validate (namespace, absolute URL): a schema for a namespace no
    /// schema of the DTS has is added from its local file or the catalog (never the network); one that cannot be read is passed over.
    /// </param>
    public static XmlSchemaSet? Build(IReadOnlyList<TaxonomyDocument> documents, TaxonomyCatalog catalog, DiagnosticBag diagnostics, bool requireInstanceSchema = true,
        IReadOnlyList<(string Namespace, string Url)>? hints = null)
    {
        if (documents.Any(d => d.IsMissing))
        {
            return null;
        }
        var schemas = documents.Where(d => d.Type == TaxonomyDocumentType.Schema && d.Location is not null).ToList();
        if (schemas.Count == 0 || (requireInstanceSchema && !schemas.Any(d => d.TargetNamespace == XbrlNamespaces.Xbrli)))
        {
            return null;
        }
        var extra = hints is null ? [] : hints.Where(h => !schemas.Any(d => string.Equals(d.TargetNamespace, h.Namespace, StringComparison.Ordinal)))
            .Select(h => new TaxonomyDocument(h.Url, TaxonomyDocumentType.Schema) { Location = UrlUtil.ToPath(h.Url) })
            .Where(d => (d.Location is { } l && File.Exists(l)) || catalog.TryResolve(d.Url, out _)).ToList();
        var cacheKey = CacheKey(schemas) + (extra.Count == 0 ? "" : "hints\n" + CacheKey(extra));
        lock (Cache)
        {
            if (Cache.TryGetValue(cacheKey, out var cached))
            {
                return cached;
            }
        }
        var set = new XmlSchemaSet { XmlResolver = new CatalogResolver(catalog) };
        var failed = false;
        set.ValidationEventHandler += (_, e) =>
        {
            if (e.Severity == XmlSeverityType.Error)
            {
                failed = true;
                diagnostics.Error("sche:XmlSchemaError", $"A schema of the DTS is not a valid XML Schema: {e.Message}",
                    new SourceLocation(e.Exception?.SourceUri ?? "", e.Exception?.LineNumber ?? 0, e.Exception?.LinePosition ?? 0));
            }
        };
        try
        {
            foreach (var doc in schemas.Concat(extra))
            {
                using var stream = Open(doc, catalog);
                if (stream is null)
                {
                    return null;
                }
                var settings = SafeXml.Settings();
                settings.IgnoreWhitespace = false;
                using var reader = XmlReader.Create(stream, settings, doc.Url);
                var schema = XmlSchema.Read(reader, null);
                if (schema is not null && !SameLocation(set, doc.Url))
                {
                    set.Add(schema);
                }
            }
            set.Compile();
        }
        catch (XmlSchemaException e)
        {
            diagnostics.Error("sche:XmlSchemaError", $"The DTS's schemas do not compile: {e.Message}", new SourceLocation(e.SourceUri ?? "", e.LineNumber, e.LinePosition));
            return null;
        }
        catch (XmlException e)
        {
            diagnostics.Warning("edgar:schemaValidationSkipped", $"XML Schema validation was skipped: {e.Message}", new SourceLocation(e.SourceUri ?? "", e.LineNumber, e.LinePosition));
            return null;
        }
        if (failed)
        {
            return null;
        }
        lock (Cache)
        {
            if (Cache.Count >= MaxCached)
            {
                Cache.Clear();
            }
            Cache[cacheKey] = set;
        }
        return set;
    }

    private const int MaxCached = 32;

    /// <summary>
    /// Compiled sets by the schemas they hold (URL, location, size and time of each file): instances of one DTS
    /// (a filing's, a test suite's) compile their schemas once per process. Bounded; cleared when full.
    /// </summary>
    private static readonly Dictionary<string, XmlSchemaSet> Cache = new(StringComparer.Ordinal);

    private static string CacheKey(List<TaxonomyDocument> schemas)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var d in schemas)
        {
            sb.Append(d.Url).Append('|').Append(d.Location);
            if (d.Location is { } l && File.Exists(l))
            {
                var info = new FileInfo(l);
                sb.Append('|').Append(info.Length).Append('|').Append(info.LastWriteTimeUtc.Ticks);
            }
            sb.Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>True when the set already holds the schema at <paramref name="url"/>, directly or through an include or import.</summary>
    private static bool SameLocation(XmlSchemaSet set, string url)
    {
        var key = UrlUtil.Key(url);
        var seen = new HashSet<XmlSchema>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<XmlSchema>(set.Schemas().Cast<XmlSchema>());
        while (stack.Count > 0)
        {
            var schema = stack.Pop();
            if (!seen.Add(schema))
            {
                continue;
            }
            if (schema.SourceUri is { } source && string.Equals(UrlUtil.Key(source), key, StringComparison.Ordinal))
            {
                return true;
            }
            foreach (var external in schema.Includes.OfType<XmlSchemaExternal>())
            {
                if (external.Schema is { } child)
                {
                    stack.Push(child);
                }
            }
        }
        return false;
    }

    internal static Stream? Open(TaxonomyDocument doc, TaxonomyCatalog catalog)
    {
        if (UrlUtil.ToPath(doc.Url) is { } path && File.Exists(path))
        {
            return File.OpenRead(path);
        }
        return catalog.TryResolve(doc.Url, out var resolved) ? catalog.Open(resolved) : null;
    }

    /// <summary>Resolves schema imports and includes through local files and the catalog only.</summary>
    private sealed class CatalogResolver(TaxonomyCatalog catalog) : XmlResolver
    {
        public override object? GetEntity(Uri absoluteUri, string? role, Type? ofObjectToReturn)
        {
            if (absoluteUri.IsFile)
            {
                return File.Exists(absoluteUri.LocalPath) ? File.OpenRead(absoluteUri.LocalPath) : null;
            }
            if (catalog.TryResolve(absoluteUri.AbsoluteUri, out var resolved))
            {
                return catalog.Open(resolved);
            }
            throw new XmlException($"'{absoluteUri}' is not in the taxonomy catalog; nothing is fetched from the network.");
        }
    }
}
