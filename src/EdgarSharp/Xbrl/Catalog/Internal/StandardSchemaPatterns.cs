using System.Text.RegularExpressions;

namespace EdgarSharp.Xbrl.Internal;

/// <summary>What a standard schema URL's layout says about it.</summary>
/// <param name="Folder">The URL's first path folder (<c>us-gaap</c>, <c>dei</c>), used to find the family.</param>
/// <param name="Family">The family when the pattern fixes it, else null.</param>
/// <param name="Version">The URL's year folder (<c>2024</c>, <c>2022q3</c>).</param>
/// <param name="Namespace">The namespace the pattern implies.</param>
/// <param name="Prefix">The prefix the pattern implies.</param>
internal readonly record struct SchemaPatternMatch(string Folder, string? Family, string Version, string Namespace, string Prefix);

/// <summary>
/// The naming rules of the FASB, SEC and XBRL US taxonomies (and of the XBRL DTR types), which hold for every
/// schema in EDGAR's list but the two kinds excluded below: a schema <c>NAME-VERSION.xsd</c> (optionally
/// <c>NAME-VERSION_KIND.xsd</c>) under <c>/FOLDER/YEAR/</c> declares <c>http://fasb.org/NAME/VERSION</c>
/// (xbrl.fasb.org), <c>http://xbrl.sec.gov/NAME/VERSION</c> (xbrl.sec.gov) or <c>http://xbrl.us/NAME/VERSION</c>
/// (taxonomies.xbrl.us), with prefix NAME (<c>NAME-KIND</c> for a KIND variant); FASB disclosure and statement
/// schemas <c>ROOT-dis-NAME-VERSION.xsd</c> under <c>dis/</c> declare <c>http://fasb.org/dis/NAME/VERSION</c>.
/// </summary>
internal static partial class StandardSchemaPatterns
{
    private static readonly Dictionary<string, string> NamespaceRoots = new(StringComparer.Ordinal)
    {
        ["xbrl.fasb.org"] = "http://fasb.org/",
        ["xbrl.sec.gov"] = "http://xbrl.sec.gov/",
        ["taxonomies.xbrl.us"] = "http://xbrl.us/",
        ["xbrl.us"] = "http://xbrl.us/",
    };

    public static bool TryMatchSchemaPath(string host, string path, out SchemaPatternMatch match)
    {
        match = default;
        if (!path.EndsWith(".xsd", StringComparison.Ordinal))
        {
            return false;
        }
        var segments = path.TrimStart('/').Split('/');
        if ((host == "www.xbrl.org" || host == "xbrl.org") && segments.Length == 4
            && segments[0] == "dtr" && segments[1] == "type" && segments[3] == "types.xsd" && DatePattern().IsMatch(segments[2]))
        {
            match = new SchemaPatternMatch("dtr", "BASE", segments[2][..4], "http://www.xbrl.org/dtr/type/" + segments[2], "dtr-types");
            return true;
        }
        if (!NamespaceRoots.TryGetValue(host, out var root) || segments.Length < 3)
        {
            return false;
        }
        var folder = segments[0];
        var versionFolder = segments[1];
        if (!VersionFolderPattern().IsMatch(versionFolder))
        {
            return false;
        }
        var stem = segments[^1][..^4];
        var m = StemPattern().Match(stem);
        if (!m.Success)
        {
            return false;
        }
        var name = m.Groups["name"].Value;
        var version = m.Groups["v"].Value;
        var kind = m.Groups["kind"].Value;
        if (!string.Equals(version, versionFolder, StringComparison.OrdinalIgnoreCase)
            && !version.StartsWith(versionFolder + "-", StringComparison.Ordinal))
        {
            return false;
        }
        if (name.EndsWith("-dep-def", StringComparison.Ordinal) || name.EndsWith("-dep", StringComparison.Ordinal)
            || name.Contains("-parts-", StringComparison.Ordinal))
        {
            return false; // deprecation and parts schemas break the rule (http://www.fasb.org/srt-dep/2024, http://fasb.org/cn-part/2024)
        }
        if (host == "xbrl.fasb.org")
        {
            for (var i = 2; i < segments.Length - 1; i++)
            {
                if (segments[i] is "dis" or "stm")
                {
                    var lead = folder + "-" + segments[i] + "-";
                    if (!name.StartsWith(lead, StringComparison.Ordinal) || kind.Length > 0)
                    {
                        return false;
                    }
                    var part = name[lead.Length..];
                    match = new SchemaPatternMatch(folder, null, versionFolder, $"{root}{segments[i]}/{part}/{version}", part);
                    return true;
                }
            }
        }
        var qualified = kind.Length > 0 ? name + "-" + kind : name;
        match = new SchemaPatternMatch(folder, null, versionFolder, $"{root}{qualified}/{version}", qualified);
        return true;
    }

    /// <summary>NAME from <c>http://fasb.org/NAME/VERSION</c>, <c>http://xbrl.sec.gov/NAME/VERSION</c>,
    /// <c>http://xbrl.us/NAME/VERSION</c>, <c>http://fasb.org/dis/NAME/VERSION</c>; <c>dtr-types</c> for a DTR
    /// types namespace; else null.</summary>
    public static string? PrefixFromNamespace(string ns)
    {
        var m = NamespacePattern().Match(ns);
        if (m.Success)
        {
            return m.Groups["name"].Value;
        }
        return DtrTypesNamespacePattern().IsMatch(ns) ? "dtr-types" : null;
    }

    [GeneratedRegex(@"^(?<name>[A-Za-z][A-Za-z0-9-]*?)-(?<v>\d{4}(?:-\d{2}-\d{2}|[qQ][1-4])?)(?:_(?<kind>[a-z]+))?$", RegexOptions.CultureInvariant)]
    private static partial Regex StemPattern();

    [GeneratedRegex(@"^\d{4}(?:[qQ][1-4])?$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionFolderPattern();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"^http://(?:fasb\.org|xbrl\.sec\.gov|xbrl\.us)/(?:(?:dis|stm)/)?(?<name>[A-Za-z][A-Za-z0-9.-]*)/\d{4}(?:-\d{2}-\d{2}|[qQ][1-4])?$", RegexOptions.CultureInvariant)]
    private static partial Regex NamespacePattern();

    [GeneratedRegex(@"^http://www\.xbrl\.org/dtr/type/\d{4}-\d{2}-\d{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex DtrTypesNamespacePattern();
}
