namespace EdgarSharp.Documents.Internal;

/// <summary>What one detection knows about its input, and the diagnostics it collects.</summary>
internal sealed class DetectionContext(string document, bool isWholeDocument)
{
    /// <summary>The document's name for diagnostics.</summary>
    public string Document { get; } = document;

    /// <summary>True when the bytes read are the whole document, so an early end is a real truncation.</summary>
    public bool IsWholeDocument { get; } = isWholeDocument;

    public DiagnosticBag Diagnostics { get; } = new();

    public SourceLocation At(int line = 0, int column = 0) => new(Document, line, column);

    public DocumentKindResult Result(DocumentKind kind, string detail, string? rootNamespace = null, string? rootLocalName = null) =>
        new(kind, detail, rootNamespace, rootLocalName, Diagnostics.ToList());
}
