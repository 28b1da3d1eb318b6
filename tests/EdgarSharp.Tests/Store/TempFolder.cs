namespace EdgarSharp.Tests.Store;

/// <summary>A temporary folder for a store and its inputs, deleted afterwards.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "edgar-store-" + Guid.NewGuid().ToString("N"));

    public string Db => System.IO.Path.Combine(Path, "edgar.db");

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // best effort
        }
    }
}
