using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Schema;

namespace EdgarSharp.Xbrl.Internal;

/// <summary>
/// Keys equal exactly for s-equal contexts and u-equal units (XBRL 2.1 sections 4.10 and 4.7): entity, period as the
/// instants it denotes, dimension members in any order, and segment and scenario content compared as XML values
/// (attributes in any order, comments and whitespace between elements ignored, values by their typed value where the
/// DTS's schemas type them: <c>+1.0</c> equals <c>1</c> for a decimal, <c>0</c> equals <c>false</c> for a boolean).
/// One instance per instance check run; keys are cached per context and unit object.
/// </summary>
/// <param name="schemas">The DTS's compiled schemas (types for segment and scenario content), or null on a partial DTS: then values compare as written.</param>
internal sealed class SEqualKeys(XmlSchemaSet? schemas)
{
    private readonly Dictionary<XbrlContext, string> _contexts = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<XbrlUnit, string> _units = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, string> _content = new(StringComparer.Ordinal);

    /// <summary>The key of a context: equal for s-equal contexts.</summary>
    public string Context(XbrlContext c)
    {
        if (_contexts.TryGetValue(c, out var key))
        {
            return key;
        }
        var sb = new StringBuilder();
        sb.Append(c.Scheme).Append('|').Append(c.Identifier.Trim()).Append('|');
        var p = c.Period;
        if (p.IsForever)
        {
            sb.Append("forever");
        }
        else if (p.Instant is { } i)
        {
            sb.Append(i.AsEnd.Ticks.ToString(CultureInfo.InvariantCulture));
        }
        else if (p.Start is { } s && p.End is { } e)
        {
            sb.Append(s.AsStart.Ticks.ToString(CultureInfo.InvariantCulture)).Append('-').Append(e.AsEnd.Ticks.ToString(CultureInfo.InvariantCulture));
        }
        if (c.Dimensions.Count > 0)
        {
            foreach (var d in c.Dimensions.OrderBy(d => d.InScenario).ThenBy(d => d.Dimension.Namespace, StringComparer.Ordinal).ThenBy(d => d.Dimension.LocalName, StringComparer.Ordinal))
            {
                sb.Append('|').Append(d.InScenario ? 's' : 'g').Append(d.Dimension).Append('=').Append(d.Member?.ToString() ?? Content(d.TypedValue ?? ""));
            }
        }
        sb.Append('|').Append(Content(c.OtherSegmentContent)).Append('|').Append(Content(c.OtherScenarioContent));
        key = sb.ToString();
        _contexts[c] = key;
        return key;
    }

    /// <summary>The key of a unit: equal for u-equal units (measures as sets, numerator and denominator apart).</summary>
    public string Unit(XbrlUnit u)
    {
        if (_units.TryGetValue(u, out var key))
        {
            return key;
        }
        key = string.Join('*', u.Numerators.Select(q => q.ToString()).Order(StringComparer.Ordinal)) + "/" + string.Join('*', u.Denominators.Select(q => q.ToString()).Order(StringComparer.Ordinal));
        _units[u] = key;
        return key;
    }

    /// <summary>A canonical form of an XML fragment: equal for fragments that are x-equal element by element.</summary>
    private string Content(string xml)
    {
        if (xml.Length == 0)
        {
            return "";
        }
        if (_content.TryGetValue(xml, out var key))
        {
            return key;
        }
        var nan = false;
        key = Canonical(xml, schemas, ref nan) ?? xml;
        if (nan)
        {
            // A NaN value equals nothing, not even another NaN: this content is s-equal only to itself (the same context).
            return key + "#" + (++_unequal).ToString(CultureInfo.InvariantCulture);
        }
        _content[xml] = key;
        return key;
    }

    private int _unequal;

    private static string? Canonical(string xml, XmlSchemaSet? schemas, ref bool nan)
    {
        var settings = new XmlReaderSettings
        {
            ConformanceLevel = ConformanceLevel.Fragment,
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };
        if (schemas is not null)
        {
            settings.ValidationType = ValidationType.Schema;
            settings.Schemas = schemas;
            settings.ValidationFlags = XmlSchemaValidationFlags.None;
            settings.ValidationEventHandler += (_, _) => { }; // validity is judged elsewhere; here only the types matter
        }
        var sb = new StringBuilder();
        try
        {
            using var r = XmlReader.Create(new StringReader(xml), settings);
            var attributes = new List<(string Name, string Value)>();
            while (r.Read())
            {
                switch (r.NodeType)
                {
                    case XmlNodeType.Element:
                        sb.Append('<').Append('{').Append(r.NamespaceURI).Append('}').Append(r.LocalName);
                        attributes.Clear();
                        if (r.MoveToFirstAttribute())
                        {
                            do
                            {
                                if (r.NamespaceURI != "http://www.w3.org/2000/xmlns/")
                                {
                                    attributes.Add(("{" + r.NamespaceURI + "}" + r.LocalName, Typed(r, r.SchemaInfo?.SchemaType, r.Value, ref nan)));
                                }
                            }
                            while (r.MoveToNextAttribute());
                            r.MoveToElement();
                        }
                        attributes.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
                        foreach (var (name, value) in attributes)
                        {
                            sb.Append(' ').Append(name).Append("=\"").Append(value).Append('"');
                        }
                        if (r.IsEmptyElement)
                        {
                            sb.Append("/>");
                            continue;
                        }
                        sb.Append('>');
                        if (r.SchemaInfo?.SchemaType is { Datatype: not null } simple && simple is XmlSchemaSimpleType or XmlSchemaComplexType { ContentType: XmlSchemaContentType.TextOnly })
                        {
                            // Simple content: its typed value (the element's text read whole).
                            var type = r.SchemaInfo.SchemaType;
                            var text = r.ReadString();
                            sb.Append(Typed(r, type, text, ref nan));
                            if (r.NodeType == XmlNodeType.EndElement)
                            {
                                sb.Append("</>");
                            }
                        }
                        break;
                    case XmlNodeType.Text:
                    case XmlNodeType.CDATA:
                        sb.Append(r.Value.Trim());
                        break;
                    case XmlNodeType.EndElement:
                        sb.Append("</>");
                        break;
                }
            }
        }
        catch (XmlException)
        {
            return null;
        }
        return sb.ToString();
    }

    /// <summary>A value in a form equal for equal typed values: numbers normalised, booleans as true or false, QNames expanded.</summary>
    private static string Typed(XmlReader r, XmlSchemaType? type, string lexical, ref bool nan)
    {
        if (type?.Datatype is not { } datatype)
        {
            return lexical;
        }
        object value;
        try
        {
            value = datatype.ParseValue(lexical, r.NameTable, r as IXmlNamespaceResolver);
        }
        catch (XmlSchemaException)
        {
            return lexical;
        }
        catch (FormatException)
        {
            return lexical;
        }
        catch (OverflowException)
        {
            return lexical;
        }
        if (value is double.NaN or float.NaN)
        {
            nan = true;
        }
        return value switch
        {
            decimal d => d == 0 ? "0" : d.ToString("G29", CultureInfo.InvariantCulture),
            double d => d == 0 ? "0" : d.ToString("R", CultureInfo.InvariantCulture),
            float f => f == 0 ? "0" : f.ToString("R", CultureInfo.InvariantCulture),
            bool b => b ? "true" : "false",
            long or int or short or sbyte or ulong or uint or ushort or byte => Convert.ToString(value, CultureInfo.InvariantCulture)!,
            XmlQualifiedName q => "{" + q.Namespace + "}" + q.Name,
            DateTime t => t.ToString("O", CultureInfo.InvariantCulture),
            string s => s,
            _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? lexical,
        };
    }
}
