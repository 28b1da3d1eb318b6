using System.Text;
using System.Text.Json;

namespace EdgarSharp.Documents.Internal;

/// <summary>
/// JSON: reads the top-level property names of the head (skipping their values as far as the head goes) and names
/// EDGAR's shapes from them. A head cut in the middle of a value is normal; a syntax error is reported.
/// </summary>
internal static class JsonSniffer
{
    private const int MaxNames = 64;

    public static DocumentKindResult Sniff(string text, DetectionContext context)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var names = new List<string>();
        var firstValueNames = new List<string>();
        bool isArray;
        JsonTokenType firstValue;
        try
        {
            isArray = ReadShape(bytes, context.IsWholeDocument, names, firstValueNames, out firstValue);
        }
        catch (JsonException ex)
        {
            context.Diagnostics.Error(
                DetectionCodes.MalformedJson,
                $"The document starts like JSON but is not JSON ({ex.Message}); it is treated as text.",
                context.At((int)(ex.LineNumber ?? -1) + 1, (int)(ex.BytePositionInLine ?? -1) + 1));
            return context.Result(DocumentKind.Text, "malformed json");
        }
        if (isArray)
        {
            return context.Result(DocumentKind.Json, "array");
        }
        var edgar = EdgarShape(names, firstValueNames, firstValue);
        return edgar is null ? context.Result(DocumentKind.Json, "object") : context.Result(DocumentKind.EdgarJson, edgar);
    }

    /// <summary>Collects the top-level names (and those of the first property's object value); true for a top-level array.</summary>
    private static bool ReadShape(byte[] bytes, bool isFinalBlock, List<string> names, List<string> firstValueNames, out JsonTokenType firstValue)
    {
        firstValue = JsonTokenType.None;
        var reader = new Utf8JsonReader(bytes, isFinalBlock, default);
        if (!reader.Read())
        {
            return false;
        }
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            return true;
        }
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }
        while (names.Count < MaxNames && reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            names.Add(reader.GetString()!);
            if (!reader.Read())
            {
                break;
            }
            if (names.Count == 1)
            {
                firstValue = reader.TokenType;
            }
            if (names.Count == 1 && reader.TokenType == JsonTokenType.StartObject)
            {
                var depth = reader.CurrentDepth;
                while (firstValueNames.Count < MaxNames && reader.Read() && reader.CurrentDepth > depth)
                {
                    if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == depth + 1)
                    {
                        firstValueNames.Add(reader.GetString()!);
                    }
                }
                if (reader.TokenType != JsonTokenType.EndObject || reader.CurrentDepth != depth)
                {
                    break;
                }
                continue;
            }
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip())
            {
                break;
            }
        }
        return false;
    }

    /// <summary>Names EDGAR's JSON documents by the properties they must have.</summary>
    private static string? EdgarShape(List<string> names, List<string> firstValueNames, JsonTokenType firstValue)
    {
        bool Has(string name) => names.Contains(name, StringComparer.Ordinal);

        if (Has("facts") && (Has("cik") || Has("entityName")))
        {
            return "companyfacts";
        }
        if (Has("cik") && (Has("filings") || Has("entityType") || Has("sicDescription")))
        {
            return "submissions";
        }
        // The extra pages of a submissions history (CIK##########-submissions-001.json): columns of equal-length
        // arrays, accessionNumber first; the first array alone may fill the head.
        if ((Has("accessionNumber") && Has("filingDate") && Has("form"))
            || (names.Count > 0 && names[0] == "accessionNumber" && firstValue == JsonTokenType.StartArray))
        {
            return "submissions-page";
        }
        if (Has("taxonomy") && Has("tag") && Has("units") && Has("cik"))
        {
            return "companyconcept";
        }
        if (Has("taxonomy") && Has("tag") && Has("ccp"))
        {
            return "frames";
        }
        if (names.Count > 0 && names[0] == "0" && firstValueNames.Contains("cik_str", StringComparer.Ordinal))
        {
            return "company-tickers";
        }
        if (names.Count == 1 && names[0] == "directory")
        {
            return "directory-listing";
        }
        // MetaLinks.json of EDGAR's renderer: "instance" first, keyed by the instance documents' file names.
        if (names.Count > 0 && names[0] == "instance" && firstValueNames.Count > 0
            && firstValueNames.TrueForAll(n => n.EndsWith(".htm", StringComparison.OrdinalIgnoreCase)
                || n.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || n.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)))
        {
            return "metalinks";
        }
        return null;
    }
}
