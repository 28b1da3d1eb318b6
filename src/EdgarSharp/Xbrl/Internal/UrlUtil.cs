namespace EdgarSharp.Xbrl.Internal;

/// <summary>URL handling for DTS discovery: absolute URLs, <c>xml:base</c>, fragments, identity.</summary>
internal static class UrlUtil
{
    public static string FromPath(string fullPath) => new Uri(fullPath).AbsoluteUri;

    public static bool IsFile(string url) => url.StartsWith("file:", StringComparison.OrdinalIgnoreCase);

    public static string? ToPath(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var u) && u.IsFile ? u.LocalPath : null;

    /// <summary>Resolves <paramref name="reference"/> against <paramref name="baseUrl"/>; null when either is malformed.</summary>
    public static string? Resolve(string baseUrl, string reference)
    {
        reference = reference.Trim();
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var b))
        {
            return null;
        }
        if (reference.Length == 0)
        {
            return b.AbsoluteUri;
        }
        try
        {
            return Uri.TryCreate(b, reference, out var r) ? r.AbsoluteUri : null;
        }
        catch (UriFormatException)
        {
            return null;
        }
    }

    /// <summary>Splits <c>url#fragment</c>.</summary>
    public static (string Url, string Fragment) SplitFragment(string url)
    {
        var hash = url.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? (url, "") : (url[..hash], Uri.UnescapeDataString(url[(hash + 1)..]));
    }

    /// <summary>The identity of a document: <c>https</c> and <c>http</c> forms of one URL are the same document.</summary>
    public static string Key(string url) =>
        url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? "http://" + url[8..] : url;

    public static string FileName(string url)
    {
        var slash = url.LastIndexOf('/');
        return slash < 0 ? url : url[(slash + 1)..];
    }

    public static string Directory(string url)
    {
        var slash = url.LastIndexOf('/');
        return slash < 0 ? url : url[..(slash + 1)];
    }
}
