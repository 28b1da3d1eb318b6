using System.Diagnostics.CodeAnalysis;
using EdgarSharp.Xbrl.Internal;

namespace EdgarSharp.Xbrl;

/// <summary>
/// One standard taxonomy schema that EDGAR accepts (or an XBRL International or W3C vocabulary that filings use).
/// </summary>
/// <param name="Family">EDGAR's family (<c>US GAAP</c>, <c>DEI</c>, <c>IFRS</c>, <c>BASE</c> for the XBRL vocabularies, ...).</param>
/// <param name="Version">EDGAR's version of the release that lists the schema (<c>2016</c>, <c>2022Q4</c>, <c>2018 IM</c>).</param>
/// <param name="Namespace">The schema's target namespace.</param>
/// <param name="Prefix">The conventional prefix, or an empty string when there is none (some role-only schemas).</param>
/// <param name="SchemaUrl">The schema's public URL, or an empty string for a vocabulary without a schema
/// (<c>iso4217</c>, the inline XBRL transformation registries, <c>xsi</c>).</param>
public sealed record StandardTaxonomy(string Family, string Version, string Namespace, string Prefix, string SchemaUrl);

/// <summary>
/// EDGAR's standard taxonomies as a built-in table: namespace, conventional prefix and schema URL of every
/// schema in EDGAR's list of accepted taxonomies (all years, 2005 to today), plus the XBRL International and W3C
/// vocabularies that filings use (xbrli, link, xlink, xl, xbrldt, xbrldi, ref, num, nonnum, dtr-types, utr,
/// iso4217, ix, ixt, xsd, ...). Lets a DTS know the concepts of a standard schema it cannot read, by QName.
/// </summary>
/// <remarks>
/// The table is embedded in the library (generated once from EDGAR's <c>edgartaxonomies.xml</c> by
/// <c>tools/edgar-taxonomies/generate.py</c>) and parsed on first use (about 600 rows, well under a
/// millisecond); lookups are dictionary reads, thread-safe. Nothing here reads the network or the disk.
/// Lookups never throw: an unknown or malformed input returns false or null.
/// </remarks>
public static class EdgarTaxonomies
{
    /// <summary>Every row of the table, in table order (EDGAR's rows by family and version, then the additions).</summary>
    public static IReadOnlyList<StandardTaxonomy> All => EdgarTaxonomyTable.Instance.Rows;

    /// <summary>
    /// Finds the standard taxonomy of a schema URL. The http and https forms of a URL match alike; the host
    /// matches case-insensitively; a fragment and dot segments are ignored. A URL missing from the table still
    /// matches when it follows the FASB, SEC or XBRL US layout (<c>https://xbrl.sec.gov/NAME/YEAR/NAME-VERSION.xsd</c>,
    /// <c>http://xbrl.fasb.org/NAME/YEAR/elts/NAME-VERSION.xsd</c>, <c>.../dis/ROOT-dis-NAME-VERSION.xsd</c>, ...)
    /// or the DTR types layout; the taxonomy returned then has the namespace and prefix the pattern implies and is
    /// not in <see cref="All"/>. File names the pattern is known to get wrong (<c>*-dep-def-*</c>, <c>*-parts-*</c>)
    /// do not match.
    /// </summary>
    public static bool TryGetBySchemaUrl(string url, [MaybeNullWhen(false)] out StandardTaxonomy taxonomy) =>
        EdgarTaxonomyTable.Instance.TryGetBySchemaUrl(url, out taxonomy);

    /// <summary>
    /// Finds the standard taxonomy whose target namespace is exactly <paramref name="ns"/> (compared ordinally).
    /// When several schemas share a namespace, the one that defines its concepts comes back.
    /// </summary>
    public static bool TryGetByNamespace(string ns, [MaybeNullWhen(false)] out StandardTaxonomy taxonomy)
    {
        taxonomy = null;
        return ns is not null && EdgarTaxonomyTable.Instance.ByNamespace.TryGetValue(ns, out taxonomy);
    }

    /// <summary>
    /// The conventional prefix of a namespace: from the table, else from the FASB, SEC and XBRL US namespace pattern
    /// (<c>http://fasb.org/NAME/VERSION</c>, <c>http://xbrl.sec.gov/NAME/VERSION</c>, <c>http://xbrl.us/NAME/VERSION</c>,
    /// <c>http://fasb.org/dis/NAME/VERSION</c> give NAME). Null when unknown.
    /// </summary>
    public static string? PrefixFor(string ns)
    {
        if (ns is null)
        {
            return null;
        }
        if (EdgarTaxonomyTable.Instance.ByNamespace.TryGetValue(ns, out var t))
        {
            return t.Prefix.Length > 0 ? t.Prefix : null;
        }
        return StandardSchemaPatterns.PrefixFromNamespace(ns);
    }

    /// <summary>
    /// Finds a standard taxonomy by its conventional prefix (ordinal): with a year, the one whose namespace carries
    /// that year (<c>us-gaap</c>, 2016 gives <c>http://fasb.org/us-gaap/2016-01-31</c>); without, the latest.
    /// Among several in one year, the latest version wins (<c>2022q4</c> over <c>2022</c>).
    /// </summary>
    public static bool TryGetByPrefix(string prefix, int? year, [MaybeNullWhen(false)] out StandardTaxonomy taxonomy) =>
        EdgarTaxonomyTable.Instance.TryGetByPrefix(prefix, year, out taxonomy);

    /// <summary>Finds the latest standard taxonomy with this conventional prefix; see <see cref="TryGetByPrefix(string, int?, out StandardTaxonomy)"/>.</summary>
    public static bool TryGetByPrefix(string prefix, [MaybeNullWhen(false)] out StandardTaxonomy taxonomy) =>
        EdgarTaxonomyTable.Instance.TryGetByPrefix(prefix, null, out taxonomy);
}
