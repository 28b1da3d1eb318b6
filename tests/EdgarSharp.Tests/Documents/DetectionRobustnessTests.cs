using System.Text;
using CsCheck;
using EdgarSharp.Documents;
using EdgarSharp.Tests.Support;

namespace EdgarSharp.Tests.Documents;

/// <summary>Bad input never throws: random bytes, random markup and every truncation of every fixture yield a kind.</summary>
public class DetectionRobustnessTests
{
    private static void AssertDetects(byte[] bytes, bool isWholeDocument)
    {
        var result = DocumentKindDetector.Detect(bytes, isWholeDocument, "fuzz");
        Assert.True(Enum.IsDefined(result.Kind), $"Undefined kind {result.Kind}.");
        Assert.NotNull(result.Detail);
        using var stream = new MemoryStream(bytes);
        Assert.True(Enum.IsDefined(DocumentKindDetector.Detect(stream, "fuzz").Kind));
    }

    [Fact]
    public void Random_bytes_yield_a_kind()
    {
        Gen.Byte.Array[0, 3000].Sample(bytes => AssertDetects(bytes, isWholeDocument: true), iter: 2000);
    }

    [Fact]
    public void Random_bytes_after_a_signature_yield_a_kind()
    {
        var signatures = new[]
        {
            "PK\u0003\u0004", "PK\u0005\u0006", "%PDF-", "<?xml version=\"1.0\"?>", "{", "[", "<SEC-DOCUMENT>", "Description:",
            "<link:linkbase xmlns:link=\"http://www.xbrl.org/2003/linkbase\">", "<html>", "\uFEFF<",
        }.Select(s => Encoding.Latin1.GetBytes(s)).ToArray();
        Gen.Select(Gen.OneOf(signatures), Gen.Byte.Array[0, 2000], Gen.Bool, (signature, tail, whole) => (Bytes: (byte[])[.. signature, .. tail], Whole: whole))
            .Sample(t => AssertDetects(t.Bytes, t.Whole), iter: 3000);
    }

    [Fact]
    public void Random_markup_and_json_yield_a_kind()
    {
        var pieces = Gen.OneOf(
            "<", ">", "</", "/>", "<?xml version=\"1.0\" encoding=\"UTF-16\"?>", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>",
            "&e;", "&#0;", "&#xD800;", "<!--", "-->", "<![CDATA[", "]]>", "xmlns=\"http://www.xbrl.org/2003/linkbase\"",
            "xmlns:ix=\"http://www.xbrl.org/2013/inlineXBRL\"", "linkbase", "html", "ownershipDocument", " a=\"", "\"",
            "{", "}", "[", "]", ":", ",", "\"cik\"", "\"facts\"", "\"\\uD800\"", "\"\\u0000\"", "\\", "\n", "\u00E9", "\uD83D\uDE00");
        pieces.Array[0, 40].Select(p => Encoding.UTF8.GetBytes(string.Concat(p)))
            .Sample(bytes => { AssertDetects(bytes, true); AssertDetects(bytes, false); }, iter: 3000);
    }

    [Theory]
    [InlineData("{\"\\uD800\": 1}")]
    [InlineData("{\"0\": {\"\\uDC00x\": 1}}")]
    [InlineData("<a xmlns:ix=\"&#xD800;\"/>")]
    [InlineData("<html xmlns=\"http://www.w3.org/1999/xhtml\" \u0001/>")]
    [InlineData("<?xml version=\"1.0\" encoding=\"EBCDIC\"?><x/>")]
    public void Hostile_snippets_yield_a_kind(string text)
    {
        AssertDetects(Encoding.UTF8.GetBytes(text), isWholeDocument: true);
        AssertDetects(Encoding.UTF8.GetBytes(text), isWholeDocument: false);
    }

    public static TheoryData<string> Fixtures() =>
        new(Directory.GetFiles(Corpus.Fixture("Documents")).Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Every_truncation_of_a_fixture_yields_a_kind(string file)
    {
        var bytes = File.ReadAllBytes(Corpus.Fixture(Path.Combine("Documents", file)));
        for (var length = 0; length <= bytes.Length; length++)
        {
            AssertDetects(bytes[..length], isWholeDocument: true);
            AssertDetects(bytes[..length], isWholeDocument: false);
        }
    }
}
