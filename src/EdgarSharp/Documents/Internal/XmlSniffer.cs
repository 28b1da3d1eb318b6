using System.Collections.Frozen;
using System.Xml;
using EdgarSharp.Internal;

namespace EdgarSharp.Documents.Internal;

/// <summary>
/// Markup: reads the decoded head with a safe <see cref="XmlReader"/> up to the root element and classifies it by
/// namespace and local name; linkbases also have their extended-link children scanned, ownership documents their
/// form type. When no root element can be read, falls back to the first tag's name (HTML that is not XML).
/// </summary>
internal static class XmlSniffer
{
    public const string XmlSchemaNs = "http://www.w3.org/2001/XMLSchema";
    public const string LinkNs = "http://www.xbrl.org/2003/linkbase";
    public const string XbrliNs = "http://www.xbrl.org/2003/instance";
    public const string XlinkNs = "http://www.w3.org/1999/xlink";
    public const string XhtmlNs = "http://www.w3.org/1999/xhtml";
    public const string InlineXbrl11Ns = "http://www.xbrl.org/2013/inlineXBRL";
    public const string InlineXbrl10Ns = "http://www.xbrl.org/2008/inlineXBRL";
    public const string AtomNs = "http://www.w3.org/2005/Atom";
    public const string CatalogNs = "urn:oasis:names:tc:entity:xmlns:xml:catalog";

    private static readonly FrozenDictionary<string, DocumentKind> StandardLinks = new Dictionary<string, DocumentKind>
    {
        ["labelLink"] = DocumentKind.LabelLinkbase,
        ["presentationLink"] = DocumentKind.PresentationLinkbase,
        ["calculationLink"] = DocumentKind.CalculationLinkbase,
        ["definitionLink"] = DocumentKind.DefinitionLinkbase,
        ["referenceLink"] = DocumentKind.ReferenceLinkbase,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Elements that start an HTML document written without an <c>html</c> element (old EDGAR documents do).</summary>
    private static readonly FrozenSet<string> HtmlStartElements = new[]
    {
        "html", "head", "body", "title", "meta", "div", "p", "table", "font", "center", "pre", "span", "form",
        "h1", "h2", "h3", "h4", "h5", "h6",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly XmlReaderSettings Settings = SafeXml.Settings();

    /// <summary>Classifies markup; <paramref name="text"/> starts at its first <c>&lt;</c>.</summary>
    public static DocumentKindResult Sniff(string text, DetectionContext context)
    {
        XmlException? failure = null;
        using (var reader = SafeXml.Create(new StringReader(text), string.Empty, Settings))
        {
            try
            {
                while (reader.Read())
                {
                    if (reader.NodeType == XmlNodeType.Element)
                    {
                        return Classify(reader, text, context);
                    }
                }
            }
            catch (XmlException ex)
            {
                failure = ex;
            }
        }
        return Fallback(text, failure, context);
    }

    private static DocumentKindResult Classify(XmlReader reader, string text, DetectionContext context)
    {
        var ns = reader.NamespaceURI;
        var local = reader.LocalName;
        var name = reader.Name;

        if (ns == XmlSchemaNs && local == "schema")
        {
            var target = reader.GetAttribute("targetNamespace");
            return context.Result(DocumentKind.XbrlSchema, string.IsNullOrEmpty(target) ? name : $"{name}: {target}", ns, local);
        }
        if (ns == LinkNs && local == "linkbase")
        {
            return Linkbase(reader, context);
        }
        if (ns == XbrliNs && local == "xbrl")
        {
            return context.Result(DocumentKind.XbrlInstance, name, ns, local);
        }
        if ((ns.Length == 0 || ns == XhtmlNs) && HtmlStartElements.Contains(local))
        {
            return Html(reader, text, name, context);
        }
        if (IsXbrlOrgNamespaceOrNone(ns) && local is "testcases" or "testcase" or "documentation")
        {
            var suiteName = reader.GetAttribute("name");
            return context.Result(DocumentKind.ConformanceSuite, string.IsNullOrEmpty(suiteName) ? name : $"{name}: {suiteName}", ns, local);
        }
        if (ns.Length == 0 && local == "ownershipDocument")
        {
            return Ownership(reader, context);
        }
        if (ns.Length == 0 && local == "FilingSummary")
        {
            return context.Result(DocumentKind.FilingSummary, name, ns, local);
        }
        if (ns == AtomNs && local == "feed")
        {
            return context.Result(DocumentKind.AtomFeed, name, ns, local);
        }
        if (ns.Length == 0 && local == "rss")
        {
            var version = reader.GetAttribute("version");
            return context.Result(DocumentKind.RssFeed, string.IsNullOrEmpty(version) ? name : $"{name} {version}", ns, local);
        }
        if (local == "taxonomyPackage" && ns.StartsWith("http://xbrl.org/", StringComparison.Ordinal)
            && ns.Contains("taxonomy-package", StringComparison.Ordinal))
        {
            return context.Result(DocumentKind.TaxonomyPackageMetadata, name, ns, local);
        }
        if (ns == CatalogNs && local == "catalog")
        {
            return context.Result(DocumentKind.XmlCatalog, name, ns, local);
        }
        return context.Result(DocumentKind.Xml, name, ns, local);
    }

    private static bool IsXbrlOrgNamespaceOrNone(string ns) =>
        ns.Length == 0
        || ns.StartsWith("http://xbrl.org/", StringComparison.Ordinal)
        || ns.StartsWith("http://www.xbrl.org/", StringComparison.Ordinal);

    /// <summary>
    /// Reads the root's children (as far as the head goes) and collects the extended links: elements with
    /// <c>xlink:type="extended"</c>, or the five standard links even when they forgot the attribute.
    /// </summary>
    private static DocumentKindResult Linkbase(XmlReader reader, DetectionContext context)
    {
        var ns = reader.NamespaceURI;
        var local = reader.LocalName;
        var name = reader.Name;
        var links = new List<(string Namespace, string Local, string Name)>();
        if (!reader.IsEmptyElement)
        {
            var depth = reader.Depth;
            try
            {
                reader.Read();
                while (!reader.EOF && reader.Depth > depth)
                {
                    if (reader.NodeType == XmlNodeType.Element && reader.Depth == depth + 1)
                    {
                        var isStandard = reader.NamespaceURI == LinkNs && StandardLinks.ContainsKey(reader.LocalName);
                        if (isStandard || reader.GetAttribute("type", XlinkNs) == "extended")
                        {
                            // The same link may be written with different prefixes; it counts once, named as first seen.
                            if (!links.Exists(l => l.Namespace == reader.NamespaceURI && l.Local == reader.LocalName))
                            {
                                links.Add((reader.NamespaceURI, reader.LocalName, reader.Name));
                            }
                        }
                        reader.Skip();
                    }
                    else
                    {
                        reader.Read();
                    }
                }
            }
            catch (XmlException ex)
            {
                ReportBrokenAfterRoot(ex, context);
            }
        }

        var kind = DocumentKind.GenericLinkbase;
        if (links.Count == 1 && links[0].Namespace == LinkNs && StandardLinks.TryGetValue(links[0].Local, out var standard))
        {
            kind = standard;
        }
        var detail = links.Count == 0 ? $"{name}: no extended links" : $"{name}: {string.Join(", ", links.Select(l => l.Name))}";
        return context.Result(kind, detail, ns, local);
    }

    /// <summary>Reads <c>documentType</c> and <c>schemaVersion</c>, the first children of an ownership document.</summary>
    private static DocumentKindResult Ownership(XmlReader reader, DetectionContext context)
    {
        var ns = reader.NamespaceURI;
        var local = reader.LocalName;
        var name = reader.Name;
        string? form = null, schema = null;
        if (!reader.IsEmptyElement)
        {
            var depth = reader.Depth;
            try
            {
                reader.Read();
                var seen = 0;
                while (!reader.EOF && reader.Depth > depth && seen < 8 && (form is null || schema is null))
                {
                    if (reader.NodeType == XmlNodeType.Element && reader.Depth == depth + 1)
                    {
                        seen++;
                        switch (reader.LocalName)
                        {
                            case "documentType":
                                form = reader.ReadElementContentAsString().Trim();
                                continue;
                            case "schemaVersion":
                                schema = reader.ReadElementContentAsString().Trim();
                                continue;
                            default:
                                reader.Skip();
                                continue;
                        }
                    }
                    reader.Read();
                }
            }
            catch (XmlException ex)
            {
                ReportBrokenAfterRoot(ex, context);
            }
        }
        var parts = new List<string>(2);
        if (!string.IsNullOrEmpty(form))
        {
            parts.Add($"form {form}");
        }
        if (!string.IsNullOrEmpty(schema))
        {
            parts.Add($"schema {schema}");
        }
        return context.Result(DocumentKind.OwnershipXml, parts.Count == 0 ? name : $"{name}: {string.Join(", ", parts)}", ns, local);
    }

    private static DocumentKindResult Html(XmlReader reader, string text, string name, DetectionContext context)
    {
        string? version = null;
        if (reader.MoveToFirstAttribute())
        {
            do
            {
                if (reader.NamespaceURI == "http://www.w3.org/2000/xmlns/")
                {
                    version = reader.Value switch
                    {
                        InlineXbrl11Ns => "1.1",
                        InlineXbrl10Ns => version ?? "1.0",
                        _ => version,
                    };
                }
            }
            while (reader.MoveToNextAttribute());
            reader.MoveToElement();
        }
        var ns = reader.NamespaceURI;
        var local = reader.LocalName;
        version ??= InlineVersionInText(text, context);
        return version is null
            ? context.Result(DocumentKind.Html, name, ns, local)
            : context.Result(DocumentKind.InlineXbrl, $"{name}: inline XBRL {version}", ns, local);
    }

    /// <summary>
    /// The inline XBRL version from the namespace URI anywhere in the head (declared below the root), or from
    /// <c>ix:</c> elements whose prefix is never declared (reported).
    /// </summary>
    private static string? InlineVersionInText(string text, DetectionContext context)
    {
        if (text.Contains(InlineXbrl11Ns, StringComparison.Ordinal))
        {
            return "1.1";
        }
        if (text.Contains(InlineXbrl10Ns, StringComparison.Ordinal))
        {
            return "1.0";
        }
        if (text.Contains("<ix:header", StringComparison.OrdinalIgnoreCase)
            || text.Contains("<ix:nonFraction", StringComparison.OrdinalIgnoreCase)
            || text.Contains("<ix:nonNumeric", StringComparison.OrdinalIgnoreCase))
        {
            context.Diagnostics.Warning(
                DetectionCodes.UndeclaredInlineXbrlPrefix,
                "The document uses inline XBRL elements (ix:...) without declaring the ix namespace; it is read as inline XBRL 1.1. Declare xmlns:ix=\"http://www.xbrl.org/2013/inlineXBRL\" on the html element.",
                context.At());
            return "1.1";
        }
        return null;
    }

    /// <summary>No root element could be read as XML: HTML by its first tag, else text with an error when it looked like XML.</summary>
    private static DocumentKindResult Fallback(string text, XmlException? failure, DetectionContext context)
    {
        var firstTag = FirstTagName(text);
        if ((firstTag is not null && HtmlStartElements.Contains(firstTag))
            || text.StartsWith("<!DOCTYPE html", StringComparison.OrdinalIgnoreCase))
        {
            var version = InlineVersionInText(text, context);
            var detail = firstTag?.ToLowerInvariant() ?? "html";
            return version is null
                ? context.Result(DocumentKind.Html, detail)
                : context.Result(DocumentKind.InlineXbrl, $"{detail}: inline XBRL {version}");
        }
        if (firstTag is not null || text.StartsWith("<?xml", StringComparison.Ordinal))
        {
            var (line, column, reason) = failure is null ? (0, 0, "the document ends before its root element") : (failure.LineNumber, failure.LinePosition, failure.Message);
            context.Diagnostics.Error(
                DetectionCodes.MalformedXml,
                $"The document starts like XML but its root element cannot be read ({reason}); it is treated as text. Check that the file is complete.",
                context.At(line, column));
        }
        return context.Result(DocumentKind.Text, "markup");
    }

    private static void ReportBrokenAfterRoot(XmlException ex, DetectionContext context)
    {
        // In a head cut from a longer document the reader always runs off the end; only a whole document is broken.
        if (context.IsWholeDocument)
        {
            context.Diagnostics.Warning(
                DetectionCodes.MalformedXml,
                $"The XML is not well-formed after its root element ({ex.Message}); the kind is decided from what could be read.",
                context.At(ex.LineNumber, ex.LinePosition));
        }
    }

    /// <summary>The name of the first start tag, skipping comments, processing instructions and declarations.</summary>
    internal static string? FirstTagName(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            var lt = text.IndexOf('<', i);
            if (lt < 0 || lt + 1 >= text.Length)
            {
                return null;
            }
            var next = text[lt + 1];
            if (text.AsSpan(lt).StartsWith("<!--", StringComparison.Ordinal))
            {
                var end = text.IndexOf("-->", lt + 4, StringComparison.Ordinal);
                if (end < 0)
                {
                    return null;
                }
                i = end + 3;
                continue;
            }
            if (next is '!' or '?')
            {
                var end = text.IndexOf('>', lt + 2);
                if (end < 0)
                {
                    return null;
                }
                i = end + 1;
                continue;
            }
            if (!char.IsAsciiLetter(next) && next != '_')
            {
                return null;
            }
            var j = lt + 1;
            while (j < text.Length && (char.IsAsciiLetterOrDigit(text[j]) || text[j] is ':' or '_' or '-' or '.'))
            {
                j++;
            }
            if (j == text.Length)
            {
                // The name runs into the end of the head: a truncated tag names nothing.
                return null;
            }
            return text[(lt + 1)..j];
        }
        return null;
    }
}
