using EdgarSharp.Tests.Support;

namespace EdgarSharp.Tests.Edgar;

/// <summary>Paths to the project's own EDGAR fixtures (Fixtures/Edgar) and the shared corpus.</summary>
internal static class EdgarFixtures
{
    public static string Path(string name) => Corpus.Fixture(System.IO.Path.Combine("Edgar", name));

    public static byte[] Bytes(string name) => File.ReadAllBytes(Path(name));

    /// <summary>Runs <paramref name="action"/> under <paramref name="culture"/>, restoring the current cultures after.</summary>
    public static void WithCulture(string culture, Action action)
    {
        var saved = (System.Globalization.CultureInfo.CurrentCulture, System.Globalization.CultureInfo.CurrentUICulture);
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo(culture);
            System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo(culture);
            action();
        }
        finally
        {
            (System.Globalization.CultureInfo.CurrentCulture, System.Globalization.CultureInfo.CurrentUICulture) = saved;
        }
    }

    /// <summary>A fresh empty folder under the temp directory, deleted on dispose.</summary>
    public sealed class TempDir : IDisposable
    {
        public TempDir()
        {
            Root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "edgarsharp-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Root);
        }

        public string Root { get; }

        public void Dispose()
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
