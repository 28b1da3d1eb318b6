using System.IO.Compression;
using System.Text;

namespace EdgarSharp.Tests.Xbrl.Catalog;

/// <summary>A scratch folder for one test, deleted on dispose, with helpers that write files and zips into it.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "edgarsharp-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string relative, string content)
    {
        var full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        System.IO.File.WriteAllText(full, content, Encoding.UTF8);
        return full;
    }

    /// <summary>Writes a zip whose entries are given as name and text, in order.</summary>
    public string Zip(string name, params (string Entry, string Content)[] entries)
    {
        var full = System.IO.Path.Combine(Path, name);
        using var zip = ZipFile.Open(full, ZipArchiveMode.Create);
        foreach (var (entry, content) in entries)
        {
            var e = zip.CreateEntry(entry, CompressionLevel.Fastest);
            using var s = e.Open();
            var bytes = Encoding.UTF8.GetBytes(content);
            s.Write(bytes);
        }
        return full;
    }

    /// <summary>Adds an entry of <paramref name="length"/> zero bytes to an existing zip (a zip bomb in miniature).</summary>
    public static void AddZeros(string zipPath, string entry, int length)
    {
        using var zip = ZipFile.Open(zipPath, ZipArchiveMode.Update);
        var e = zip.CreateEntry(entry, CompressionLevel.SmallestSize);
        using var s = e.Open();
        var block = new byte[64 * 1024];
        for (var written = 0; written < length; written += block.Length)
        {
            s.Write(block, 0, Math.Min(block.Length, length - written));
        }
    }

    /// <summary>
    /// Rewrites the uncompressed size that a zip's local header and central directory declare for one entry,
    /// leaving the data alone: the entry then holds more bytes than it claims.
    /// </summary>
    public static void ForgeDeclaredSize(string zipPath, string entry, uint declared)
    {
        var bytes = System.IO.File.ReadAllBytes(zipPath);
        var name = Encoding.UTF8.GetBytes(entry);
        var patched = 0;
        for (var i = 0; i + 46 < bytes.Length; i++)
        {
            var sig = BitConverter.ToUInt32(bytes, i);
            if (sig == 0x04034b50 && Matches(bytes, i + 30, BitConverter.ToUInt16(bytes, i + 26), name))
            {
                BitConverter.GetBytes(declared).CopyTo(bytes, i + 22);
                patched++;
            }
            else if (sig == 0x02014b50 && Matches(bytes, i + 46, BitConverter.ToUInt16(bytes, i + 28), name))
            {
                BitConverter.GetBytes(declared).CopyTo(bytes, i + 24);
                patched++;
            }
        }
        Assert.Equal(2, patched);
        System.IO.File.WriteAllBytes(zipPath, bytes);
    }

    private static bool Matches(byte[] bytes, int at, int length, byte[] name) =>
        length == name.Length && at + length <= bytes.Length && bytes.AsSpan(at, length).SequenceEqual(name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on Windows; the temp folder is cleaned by the OS eventually.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
