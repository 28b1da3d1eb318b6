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
    /// <summary>The inline documents known to have EDGAR's extracted instance beside them (the corpus at writing).</summary>
    private static readonly (string Inline, string Extracted)[] KnownDocuments =
    [
        ("ixbrl/edgartools/aapl_10q_2025-03-29/aapl-20250329.htm", "ixbrl/edgartools/aapl_10q_2025-03-29/aapl-20250329_htm.xml"),
        ("ixbrl/edgartools/aeon_10q_2023-09-30/aeon-20230930x10q.htm", "ixbrl/edgartools/aeon_10q_2023-09-30/aeon-20230930x10q_htm.xml"),
        ("ixbrl/edgarrenderer-samples/bst/bst-20160930.htm", "ixbrl/edgarrenderer-samples/bst/out/bst-20160930_htm.xml"),
        ("ixbrl/edgarrenderer-samples/muestra/muestra-20171231.htm", "ixbrl/edgarrenderer-samples/muestra/out/muestra-20171231_htm.xml"),
    ];

    /// <summary>
    /// Every inline document of <c>ixbrl/</c> with EDGAR's extracted instance beside it (<c>X_htm.xml</c> next to
    /// <c>X.htm</c>, or in the <c>out/</c> folder below it), found anew each run so a document added to the corpus
    /// is compared too; the known list when the corpus is absent (those rows then skip).
    /// </summary>
    public static TheoryData<string, string> CorpusDocuments()
    {
        var data = new TheoryData<string, string>();
        var root = Corpus.Shared is null ? null : Path.Combine(Corpus.Shared, "corpus");
        if (root is null || !Directory.Exists(Path.Combine(root, "ixbrl")))
        {
            foreach (var (inline, extracted) in KnownDocuments)
            {
                data.Add(inline, extracted);
            }
            return data;
        }
        foreach (var extracted in Directory.EnumerateFiles(Path.Combine(root, "ixbrl"), "*_htm.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(extracted)[..^"_htm.xml".Length] + ".htm";
            var folder = Path.GetDirectoryName(extracted)!;
            // EDGAR's renderer leaves a copy of the document in out/ beside the instance; the filed one is above it.
            var inline = Path.GetFileName(folder) == "out" && File.Exists(Path.Combine(Path.GetDirectoryName(folder)!, name))
                ? Path.Combine(Path.GetDirectoryName(folder)!, name)
                : Path.Combine(folder, name);
            if (File.Exists(inline))
            {
                data.Add(Path.GetRelativePath(root, inline).Replace('\\', '/'), Path.GetRelativePath(root, extracted).Replace('\\', '/'));
            }
        }
        return data;
    }

    [Fact]
    public void The_comparison_with_EDGAR_covers_at_least_the_known_documents()
    {
        Corpus.RequireCorpus("ixbrl");
        var found = CorpusDocuments().Select(row => row.Data.Item1).ToHashSet(StringComparer.Ordinal);
        Assert.All(KnownDocuments, d => Assert.Contains(d.Inline, found));
    }

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

/// <summary>Inline XBRL 1.1 features and bad input, on fixtures of our own.</summary>
public class InlineXbrlFixtureTests
{
    private static readonly XbrlLoadOptions Options = new();

    private static XbrlInstance Load(string name) => InlineXbrl.Load(Corpus.Fixture(Path.Combine("Inline", name)), Options);

    private static XbrlFact Fact(XbrlInstance instance, string id) => instance.AllFacts().Single(f => f.Id == id);

    [Fact]
    public void Facts_whose_prefixes_stand_for_other_namespaces_where_they_stand_keep_their_names_beside_facts_written_directly()
    {
        // Most facts are written straight as UTF-8; a fact whose prefix is bound otherwise where it stands, or that has
        // attributes of other namespaces, goes through the XML writer, inside or beside the others.
        var extraction = InlineXbrl.Extract([Corpus.Fixture(Path.Combine("Inline", "prefixes.htm"))]);
        var root = System.Xml.Linq.XDocument.Parse(Encoding.UTF8.GetString(extraction.Xml.Span)).Root!;
        System.Xml.Linq.XElement ById(string id) => root.Descendants().Single(e => (string?)e.Attribute("id") == id);
        System.Xml.Linq.XNamespace co = "http://example.com/co", co2 = "http://example.com/co2", ext = "http://example.com/ext";

        Assert.Equal(co + "Name", ById("plain").Name);
        Assert.Equal("One", ById("plain").Value);
        Assert.Equal(co2 + "Name", ById("rebound").Name);
        Assert.Equal("Two & three", ById("rebound").Value);
        Assert.Equal(co + "Cash", ById("attr").Name);
        Assert.Equal("n<1", (string?)ById("attr").Attribute(ext + "note"));
        Assert.Equal("5", ById("attr").Value);
        Assert.Equal(["first", "second"], ById("tup").Elements().Select(e => (string?)e.Attribute("id")));
        Assert.Equal(co2 + "Name", ById("first").Name);
        Assert.Equal(co + "Name", ById("second").Name);
        Assert.Equal(co2 + "Note", ById("escaped").Name);
        Assert.Equal("<span style=\"x\">Bold <b>x</b></span>", ById("escaped").Value);
        Assert.Equal("true", (string?)ById("nil").Attribute(System.Xml.Linq.XNamespace.Get("http://www.w3.org/2001/XMLSchema-instance") + "nil"));
        Assert.True(ById("nil").IsEmpty);
        Assert.Equal("1250000", ById("last").Value);
        Assert.Equal(9, extraction.FactCount);
    }

    [Fact]
    public void Contexts_units_and_references_of_headers_are_copied_with_their_text_attributes_and_namespaces()
    {
        // Header elements are copied into the instance as they are read, not as trees: whitespace, escaped text and
        // attribute values, line breaks, empty elements and the prefixes they use must come through.
        var extraction = InlineXbrl.Extract([Corpus.Fixture(Path.Combine("Inline", "headers.htm"))]);
        var root = System.Xml.Linq.XDocument.Parse(Encoding.UTF8.GetString(extraction.Xml.Span), System.Xml.Linq.LoadOptions.PreserveWhitespace).Root!;
        System.Xml.Linq.XNamespace xbrli = "http://www.xbrl.org/2003/instance", xbrldi = "http://xbrl.org/2006/xbrldi", link = "http://www.xbrl.org/2003/linkbase", co = "http://example.com/co";
        System.Xml.Linq.XElement ById(string id) => root.Elements().Single(e => (string?)e.Attribute("id") == id);

        Assert.Equal([link + "schemaRef", link + "linkbaseRef", link + "roleRef"], root.Elements().Take(3).Select(e => e.Name));
        var context = ById("d2023");
        Assert.Equal(xbrli + "context", context.Name);
        Assert.Equal("http://www.sec.gov/CIK?a=1&b=\"2\"<>", (string?)context.Descendants(xbrli + "identifier").Single().Attribute("scheme"));
        Assert.Equal("co:Member", context.Descendants(xbrldi + "explicitMember").Single().Value);
        var typed = context.Descendants(co + "value").Single();
        Assert.Equal("a < b & c > d\ttab\nsecond line", typed.Value);
        Assert.Equal("a\tb\nc", (string?)typed.Attribute(co + "kind"));
        Assert.Equal("en", (string?)typed.Attribute(System.Xml.Linq.XNamespace.Xml + "lang"));
        Assert.False(ById("i2023").Descendants(xbrli + "segment").Single().IsEmpty);
        Assert.Equal(["iso4217:USD", "xbrli:shares"], ById("usdPerShare").Descendants(xbrli + "measure").Select(m => m.Value));
        Assert.Equal("Hidden & kept", ById("hidden").Value);
        Assert.Equal(2, extraction.FactCount);
        Assert.Empty(extraction.Diagnostics);
    }

    [Fact]
    public void Headers_declaring_namespaces_of_their_own_or_bound_otherwise_at_the_root_keep_their_namespaces()
    {
        // Declarations inside a header, on it, or a prefix the instance's root binds to another namespace (the first
        // fact's scope binds typ otherwise): each context's elements keep the namespaces they have in the document.
        var extraction = InlineXbrl.Extract([Corpus.Fixture(Path.Combine("Inline", "headers-declared.htm"))]);
        var root = System.Xml.Linq.XDocument.Parse(Encoding.UTF8.GetString(extraction.Xml.Span)).Root!;
        System.Xml.Linq.XNamespace xbrli = "http://www.xbrl.org/2003/instance", typ = "http://example.com/typ";
        System.Xml.Linq.XElement ById(string id) => root.Elements().Single(e => (string?)e.Attribute("id") == id);

        Assert.Equal("http://example.com/not-typ", root.GetNamespaceOfPrefix("typ")!.NamespaceName);
        Assert.Equal("6", ById("rebound").Descendants(typ + "v").Single().Value);
        Assert.Equal("7", ById("typed").Descendants(typ + "v").Single().Value);
        Assert.Equal("8", ById("typed2").Descendants(typ + "v").Single().Value);
        Assert.Equal("xbrli:pure", ById("pure").Element(xbrli + "measure")!.Value);
        Assert.Equal(["i2023", "usd", "rebound", "typed", "typed2", "pure"], root.Elements().Skip(1).Take(6).Select(e => (string?)e.Attribute("id")));
        Assert.Equal(2, extraction.FactCount);
    }

    [Fact]
    public void A_nonFraction_is_read_by_its_format_then_scaled_then_signed()
    {
        var revenue = Fact(Load("features.htm"), "rev");
        Assert.Equal(-1234000m, revenue.DecimalValue);
        Assert.Equal("-3", revenue.Decimals);
        Assert.Equal("usd", revenue.UnitRef);
    }

    [Fact]
    public void Nested_nonFractions_are_two_facts_with_the_inner_value()
    {
        var instance = Load("features.htm");
        Assert.Equal(5500000m, Fact(instance, "outer").DecimalValue);
        Assert.Equal(5500000m, Fact(instance, "inner").DecimalValue);
        Assert.Equal("i2022", Fact(instance, "inner").ContextRef);
    }

    [Fact]
    public void A_nil_fact_is_empty_and_a_dash_is_zero()
    {
        var instance = Load("features.htm");
        Assert.True(Fact(instance, "nil1").IsNil);
        Assert.Equal(string.Empty, Fact(instance, "nil1").Lexical);
        Assert.Equal(0m, Fact(instance, "zero").DecimalValue);
    }

    [Fact]
    public void A_nonNumeric_follows_its_continuations_leaves_out_exclusions_and_includes_nested_facts()
    {
        var instance = Load("features.htm");
        Assert.Equal("Acme Widgets Holdings", Fact(instance, "text1").Lexical);
        Assert.Equal("Widgets", Fact(instance, "nested").Lexical);
        Assert.Equal("Hidden Co", Fact(instance, "hidden1").Lexical);
    }

    [Fact]
    public void An_escaped_nonNumeric_gives_its_XHTML_without_ix_tags_or_exclusions()
    {
        var value = Fact(Load("features.htm"), "html1").Lexical;
        Assert.Equal("<p style=\"font-weight:bold\">Bold <i>note</i></p>", value);
    }

    [Fact]
    public void A_tuple_holds_the_facts_that_refer_to_it_in_their_order()
    {
        var tuple = Fact(Load("features.htm"), "tup");
        Assert.True(tuple.IsTuple);
        Assert.Equal(["first", "second"], tuple.Children.Select(c => c.Id));
    }

    [Fact]
    public void A_fact_for_another_target_document_is_only_in_that_target()
    {
        var path = Corpus.Fixture(Path.Combine("Inline", "features.htm"));
        Assert.DoesNotContain(InlineXbrl.Load(path, Options).AllFacts(), f => f.Id == "elsewhere");
        var other = InlineXbrl.LoadDocumentSet([path], "other", Options);
        Assert.Equal("Other target", Assert.Single(other.AllFacts()).Lexical);
    }

    [Fact]
    public void A_footnote_is_linked_to_its_fact()
    {
        var instance = Load("features.htm");
        var footnote = Assert.Single(instance.Footnotes);
        Assert.Contains("Note 2", footnote.Text, StringComparison.Ordinal);
        Assert.Equal(["rev"], footnote.FactIds);
    }

    [Fact]
    public void A_document_set_is_one_instance_whose_facts_use_the_resources_of_any_of_its_documents()
    {
        var features = Corpus.Fixture(Path.Combine("Inline", "features.htm"));
        var second = Corpus.Fixture(Path.Combine("Inline", "set-part2.htm"));
        var set = InlineXbrl.LoadDocumentSet([features, second], null, Options);
        var single = InlineXbrl.Load(features, Options);
        Assert.Equal(single.AllFacts().Count() + 1, set.AllFacts().Count());
        var euros = Fact(set, "cash-eur");
        Assert.Equal(750m, euros.DecimalValue);
        Assert.Equal("2023-12-31", euros.Context!.Period.ToString());
        Assert.Equal("EUR", euros.Unit!.Numerators.Single().LocalName);
    }

    /// <summary>
    /// An ASCII document writing its other characters as references (decimal and hex): the facts hold the
    /// characters; references to markup characters stay text, in plain and in escaped values.
    /// </summary>
    [Fact]
    public void Character_references_give_their_characters_and_never_become_markup()
    {
        var instance = Load("references.htm");
        Assert.DoesNotContain(instance.Diagnostics, d => d.Severity == DiagnosticSeverity.Error && d.Code.StartsWith("ix", StringComparison.Ordinal));
        Assert.Equal("Apple\u2019s\u00A0Inc. \u2014 <b> & &", Fact(instance, "name").Lexical);
        var policy = Fact(instance, "policy").Lexical;
        Assert.Contains("Caf\u00E9 \u201Cquoted\u201D &lt;not a tag&gt;", policy, StringComparison.Ordinal);
        Assert.Contains("font-family:'Helvetica'", System.Net.WebUtility.HtmlDecode(policy), StringComparison.Ordinal);
        Assert.Equal(1234m, Fact(instance, "rev").DecimalValue);
    }

    /// <summary>
    /// A document with references written as characters before parsing (<c>&amp;#160;</c>, and one outside the
    /// Basic Multilingual Plane, two UTF-16 units) gives diagnostics at the columns of the document as written: the
    /// same columns as a document whose references of the same length (<c>&amp;#032;</c>, below U+0080) stay references.
    /// </summary>
    [Theory]
    [InlineData("&#160;&#x1F600;", "&#032;&#x00020;")]
    [InlineData("&#xA0;", "&#x20;")]
    public void Diagnostics_after_a_replaced_reference_give_the_column_as_written(string replaced, string kept)
    {
        static string Document(string references, string body) => $"""
            <?xml version='1.0' encoding='ASCII'?>
            <html xmlns="http://www.w3.org/1999/xhtml" xmlns:ix="http://www.xbrl.org/2013/inlineXBRL" xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:link="http://www.xbrl.org/2003/linkbase" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:iso4217="http://www.xbrl.org/2003/iso4217" xmlns:co="http://example.com/co">
            <body><div style="display:none"><ix:header><ix:references><link:schemaRef xlink:type="simple" xlink:href="company.xsd"/></ix:references><ix:resources>
            <xbrli:context id="c"><xbrli:entity><xbrli:identifier scheme="http://www.sec.gov/CIK">0000000001</xbrli:identifier></xbrli:entity><xbrli:period><xbrli:instant>2023-12-31</xbrli:instant></xbrli:period></xbrli:context>
            <xbrli:unit id="usd"><xbrli:measure>iso4217:USD</xbrli:measure></xbrli:unit></ix:resources></ix:header></div>
            <p>Net{references}sales{references}</p> <ix:nonFraction name="co:Bad" contextRef="c" unitRef="usd" decimals="0" id="bad">12O5</ix:nonFraction> {body}
            </body></html>
            """;
        static Diagnostic Only(InlineExtraction extraction, string code) => Assert.Single(extraction.Diagnostics, d => d.Code == code);

        // A fact that is not a number, after the references on its line.
        var written = Document(replaced, "<p>fine</p>");
        var badFact = Only(InlineXbrl.Extract(Encoding.ASCII.GetBytes(written), "columns.htm"), "ix11.10.1.1:nonFractionNotANumber");
        var reference = Only(InlineXbrl.Extract(Encoding.ASCII.GetBytes(Document(kept, "<p>fine</p>")), "columns.htm"), "ix11.10.1.1:nonFractionNotANumber");
        var line = written.Split('\n')[5];
        Assert.Equal(6, badFact.Location?.Line);
        Assert.Equal(line.IndexOf("<ix:nonFraction", StringComparison.Ordinal) + 2, badFact.Location?.Column);
        Assert.Equal(reference.Location?.Column, badFact.Location?.Column);

        // XHTML that is not well-formed, after the references on its line: the parser's error position.
        var broken = Only(InlineXbrl.Extract(Encoding.ASCII.GetBytes(Document(replaced, "<p><b>open</p>")), "columns.htm"), "xml:notWellFormed");
        var brokenReference = Only(InlineXbrl.Extract(Encoding.ASCII.GetBytes(Document(kept, "<p><b>open</p>")), "columns.htm"), "xml:notWellFormed");
        Assert.Equal(6, broken.Location?.Line);
        Assert.True(broken.Location?.Column > line.IndexOf("<ix:nonFraction", StringComparison.Ordinal), $"column {broken.Location?.Column}");
        Assert.Equal(brokenReference.Location?.Column, broken.Location?.Column);
    }

    [Fact]
    public void Broken_XHTML_is_read_with_a_warning_and_its_facts()
    {
        var instance = Load("broken.htm");
        var warning = Assert.Single(instance.Diagnostics, d => d.Code == "xml:notWellFormed");
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal(1000m, Fact(instance, "rev").DecimalValue);
    }

    [Fact]
    public void A_continuation_cycle_is_an_error_and_the_text_stops_where_it_loops()
    {
        var instance = Load("cycle.htm");
        Assert.Contains(instance.Diagnostics, d => d.Code == "ix11.4.1.2:continuationCycle" && d.Location is { Line: > 0 });
        Assert.Equal("one two three", Fact(instance, "t").Lexical);
    }

    [Fact]
    public void An_unknown_transformation_is_an_error_and_other_facts_are_read()
    {
        var instance = Load("unknown-format.htm");
        var error = Assert.Single(instance.Diagnostics, d => d.Code == InlineTransformRegistry.UnknownTransformationCode);
        Assert.Contains("num-dot-decimal-fr", error.Message, StringComparison.Ordinal);
        Assert.Equal(2000m, Fact(instance, "cash").DecimalValue);
    }

    [Fact]
    public void A_nonFraction_with_letters_in_it_is_an_error_not_a_crash()
    {
        var instance = Load("letters.htm");
        Assert.Contains(instance.Diagnostics, d => d.Code == "ix11.10.1.1:nonFractionNotANumber" && d.Message.Contains("12O5", StringComparison.Ordinal));
        Assert.Contains(instance.Diagnostics, d => d.Code == InlineTransformRegistry.InvalidValueCode && d.Message.Contains("1,2x5", StringComparison.Ordinal));
    }

    [Fact]
    public void A_fact_name_without_a_prefix_takes_the_default_namespace_and_is_not_a_crash()
    {
        // name="Revenue" is a QName in the XHTML default namespace: a concept no taxonomy defines, reported, not thrown.
        var text = File.ReadAllText(Corpus.Fixture(Path.Combine("Inline", "letters.htm")))
            .Replace("name=\"co:Revenue\"", "name=\"Revenue\"", StringComparison.Ordinal);
        var extraction = InlineXbrl.Extract(Encoding.UTF8.GetBytes(text), "unprefixed.htm");
        var instance = System.Xml.Linq.XDocument.Parse(Encoding.UTF8.GetString(extraction.Xml.Span));
        var fact = Assert.Single(instance.Root!.Elements(), e => e.Name.LocalName == "Revenue");
        Assert.Equal("http://www.w3.org/1999/xhtml", fact.Name.NamespaceName);
        Assert.Single(instance.Root.Elements(), e => e.Name.LocalName == "Cash");
    }

    [Fact]
    public void Nested_nonFractions_that_disagree_on_scale_are_an_error()
    {
        var extraction = InlineXbrl.Extract([Corpus.Fixture(Path.Combine("Inline", "nesting.htm"))]);
        Assert.Contains(extraction.Diagnostics, d => d.Code == "ix11.10.1.1:nonFractionNestingDisagrees" && d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void A_fraction_gives_its_numerator_and_denominator()
    {
        var extraction = InlineXbrl.Extract([Corpus.Fixture(Path.Combine("Inline", "nesting.htm"))]);
        var xml = System.Text.Encoding.UTF8.GetString(extraction.Xml.Span);
        Assert.Contains("<xbrli:numerator>1</xbrli:numerator><xbrli:denominator>3</xbrli:denominator>", xml, StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_without_an_ix_header_is_an_error_not_a_crash()
    {
        var extraction = InlineXbrl.Extract([Corpus.Fixture(Path.Combine("Inline", "no-header.htm"))]);
        Assert.Contains(extraction.Diagnostics, d => d.Code == "ix11.3.1.1:headerMissing");
        Assert.Equal(1, extraction.FactCount);
    }

    [Fact]
    public void Scaling_is_exact_in_both_directions()
    {
        Assert.Equal("46841000000", EdgarSharp.Xbrl.Inline.Internal.InlineExtractor.Shift("46841", 6));
        Assert.Equal("0.0125", EdgarSharp.Xbrl.Inline.Internal.InlineExtractor.Shift("1.25", -2));
        Assert.Equal("0", EdgarSharp.Xbrl.Inline.Internal.InlineExtractor.Shift("0.00", 3));
    }
}
