using System.Formats.Tar;
using System.IO.Compression;
using EdgarSharp.Edgar;
using EdgarSharp.Tests.Support;

namespace EdgarSharp.Tests.Edgar;

/// <summary>Daily feed archives built here from .nc files, and -xbrl.zip packages: streaming, limits, unsafe names.</summary>
public class ArchiveReaderTests
{
    private static byte[] TarGz(IEnumerable<(string Name, byte[] Bytes)> files)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        using (var tar = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var (name, bytes) in files)
            {
                var entry = new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(bytes) };
                tar.WriteEntry(entry);
            }
        }
        return output.ToArray();
    }

    [Fact]
    public void A_daily_feed_archive_built_from_the_corpus_nc_files_yields_each_submission_in_order()
    {
        var root = Corpus.RequireCorpus("submissions");
        var files = Directory.GetFiles(root, "*.nc", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var archive = TarGz(files.Select(f => (Path.GetFileName(f), File.ReadAllBytes(f))));
        var diagnostics = new DiagnosticBag();

        var items = FeedArchiveReader.Read(new SubmissionReaderTests.ForwardOnlyStream(archive), diagnostics, "20250110.nc.tar.gz").ToList();

        Assert.Empty(diagnostics);
        Assert.Equal(files.Select(Path.GetFileName), items.Select(i => i.Entry.Name));
        for (var i = 0; i < files.Count; i++)
        {
            var direct = SubmissionReader.ReadFile(files[i]);
            Assert.Equal(direct.Header.AccessionNumber, items[i].Submission.Header.AccessionNumber);
            Assert.Equal(direct.Documents.Select(d => d.Size), items[i].Submission.Documents.Select(d => d.Size));
            Assert.Equal(new FileInfo(files[i]).Length, items[i].Entry.Length);
        }
    }

    [Fact]
    public void A_feed_archive_is_read_one_submission_at_a_time()
    {
        // 40 copies of a 3.3 MB submission: 130 MB of tar, read with bounded allocation per item.
        var nc = File.ReadAllBytes(Corpus.RequireCorpus("submissions/edgartools/sgml/0001193125-10-145855.nc"));
        var archive = TarGz(Enumerable.Range(0, 40).Select(i => ($"{i:D4}.nc", nc)));
        var diagnostics = new DiagnosticBag();
        var options = new SubmissionReadOptions { KeepContent = false };
        var before = GC.GetAllocatedBytesForCurrentThread();
        var count = 0;
        foreach (var item in FeedArchiveReader.Read(new MemoryStream(archive), diagnostics, "big.nc.tar.gz", options: options))
        {
            count++;
            Assert.Equal("0001193125-10-145855", item.Submission.Header.AccessionNumber);
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(40, count);
        // Nothing is buffered per entry: far less is allocated than the 130 MB the archive inflates to.
        Assert.True(allocated < 40L * nc.Length / 4, $"Allocated {allocated} bytes for {40L * nc.Length} bytes of submissions.");
    }

    [Fact]
    public void An_archive_entry_whose_name_escapes_its_folder_is_reported_and_given_a_safe_name()
    {
        var archive = TarGz([("../../outside.nc", EdgarFixtures.Bytes("feed-bare-cr.nc"))]);
        var diagnostics = new DiagnosticBag();

        var item = Assert.Single(FeedArchiveReader.Read(new MemoryStream(archive), diagnostics));

        Assert.Equal("outside.nc", item.Entry.SafeName);
        Assert.Equal(EdgarCodes.UnsafeFileName, Assert.Single(diagnostics).Code);
        Assert.Equal("0000000003-25-000001", item.Submission.Header.AccessionNumber);
    }

    [Fact]
    public void A_damaged_archive_ends_with_an_error_not_an_exception()
    {
        var archive = TarGz([("a.nc", EdgarFixtures.Bytes("feed-bare-cr.nc")), ("b.nc", EdgarFixtures.Bytes("sec-document.txt"))]);
        var damaged = archive[..(archive.Length / 2)];
        var diagnostics = new DiagnosticBag();

        var items = FeedArchiveReader.Read(new MemoryStream(damaged), diagnostics).ToList();

        Assert.True(items.Count <= 2);
        Assert.Contains(diagnostics, d => d.Code == EdgarCodes.BadArchive || items.Any(i => i.Submission.HasErrors));
    }

    private static byte[] Zip(IEnumerable<(string Name, byte[] Bytes)> files, CompressionLevel level = CompressionLevel.Optimal)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in files)
            {
                using var entry = zip.CreateEntry(name, level).Open();
                entry.Write(bytes);
            }
        }
        return output.ToArray();
    }

    [Fact]
    public void The_xbrl_zip_of_a_corpus_submission_reads_entry_by_entry()
    {
        var submission = SubmissionReader.ReadFile(Corpus.RequireCorpus("submissions/edgartools-cassettes/0001193125-23-048785.txt"));
        var zip = submission.Documents.Single(d => d.FileName!.EndsWith("-xbrl.zip", StringComparison.Ordinal));
        var names = new List<string>();
        byte[]? schemaBytes = null;

        var package = XbrlZipReader.Read(new SubmissionReaderTests.ForwardOnlyStream(zip.Content.ToArray()), (entry, data) =>
        {
            names.Add(entry.Name);
            if (entry.Name.EndsWith(".xsd", StringComparison.Ordinal))
            {
                using var copy = new MemoryStream();
                data.CopyTo(copy);
                schemaBytes = copy.ToArray();
            }
        });

        Assert.Empty(package.Diagnostics);
        Assert.Equal(names, package.Entries.Select(e => e.Name));
        Assert.Contains("blk25-20230224.xsd", names);
        var schema = submission.FindByType("EX-101.SCH")!;
        // The package holds the schema the submission carries as a document (the zip's copy with CRLF line ends).
        Assert.Equal(Lf(schema.Content.ToArray()), Lf(schemaBytes!));
        Assert.Equal(schemaBytes!.Length, package.Entries.Single(e => e.Name == "blk25-20230224.xsd").Length);
    }

    private static string Lf(byte[] bytes) => System.Text.Encoding.Latin1.GetString(bytes).Replace("\r\n", "\n", StringComparison.Ordinal);

    [Fact]
    public void A_zip_bomb_stops_at_the_ratio_limit_in_bounded_memory_and_writes_nothing_past_it()
    {
        var bomb = Zip([("bomb.xml", new byte[200 * 1024 * 1024]), ("after.xml", "<x/>"u8.ToArray())], CompressionLevel.SmallestSize);
        Assert.True(bomb.Length < 1024 * 1024);
        using var temp = new EdgarFixtures.TempDir();
        var before = GC.GetAllocatedBytesForCurrentThread();

        var package = XbrlZipReader.ExtractTo(new MemoryStream(bomb), temp.Root);

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 32L * 1024 * 1024, $"Allocated {allocated} bytes.");
        var error = Assert.Single(package.Diagnostics);
        Assert.Equal(EdgarCodes.ArchiveLimit, error.Code);
        Assert.Contains("zip bomb", error.Message, StringComparison.Ordinal);
        Assert.True(package.Entries[0].Length < 2L * 1024 * 1024 * 1024);
        Assert.Empty(Directory.GetFiles(temp.Root));
    }

    [Fact]
    public void An_entry_larger_than_the_entry_limit_stops_even_when_it_compresses_poorly()
    {
        var random = new byte[3 * 1024 * 1024];
        new Random(1).NextBytes(random);
        var zip = Zip([("big.bin", random)]);

        var package = XbrlZipReader.Read(new MemoryStream(zip), limits: new ArchiveLimits { MaxEntryBytes = 1024 * 1024 });

        Assert.Equal(EdgarCodes.ArchiveLimit, Assert.Single(package.Diagnostics).Code);
        Assert.InRange(package.Entries[0].Length, 1024 * 1024, 1024 * 1024 + 64 * 1024);
    }

    [Fact]
    public void Zip_entries_whose_names_escape_are_written_inside_the_folder()
    {
        var zip = Zip([("../../evil.xml", "<a/>"u8.ToArray()), ("/etc/cron.d/job", "x"u8.ToArray()), ("ok.xsd", "<s/>"u8.ToArray())]);
        using var temp = new EdgarFixtures.TempDir();
        var target = Path.Combine(temp.Root, "package");

        var package = XbrlZipReader.ExtractTo(new MemoryStream(zip), target);

        Assert.Equal(2, package.Diagnostics.Count(d => d.Code == EdgarCodes.UnsafeFileName));
        var written = Directory.GetFiles(temp.Root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(temp.Root, f)).Order(StringComparer.Ordinal);
        Assert.Equal([Path.Combine("package", "etc_cron.d_job"), Path.Combine("package", "evil.xml"), Path.Combine("package", "ok.xsd")], written);
    }

    [Fact]
    public void Bytes_that_are_not_a_zip_are_one_error()
    {
        var package = XbrlZipReader.Read(new MemoryStream("not a zip at all"u8.ToArray()));

        Assert.Equal(EdgarCodes.BadArchive, Assert.Single(package.Diagnostics).Code);
    }
}
