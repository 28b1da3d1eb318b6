using System.Xml;
using System.Xml.Linq;
using EdgarSharp.Internal;

namespace EdgarSharp.Xbrl.Internal;

/// <summary>
/// The XBRL 2.1 rules on concept declarations that XML Schema itself does not enforce and that need the type's
/// content model. A tuple (section 4.9): its content model refers to global item and tuple declarations (no local
/// element declarations), it is not mixed, and it declares no attribute in a namespace XBRL defines (<c>xbrli</c>,
/// <c>link</c>, <c>xl</c>, <c>xlink</c>; an <c>xs:anyAttribute</c> wildcard is allowed): <c>xbrl.4.9</c>. An item
/// (section 5.1.1.3): its type has simple content unless it is derived by restriction from
/// <c>xbrli:fractionItemType</c>: <c>xbrl.5.1.1.3</c>.
/// </summary>
/// <remarks>
/// Only the schema documents that declare tuples, or items of a type they declare themselves with complex content,
/// are read again (as trees: both are rare, and absent from EDGAR filings); a type that lives in another document
/// is left to XML Schema validation.
/// </remarks>
internal static class ConceptDeclarationChecks
{
    private static readonly XNamespace Xs = XbrlNamespaces.Xsd;

    private static readonly HashSet<string> XbrlDefinedNamespaces =
        [XbrlNamespaces.Xbrli, XbrlNamespaces.Link, XbrlNamespaces.Xl, XbrlNamespaces.XLink];

    public static void Check(IEnumerable<Concept> concepts, DiagnosticBag diagnostics)
    {
        var byDocument = new Dictionary<string, List<Concept>>(StringComparer.Ordinal);
        foreach (var concept in concepts)
        {
            if ((concept.IsTuple || concept.IsItem && concept.Type is { } type && type.Namespace == concept.Name.Namespace)
                && concept.IsDeclared && concept.Location is { } location && LocalPath(location.Document) is { } path)
            {
                if (!byDocument.TryGetValue(path, out var list))
                {
                    byDocument[path] = list = [];
                }
                list.Add(concept);
            }
        }
        foreach (var (path, candidates) in byDocument)
        {
            if (Read(path) is not { Root: { } schema })
            {
                continue;
            }
            var declarations = schema.Elements(Xs + "element").Where(e => e.Attribute("name") is not null)
                .ToDictionary(e => (string)e.Attribute("name")!, StringComparer.Ordinal);
            foreach (var concept in candidates)
            {
                if (declarations.TryGetValue(concept.Name.LocalName, out var declaration) && TypeOf(declaration, schema) is { } type)
                {
                    if (concept.IsTuple)
                    {
                        CheckType(concept, type, diagnostics);
                    }
                    else
                    {
                        CheckItemType(concept, type, diagnostics);
                    }
                }
            }
        }
    }

    private static void CheckType(Concept tuple, XElement type, DiagnosticBag diagnostics)
    {
        var location = tuple.Location;
        if (IsMixed(type) || type.Elements(Xs + "complexContent").Any(IsMixed))
        {
            diagnostics.Error("xbrl.4.9", $"The tuple {tuple} is declared with mixed content; a tuple holds only items and tuples.", location);
        }
        foreach (var local in type.Descendants(Xs + "element").Where(e => e.Attribute("name") is not null))
        {
            diagnostics.Error("xbrl.4.9",
                $"The tuple {tuple} declares the element '{(string)local.Attribute("name")!}' locally; a tuple's content must refer to global item and tuple declarations (ref=).",
                location);
        }
        foreach (var attribute in type.Descendants(Xs + "attribute"))
        {
            if ((string?)attribute.Attribute("ref") is { } reference && Resolve(attribute, reference) is { } name
                && XbrlDefinedNamespaces.Contains(name.NamespaceName))
            {
                diagnostics.Error("xbrl.4.9",
                    $"The tuple {tuple} declares the attribute {reference}, of a namespace XBRL defines ({name.NamespaceName}); tuples must not use XBRL's own attributes.",
                    location);
            }
        }
    }

    private static void CheckItemType(Concept item, XElement type, DiagnosticBag diagnostics)
    {
        var modelGroup = type.Elements().Any(e => e.Name == Xs + "sequence" || e.Name == Xs + "choice" || e.Name == Xs + "all" || e.Name == Xs + "group");
        var complexContent = type.Element(Xs + "complexContent");
        var fromFraction = complexContent?.Element(Xs + "restriction") is { } restriction
            && (string?)restriction.Attribute("base") is { } baseName && Resolve(restriction, baseName) is { } resolved
            && resolved.NamespaceName == XbrlNamespaces.Xbrli && resolved.LocalName == "fractionItemType";
        if ((modelGroup || complexContent is not null) && !fromFraction)
        {
            diagnostics.Error("xbrl.5.1.1.3",
                $"The item {item} has a type with complex content; an item's type has simple content unless it is derived by restriction from xbrli:fractionItemType.",
                item.Location);
        }
    }

    private static bool IsMixed(XElement e) => (string?)e.Attribute("mixed") is "true" or "1";

    private static XElement? TypeOf(XElement declaration, XElement schema)
    {
        if (declaration.Element(Xs + "complexType") is { } anonymous)
        {
            return anonymous;
        }
        if ((string?)declaration.Attribute("type") is { } typeName && Resolve(declaration, typeName) is { } name
            && name.NamespaceName == ((string?)schema.Attribute("targetNamespace") ?? string.Empty))
        {
            return schema.Elements(Xs + "complexType").FirstOrDefault(t => (string?)t.Attribute("name") == name.LocalName);
        }
        return null;
    }

    private static XName? Resolve(XElement scope, string qname)
    {
        var colon = qname.IndexOf(':', StringComparison.Ordinal);
        var prefix = colon < 0 ? string.Empty : qname[..colon];
        var ns = scope.GetNamespaceOfPrefix(prefix);
        if (ns is null && colon >= 0)
        {
            return null;
        }
        return (ns ?? XNamespace.None) + qname[(colon + 1)..];
    }

    private static string? LocalPath(string document)
    {
        if (Uri.TryCreate(document, UriKind.Absolute, out var uri))
        {
            return uri.IsFile ? uri.LocalPath : null;
        }
        return Path.IsPathRooted(document) ? document : null;
    }

    private static XDocument? Read(string path)
    {
        try
        {
            using var reader = SafeXml.Create(File.OpenRead(path), path);
            return XDocument.Load(reader);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or XmlException)
        {
            // The loader has reported what is wrong with the document; nothing more to judge here.
            return null;
        }
    }
}
