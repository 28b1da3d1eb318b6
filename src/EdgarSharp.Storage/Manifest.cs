using System.Text.Json;

namespace EdgarSharp.Storage;

/// <summary>
/// A <c>manifest.json</c> beside documents (as in <c>samples/</c>): the company they are about and, per file, the form
/// and dates the documents lack. It is metadata, not a filing. Immutable once loaded, so one manifest may be shared by
/// readers on several threads.
/// </summary>
public sealed class Manifest
{
    /// <summary>The manifest's file name.</summary>
    public const string FileName = "manifest.json";

    /// <summary>The name of the per-thread manifest of the <c>lehigh-sp500</c> correspondence layout (an array, one object per filing).</summary>
    public const string ExtractionManifestName = "extraction_manifest.json";

    private readonly Dictionary<string, ManifestEntry> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ManifestEntry> _accessions = new(StringComparer.Ordinal);

    /// <summary>The company the documents are about, or null.</summary>
    public CompanyRecord? Company { get; private init; }

    /// <summary>The entry for a file name (no folder), or null.</summary>
    public ManifestEntry? Entry(string file) => _entries.TryGetValue(file, out var e) ? e : null;

    /// <summary>The entry for an accession number, or null.</summary>
    public ManifestEntry? EntryForAccession(string? accession) => accession is not null && _accessions.TryGetValue(accession, out var e) ? e : null;

    /// <summary>
    /// The manifest that describes the document at <paramref name="path"/> when no <c>manifest.json</c> sits beside it:
    /// an <c>extraction_manifest.json</c> in its folder or up to two folders above (the <c>lehigh-sp500</c> layout:
    /// <c>THREAD/extraction_manifest.json</c>, <c>THREAD/filings/ACCESSION/filename1.pdf</c>,
    /// <c>THREAD/extracted_text/ACCESSION.txt</c>); null when there is none.
    /// </summary>
    public static Manifest? FindFor(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        for (var i = 0; i < 3 && dir is not null; i++, dir = Path.GetDirectoryName(dir))
        {
            var candidate = Path.Combine(dir, ExtractionManifestName);
            if (File.Exists(candidate))
            {
                return LoadExtraction(candidate);
            }
        }
        return null;
    }

    /// <summary>Loads an <c>extraction_manifest.json</c>: per accession number its form, filing date and company.</summary>
    private static Manifest? LoadExtraction(string path)
    {
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            if (doc.RootElement.ValueKind != JsonValueKind.Array)
            {
                return null;
            }
            var manifest = new Manifest();
            foreach (var e in doc.RootElement.EnumerateArray())
            {
                if (String(e, "accessionNumber") is not { } accession)
                {
                    continue;
                }
                CompanyRecord? company = long.TryParse(String(e, "cik"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var cik)
                    ? new CompanyRecord(cik, String(e, "ticker"), String(e, "firm_name"))
                    : null;
                var date = String(e, "filingDate") is { Length: >= 10 } d ? d[..10] : null;
                manifest._accessions[accession] = new ManifestEntry(String(e, "form"), date, null, company);
            }
            return manifest;
        }
        catch (Exception ex) when (ex is JsonException or IOException)
        {
            return null;
        }
    }

    /// <summary>Loads the manifest at <paramref name="path"/>; null when there is none or it is not JSON of the expected shape.</summary>
    public static Manifest? Load(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }
            CompanyRecord? company = null;
            if (root.TryGetProperty("company", out var c) && c.ValueKind == JsonValueKind.Object
                && c.TryGetProperty("cik", out var k) && k.ValueKind == JsonValueKind.Number && k.TryGetInt64(out var cik))
            {
                company = new CompanyRecord(cik, String(c, "ticker"), String(c, "name"));
            }
            var manifest = new Manifest { Company = company };
            if (root.TryGetProperty("samples", out var samples) && samples.ValueKind == JsonValueKind.Array)
            {
                foreach (var e in samples.EnumerateArray())
                {
                    if (String(e, "file") is { } file)
                    {
                        manifest._entries[file] = new ManifestEntry(String(e, "form"), String(e, "date"), String(e, "periodOfReport"));
                    }
                }
            }
            return manifest;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? String(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}

/// <summary>
/// What a manifest says about one file: form, filing date and period of report (yyyy-MM-dd), and the company when
/// the entry names its own; each null when not said.
/// </summary>
public sealed record ManifestEntry(string? Form, string? Date, string? PeriodOfReport, CompanyRecord? Company = null);
