using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace EdgarSharp.Cli.Commands;

/// <summary>Writers for the output contracts shared by the verbs: JSON, TSV with a header row, aligned text columns.</summary>
internal static class Output
{
    private static readonly JsonWriterOptions JsonOptions = new()
    {
        Indented = true,
        // Terminal and file output, never embedded in HTML: keep paths and names readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes one JSON document built by <paramref name="write"/>, followed by a newline.</summary>
    public static void Json(TextWriter output, Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, JsonOptions))
        {
            write(writer);
        }
        output.WriteLine(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }

    /// <summary>Writes a string property only when the value is present.</summary>
    public static void OptionalString(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    /// <summary>Writes a Boolean property only when the value is present.</summary>
    public static void OptionalBool(Utf8JsonWriter w, string name, bool? value)
    {
        if (value is { } b)
        {
            w.WriteBoolean(name, b);
        }
    }

    /// <summary>Writes a number property, or null when the value is absent (exact: decimals are written as they are).</summary>
    public static void NumberOrNull(Utf8JsonWriter w, string name, decimal? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    /// <summary>Writes a number property, or null when the value is absent.</summary>
    public static void NumberOrNull(Utf8JsonWriter w, string name, int? value) => NumberOrNull(w, name, (decimal?)value);

    /// <summary>Writes an array of strings.</summary>
    public static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }
        w.WriteEndArray();
    }

    /// <summary>A TSV field: tabs and line breaks become spaces so that a row stays one line.</summary>
    public static string TsvField(string? value) =>
        string.IsNullOrEmpty(value) ? string.Empty : value.Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' ');

    /// <summary>Writes tab-separated rows, the first being the header.</summary>
    public static void Tsv(TextWriter output, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        output.WriteLine(string.Join('\t', header));
        foreach (var row in rows)
        {
            output.WriteLine(string.Join('\t', row.Select(TsvField)));
        }
    }

    /// <summary>Writes rows as columns padded to the widest cell; the last column is not padded.</summary>
    public static void Columns(TextWriter output, IReadOnlyList<IReadOnlyList<string>> rows, IReadOnlySet<int>? rightAligned = null)
    {
        if (rows.Count == 0)
        {
            return;
        }
        var columns = rows.Max(r => r.Count);
        var widths = new int[columns];
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Count; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }
        var line = new StringBuilder();
        foreach (var row in rows)
        {
            line.Clear();
            for (var i = 0; i < row.Count; i++)
            {
                var cell = TsvField(row[i]);
                var last = i == row.Count - 1;
                if (rightAligned?.Contains(i) == true)
                {
                    line.Append(cell.PadLeft(widths[i]));
                }
                else
                {
                    line.Append(last ? cell : cell.PadRight(widths[i]));
                }
                if (!last)
                {
                    line.Append("  ");
                }
            }
            output.WriteLine(line.ToString().TrimEnd());
        }
    }
}
