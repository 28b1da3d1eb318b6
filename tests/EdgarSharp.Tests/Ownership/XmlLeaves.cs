using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace EdgarSharp.Tests.Ownership;

/// <summary>
/// Every element and attribute of an XML document as (path with sibling positions, typed value): leaves compare as
/// typed values (<c>1</c> and <c>true</c>, <c>95898.0</c> and <c>95898</c>, <c>2020-09-15</c> and
/// <c>2020-09-15-05:00</c> agree), empty elements are kept as empty leaves. The oracle for round trips.
/// </summary>
internal static class XmlLeaves
{
    public static List<string> Of(string xml)
    {
        var doc = XDocument.Parse(xml, LoadOptions.None);
        var leaves = new List<string>();
        Walk(doc.Root!, "/" + doc.Root!.Name.LocalName, leaves);
        leaves.Sort(StringComparer.Ordinal);
        return leaves;
    }

    private static void Walk(XElement e, string path, List<string> leaves)
    {
        foreach (var a in e.Attributes().Where(a => !a.IsNamespaceDeclaration))
        {
            leaves.Add($"{path}@{a.Name.LocalName}={Typed(a.Value)}");
        }
        var children = e.Elements().ToList();
        if (children.Count == 0)
        {
            leaves.Add($"{path}={Typed(e.Value)}");
            return;
        }
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var c in children)
        {
            var name = c.Name.LocalName;
            seen[name] = seen.TryGetValue(name, out var n) ? n + 1 : 1;
            Walk(c, $"{path}/{name}[{seen[name]}]", leaves);
        }
    }

    public static string Typed(string raw)
    {
        var text = raw.Trim();
        switch (text)
        {
            case "true": return "1";
            case "false": return "0";
        }
        if (decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d))
        {
            return (d / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
        }
        if (text.Length > 10 && DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        return text;
    }
}
