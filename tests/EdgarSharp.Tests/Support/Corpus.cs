namespace EdgarSharp.Tests.Support;

/// <summary>
/// Paths to the shared corpus and seeds (<c>../shared</c> beside the clone). Tests that need them call
/// <see cref="RequireCorpus"/> or <see cref="RequireSeeds"/>, which report the test skipped, with the reason,
/// when the folder is absent.
/// </summary>
public static class Corpus
{
    private static readonly Lazy<string?> SharedRoot = new(FindShared);

    /// <summary>The repository root (the folder holding EdgarSharp.slnx).</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>The <c>shared</c> folder, or null when absent.</summary>
    public static string? Shared => SharedRoot.Value;

    /// <summary>A path under <c>shared/corpus</c>; skips the test when the corpus is absent.</summary>
    public static string RequireCorpus(string relative = "")
    {
        var root = Shared is null ? null : Path.Combine(Shared, "corpus");
        Assert.SkipWhen(root is null || !Directory.Exists(root), "The shared corpus (../shared/corpus) is absent on this machine.");
        return Path.GetFullPath(Path.Combine(root!, relative));
    }

    /// <summary>A path under <c>shared/refs</c>; skips the test when absent.</summary>
    public static string RequireRefs(string relative = "")
    {
        var root = Shared is null ? null : Path.Combine(Shared, "refs");
        Assert.SkipWhen(root is null || !Directory.Exists(root), "The shared reference outputs (../shared/refs) are absent on this machine.");
        return Path.GetFullPath(Path.Combine(root!, relative));
    }

    /// <summary>A path under the project's <c>samples</c> folder (the three seeds the project ships).</summary>
    public static string Sample(string name) => Path.Combine(RepoRoot, "samples", name);

    /// <summary>A path under this test project's own fixtures folder (copied to the output).</summary>
    public static string Fixture(string relative) => Path.Combine(AppContext.BaseDirectory, "Fixtures", relative);

    /// <summary>A path under this test project's source folder (for golden files that a test may rewrite).</summary>
    public static string TestSource(string relative) => Path.Combine(RepoRoot, "tests", "EdgarSharp.Tests", relative);

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "EdgarSharp.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("The repository root (EdgarSharp.slnx) was not found above the test binaries.");
    }

    private static string? FindShared()
    {
        var env = Environment.GetEnvironmentVariable("EDGARSHARP_SHARED");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env))
        {
            return Path.GetFullPath(env);
        }
        var candidate = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));
        return Directory.Exists(candidate) ? candidate : null;
    }
}
