namespace EdgarSharp.Conformance.Tests;

/// <summary>Where the conformance suites are (<c>../shared/corpus</c> beside the clone), or null when absent.</summary>
internal static class SuitePaths
{
    public static string? Corpus { get; } = Find();

    public static string Xbrl21Index => Path.Combine(Corpus!, "xbrl-conformance", "XBRL-CONF-2014-12-10", "xbrl.xml");

    public static string XdtIndex => Path.Combine(Corpus!, "xdt-conformance", "xdt-conf-cr4-2009-10-06", "xdt.xml");

    public static string CoreSchemasCache => Path.Combine(Corpus!, "xbrl-conformance", "core-schemas-cache");

    private static string? Find()
    {
        var env = Environment.GetEnvironmentVariable("EDGARSHARP_SHARED");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(Path.Combine(env, "corpus")))
        {
            return Path.Combine(env, "corpus");
        }
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "EdgarSharp.slnx")))
        {
            dir = dir.Parent;
        }
        if (dir is null)
        {
            return null;
        }
        var corpus = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "corpus"));
        return Directory.Exists(corpus) ? corpus : null;
    }
}
