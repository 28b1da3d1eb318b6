using System.Text;
using System.Xml;
using EdgarSharp.Tests.Support;
using EdgarSharp.Xbrl;
using EdgarSharp.Xbrl.Internal;

namespace EdgarSharp.Tests.Xbrl;

/// <summary>
/// A filing folder's documents are told apart by their root element, read from the first bytes without an XML
/// reader when the start tag is plain; whenever that quick read answers, it agrees with an XML reader.
/// </summary>
public class RootSniffTests
{
    [Theory]
    [InlineData("<?xml version=\"1.0\"?>\n<!-- c -->\n<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" targetNamespace=\"x\">", TaxonomyDocumentType.Schema)]
    [InlineData("<link:linkbase xmlns:xlink='http://www.w3.org/1999/xlink' xmlns:link='http://www.xbrl.org/2003/linkbase'>", TaxonomyDocumentType.Linkbase)]
    [InlineData("<xbrl xmlns=\"http://www.xbrl.org/2003/instance\">", TaxonomyDocumentType.Instance)]
    [InlineData("<link:linkbase xmlns:link=\"http://www.xbrl.org/2003/instance\">", TaxonomyDocumentType.Other)]
    public void A_plain_start_tag_gives_the_kind(string start, TaxonomyDocumentType expected)
    {
        Assert.Equal(expected, DtsLoader.SniffRootElement(Encoding.ASCII.GetBytes(start)));
    }

    [Theory]
    [InlineData("<!DOCTYPE x><xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\">")]
    [InlineData("<xs:schema xmlns:xs=\"http://www.w3.org/2001/XML&#83;chema\">")]
    [InlineData("<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\"")]
    [InlineData("<xs:schema>")]
    [InlineData("<xs:schéma xmlns:xs=\"http://www.w3.org/2001/XMLSchema\">")]
    public void Anything_less_plain_is_left_to_the_xml_reader(string start)
    {
        Assert.Null(DtsLoader.SniffRootElement(Encoding.UTF8.GetBytes(start)));
    }

    [Fact]
    public void The_quick_read_agrees_with_an_xml_reader_on_the_corpus()
    {
        var root = Corpus.RequireCorpus("xbrl-filings");
        var answered = 0;
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            if (!file.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) && !file.EndsWith(".xsd", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            var bytes = File.ReadAllBytes(file);
            if (DtsLoader.SniffRootElement(bytes.AsSpan(0, Math.Min(4096, bytes.Length))) is not { } quick)
            {
                continue;
            }
            answered++;
            Assert.True(quick == ReaderKind(bytes), file);
        }
        Assert.True(answered > 100, $"the quick read answered for {answered} files only");
    }

    private static TaxonomyDocumentType ReaderKind(byte[] bytes)
    {
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(bytes), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null });
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element)
                {
                    return (reader.NamespaceURI, reader.LocalName) switch
                    {
                        ("http://www.w3.org/2001/XMLSchema", "schema") => TaxonomyDocumentType.Schema,
                        ("http://www.xbrl.org/2003/linkbase", "linkbase") => TaxonomyDocumentType.Linkbase,
                        ("http://www.xbrl.org/2003/instance", "xbrl") => TaxonomyDocumentType.Instance,
                        _ => TaxonomyDocumentType.Other,
                    };
                }
            }
        }
        catch (XmlException)
        {
        }
        return TaxonomyDocumentType.Other;
    }
}
