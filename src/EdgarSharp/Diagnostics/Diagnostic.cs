namespace EdgarSharp;

/// <summary>How serious a <see cref="Diagnostic"/> is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Something worth knowing that needs no action.</summary>
    Info,

    /// <summary>The input is usable but degraded or suspicious; results may be incomplete.</summary>
    Warning,

    /// <summary>The input breaks a rule of its specification; results around the location are incomplete.</summary>
    Error,
}

/// <summary>
/// Where in a document a diagnostic points: the document's path or URI and a one-based line and column
/// (zero when unknown).
/// </summary>
/// <param name="Document">The document's path or URI as the user gave it or as discovery reached it.</param>
/// <param name="Line">One-based line, or 0 when unknown.</param>
/// <param name="Column">One-based column, or 0 when unknown.</param>
public readonly record struct SourceLocation(string Document, int Line = 0, int Column = 0)
{
    /// <summary>Formats the location as <c>document:line:column</c>, leaving out unknown parts.</summary>
    public override string ToString() =>
        Line > 0 ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Document}:{Line}:{Column}") : Document;
}

/// <summary>
/// A problem found in the input: data, never an exception. Codes are the specification's own
/// (<c>xbrl.3.5.3.9.2</c>, <c>xbrldte:DimensionDefaultSourceError</c>) where it has them and the project's
/// stable codes (<c>edgar:...</c>) elsewhere; messages are whole sentences that say what to do next.
/// </summary>
/// <param name="Severity">How serious the problem is.</param>
/// <param name="Code">A stable code, compared ordinally.</param>
/// <param name="Message">A whole sentence for a person.</param>
/// <param name="Location">Where the problem is, when known.</param>
public sealed record Diagnostic(DiagnosticSeverity Severity, string Code, string Message, SourceLocation? Location = null)
{
    /// <summary>Creates an error diagnostic.</summary>
    public static Diagnostic Error(string code, string message, SourceLocation? location = null) =>
        new(DiagnosticSeverity.Error, code, message, location);

    /// <summary>Creates a warning diagnostic.</summary>
    public static Diagnostic Warning(string code, string message, SourceLocation? location = null) =>
        new(DiagnosticSeverity.Warning, code, message, location);

    /// <summary>Creates an informational diagnostic.</summary>
    public static Diagnostic Info(string code, string message, SourceLocation? location = null) =>
        new(DiagnosticSeverity.Info, code, message, location);

    /// <summary>Formats the diagnostic as <c>location: severity code: message</c>.</summary>
    public override string ToString()
    {
        var severity = Severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            _ => "info",
        };
        return Location is { } at ? $"{at}: {severity} {Code}: {Message}" : $"{severity} {Code}: {Message}";
    }
}

/// <summary>A collector of diagnostics that readers append to; not thread-safe.</summary>
public sealed class DiagnosticBag : IReadOnlyList<Diagnostic>
{
    private readonly List<Diagnostic> _items = [];

    /// <summary>The number of diagnostics collected.</summary>
    public int Count => _items.Count;

    /// <summary>The diagnostic at <paramref name="index"/>.</summary>
    public Diagnostic this[int index] => _items[index];

    /// <summary>True when any diagnostic is an error.</summary>
    public bool HasErrors
    {
        get
        {
            foreach (var d in _items)
            {
                if (d.Severity == DiagnosticSeverity.Error)
                {
                    return true;
                }
            }
            return false;
        }
    }

    /// <summary>Adds a diagnostic.</summary>
    public void Add(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        _items.Add(diagnostic);
    }

    /// <summary>Removes a diagnostic that a later finding made moot; false when it was not in the bag.</summary>
    internal bool Remove(Diagnostic diagnostic) => _items.Remove(diagnostic);

    /// <summary>Adds an error.</summary>
    public void Error(string code, string message, SourceLocation? location = null) => _items.Add(Diagnostic.Error(code, message, location));

    /// <summary>Adds a warning.</summary>
    public void Warning(string code, string message, SourceLocation? location = null) => _items.Add(Diagnostic.Warning(code, message, location));

    /// <summary>Adds an informational note.</summary>
    public void Info(string code, string message, SourceLocation? location = null) => _items.Add(Diagnostic.Info(code, message, location));

    /// <inheritdoc/>
    public IEnumerator<Diagnostic> GetEnumerator() => _items.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => _items.GetEnumerator();

    /// <summary>A snapshot of the diagnostics collected so far.</summary>
    public IReadOnlyList<Diagnostic> ToList() => _items.ToArray();
}
