namespace EdgarSharp.Xbrl.Internal;

/// <summary>
/// URL handling shared by the catalog and the standard-taxonomy table: a scheme-less key under which an http and
/// an https URL compare alike, dot-segment removal, and the split of a path into safe file-system segments.
/// Pure string work: no <see cref="Uri"/> (whose escaping rules differ across platforms), no I/O.
/// </summary>
internal static class CatalogUrl
{
    /// <summary>
    /// The key of an absolute URL: for http and https, <c>//host/path?query</c> with the host lower-cased, the
    /// default port dropped, dot segments removed and the fragment cut; for any other absolute URL, the URL
    /// itself without its fragment. False for a relative reference, an empty string, or a path whose <c>..</c>
    /// segments climb above the root.
    /// </summary>
    public static bool TryGetKey(string url, out string key)
    {
        key = "";
        if (string.IsNullOrWhiteSpace(url))
        {
            return false;
        }
        var s = url.Trim();
        var hash = s.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            s = s[..hash];
        }
        if (!TrySplitHttp(s, out var host, out var path, out var query))
        {
            // Another scheme (urn:, file:, ...): compared as written; a relative reference has no key.
            var colon = s.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || !IsScheme(s.AsSpan(0, colon)))
            {
                return false;
            }
            key = s;
            return true;
        }
        if (!TryRemoveDotSegments(path, out var normalized))
        {
            return false;
        }
        key = "//" + host + normalized + query;
        return true;
    }

    /// <summary>
    /// Splits an http or https URL into a lower-cased host (default port dropped, another port kept as
    /// <c>host:port</c>), its path (at least <c>/</c>) and its query (with its <c>?</c>, or empty).
    /// </summary>
    public static bool TrySplitHttp(string url, out string host, out string path, out string query)
    {
        host = path = query = "";
        int start;
        string defaultPort;
        if (url.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            start = 7;
            defaultPort = ":80";
        }
        else if (url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            start = 8;
            defaultPort = ":443";
        }
        else
        {
            return false;
        }
        var hash = url.IndexOf('#', start);
        var end = hash >= 0 ? hash : url.Length;
        var slash = url.IndexOfAny(['/', '?'], start, end - start);
        var hostEnd = slash >= 0 ? slash : end;
        host = url[start..hostEnd].ToLowerInvariant();
        var at = host.LastIndexOf('@');
        if (at >= 0)
        {
            host = host[(at + 1)..];
        }
        if (host.EndsWith(defaultPort, StringComparison.Ordinal))
        {
            host = host[..^defaultPort.Length];
        }
        if (host.Length == 0 || host.AsSpan().IndexOfAny('\\', ' ', '\0') >= 0)
        {
            return false;
        }
        var rest = url[hostEnd..end];
        var q = rest.IndexOf('?', StringComparison.Ordinal);
        if (q >= 0)
        {
            query = rest[q..];
            rest = rest[..q];
        }
        path = rest.Length == 0 ? "/" : rest;
        return true;
    }

    /// <summary>
    /// RFC 3986 dot-segment removal on an absolute path (<c>/a/./b/../c</c> becomes <c>/a/c</c>). False when a
    /// <c>..</c> segment would climb above the root: such a path is refused, never clamped.
    /// </summary>
    public static bool TryRemoveDotSegments(string path, out string normalized)
    {
        normalized = path;
        if (path.IndexOf('.', StringComparison.Ordinal) < 0)
        {
            return true;
        }
        var segments = path.Split('/');
        var output = new List<string>(segments.Length);
        for (var i = 1; i < segments.Length; i++)
        {
            var segment = segments[i];
            var last = i == segments.Length - 1;
            if (IsDotSegment(segment, out var parent))
            {
                if (parent)
                {
                    if (output.Count == 0)
                    {
                        return false;
                    }
                    output.RemoveAt(output.Count - 1);
                }
                if (last)
                {
                    output.Add("");
                }
                continue;
            }
            output.Add(segment);
        }
        normalized = "/" + string.Join('/', output);
        return true;
    }

    /// <summary>
    /// The percent-decoded segments of a relative path (no leading slash), for mapping onto a folder or a zip.
    /// False when a segment is empty, is <c>.</c> or <c>..</c> (also once decoded), or holds a character that a
    /// file system would read as a separator, a drive or a stream (<c>\</c>, <c>:</c>, NUL).
    /// </summary>
    public static bool TryGetSafeSegments(string relativePath, out string[] segments)
    {
        segments = [];
        if (relativePath.Length == 0)
        {
            return false;
        }
        var raw = relativePath.Split('/');
        var decoded = new string[raw.Length];
        for (var i = 0; i < raw.Length; i++)
        {
            string s;
            try
            {
                s = Uri.UnescapeDataString(raw[i]);
            }
            catch (UriFormatException)
            {
                return false;
            }
            if (s.Length == 0 || s == "." || s == ".." || s.AsSpan().IndexOfAny('/', '\\', ':') >= 0 || s.Contains('\0', StringComparison.Ordinal))
            {
                return false;
            }
            decoded[i] = s;
        }
        segments = decoded;
        return true;
    }

    /// <summary>
    /// Resolves a relative reference against a base path inside an archive (both with <c>/</c> separators, the base
    /// naming a file), removing dot segments. False when the result climbs above the archive's root.
    /// An empty reference yields the base's folder.
    /// </summary>
    public static bool TryResolveArchivePath(string baseFile, string reference, out string resolved)
    {
        var folder = baseFile.LastIndexOf('/') is var slash and >= 0 ? baseFile[..(slash + 1)] : "";
        var combined = reference.StartsWith('/') ? reference : "/" + folder + reference;
        if (!TryRemoveDotSegments(combined, out var normalized))
        {
            resolved = "";
            return false;
        }
        resolved = normalized.TrimStart('/');
        return true;
    }

    private static bool IsDotSegment(string segment, out bool parent)
    {
        parent = false;
        if (segment == "." || segment.Equals("%2e", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        if (segment == ".." || segment.Equals(".%2e", StringComparison.OrdinalIgnoreCase)
            || segment.Equals("%2e.", StringComparison.OrdinalIgnoreCase) || segment.Equals("%2e%2e", StringComparison.OrdinalIgnoreCase))
        {
            parent = true;
            return true;
        }
        return false;
    }

    private static bool IsScheme(ReadOnlySpan<char> s)
    {
        if (s.Length < 2 || !char.IsAsciiLetter(s[0]))
        {
            // One letter before a colon is a Windows drive, not a scheme.
            return false;
        }
        foreach (var c in s)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '+' && c != '-' && c != '.')
            {
                return false;
            }
        }
        return true;
    }
}
