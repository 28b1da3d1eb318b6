using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using EdgarSharp.Tests.Support;
using EdgarSharp.Xbrl;

namespace EdgarSharp.Tests.Xbrl.Inline;

/// <summary>
/// Inline XBRL extraction. EDGAR's own extracted instance is the truth: for every inline document in the corpus with
/// its <c>*_htm.xml</c> beside it, our facts equal EDGAR's fact for fact. Bad input gives diagnostics, no crash.
/// </summary>
public class InlineXbrlTests
{
    /// <summary>Inline document and EDGAR's extracted instance, relative to the corpus.</summary>
    public static TheoryData<string, string> CorpusDocuments() => new()
    {
        { "ixbrl/edgartools/aapl_10q_2025-03-29/aapl-20250329.htm", "ixbrl/edgartools/aapl_10q_2025-03-29/aapl-20250329_htm.xml" },
        { "ixbrl/edgartools/aeon_10q_2023-09-30/aeon-20230930x10q.htm", "ixbrl/edgartools/aeon_10q_2023-09-30/aeon-20230930x10q_htm.xml" },
        { "ixbrl/edgarrenderer-samples/bst/bst-20160930.htm", "ixbrl/edgarrenderer-samples/bst/out/bst-20160930_htm.xml" },
        { "ixbrl/edgarrenderer-samples/muestra/muestra-20171231.htm", "ixbrl/edgarrenderer-samples/muestra/out/muestra-20171231_htm.xml" },
    };

    private static readonly XbrlLoadOptions NoValidation = new() { Validate = false };

    [Theory]
    [MemberData(nameof(CorpusDocuments))]
    public void The_facts_of_an_inline_document_equal_EDGAR_s_extracted_instance(string inline, string extracted)
    {
        var ours = InlineXbrl.Load(Corpus.RequireCorpus(inline), NoValidation);
        var edgar = XbrlInstance.Load(Corpus.RequireCorpus(extracted), NoValidation);

        var expected = edgar.AllFacts().Select(Key).GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var actual = ours.AllFacts().Select(Key).GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var missing = expected.Where(kv => actual.GetValueOrDefault(kv.Key) < kv.Value).Select(kv => "missing: " + kv.Key).ToList();
        var extra = actual.Where(kv => expected.GetValueOrDefault(kv.Key) < kv.Value).Select(kv => "extra:   " + kv.Key).ToList();

        Assert.True(missing.Count == 0 && extra.Count == 0,
            $"{missing.Count} missing and {extra.Count} extra of {edgar.AllFacts().Count()} facts:\n" + string.Join('\n', missing.Concat(extra).Take(12).Select(s => s.Length > 300 ? s[..300] + "..." : s))
            + "\n" + FirstDifference(missing, extra));
        Assert.Equal(edgar.Contexts.Count, ours.Contexts.Count);
        Assert.Equal(edgar.Units.Count, ours.Units.Count);
    }

    [Fact]
    public void A_document_with_whitespace_before_its_XML_declaration_is_read_with_a_warning_saying_so()
    {
        var extraction = InlineXbrl.Extract([Corpus.RequireCorpus("ixbrl/edgartools/aeon_10q_2023-09-30/aeon-20230930x10q.htm")]);
        var warning = Assert.Single(extraction.Diagnostics, d => d.Code == "xml:notWellFormed");
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.True(extraction.FactCount > 1000, $"Only {extraction.FactCount} facts.");
    }

    /// <summary>Where the first missing fact and the extra fact of the same concept and context first differ.</summary>
    private static string FirstDifference(List<string> missing, List<string> extra)
    {
        foreach (var m in missing)
        {
            var head = m[9..m.IndexOf(" = ", StringComparison.Ordinal)];
            var e = extra.FirstOrDefault(x => x[9..].StartsWith(head, StringComparison.Ordinal));
            if (e is null)
            {
                continue;
            }
            var a = m[9..];
            var b = e[9..];
            var i = 0;
            while (i < a.Length && i < b.Length && a[i] == b[i])
            {
                i++;
            }
            var from = Math.Max(0, i - 80);
            return $"first difference at {i}:\n  EDGAR: {a[from..Math.Min(a.Length, i + 120)]}\n  ours:  {b[from..Math.Min(b.Length, i + 120)]}";
        }
        return string.Empty;
    }

    /// <summary>The identity of a fact for comparison: concept, context, unit, decimals and value.</summary>
    internal static string Key(XbrlFact f)
    {
        string value;
        if (f.IsNil)
        {
            value = "(nil)";
        }
        else if (f.IsNumeric && decimal.TryParse(f.Lexical.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            value = (d / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
        }
        else if (f.IsTuple)
        {
            value = "(" + string.Join(", ", f.Children.Select(Key)) + ")";
        }
        else
        {
            value = Canonical(f.Lexical);
        }
        return $"{f.PrefixedName} ctx={f.ContextRef} unit={f.UnitRef} dec={f.Decimals} = {value}";
    }

    /// <summary>Text with whitespace collapsed; XHTML as a canonical XML fragment (attributes sorted).</summary>
    internal static string Canonical(string text)
    {
        if (text.Contains('<', StringComparison.Ordinal))
        {
            try
            {
                var sb = new StringBuilder();
                using var reader = XmlReader.Create(new StringReader(text), new XmlReaderSettings { ConformanceLevel = ConformanceLevel.Fragment, DtdProcessing = DtdProcessing.Ignore });
                while (reader.Read())
                {
                    switch (reader.NodeType)
                    {
                        case XmlNodeType.Element:
                            sb.Append('<').Append(reader.LocalName);
                            var attributes = new List<string>();
                            if (reader.MoveToFirstAttribute())
                            {
                                do
                                {
                                    if (reader.Prefix != "xmlns" && reader.Name != "xmlns")
                                    {
                                        attributes.Add(reader.LocalName + "=" + Ws(reader.Value));
                                    }
                                }
                                while (reader.MoveToNextAttribute());
                                reader.MoveToElement();
                            }
                            attributes.Sort(StringComparer.Ordinal);
                            sb.Append(' ').AppendJoin(' ', attributes).Append('>');
                            if (reader.IsEmptyElement)
                            {
                                sb.Append("</").Append(reader.LocalName).Append('>');
                            }
                            break;
                        case XmlNodeType.EndElement:
                            sb.Append("</").Append(reader.LocalName).Append('>');
                            break;
                        case XmlNodeType.Text:
                        case XmlNodeType.Whitespace:
                        case XmlNodeType.SignificantWhitespace:
                        case XmlNodeType.CDATA:
                            sb.Append(reader.Value);
                            break;
                    }
                }
                return Ws(sb.ToString().Replace("> <", "><", StringComparison.Ordinal));
            }
            catch (XmlException)
            {
                // Not a fragment: compare as text.
            }
        }
        return Ws(text);
    }

    private static string Ws(string s) => Regex.Replace(s, @"[\s\u00A0]+", " ").Trim();
}
