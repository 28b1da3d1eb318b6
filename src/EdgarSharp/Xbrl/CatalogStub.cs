// TEMPORARY: replaced by the catalog branch at merge time.
#pragma warning disable CS1591, CA1305, CA1307, CA1310, CA1309
namespace EdgarSharp.Xbrl;

public sealed record ResolvedDocument(string Url, string Location);

public sealed class TaxonomyCatalog : IDisposable
{
    private readonly List<string> _folders = [];
    public static TaxonomyCatalog Empty => new();
    public void AddCacheFolder(string folder) => _folders.Add(folder);
    public bool TryResolve(string absoluteUrl, out ResolvedDocument document)
    {
        document = null!;
        if (!Uri.TryCreate(absoluteUrl, UriKind.Absolute, out var u) || (u.Scheme != "http" && u.Scheme != "https")) return false;
        foreach (var f in _folders)
        {
            var p = Path.Combine(f, "http", u.Host, u.AbsolutePath.TrimStart('/'));
            if (File.Exists(p)) { document = new ResolvedDocument(absoluteUrl, p); return true; }
        }
        return false;
    }
    public Stream Open(ResolvedDocument document) => File.OpenRead(document.Location);
    public IReadOnlyList<Diagnostic> AddPackage(string zip) => [];
    public void Dispose() { }
}

public sealed record StandardTaxonomy(string Family, string Version, string Namespace, string Prefix, string SchemaUrl);

public static class EdgarTaxonomies
{
    public static bool TryGetBySchemaUrl(string url, out StandardTaxonomy taxonomy)
    {
        taxonomy = null!;
        var m = System.Text.RegularExpressions.Regex.Match(url, @"^https?://xbrl\.fasb\.org/us-gaap/(\d{4})/elts/us-gaap-(\d{4}-\d{2}-\d{2})\.xsd$");
        if (m.Success) { taxonomy = new("US GAAP", m.Groups[1].Value, "http://fasb.org/us-gaap/" + m.Groups[2].Value, "us-gaap", url); return true; }
        m = System.Text.RegularExpressions.Regex.Match(url, @"^https?://xbrl\.sec\.gov/(country|exch|dei|currency|invest)/(\d{4})/\1-(\d{4}(-\d{2}-\d{2})?)\.xsd$");
        if (m.Success) { taxonomy = new(m.Groups[1].Value, m.Groups[2].Value, "http://xbrl.sec.gov/" + m.Groups[1].Value + "/" + m.Groups[3].Value, m.Groups[1].Value, url); return true; }
        return false;
    }
    public static string? PrefixFor(string ns) => null;
}
