using System.Globalization;
using System.Text;
using System.Xml;
using EdgarSharp.Internal;
using EdgarSharp.Internal.Xml;
using EdgarSharp.Tests.Support;

namespace EdgarSharp.Tests.Xml;

/// <summary>
/// <see cref="Utf8XmlReader"/> reports exactly what System.Xml's reader reports, on every document it accepts; and
/// it accepts no document System.Xml rejects, bailing out (so that System.Xml reads it) on anything outside its subset.
/// </summary>
public class Utf8XmlReaderTests(ITestOutputHelper output)
{
    private const string Decl = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    private const string Link = "xmlns:link=\"http://www.xbrl.org/2003/linkbase\" xmlns:xlink=\"http://www.w3.org/1999/xlink\"";

    /// <summary>Documents in the subset, one per rule the reader must reproduce.</summary>
    public static TheoryData<string, string> Accepted => new()
    {
        { "minimal", "<a/>" },
        { "declaration", Decl + "<a/>" },
        { "declaration single quotes and standalone", "<?xml version='1.0' encoding='utf-8' standalone='yes' ?>\r\n<a/>" },
        { "declaration without encoding", "<?xml version=\"1.0\"?><a/>" },
        { "declaration us-ascii on ASCII", "<?xml version=\"1.0\" encoding=\"US-ASCII\"?><a/>" },
        { "bom", "\uFEFF" + Decl + "<a b='1'/>" },
        { "bom without declaration", "\uFEFF<a>\n <b c='1'/></a>" },
        { "namespaces", Decl + $"<link:linkbase {Link} xmlns=\"urn:d\"><link:loc xlink:type=\"locator\" xlink:href=\"a.xsd#b\" xlink:label=\"x\"/><plain a=\"1\"/></link:linkbase>" },
        { "default namespace undeclared", "<a xmlns='urn:a'><b xmlns=''><c/></b><d/></a>" },
        // The tokenizer tries an element's last attribute names first: names that only begin alike, other orders, more or fewer.
        { "attribute names like the last tag's", "<r xmlns:x='urn:x'><e a='1' ab='2' x:y='3'/><e ab='1' a='2'/><e a='1' a.b='2'/><e a='1'/><e a='1' ab='2' x:y='3' z='4'/><e a='1' ab='2' x:yz='3'/><e x:y='1' a='2'/><e/><e a='1' ab='2' x:y='3'/></r>" },
        // The tokenizer tries the name that followed the last tag's name first: names that only begin alike, differ
        // between their first and last eight bytes, or stand too near the end of the document for an eight-byte read.
        { "element names like the last tag's", "<r xmlns:ab='urn:ab'><ab/><abc/><ab/><abc x='1'/><ab/><ab:c/><ab/><ab:c/><abc/><a/><ab/><abcdefgh_X_ijklmnop/><abcdefgh_Y_ijklmnop/><abcdefgh_X_ijklmnop/><abcdefgh_Y_ijklmnopq/><abcdefgh_X_ijklmnop/><b/><c/><b/><c/></r>" },
        // Attribute names checked once in a scope are not resolved again there: other scopes, other names, xml:lang after.
        { "attribute names checked in one scope and met in another", "<r xmlns:p='urn:1'><e p:a='1' b='2'/><e p:a='1' b='2'/><s xmlns:p='urn:2'><e p:a='3' b='2'/><e p:a='4' b='2'/></s><e p:a='5' b='2'/><e p:a='5'/><e p:a='5' b='2' c='3'/></r>" },
        { "attribute names checked, then the same names with xml:lang and xml:space", "<r><e a='1' b='2' c='3'/><e a='1' b='2' c='3'/><e a='1' xml:lang='en'/><e a='1' xml:lang='en'/><e a='1' xml:lang='fr'/><e a='1' xml:space='preserve'> </e><e a='1' xml:space='preserve'> </e><e a='1'/></r>" },
        { "the same attribute names with a declaration", "<r><e xmlns:p='urn:1' p:a='1'/><e xmlns:p='urn:2' p:a='1'/><e xmlns:p='urn:2' p:a='1'/></r>" },
        { "prefix redeclared", "<p:a xmlns:p='urn:1'><p:b xmlns:p='urn:2' p:x='1'/><p:c/></p:a>" },
        { "end of line in text", "<a>one\r\ntwo\rthree\nfour\r</a>" },
        { "end of line in attribute", "<a b='one\r\ntwo\rthree\nfour\tfive'/>" },
        { "char refs not normalised in attribute", "<a b='x&#9;y&#10;z&#13;w&#xD;&#x20;'/>" },
        { "predefined entities", "<a b='&lt;&gt;&amp;&apos;&quot;'>&lt;x&gt; &amp; &apos;&quot;</a>" },
        { "char refs in text", "<a>&#65;&#x42;&#x1F600;&#xe9;</a>" },
        { "supplementary characters", "<a b='😀 é'>😀 é ’</a>" },
        { "cdata", "<a><![CDATA[x < y && ]] ]>\r\n]]>tail<![CDATA[]]><![CDATA[  ]]></a>" },
        { "whitespace and preserve", "<a>\n  <b xml:space='preserve'>  <c>\n</c> <d xml:space='default'> </d></b>\n</a>" },
        { "xml lang", "<a xml:lang='en'><b>t</b><c xml:lang='fr-CA'/><d xml:lang=''>x</d></a>" },
        { "comments and pis dropped", "<?pi x?><!-- c --><a><!-- c -->x<!---->y<?p?>z<!-- - -->\n</a><!--end--><?pi?>\n" },
        { "text split by comment", "<a>one <!-- c --> two</a>" },
        { "whitespace between markup", "<a>\n\t<b/>\r\n\t<c></c>\r\n</a>\n\n" },
        { "gt in attribute and text", "<a b='>'>]></a>" },
        { "xmlns attribute lookup", "<a xmlns='urn:a' xmlns:b='urn:b' b:c='1' c='2'/>" },
        { "attributes spaced", "<a  b = \"1\"\n\tc\t=\t'2'  ></a >" },
        { "empty attribute", "<a b='' c=\"\"/>" },
        { "deep", "<a><b><c><d><e>x</e></d></c></b></a>" },
        { "long lines", "<a>" + new string('x', 5000) + "<b c='" + new string('y', 3000) + "'/></a>" },
        // Values of 32 bytes and more are decoded 32 bytes at a time: specials and non-ASCII on every side of a block's edge.
        { "long text with references, line ends and non-ASCII", "<a>" + Repeat("&lt;td style=\"w:1%\"&gt;é😀 ’\r\n&#160;&#x1F600;ab\rcd\tef&amp;&quot;", 23) + "x</a>" },
        { "long attribute with references and whitespace", "<a b='" + Repeat("a&lt;b\tc\nd\r\ne&#10;f&#x20;é😀 &#9;", 19) + "'/>" },
        { "long cdata with line ends", "<a><![CDATA[" + Repeat("x < y &amp; \r\n é😀 \r", 21) + "]]></a>" },
        { "long text ending in a reference", "<a>" + new string('x', 61) + "&gt;</a>" },
        // Line starts are found 32 bytes at a time: CR, LF and CR LF on every side of a block's edge.
        { "line ends around 32-byte blocks", "<a>" + LineEndsAroundBlocks() + "</a>" },
        { "column after multibyte", "<a>é😀<b/>\n  ’<c d='é' e='1'/></a>" },
        { "names", "<_a.b-c x-y.z='1' _='2'><A9/></_a.b-c>" },
        { "same local different namespace", "<a xmlns:p='urn:p' xmlns:q='urn:q' p:x='1' q:x='2' x='3'/>" },
        { "xml attributes without a declaration", "<a xml:base='http://x/'/>" },
        { "xml prefix declared to its own namespace", "<a><b xmlns:xml='http://www.w3.org/XML/1998/namespace' xml:lang='en-US'>x</b><c xml:lang='fr'/></a>" },
        { "del char", "<a b='\u007F'>\u007F</a>" },
        { "nbsp", "<a b='\u00A0'>\u00A0</a>" },
    };

    /// <summary>Documents outside the subset (or not well-formed): the fast reader must bail out.</summary>
    public static TheoryData<string, string> Bailed => new()
    {
        { "doctype", "<!DOCTYPE a><a/>" },
        { "doctype with entity", "<!DOCTYPE a [<!ENTITY e 'x'>]><a>&e;</a>" },
        { "utf-16 declared", "<?xml version=\"1.0\" encoding=\"UTF-16\"?><a/>" },
        { "windows-1252 declared", "<?xml version=\"1.0\" encoding=\"windows-1252\"?><a/>" },
        { "iso-8859-1 with non-ASCII", "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>é</a>" },
        { "version 1.1", "<?xml version=\"1.1\"?><a/>" },
        { "declaration not first", "\n<?xml version=\"1.0\"?><a/>" },
        { "control character", "<a>\u0001</a>" },
        { "form feed", "<a>\u000C</a>" },
        { "c1 control", "<a>\u0085</a>" },
        { "non-character", "<a>\uFFFE</a>" },
        { "non-ASCII name", "<é/>" },
        { "non-ASCII attribute name", "<a é='1'/>" },
        { "undeclared prefix", "<p:a/>" },
        { "undeclared attribute prefix", "<a p:b='1'/>" },
        { "duplicate attribute", "<a b='1' b='2'/>" },
        { "duplicate attribute after a tag that predicts it", "<r><e a='1' b='2'/><e a='1' a='2'/></r>" },
        { "duplicate expanded name after checked tags", "<r xmlns:p='urn:x' xmlns:q='urn:x'><e p:b='1'/><e p:b='1'/><e p:b='1' q:b='2'/></r>" },
        { "undeclared attribute prefix after a checked tag", "<r><s xmlns:p='urn:x'><e p:b='1'/><e p:b='1'/></s><e p:b='1'/></r>" },
        { "undeclared element prefix after a predicted tag", "<r><s xmlns:p='urn:x'><p:e/><p:e/></s><p:e/></r>" },
        { "duplicate expanded name", "<a xmlns:p='urn:x' xmlns:q='urn:x' p:b='1' q:b='2'/>" },
        { "mismatched tags", "<a><b></a></b>" },
        { "lt in attribute", "<a b='<'/>" },
        { "undeclared entity", "<a>&nbsp;</a>" },
        { "bad char ref", "<a>&#1;</a>" },
        { "surrogate char ref", "<a>&#xD800;</a>" },
        { "uppercase X char ref", "<a>&#X41;</a>" },
        { "whitespace char ref in text", "<a>&#32;</a>" },
        { "unterminated ref", "<a>&amp</a>" },
        { "cdata end in text", "<a>]]></a>" },
        { "double hyphen in comment", "<a><!-- a -- b --></a>" },
        { "comment ending in hyphen", "<a><!-- a ---></a>" },
        { "text before root", "x<a/>" },
        { "text after root", "<a/>x" },
        { "two roots", "<a/><b/>" },
        { "no root", "<!-- c -->" },
        { "unclosed", "<a><b/>" },
        { "cdata outside root", "<![CDATA[x]]><a/>" },
        { "entity outside root", "&amp;<a/>" },
        { "attribute without space", "<a b='1'c='2'/>" },
        { "colon name", "<a:b:c xmlns:a='urn:a'/>" },
        { "empty prefix", "<:a/>" },
        { "xmlns prefix on element", "<xmlns:a/>" },
        { "xml prefix redeclared", "<a xmlns:xml='urn:x'/>" },
        { "xmlns prefix declared", "<a xmlns:xmlns='http://www.w3.org/2000/xmlns/'/>" },
        { "another prefix bound to the xml namespace", "<a xmlns:x='http://www.w3.org/XML/1998/namespace'/>" },
        { "prefix undeclared with empty", "<a xmlns:p=''/>" },
        { "bad xml:space", "<a xml:space='keep'/>" },
        { "pi named xml", "<a><?xml version='1.0'?></a>" },
        { "name starting with digit", "<1a/>" },
        { "unquoted attribute", "<a b=1/>" },
        { "empty", "" },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Documents_in_the_subset_are_read_exactly_as_System_Xml_reads_them(string rule, string xml)
    {
        var bytes = Bytes(xml);
        foreach (var ignoreWhitespace in new[] { true, false })
        {
            var difference = XmlDifferential.Compare(bytes, ignoreWhitespace, out var fast, outerXml: true);
            Assert.True(fast, $"{rule}: the fast reader bailed out (ignoreWhitespace={ignoreWhitespace})");
            Assert.True(difference is null, $"{rule} (ignoreWhitespace={ignoreWhitespace}): {difference}");
            foreach (var chunk in new[] { 2, 3, 7, 4096 })
            {
                var chunks = XmlDifferential.CompareChunks(bytes, ignoreWhitespace, chunk);
                Assert.True(chunks is null, $"{rule} (ignoreWhitespace={ignoreWhitespace}, pieces of {chunk}): {chunks}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Bailed))]
    public void Documents_outside_the_subset_are_left_to_System_Xml(string rule, string xml)
    {
        var bytes = Bytes(xml);
        Assert.False(XmlDifferential.Accepts(bytes), rule);
        Assert.False(XmlDifferential.Accepts(bytes, ignoreWhitespace: false), rule);
    }

    [Theory]
    [InlineData(new byte[] { (byte)'<', (byte)'a', (byte)'>', 0xFF, (byte)'<', (byte)'/', (byte)'a', (byte)'>' })]
    [InlineData(new byte[] { (byte)'<', (byte)'a', (byte)'>', 0xC0, 0x80, (byte)'<', (byte)'/', (byte)'a', (byte)'>' })]
    [InlineData(new byte[] { (byte)'<', (byte)'a', (byte)'>', 0xE2, 0x82, (byte)'<', (byte)'/', (byte)'a', (byte)'>' })]
    [InlineData(new byte[] { (byte)'<', (byte)'a', (byte)'>', 0xED, 0xA0, 0x80, (byte)'<', (byte)'/', (byte)'a', (byte)'>' })]
    [InlineData(new byte[] { 0xFF, 0xFE, (byte)'<', 0, (byte)'a', 0, (byte)'/', 0, (byte)'>', 0 })]
    public void Invalid_UTF8_and_other_encodings_are_left_to_System_Xml(byte[] bytes)
    {
        Assert.False(XmlDifferential.Accepts(bytes));
    }

    [Fact]
    public void The_factory_falls_back_to_System_Xml_with_its_diagnostics()
    {
        var bytes = Bytes("<a>\n  <b></c>\n</a>");
        using var reader = SafeXml.Create(bytes, XmlDifferential.BaseUri, SafeXml.Settings());
        Assert.IsNotType<Utf8XmlReader>(reader);
        var e = Assert.Throws<XmlException>(() =>
        {
            while (reader.Read())
            {
            }
        });
        Assert.Equal((2, 8), (e.LineNumber, e.LinePosition));
        using var fast = SafeXml.Create(Bytes("<a/>"), XmlDifferential.BaseUri, SafeXml.Settings());
        Assert.IsType<Utf8XmlReader>(fast);
    }

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Attributes_read_by_index_without_moving_are_System_Xml_s(string rule, string xml)
    {
        // The loader's hot loops read an element's attributes through AttributeNameAt and AttributeValueAt.
        var bytes = Bytes(xml);
        using var fast = (Utf8XmlReader)SafeXml.Create(bytes, XmlDifferential.BaseUri, SafeXml.Settings());
        using var slow = SafeXml.CreateStandard(bytes, XmlDifferential.BaseUri, SafeXml.Settings());
        while (fast.Read())
        {
            Assert.True(slow.Read(), rule);
            if (fast.NodeType != XmlNodeType.Element)
            {
                Assert.Equal(0, fast.ElementAttributeCount);
                continue;
            }
            Assert.Equal(slow.AttributeCount, fast.ElementAttributeCount);
            for (var i = 0; i < fast.ElementAttributeCount; i++)
            {
                slow.MoveToAttribute(i);
                Assert.Equal((slow.NamespaceURI, slow.LocalName), fast.AttributeNameAt(i));
                Assert.Equal(slow.Value, fast.AttributeValueAt(i));
            }
            slow.MoveToElement();
            if (fast.MoveToFirstAttribute())
            {
                Assert.Equal(0, fast.ElementAttributeCount);   // on an attribute, not on the element
                fast.MoveToElement();
            }
        }
    }

    [Fact]
    public void Equal_short_attribute_values_are_one_string_and_decode_as_System_Xml_does()
    {
        // Repeated values (arcroles, labels, hrefs) come from the thread's pool: the same instance each time, in one
        // document and the next; values that differ only where the pool could confuse them stay apart.
        var arcrole = "http://www.xbrl.org/2003/arcrole/parent-child";
        var xml = $"<a><b r='{arcrole}' v='x&amp;y' w='x&amp;y' t='x\ty' s='x y'/><b r='{arcrole}' v='x&amp;y' t='x\ty' s='x y'/>"
            + string.Concat(Enumerable.Range(0, Utf8ValuePool.MaxEntries + 100).Select(i => $"<c n='v{i.ToString(CultureInfo.InvariantCulture)}'/>"))
            + $"<d r='{arcrole}' long='{new string('z', Utf8ValuePool.MaxBytes + 1)}'/></a>";
        var bytes = Bytes(xml);
        // Emptied first: what ran before on this thread must not fill the pool between the first values and their repeats.
        Utf8ValuePool.Current.Clear();
        using var fast = SafeXml.Create(bytes, XmlDifferential.BaseUri, SafeXml.Settings());
        Assert.IsType<Utf8XmlReader>(fast);
        using var slow = SafeXml.CreateStandard(bytes, XmlDifferential.BaseUri, SafeXml.Settings());
        var seen = new List<string>();
        var names = new List<string>();
        while (fast.Read())
        {
            Assert.True(slow.Read());
            for (var i = 0; i < fast.AttributeCount; i++)
            {
                Assert.Equal(slow.GetAttribute(i), fast.GetAttribute(i));
                seen.Add(fast.GetAttribute(i));
                names.Add(fast.LocalName + "/" + i.ToString(CultureInfo.InvariantCulture));
            }
        }
        Assert.Same(seen[0], seen[5]);           // the arcrole again in the second b
        Assert.Same(seen[1], seen[2]);           // v and w of the first b: equal bytes
        Assert.Same(seen[1], seen[6]);
        Assert.Equal("x y", seen[3]);            // a tab normalised to a space...
        Assert.NotSame(seen[3], seen[4]);        // ...is not the value written with a space (other bytes)
        Assert.Equal(seen[3], seen[4]);
        var afterOverflow = seen[^2];            // the arcrole after more distinct values than the pool holds
        Assert.Equal(arcrole, afterOverflow);
        Assert.Equal(new string('z', Utf8ValuePool.MaxBytes + 1), seen[^1]);
        Assert.Equal(names.Count, seen.Count);
    }

    /// <summary>
    /// The values as attributes of a document that holds each twice, read by the fast reader, in document order. The
    /// pool is per thread and bounded: it is emptied first, so that whatever ran before on this thread cannot fill it in
    /// the middle of the document (it would start again, and the second reading would make new strings).
    /// </summary>
    private static List<string> ReadTwiceThroughAnEmptyPool(IReadOnlyList<string> values)
    {
        var xml = "<a>" + string.Concat(values.Select(v => $"<b v='{v}'/>")) + string.Concat(values.Select(v => $"<b v='{v}'/>")) + "</a>";
        Utf8ValuePool.Current.Clear();
        using var fast = SafeXml.Create(Bytes(xml), XmlDifferential.BaseUri, SafeXml.Settings());
        Assert.IsType<Utf8XmlReader>(fast);
        var seen = new List<string>();
        while (fast.Read())
        {
            if (fast.LocalName == "b")
            {
                seen.Add(fast.GetAttribute("v")!);
            }
        }
        return seen;
    }

    [Fact]
    public void Values_made_to_share_their_ends_are_all_read_right_and_ordinary_values_are_still_pooled()
    {
        // Hundreds of values with the same first and last eight bytes and length land on one run of the pool's slots:
        // past the probe limit they are decoded without being kept, and read right either way.
        var crowd = Enumerable.Range(0, 600).Select(i => $"AAAAAAAA{i:D8}ZZZZZZZZ").ToList();
        var ordinary = new[] { "http://example.com/role/Ordinary", "loc_us-gaap_Assets" };
        var all = crowd.Concat(ordinary).ToList();
        var seen = ReadTwiceThroughAnEmptyPool(all);
        Assert.Equal(all.Concat(all), seen);
        // The first of the crowd was kept; the ordinary values after the crowd were kept too.
        Assert.Same(seen[0], seen[all.Count]);
        Assert.Same(seen[crowd.Count], seen[all.Count + crowd.Count]);
        Assert.Same(seen[crowd.Count + 1], seen[all.Count + crowd.Count + 1]);
    }

    [Fact]
    public void Pooled_values_alike_at_both_ends_stay_apart()
    {
        // The pool keys a value by its first and last eight bytes and its length, and compares only longer values'
        // middles: values of every length up to 40 that differ in one byte, anywhere, are different strings.
        var values = new List<string>();
        for (var length = 1; length <= 40; length++)
        {
            for (var at = 0; at < length; at++)
            {
                values.Add(new string('m', at) + "X" + new string('m', length - at - 1));
            }
            values.Add(new string('m', length));
        }
        var seen = ReadTwiceThroughAnEmptyPool(values);
        Assert.Equal(values.Concat(values), seen);
        for (var i = 0; i < values.Count; i++)
        {
            Assert.Same(seen[i], seen[values.Count + i]);
        }
    }

    [Fact]
    public void Unusual_settings_are_left_to_System_Xml()
    {
        var bytes = Bytes("<a><!-- c --><?p?></a>");
        foreach (var change in new Action<XmlReaderSettings>[]
        {
            s => s.IgnoreComments = false,
            s => s.IgnoreProcessingInstructions = false,
            s => s.ConformanceLevel = ConformanceLevel.Fragment,
            s => s.CheckCharacters = false,
            s => s.LineNumberOffset = 3,
            s => s.MaxCharactersInDocument = 10,
        })
        {
            var settings = SafeXml.Settings();
            change(settings);
            Assert.Null(Utf8XmlReader.TryCreate(bytes, settings, ""));
        }
    }

    [Fact]
    public void The_base_class_helpers_agree_with_System_Xml()
    {
        var xml = Decl + $"<link:linkbase {Link}>\n  <link:label xml:lang='en' xlink:label='a'>Net &amp; <![CDATA[gross]]> income</link:label>\n  <x><y>1</y><y>2</y><!--c--><z/></x>\n</link:linkbase>";
        var bytes = Bytes(xml);
        string Run(XmlReader r)
        {
            var sb = new StringBuilder();
            r.MoveToContent();
            r.ReadStartElement();
            r.MoveToContent();
            sb.Append(r.ReadElementContentAsString()).Append('|');
            r.MoveToContent();
            using (var sub = r.ReadSubtree())
            {
                while (sub.Read())
                {
                    sb.Append(sub.NodeType).Append(sub.Name).Append(sub.Depth).Append(',');
                }
            }
            sb.Append(r.NodeType).Append(r.Name).Append('|');
            r.Read();
            r.MoveToContent();
            sb.Append(r.NodeType).Append(r.Name).Append('|');
            return sb.ToString();
        }
        string RunInner(XmlReader r)
        {
            r.MoveToContent();
            return r.ReadInnerXml() + "|" + r.NodeType + r.EOF;
        }
        using var s = XmlReader.Create(new MemoryStream(bytes), SafeXml.Settings(), "");
        using var f = Utf8XmlReader.TryCreate(bytes, SafeXml.Settings(), "")!;
        Assert.Equal(Run(s), Run(f));
        using var s2 = XmlReader.Create(new MemoryStream(bytes), SafeXml.Settings(), "");
        using var f2 = Utf8XmlReader.TryCreate(bytes, SafeXml.Settings(), "")!;
        Assert.Equal(RunInner(s2), RunInner(f2));
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("tr-TR")]
    public void Results_do_not_depend_on_the_culture(string culture)
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
            foreach (var (rule, xml) in Accepted.Select(row => row.Data).Append(("turkish i", "<I xmlns:I='urn:i' I:İ_i='ı'><i>I</i></I>")))
            {
                var difference = XmlDifferential.Compare(Bytes(xml), true, out var fast);
                Assert.True(difference is null, $"{rule}: {difference}");
                Assert.True(fast || rule == "turkish i", rule);
            }
            foreach (var row in Bailed)
            {
                Assert.False(XmlDifferential.Accepts(Bytes(row.Data.Item2)), row.Data.Item1);
            }
            var seed = Corpus.Sample("lpsn-20170331_def.xml");
            if (File.Exists(seed))
            {
                Assert.Null(XmlDifferential.Compare(File.ReadAllBytes(seed), true, out var seedFast));
                Assert.True(seedFast);
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = saved;
        }
    }

    [Fact]
    public void The_seed_takes_the_fast_path_and_reads_identically()
    {
        var seed = Corpus.Sample("lpsn-20170331_def.xml");
        var bytes = File.ReadAllBytes(seed);
        foreach (var ignoreWhitespace in new[] { true, false })
        {
            var difference = XmlDifferential.Compare(bytes, ignoreWhitespace, out var fast, outerXml: true);
            Assert.True(fast);
            Assert.True(difference is null, difference);
        }
    }

    /// <summary>
    /// Random byte edits of small documents: the fast reader either reads the result exactly as System.Xml does or
    /// bails out; it never accepts a document System.Xml rejects.
    /// </summary>
    [Fact]
    public void Mutated_documents_are_read_identically_or_left_to_System_Xml()
    {
        const int seed = 20261129;
        output.WriteLine($"seed {seed}");
        var random = new Random(seed);
        var bases = Accepted.Select(row => Bytes(row.Data.Item2)).Where(b => b.Length < 400).ToList();
        bases.Add(Bytes(Decl + $"<link:linkbase {Link}>\n <link:definitionLink xlink:type=\"extended\" xlink:role=\"http://x/role\">\n  <link:loc xlink:type=\"locator\" xlink:href=\"a.xsd#a_B\" xlink:label=\"loc_B\"/>\n  <link:definitionArc xlink:type=\"arc\" xlink:from=\"loc_B\" xlink:to=\"loc_C\" order=\"1.0\"/>\n </link:definitionLink>\n</link:linkbase>\n"));
        ReadOnlySpan<byte> alphabet = "<>/='\"&;#x:!?-[]] \t\r\nabAB01\u00C3\u00A9\u00FF\u0001"u8;
        var cases = 4000;
        var fastCount = 0;
        for (var i = 0; i < cases; i++)
        {
            var doc = bases[random.Next(bases.Count)].ToList();
            var edits = 1 + random.Next(3);
            for (var e = 0; e < edits; e++)
            {
                var at = random.Next(doc.Count + 1);
                switch (random.Next(3))
                {
                    case 0 when doc.Count > 0 && at < doc.Count:
                        doc.RemoveAt(at);
                        break;
                    case 1 when at < doc.Count:
                        doc[at] = random.Next(4) == 0 ? (byte)random.Next(256) : alphabet[random.Next(alphabet.Length)];
                        break;
                    default:
                        doc.Insert(at, random.Next(4) == 0 ? (byte)random.Next(256) : alphabet[random.Next(alphabet.Length)]);
                        break;
                }
            }
            var bytes = doc.ToArray();
            foreach (var ignoreWhitespace in new[] { true, false })
            {
                var difference = XmlDifferential.Compare(bytes, ignoreWhitespace, out var fast);
                if (fast)
                {
                    fastCount++;
                }
                Assert.True(difference is null, $"case {i} (seed {seed}, ignoreWhitespace={ignoreWhitespace}): {difference}\n{Encoding.UTF8.GetString(bytes)}");
            }
        }
        output.WriteLine($"{cases} mutated documents, {fastCount} of {cases * 2} readings took the fast path");
        Assert.True(fastCount > cases / 10, $"only {fastCount} readings took the fast path; the fuzz no longer exercises it");
    }

    private static byte[] Bytes(string xml) => Encoding.UTF8.GetBytes(xml);

    private static string Repeat(string part, int times) => string.Concat(Enumerable.Repeat(part, times));

    /// <summary>Elements between line ends (CR LF, CR, LF) placed so that each kind falls at every offset around a 32-byte block's edge.</summary>
    private static string LineEndsAroundBlocks()
    {
        var sb = new StringBuilder();
        string[] ends = ["\r\n", "\r", "\n"];
        for (var pad = 0; pad < 40; pad++)
        {
            sb.Append("<b c='").Append('x', pad).Append("'/>").Append(ends[pad % 3]).Append(ends[(pad / 3) % 3]);
        }
        return sb.ToString();
    }

    [Fact]
    public void Line_starts_are_found_after_every_kind_of_line_end_at_every_offset()
    {
        string[] ends = ["\r\n", "\r", "\n", "\n\r", "\r\r\n"];
        foreach (var end in ends)
        {
            for (var at = 0; at < 70; at++)
            {
                foreach (var tail in new[] { 0, 1, 2, 33 })
                {
                    var bytes = Encoding.ASCII.GetBytes(new string('x', at) + end + new string('y', tail));
                    var expected = new List<int> { 0 };
                    for (var i = 0; i < bytes.Length; i++)
                    {
                        if (bytes[i] == (byte)'\n' || (bytes[i] == (byte)'\r' && (i + 1 == bytes.Length || bytes[i + 1] != (byte)'\n')))
                        {
                            expected.Add(i + 1);
                        }
                    }
                    var starts = Utf8XmlReader.LineStarts(bytes, 0, out var count);
                    Assert.Equal(expected, starts.Take(count));
                }
            }
        }
        // More lines than the first guess of the array's size: it grows.
        var many = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("a\n", 1000)));
        var manyStarts = Utf8XmlReader.LineStarts(many, 0, out var manyCount);
        Assert.Equal(1001, manyCount);
        Assert.Equal(Enumerable.Range(0, 1001).Select(k => 2 * k), manyStarts.Take(manyCount));
    }
}
