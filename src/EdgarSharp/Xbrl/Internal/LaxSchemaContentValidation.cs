using System.Xml;
using System.Xml.Schema;
using EdgarSharp.Internal;

namespace EdgarSharp.Xbrl.Internal;

/// <summary>
/// The parts of a taxonomy schema that XML Schema's own schema leaves open, assessed as it says: the content of
/// <c>xs:appinfo</c> (a wildcard with <c>processContents="lax"</c>) and the attributes of other namespaces on schema
/// components (<c>anyAttribute namespace="##other" processContents="lax"</c>). Lax means: what the DTS's schemas
/// declare must be valid by its declaration (an element declared xs:integer holding text, an embedded linkbase with
/// an element its content model does not allow); what they do not declare is let through.
/// </summary>
/// <remarks>
/// Runs only on the schema documents the loader marked (appinfo holding something other than XBRL's
/// <c>roleType</c>, <c>arcroleType</c> and <c>linkbaseRef</c>, or a foreign attribute outside the XBRL namespaces
/// whose values the concept checks judge), and only when the DTS's schemas compile (a partial DTS cannot be judged).
/// </remarks>
internal static class LaxSchemaContentValidation
{
    public static void Check(IReadOnlyList<TaxonomyDocument> documents, IReadOnlyCollection<string> marked, TaxonomyCatalog catalog, DiagnosticBag diagnostics)
    {
        var set = SchemaValidation.Build(documents, catalog, new DiagnosticBag(), requireInstanceSchema: false);
        if (set is null)
        {
            return;
        }
        foreach (var doc in documents)
        {
            if (doc.Type != TaxonomyDocumentType.Schema || !marked.Contains(UrlUtil.Key(doc.Url)))
            {
                continue;
            }
            using var stream = SchemaValidation.Open(doc, catalog);
            if (stream is null)
            {
                continue;
            }
            try
            {
                CheckDocument(doc, stream, set, diagnostics);
            }
            catch (XmlException)
            {
                // The loader has reported the document as not well-formed.
            }
        }
    }

    private static void CheckDocument(TaxonomyDocument doc, Stream stream, XmlSchemaSet set, DiagnosticBag diagnostics)
    {
        using var r = SafeXml.Create(stream, doc.Url, SafeXml.Settings(ignoreWhitespace: false));
        var appinfoDepth = -1;
        while (r.Read())
        {
            if (r.NodeType != XmlNodeType.Element)
            {
                continue;
            }
            if (appinfoDepth >= 0 && r.Depth <= appinfoDepth)
            {
                appinfoDepth = -1;
            }
            if (appinfoDepth >= 0 && r.Depth == appinfoDepth + 1)
            {
                AssessLaxly(doc, r, set, diagnostics);
                continue;
            }
            if (!string.Equals(r.NamespaceURI, XbrlNamespaces.Xsd, StringComparison.Ordinal))
            {
                continue;
            }
            CheckDeclaredAttributes(doc, r, set, diagnostics, IsForeignAttributeNamespace);
            if (r.LocalName == "appinfo" && !r.IsEmptyElement)
            {
                appinfoDepth = r.Depth;
            }
        }
    }

    /// <summary>
    /// Lax assessment of an element (XML Schema 1.0 part 1 section 3.10.1): validated by its global declaration when the
    /// DTS's schemas have one; otherwise let through, its declared attributes and its children assessed the same way.
    /// Leaves the reader on the element's end (or on the element when empty).
    /// </summary>
    private static void AssessLaxly(TaxonomyDocument doc, XmlReader r, XmlSchemaSet set, DiagnosticBag diagnostics)
    {
        if (set.GlobalElements[new XmlQualifiedName(r.LocalName, r.NamespaceURI)] is XmlSchemaElement declaration)
        {
            ValidateDeclared(doc, r, set, declaration, diagnostics);
            return;
        }
        CheckDeclaredAttributes(doc, r, set, diagnostics, static ns => ns.Length > 0 && ns is not ("http://www.w3.org/2000/xmlns/" or XbrlNamespaces.Xml));
        if (r.IsEmptyElement)
        {
            return;
        }
        var depth = r.Depth;
        while (r.Read() && r.Depth > depth)
        {
            if (r.NodeType == XmlNodeType.Element && r.Depth == depth + 1)
            {
                AssessLaxly(doc, r, set, diagnostics);
            }
        }
    }

    /// <summary>
    /// Validates a declared element and its content against the DTS's schemas, the reader's namespace scope resolving
    /// QName values. An element of a namespace no schema of the DTS has (its schema is not in the DTS: reached, if at
    /// all, only through an <c>xsi:schemaLocation</c> hint) cannot be assessed and is passed over with its content, as
    /// XBRL processors do (the conformance suite's 220 variations embed such custom links in linkbases).
    /// </summary>
    private static void ValidateDeclared(TaxonomyDocument doc, XmlReader r, XmlSchemaSet set, XmlSchemaElement declaration, DiagnosticBag diagnostics)
    {
        var validator = new XmlSchemaValidator(r.NameTable, set, (IXmlNamespaceResolver)r, XmlSchemaValidationFlags.None)
        {
            LineInfoProvider = r as IXmlLineInfo,
        };
        validator.ValidationEventHandler += (_, e) =>
        {
            if (e.Severity == XmlSeverityType.Error)
            {
                diagnostics.Error("sche:XmlSchemaError", $"The content of xs:appinfo is not valid by the declaration the DTS gives it: {e.Message}",
                    new SourceLocation(doc.Url, e.Exception?.LineNumber ?? 0, e.Exception?.LinePosition ?? 0));
            }
        };
        validator.Initialize(declaration);
        var rootDepth = r.Depth;
        while (true)
        {
            switch (r.NodeType)
            {
                case XmlNodeType.Element:
                    if (r.Depth > rootDepth && set.Schemas(r.NamespaceURI).Count == 0)
                    {
                        r.Skip();
                        continue;
                    }
                    ValidateElementStart(validator, r);
                    if (r.IsEmptyElement)
                    {
                        validator.ValidateEndElement(null);
                    }
                    break;
                case XmlNodeType.Text:
                case XmlNodeType.CDATA:
                    validator.ValidateText(r.Value);
                    break;
                case XmlNodeType.Whitespace:
                case XmlNodeType.SignificantWhitespace:
                    validator.ValidateWhitespace(r.Value);
                    break;
                case XmlNodeType.EndElement:
                    validator.ValidateEndElement(null);
                    break;
            }
            if ((r.Depth == rootDepth && (r.NodeType == XmlNodeType.EndElement || r.IsEmptyElement)) || !r.Read())
            {
                break;
            }
        }
        validator.EndValidation();
    }

    private static void ValidateElementStart(XmlSchemaValidator validator, XmlReader r)
    {
        const string Xsi = "http://www.w3.org/2001/XMLSchema-instance";
        validator.ValidateElement(r.LocalName, r.NamespaceURI, null, r.GetAttribute("type", Xsi), r.GetAttribute("nil", Xsi), null, null);
        if (r.MoveToFirstAttribute())
        {
            do
            {
                var ns = r.NamespaceURI;
                if (ns is not ("http://www.w3.org/2000/xmlns/" or Xsi))
                {
                    validator.ValidateAttribute(r.LocalName, ns, r.Value, null);
                }
            }
            while (r.MoveToNextAttribute());
            r.MoveToElement();
        }
        validator.ValidateEndOfAttributes(null);
    }

    /// <summary>The attributes of the namespaces <paramref name="assessed"/> picks: those a global attribute declaration of the DTS types must be valid values of that type.</summary>
    private static void CheckDeclaredAttributes(TaxonomyDocument doc, XmlReader r, XmlSchemaSet set, DiagnosticBag diagnostics, Func<string, bool> assessed)
    {
        if (!r.MoveToFirstAttribute())
        {
            return;
        }
        do
        {
            var ns = r.NamespaceURI;
            if (!assessed(ns)
                || set.GlobalAttributes[new XmlQualifiedName(r.LocalName, ns)] is not XmlSchemaAttribute { AttributeSchemaType.Datatype: { } datatype })
            {
                continue;
            }
            try
            {
                datatype.ParseValue(r.Value, r.NameTable, r as IXmlNamespaceResolver);
            }
            catch (XmlSchemaException e)
            {
                var (line, column) = SafeXml.Position(r);
                diagnostics.Error("sche:XmlSchemaError", $"The attribute {r.Name}='{r.Value}' is not a valid value of its declared type {datatype.TypeCode}: {e.Message}",
                    new SourceLocation(doc.Url, line, column));
            }
        }
        while (r.MoveToNextAttribute());
        r.MoveToElement();
    }

    /// <summary>
    /// An attribute namespace left to lax assessment here: not XML Schema's, XML's or a namespace declaration, and not
    /// XBRL's own (xbrli:periodType, xbrli:balance, xbrldt:typedDomainRef: the concept and dimension checks judge those).
    /// </summary>
    internal static bool IsForeignAttributeNamespace(string ns) =>
        ns.Length > 0 && ns is not (XbrlNamespaces.Xsd or XbrlNamespaces.Xml or "http://www.w3.org/2000/xmlns/" or XbrlNamespaces.Xbrli or XbrlNamespaces.Xbrldt
            or "http://www.w3.org/2001/XMLSchema-instance");
}
