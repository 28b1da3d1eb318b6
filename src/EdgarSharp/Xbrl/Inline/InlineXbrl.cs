using EdgarSharp.Xbrl.Inline.Internal;
using EdgarSharp.Xbrl.Internal;

namespace EdgarSharp.Xbrl;

/// <summary>
/// The XBRL instance extracted from one inline XBRL document or a document set, before it is read: the
/// instance XML (UTF-8) and the problems found while extracting it.
/// </summary>
/// <param name="Xml">The extracted instance document, UTF-8 XML with an <c>xbrli:xbrl</c> root.</param>
/// <param name="Diagnostics">Problems of the inline documents: not well-formed XHTML, unknown or failed
/// transformations, continuation cycles, disagreeing nested facts.</param>
/// <param name="FactCount">How many facts (items and tuples) were extracted.</param>
public sealed record InlineExtraction(ReadOnlyMemory<byte> Xml, IReadOnlyList<Diagnostic> Diagnostics, int FactCount);

/// <summary>
/// Inline XBRL 1.1: reads XHTML documents carrying <c>ix:</c> facts and gives the XBRL instance they stand for,
/// the same facts EDGAR extracts (its <c>*_htm.xml</c>). Handles several <c>ix:header</c>s, <c>ix:references</c>,
/// <c>ix:resources</c> and hidden facts; <c>ix:nonFraction</c> (format, then scale as a power of ten, then sign;
/// nested facts must agree; nil is empty); <c>ix:nonNumeric</c> (its <c>continuedAt</c> chain, each continuation
/// once, no cycles, less <c>ix:exclude</c>; <c>escape="true"</c> gives XHTML without ix tags, otherwise text);
/// <c>ix:fraction</c>; <c>ix:tuple</c> with <c>order</c>; <c>ix:footnote</c> and <c>ix:relationship</c>; target
/// documents; document sets. The XHTML is read as XML; a document that is not well-formed is read again by an HTML
/// parser, with a warning saying so. Bad input gives diagnostics, never an exception (except a missing file).
/// Cost: one forward pass over each document; facts keep their ix elements as small trees and the XHTML between
/// them as text (and, for escaped values, markup already escaped as the instance holds it, as UTF-8) written once;
/// headers and footnotes are whole trees; then the instance written, the facts' tags and text straight as UTF-8. About
/// three and a quarter times a bare <see cref="System.Xml.XmlReader"/> pass by CPU time (benchmarks/README.md).
/// </summary>
public static class InlineXbrl
{
    /// <summary>The Inline XBRL 1.1 namespace.</summary>
    public const string Namespace = "http://www.xbrl.org/2013/inlineXBRL";

    /// <summary>The XHTML namespace.</summary>
    public const string XhtmlNamespace = "http://www.w3.org/1999/xhtml";

    /// <summary>
    /// True when the file looks like an inline XBRL document: its first 64 KiB declare the Inline XBRL 1.1 or 1.0
    /// namespace. Costs one small read.
    /// </summary>
    public static bool IsInlineDocument(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            return false;
        }
        using var stream = File.OpenRead(path);
        var buffer = new byte[64 * 1024];
        var n = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        var text = System.Text.Encoding.UTF8.GetString(buffer, 0, n);
        return text.Contains(Namespace, StringComparison.Ordinal) || text.Contains("http://www.xbrl.org/2008/inlineXBRL", StringComparison.Ordinal);
    }

    /// <summary>
    /// Extracts the instance of the document set <paramref name="paths"/> (one document or several) for the target
    /// document <paramref name="target"/> (null: the default target, facts without a <c>target</c> attribute).
    /// </summary>
    /// <exception cref="FileNotFoundException">A path does not exist.</exception>
    public static InlineExtraction Extract(IReadOnlyList<string> paths, string? target = null, XbrlLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        if (paths.Count == 0)
        {
            throw new ArgumentException("A document set needs at least one document.", nameof(paths));
        }
        options ??= new XbrlLoadOptions();
        var documents = new List<(string Path, byte[] Bytes)>();
        foreach (var p in paths)
        {
            var full = Path.GetFullPath(p);
            if (!File.Exists(full))
            {
                throw new FileNotFoundException($"There is no inline XBRL document at '{p}'.", p);
            }
            documents.Add((full, File.ReadAllBytes(full)));
        }
        return new InlineExtractor(options).Extract(documents, target);
    }

    /// <summary>Extracts the instance of one inline document held in memory; <paramref name="documentPath"/> names it.</summary>
    public static InlineExtraction Extract(ReadOnlyMemory<byte> document, string documentPath, string? target = null, XbrlLoadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(documentPath);
        var bytes = System.Runtime.InteropServices.MemoryMarshal.TryGetArray(document, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
            ? segment.Array
            : document.ToArray();
        return new InlineExtractor(options ?? new XbrlLoadOptions()).Extract([(Path.GetFullPath(documentPath), bytes)], target);
    }

    /// <summary>
    /// Loads the inline XBRL document at <paramref name="path"/> as an <see cref="XbrlInstance"/>: the extracted
    /// instance read by <see cref="XbrlInstance.Load(ReadOnlyMemory{byte}, string, XbrlLoadOptions?)"/> with the same
    /// validation, its diagnostics preceded by those of the extraction. Relative <c>schemaRef</c> hrefs resolve
    /// beside the inline document.
    /// </summary>
    /// <exception cref="FileNotFoundException">The path does not exist.</exception>
    public static XbrlInstance Load(string path, XbrlLoadOptions? options = null) => LoadDocumentSet([path], null, options);

    /// <summary>Loads a document set (several inline documents making one instance) for a target document.</summary>
    /// <exception cref="FileNotFoundException">A path does not exist.</exception>
    public static XbrlInstance LoadDocumentSet(IReadOnlyList<string> paths, string? target = null, XbrlLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        options ??= new XbrlLoadOptions();
        var extraction = Extract(paths, target, options);
        var instance = XbrlInstance.Load(extraction.Xml, Path.GetFullPath(paths[0]), options);
        return instance.WithLeadingDiagnostics(extraction.Diagnostics);
    }

    /// <summary>
    /// Loads <paramref name="path"/> whatever it is: an inline XBRL document (extracted, then read), an XBRL instance,
    /// or a filing folder holding an instance (or, failing that, an inline document).
    /// </summary>
    /// <exception cref="FileNotFoundException">The path does not exist, or a folder holds neither.</exception>
    public static XbrlInstance LoadAny(string path, XbrlLoadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (File.Exists(path))
        {
            return IsInlineDocument(path) ? Load(path, options) : XbrlInstance.Load(path, options);
        }
        if (Directory.Exists(path))
        {
            if (XbrlInstance.FindInstance(path) is not null)
            {
                return XbrlInstance.Load(path, options);
            }
            var inline = Directory.EnumerateFiles(path).Where(f => f.EndsWith(".htm", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".xhtml", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal).FirstOrDefault(IsInlineDocument);
            if (inline is not null)
            {
                return Load(inline, options);
            }
            throw new FileNotFoundException($"The folder '{path}' holds neither an XBRL instance nor an inline XBRL document.", path);
        }
        throw new FileNotFoundException($"There is no file or folder at '{path}'.", path);
    }

    internal static string UrlOf(string fullPath) => UrlUtil.FromPath(fullPath);
}
