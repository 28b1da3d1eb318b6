using System.Xml;
using EdgarSharp.Internal;

namespace EdgarSharp.Xbrl.Conformance;

/// <summary>One input document of a conformance variation.</summary>
/// <param name="Kind">The element that named it: <c>xsd</c>, <c>linkbase</c>, <c>instance</c>.</param>
/// <param name="Path">The absolute path of the file.</param>
/// <param name="ReadMeFirst">True for an entry point.</param>
public sealed record ConformanceInput(string Kind, string Path, bool ReadMeFirst);

/// <summary>
/// One variation of an XBRL conformance suite (XBRL 2.1 or Dimensions 1.0): its inputs and what a conformant
/// processor must conclude.
/// </summary>
public sealed record ConformanceVariation
{
    /// <summary>The test case file, relative to the suite's index.</summary>
    public required string Testcase { get; init; }

    /// <summary>The variation's id within its test case.</summary>
    public required string Id { get; init; }

    /// <summary>The variation's name.</summary>
    public string Name { get; init; } = "";

    /// <summary>The variation's description.</summary>
    public string Description { get; init; } = "";

    /// <summary>The input documents.</summary>
    public IReadOnlyList<ConformanceInput> Inputs { get; init; } = [];

    /// <summary>True when a conformant processor must find the input valid.</summary>
    public bool ExpectedValid { get; init; }

    /// <summary>The error codes the suite expects (Dimensions suite), if any.</summary>
    public IReadOnlyList<string> ExpectedErrors { get; init; } = [];

    /// <summary>Expected output files named by the variation, if any.</summary>
    public IReadOnlyList<string> ExpectedOutputFiles { get; init; } = [];

    /// <summary>The entry points: the inputs marked readMeFirst, else the first input.</summary>
    public IReadOnlyList<ConformanceInput> EntryPoints =>
        Inputs.Any(i => i.ReadMeFirst) ? Inputs.Where(i => i.ReadMeFirst).ToList() : Inputs.Take(1).ToList();

    /// <summary>The expected verdict as the report writes it: <c>valid</c>, <c>invalid</c>, or the expected error codes.</summary>
    public string Expected => ExpectedValid ? "valid" : ExpectedErrors.Count > 0 ? string.Join(' ', ExpectedErrors) : "invalid";

    /// <summary>A stable name: <c>testcase#id</c>.</summary>
    public override string ToString() => Testcase + "#" + Id;
}

/// <summary>How a variation ended.</summary>
public enum ConformanceStatus
{
    /// <summary>The verdict matched.</summary>
    Pass,
    /// <summary>The verdict did not match.</summary>
    Fail,
    /// <summary>Not run: a later capability owes it (the reason says which).</summary>
    Owed,
}

/// <summary>The outcome of one variation.</summary>
/// <param name="Variation">The variation.</param>
/// <param name="Actual">What the processor concluded: <c>valid</c>, or <c>invalid</c> with the error codes.</param>
/// <param name="Status">Pass, fail or owed.</param>
/// <param name="Reason">Why it is owed, when it is.</param>
/// <param name="Diagnostics">Everything the processor reported.</param>
public sealed record ConformanceResult(ConformanceVariation Variation, string Actual, ConformanceStatus Status, string? Reason, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>Options of a conformance run.</summary>
public sealed class ConformanceOptions
{
    /// <summary>The catalog the suite's standard schemas resolve through (the core-schemas cache). Default: empty.</summary>
    public TaxonomyCatalog Catalog { get; init; } = new();

    /// <summary>
    /// Decides whether a variation is not run at all because the capability it tests is missing (a pass would say
    /// nothing); returns the reason, or null to run it. Default: <see cref="ConformanceSuite.DefaultNotRunReason"/>.
    /// </summary>
    public Func<ConformanceVariation, string?> NotRunReason { get; init; } = ConformanceSuite.DefaultNotRunReason;

    /// <summary>Decides whether a failing variation is owed by a later capability (its reason), or a failure (null). Default: <see cref="ConformanceSuite.DefaultOwedReason"/>.</summary>
    public Func<ConformanceVariation, string?> OwedReason { get; init; } = ConformanceSuite.DefaultOwedReason;
}

/// <summary>
/// Reads XBRL conformance suites (an index of <c>testcase</c> files, each with <c>variation</c> elements) and
/// runs their variations through the same loader and checks users get. One variation never affects another.
/// </summary>
public static class ConformanceSuite
{
    /// <summary>
    /// The XBRL 2.1 variations this version cannot pass, each with its exact reason (the list only shrinks; empty since
    /// all 548 pass). A listed variation is still run, and counts as a pass when it passes.
    /// </summary>
    public static IReadOnlyDictionary<string, string> OwedVariations { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The reason for the Dimensions suite's instance variations: fact-level dimensional validity is not implemented yet.</summary>
    public const string OwedByDimensionalInstances = "owed by the instances issue: dimensional validity of facts (xbrldie) and the lists of dimensionally valid facts are not implemented yet";

    /// <summary>
    /// Variations not run in this version, because the capability they test is missing and a pass would say
    /// nothing. None at present: the Dimensions suite's instance variations run since fact-level dimensional
    /// validity exists (<see cref="OwedByDimensionalInstances"/> is kept for a suite that needs it).
    /// </summary>
    public static string? DefaultNotRunReason(ConformanceVariation variation)
    {
        ArgumentNullException.ThrowIfNull(variation);
        return null;
    }

    /// <summary>
    /// Which failures are owed in this version: exactly the variations of <see cref="OwedVariations"/>, each with its
    /// reason; any other failure is a failure. Every variation is run; one that passes counts as a pass whatever this says.
    /// </summary>
    public static string? DefaultOwedReason(ConformanceVariation variation)
    {
        ArgumentNullException.ThrowIfNull(variation);
        return OwedVariations.GetValueOrDefault(variation.ToString());
    }

    /// <summary>
    /// Reads the variations of a suite from its index file (<c>testcases</c> root) or from one test case file
    /// (<c>testcase</c> root). Unreadable test case files are diagnostics.
    /// </summary>
    /// <exception cref="FileNotFoundException">The index does not exist.</exception>
    public static IReadOnlyList<ConformanceVariation> Read(string indexPath, DiagnosticBag? diagnostics = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(indexPath);
        var full = Path.GetFullPath(indexPath);
        if (!File.Exists(full))
        {
            throw new FileNotFoundException($"The conformance suite index '{indexPath}' does not exist.", indexPath);
        }
        diagnostics ??= new DiagnosticBag();
        var root = Path.GetDirectoryName(full)!;
        var testcases = new List<string>();
        using (var stream = File.OpenRead(full))
        using (var reader = SafeXml.Create(stream, new Uri(full).AbsoluteUri))
        {
            try
            {
                reader.MoveToContent();
                if (reader.LocalName == "testcase")
                {
                    testcases.Add(full);
                }
                else
                {
                    while (reader.Read())
                    {
                        if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "testcase" && reader.GetAttribute("uri") is { } uri)
                        {
                            testcases.Add(Path.GetFullPath(Path.Combine(root, uri)));
                        }
                    }
                }
            }
            catch (XmlException e)
            {
                diagnostics.Error("xml:notWellFormed", $"The suite index is not well-formed XML: {e.Message}", new SourceLocation(full, e.LineNumber, e.LinePosition));
            }
        }
        var variations = new List<ConformanceVariation>();
        foreach (var testcase in testcases)
        {
            ReadTestcase(testcase, Path.GetRelativePath(root, testcase).Replace('\\', '/'), variations, diagnostics);
        }
        return variations;
    }

    private static void ReadTestcase(string path, string relative, List<ConformanceVariation> into, DiagnosticBag diagnostics)
    {
        if (!File.Exists(path))
        {
            diagnostics.Error("conformance:testcaseMissing", $"The test case '{relative}' named by the index does not exist.", new SourceLocation(path));
            return;
        }
        var folder = Path.GetDirectoryName(path)!;
        try
        {
            using var stream = File.OpenRead(path);
            using var reader = SafeXml.Create(stream, new Uri(path).AbsoluteUri);
            string? id = null, name = null, description = null;
            List<ConformanceInput> inputs = [];
            List<string> errors = [];
            List<string> outputs = [];
            bool? expectedValid = null;
            var inVariation = false;
            var inResult = false;
            var advanced = false;
            while (advanced || reader.Read())
            {
                advanced = false;
                if (reader.NodeType == XmlNodeType.Element)
                {
                    switch (reader.LocalName)
                    {
                        case "variation":
                            inVariation = true;
                            id = reader.GetAttribute("id") ?? "";
                            name = reader.GetAttribute("name") ?? "";
                            description = "";
                            inputs = [];
                            errors = [];
                            outputs = [];
                            expectedValid = null;
                            break;
                        case "description" when inVariation:
                            description = System.Text.RegularExpressions.Regex.Replace(reader.ReadInnerXml(), "<[^>]*>", " ").Trim();
                            advanced = true;
                            break;
                        case "xsd" or "linkbase" or "instance" when inVariation && !inResult:
                        {
                            var kind = reader.LocalName;
                            var readMeFirst = string.Equals(reader.GetAttribute("readMeFirst")?.Trim(), "true", StringComparison.Ordinal);
                            var file = reader.ReadElementContentAsString().Trim();
                            advanced = true;
                            inputs.Add(new ConformanceInput(kind, Path.GetFullPath(Path.Combine(folder, file)), readMeFirst));
                            break;
                        }
                        case "result" when inVariation:
                            inResult = !reader.IsEmptyElement;
                            var expected = reader.GetAttribute("expected");
                            if (expected is not null)
                            {
                                expectedValid = string.Equals(expected.Trim(), "valid", StringComparison.Ordinal);
                            }
                            if (inResult && expected is not null)
                            {
                                // XBRL 2.1 style: <result expected="valid">expected-output.xml</result>.
                                var text = System.Text.RegularExpressions.Regex.Replace(reader.ReadInnerXml(), "<[^>]*>", " ").Trim();
                                advanced = true;
                                inResult = false;
                                if (text.Length > 0)
                                {
                                    outputs.Add(text);
                                }
                            }
                            break;
                        case "error" when inResult:
                            errors.Add(reader.ReadElementContentAsString().Trim());
                            advanced = true;
                            break;
                        case "file" or "instance" when inResult:
                            outputs.Add(reader.ReadElementContentAsString().Trim());
                            advanced = true;
                            break;
                    }
                }
                else if (reader.NodeType == XmlNodeType.EndElement)
                {
                    if (reader.LocalName == "result")
                    {
                        inResult = false;
                    }
                    else if (reader.LocalName == "variation" && inVariation)
                    {
                        inVariation = false;
                        into.Add(new ConformanceVariation
                        {
                            Testcase = relative,
                            Id = id!,
                            Name = name ?? "",
                            Description = description ?? "",
                            Inputs = inputs,
                            ExpectedValid = expectedValid ?? errors.Count == 0,
                            ExpectedErrors = errors,
                            ExpectedOutputFiles = outputs,
                        });
                    }
                }
            }
        }
        catch (XmlException e)
        {
            diagnostics.Error("xml:notWellFormed", $"The test case is not well-formed XML: {e.Message}", new SourceLocation(path, e.LineNumber, e.LinePosition));
        }
    }

    /// <summary>
    /// Runs every variation, in parallel on the machine's cores (variations share nothing but the catalog and the
    /// compiled schema sets, both safe to read concurrently); the results are in the order of <paramref name="variations"/>.
    /// </summary>
    /// <remarks>
    /// One plain thread per core takes the next variation until none is left: no thread-pool workers spinning between
    /// work items, which on a machine shared with other work cost a sixth more CPU than running on one core.
    /// </remarks>
    public static IReadOnlyList<ConformanceResult> RunAll(IReadOnlyList<ConformanceVariation> variations, ConformanceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(variations);
        options ??= new ConformanceOptions();
        var results = new ConformanceResult[variations.Count];
        var next = -1;
        Exception? failure = null;
        void Work()
        {
            try
            {
                for (var i = Interlocked.Increment(ref next); i < variations.Count && Volatile.Read(ref failure) is null; i = Interlocked.Increment(ref next))
                {
                    results[i] = Run(variations[i], options);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Interlocked.CompareExchange(ref failure, e, null);
            }
        }
        var helpers = Enumerable.Range(0, Math.Max(0, Math.Min(Environment.ProcessorCount, variations.Count) - 1)).Select(_ => new Thread(Work) { IsBackground = true }).ToList();
        helpers.ForEach(t => t.Start());
        Work();
        helpers.ForEach(t => t.Join());
        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        }
        return results;
    }

    /// <summary>Runs one variation: loads its DTS from the entry points and compares the verdict.</summary>
    public static ConformanceResult Run(ConformanceVariation variation, ConformanceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(variation);
        options ??= new ConformanceOptions();
        if (options.NotRunReason(variation) is { } notRun)
        {
            return new ConformanceResult(variation, "", ConformanceStatus.Owed, notRun, []);
        }
        IReadOnlyList<Diagnostic> diagnostics;
        var instanceEntry = variation.EntryPoints.FirstOrDefault(e => string.Equals(e.Kind, "instance", StringComparison.Ordinal));
        if (instanceEntry is not null)
        {
            diagnostics = XbrlInstance.Load(instanceEntry.Path, new XbrlLoadOptions { Catalog = options.Catalog }).Diagnostics;
        }
        else
        {
            diagnostics = Dts.Load(variation.EntryPoints.Select(e => e.Path), new XbrlLoadOptions { Catalog = options.Catalog }).Diagnostics;
        }
        var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Code).Distinct(StringComparer.Ordinal).ToList();
        var actual = errors.Count == 0 ? "valid" : "invalid " + string.Join(' ', errors);
        bool pass;
        if (variation.ExpectedValid)
        {
            pass = errors.Count == 0;
        }
        else if (variation.ExpectedErrors.Count > 0)
        {
            pass = variation.ExpectedErrors.Any(e => errors.Contains(e, StringComparer.Ordinal));
        }
        else
        {
            pass = errors.Count > 0;
        }
        if (!pass && options.OwedReason(variation) is { } reason)
        {
            // A later capability owes this verdict: the variation is run (and counts if it passes), but its failure is not.
            return new ConformanceResult(variation, actual, ConformanceStatus.Owed, reason, diagnostics);
        }
        return new ConformanceResult(variation, actual, pass ? ConformanceStatus.Pass : ConformanceStatus.Fail, null, diagnostics);
    }
}
