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
        var shape = new Shape();
        try
        {
            ReadShape(bytes, context.IsWholeDocument, shape);
        }
        catch (JsonException ex)
        {
            context.Diagnostics.Error(
                DetectionCodes.MalformedJson,
                $"The document starts like JSON but is not JSON ({ex.Message}); it is treated as text.",
                context.At((int)(ex.LineNumber ?? -1) + 1, (int)(ex.BytePositionInLine ?? -1) + 1));
            return context.Result(DocumentKind.Text, "malformed json");
        }
        if (shape.IsArray)
        {
            return context.Result(DocumentKind.Json, "array");
        }
        var edgar = EdgarShape(shape);
        return edgar is null ? context.Result(DocumentKind.Json, "object") : context.Result(DocumentKind.EdgarJson, edgar);
    }

    /// <summary>What the head shows of a JSON document's top level.</summary>
    private sealed class Shape
    {
        public bool IsArray { get; set; }

        /// <summary>Top-level property names, in order.</summary>
        public List<string> Names { get; } = [];

        /// <summary>The token starting the first property's value.</summary>
        public JsonTokenType FirstValue { get; set; }

        /// <summary>Property names inside the object values of the first property and of <c>instance</c>.</summary>
        public Dictionary<string, List<string>> Nested { get; } = new(StringComparer.Ordinal);

        public bool Has(string name) => Names.Contains(name, StringComparer.Ordinal);

        public List<string> NestedIn(string name) => Nested.TryGetValue(name, out var list) ? list : [];
    }

    /// <summary>Reads the top-level names, and the names one level down where the classification needs them.</summary>
    private static void ReadShape(byte[] bytes, bool isFinalBlock, Shape shape)
    {
        var reader = new Utf8JsonReader(bytes, isFinalBlock, default);
        if (!reader.Read())
        {
            return;
        }
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            shape.IsArray = true;
            return;
        }
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return;
        }
        while (shape.Names.Count < MaxNames && reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = PropertyName(ref reader);
            shape.Names.Add(name);
            if (!reader.Read())
            {
                return;
            }
            if (shape.Names.Count == 1)
            {
                shape.FirstValue = reader.TokenType;
            }
            if (reader.TokenType == JsonTokenType.StartObject && (shape.Names.Count == 1 || name == "instance"))
            {
                var nested = new List<string>();
                shape.Nested[name] = nested;
                var depth = reader.CurrentDepth;
                while (nested.Count < MaxNames && reader.Read() && reader.CurrentDepth > depth)
                {
                    if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == depth + 1)
                    {
                        nested.Add(PropertyName(ref reader));
                    }
                }
                if (reader.TokenType != JsonTokenType.EndObject || reader.CurrentDepth != depth)
                {
                    return;
                }
                continue;
            }
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip())
            {
                return;
            }
        }
    }

    /// <summary>
    /// The current property name; one whose escapes make no valid UTF-16 (<c>"\uD800"</c>) names nothing we look
    /// for, so it reads as empty instead of throwing.
    /// </summary>
    private static string PropertyName(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            return Encoding.UTF8.GetString(reader.ValueSpan);
        }
        try
        {
            return reader.GetString() ?? string.Empty;
        }
        catch (InvalidOperationException)
        {
            return string.Empty;
        }
    }

    /// <summary>Names EDGAR's JSON documents by the properties they must have.</summary>
    private static string? EdgarShape(Shape shape)
    {
        var names = shape.Names;
        bool Has(string name) => shape.Has(name);

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
            || (names.Count > 0 && names[0] == "accessionNumber" && shape.FirstValue == JsonTokenType.StartArray))
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
        if (names.Count > 0 && names[0] == "0" && shape.NestedIn("0").Contains("cik_str", StringComparer.Ordinal))
        {
            return "company-tickers";
        }
        // index.json of an Archives folder: {"directory": {"item": [...], "name": ..., "parent-dir": ...}}.
        if (names.Count > 0 && names[0] == "directory" && shape.NestedIn("directory").Contains("item", StringComparer.Ordinal))
        {
            return "directory-listing";
        }
        // MetaLinks.json of EDGAR's renderer: "instance" is keyed by the instance documents' file names.
        var documents = shape.NestedIn("instance");
        if (documents.Count > 0
            && documents.TrueForAll(n => n.EndsWith(".htm", StringComparison.OrdinalIgnoreCase)
                || n.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || n.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)))
        {
            return "metalinks";
        }
        return null;
    }
}
