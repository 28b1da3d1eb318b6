using System.Text;

namespace EdgarSharp.Edgar;

/// <summary>
/// Untrusted file names from EDGAR (<c>&lt;FILENAME&gt;</c>, uuencode <c>begin</c> lines, archive entries) made safe
/// to write under a folder: path separators and <c>.</c>/<c>..</c> segments can never leave the folder, control and
/// reserved characters are replaced, Windows device names are prefixed, names are capped at 200 characters. Pure
/// functions; thread-safe.
/// </summary>
public static class EdgarFileNames
{
    private const int MaxLength = 200;

    private static readonly HashSet<string> DeviceNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL",
        "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    /// <summary>
    /// A single safe file name for <paramref name="name"/>: its path segments (split at <c>/</c> and <c>\</c>, with
    /// empty, <c>.</c> and <c>..</c> segments dropped) joined by <c>_</c>; characters outside printable ASCII and
    /// <c>&lt;&gt;:"|?*</c> become <c>_</c>; leading dots and trailing dots and spaces are removed. An empty result
    /// becomes <c>document-SEQUENCE.txt</c> (or <c>document.txt</c>).
    /// </summary>
    public static string Sanitize(string? name, int? sequence = null)
    {
        var fallback = sequence is { } s ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"document-{s}.txt") : "document.txt";
        if (string.IsNullOrWhiteSpace(name))
        {
            return fallback;
        }
        var segments = name.Split(['/', '\\'], StringSplitOptions.RemoveEmptyEntries)
            .Select(seg => seg.Trim())
            .Where(seg => seg.Length > 0 && seg != "." && seg != "..");
        var joined = string.Join('_', segments);
        var builder = new StringBuilder(joined.Length);
        foreach (var c in joined)
        {
            builder.Append(c is < ' ' or > '~' or '<' or '>' or ':' or '"' or '|' or '?' or '*' ? '_' : c);
        }
        var result = builder.ToString().TrimStart('.').TrimEnd('.', ' ');
        if (result.Length > MaxLength)
        {
            var extension = Path.GetExtension(result);
            extension = extension.Length is > 0 and <= 16 ? extension : string.Empty;
            result = result[..(MaxLength - extension.Length)] + extension;
        }
        if (result.Length == 0)
        {
            return fallback;
        }
        var stem = result.Split('.')[0];
        return DeviceNames.Contains(stem) ? "_" + result : result;
    }

    /// <summary>True when <paramref name="name"/> is already safe: <see cref="Sanitize"/> leaves it unchanged.</summary>
    public static bool IsSafe(string? name) => !string.IsNullOrEmpty(name) && string.Equals(Sanitize(name), name, StringComparison.Ordinal);

    /// <summary>
    /// The full path of the sanitised <paramref name="name"/> under <paramref name="folder"/>; throws
    /// <see cref="InvalidOperationException"/> if the result were outside the folder (it cannot be, by construction:
    /// a second line of defence).
    /// </summary>
    public static string PathUnder(string folder, string? name, int? sequence = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        var root = Path.GetFullPath(folder);
        var full = Path.GetFullPath(Path.Combine(root, Sanitize(name, sequence)));
        var prefix = root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar;
        if (!full.StartsWith(prefix, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The name '{name}' resolves outside '{root}'.");
        }
        return full;
    }
}
