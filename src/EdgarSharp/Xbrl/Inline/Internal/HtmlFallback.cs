using System.Xml;
using System.Xml.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace EdgarSharp.Xbrl.Inline.Internal;

/// <summary>
/// Reads a document that is not well-formed XML with AngleSharp's HTML parser and rebuilds it as an XML tree:
/// prefixed names resolve through the document's <c>xmlns:</c> declarations, and the lower-cased names of the
/// inline XBRL, XBRL instance and XLink vocabularies get their case back.
/// </summary>
internal static class HtmlFallback
{
    private static readonly Dictionary<string, string> CaseOf = new[]
    {
        "nonFraction", "nonNumeric", "contextRef", "unitRef", "continuedAt", "tupleRef", "tupleID", "footnoteRole",
        "fromRefs", "toRefs", "linkRole", "schemaRef", "linkbaseRef", "roleRef", "arcroleRef", "roleURI", "arcroleURI",
        "startDate", "endDate", "explicitMember", "typedMember", "unitNumerator", "unitDenominator", "footnoteLink",
        "footnoteArc", "arcrole",
    }.ToDictionary(s => s.ToLowerInvariant(), s => s, StringComparer.Ordinal);

    public static XDocument Parse(string html)
    {
        var parser = new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true });
        var document = parser.ParseDocument(html);
        var namespaces = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["xml"] = XbrlNamespaces.Xml,
        };
        foreach (var element in document.All)
        {
            foreach (var a in element.Attributes)
            {
                if (a.Name.StartsWith("xmlns:", StringComparison.Ordinal))
                {
                    namespaces.TryAdd(a.Name[6..], a.Value);
                }
            }
        }
        var root = document.DocumentElement is null ? new XElement(XName.Get("html", InlineXbrl.XhtmlNamespace)) : Convert(document.DocumentElement, namespaces);
        foreach (var (prefix, uri) in namespaces)
        {
            if (prefix != "xml" && root.Attribute(XNamespace.Xmlns + prefix) is null)
            {
                root.SetAttributeValue(XNamespace.Xmlns + prefix, uri);
            }
        }
        return new XDocument(root);
    }

    private static XName Name(string name, Dictionary<string, string> namespaces, bool attribute)
    {
        var colon = name.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return attribute ? XName.Get(Fix(name)) : XName.Get(name, InlineXbrl.XhtmlNamespace);
        }
        var prefix = name[..colon];
        var local = Fix(name[(colon + 1)..]);
        return namespaces.TryGetValue(prefix, out var ns) ? XName.Get(local, ns) : XName.Get(XmlConvert.EncodeLocalName(name));
    }

    private static string Fix(string local) => CaseOf.TryGetValue(local, out var fixedCase) ? fixedCase : local;

    private static XElement Convert(IElement e, Dictionary<string, string> namespaces)
    {
        var x = new XElement(Name(e.NodeName.ToLowerInvariant(), namespaces, attribute: false));
        foreach (var a in e.Attributes)
        {
            if (a.Name == "xmlns" || a.Name.StartsWith("xmlns:", StringComparison.Ordinal))
            {
                continue;
            }
            try
            {
                x.SetAttributeValue(Name(a.Name, namespaces, attribute: true), a.Value);
            }
            catch (XmlException)
            {
                // An attribute name that XML cannot carry is dropped.
            }
        }
        foreach (var child in e.ChildNodes)
        {
            switch (child)
            {
                case IElement ce:
                    x.Add(Convert(ce, namespaces));
                    break;
                case IText t:
                    x.Add(new XText(t.Data));
                    break;
            }
        }
        return x;
    }
}
