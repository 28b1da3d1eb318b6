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

    private readonly Dictionary<string, ManifestEntry> _entries = new(StringComparer.Ordinal);

    /// <summary>The company the documents are about, or null.</summary>
    public CompanyRecord? Company { get; private init; }

    /// <summary>The entry for a file name (no folder), or null.</summary>
    public ManifestEntry? Entry(string file) => _entries.TryGetValue(file, out var e) ? e : null;

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

/// <summary>What a manifest says about one file: form, filing date and period of report (yyyy-MM-dd), each null when not said.</summary>
public sealed record ManifestEntry(string? Form, string? Date, string? PeriodOfReport);
