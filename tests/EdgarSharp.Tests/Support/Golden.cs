using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace EdgarSharp.Tests.Support;

/// <summary>
/// Golden files: the canonical output of a real document, checked in as <c>Golden/NAME.verified.json</c> in this
/// test project's source folder. A mismatch fails with a line diff (DiffPlex); with the environment variable
/// <c>EDGARSHARP_UPDATE_GOLDEN=1</c> the file is rewritten instead and the test passes. Line endings are compared
/// as <c>\n</c>.
/// </summary>
public static class Golden
{
    /// <summary>The environment variable that rewrites golden files instead of comparing them.</summary>
    public const string UpdateVariable = "EDGARSHARP_UPDATE_GOLDEN";

    private const int MaxDiffLines = 60;

    /// <summary>True when the run rewrites golden files.</summary>
    public static bool Updating => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    /// <summary>The source path of the golden file <paramref name="name"/> (<c>Golden/NAME.verified.json</c>).</summary>
    public static string PathOf(string name) => Corpus.TestSource(Path.Combine("Golden", name + ".verified.json"));

    /// <summary>Fails the test unless <paramref name="actual"/> equals the golden file <paramref name="name"/>; rewrites it when updating.</summary>
    public static void Verify(string name, string actual)
    {
        var failure = Compare(PathOf(name), actual, Updating);
        if (failure is not null)
        {
            Assert.Fail(failure);
        }
    }

    /// <summary>
    /// Compares <paramref name="actual"/> with the file at <paramref name="path"/>: null when they are equal (or the
    /// file was rewritten because <paramref name="update"/> is set), else a message with the differing lines.
    /// </summary>
    public static string? Compare(string path, string actual, bool update)
    {
        actual = Normalize(actual);
        if (update)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            return null;
        }
        if (!File.Exists(path))
        {
            return $"The golden file {path} does not exist. Run the tests with {UpdateVariable}=1 to write it, check that its content is right, and commit it.";
        }
        var expected = Normalize(File.ReadAllText(path));
        if (string.Equals(expected, actual, StringComparison.Ordinal))
        {
            return null;
        }
        return $"The output differs from the golden file {path} (- golden, + actual). If the change is intended, run the tests with {UpdateVariable}=1 and commit the file.\n{Diff(expected, actual)}";
    }

    /// <summary>The changed lines with their line numbers in the golden file, at most <see cref="MaxDiffLines"/> of them.</summary>
    internal static string Diff(string expected, string actual)
    {
        var model = InlineDiffBuilder.Diff(expected, actual, ignoreWhiteSpace: false);
        var sb = new StringBuilder();
        var shown = 0;
        var changed = 0;
        var goldenLine = 0;
        foreach (var line in model.Lines)
        {
            if (line.Type != ChangeType.Inserted)
            {
                goldenLine++;
            }
            if (line.Type is ChangeType.Unchanged or ChangeType.Imaginary)
            {
                continue;
            }
            changed++;
            if (shown < MaxDiffLines)
            {
                sb.Append(line.Type == ChangeType.Inserted ? "+ " : "- ")
                  .Append(goldenLine.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(6)).Append(": ")
                  .Append(line.Text).Append('\n');
                shown++;
            }
        }
        if (changed > shown)
        {
            sb.Append("... and ").Append(changed - shown).Append(" more changed lines.\n");
        }
        return sb.ToString();
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);
}
