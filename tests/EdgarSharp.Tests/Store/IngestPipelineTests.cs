using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using EdgarSharp.Cli;
using EdgarSharp.Storage;
using EdgarSharp.Tests.Support;

namespace EdgarSharp.Tests.Store;

public class IngestPipelineTests
{
    private static void WriteTarGz(string path, IEnumerable<(string Name, byte[]? Bytes)> entries)
    {
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.SmallestSize);
        using var tar = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: true);
        foreach (var (name, bytes) in entries)
        {
            tar.WriteEntry(bytes is null
                ? new PaxTarEntry(TarEntryType.Directory, name)
                : new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(bytes) });
        }
    }

    private static void WriteZip(string path, IEnumerable<(string Name, byte[] Bytes)> entries)
    {
        using var file = File.Create(path);
        using var zip = new ZipArchive(file, ZipArchiveMode.Create);
        foreach (var (name, bytes) in entries)
        {
            using var stream = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
            stream.Write(bytes);
        }
    }

    private static List<string> FilingIds(SqliteEdgarStore store) =>
        store.Dump().Split('\n').Where(l => l.StartsWith("filings\t", StringComparison.Ordinal)).Select(l => l.Split('\t')[1]).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public void A_feed_archive_tar_gz_of_submissions_is_read_as_a_stream_with_an_escaping_entry_rejected()
    {
        using var folder = new TempFolder();
        var archive = Path.Combine(folder.Path, "20240315.nc.tar.gz");
        WriteTarGz(archive,
        [
            ("20240315", null),
            .. Enumerable.Range(1, 5).Select(i => ($"20240315/{SyntheticForm4.AccessionOf(i)}.nc", (byte[]?)SyntheticForm4.Bytes(i))),
            ("../../escape.nc", SyntheticForm4.Bytes(6)),
        ]);
        using var store = SqliteEdgarStore.Open(folder.Db);

        var report = IngestPipeline.Run(store, [archive]);

        Assert.Equal(5, report.Stored);
        var rejected = Assert.Single(report.Rejected);
        Assert.Equal("archive-entry", rejected.Kind);
        Assert.Equal(archive + "!../../escape.nc", rejected.File);
        Assert.Contains("points outside the archive's folder", rejected.Reason, StringComparison.Ordinal);
        Assert.Equal(Enumerable.Range(1, 5).Select(SyntheticForm4.AccessionOf), FilingIds(store));
        Assert.Equal(["20240315.nc.tar.gz", "edgar.db", "edgar.db-shm", "edgar.db-wal"],
            Directory.GetFileSystemEntries(folder.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var before = store.Dump("ingest_runs");

        var again = IngestPipeline.Run(store, [archive]);

        Assert.Equal((0, 5, 1), (again.Stored, again.Unchanged, again.RejectedCount));
        Assert.Equal(before, store.Dump("ingest_runs"));
    }

    [Fact]
    public void A_zip_is_read_entry_by_entry_with_unsafe_names_nested_archives_and_XBRL_rejected_with_their_reasons()
    {
        using var folder = new TempFolder();
        var archive = Path.Combine(folder.Path, "filings.zip");
        WriteZip(archive,
        [
            ("form4/" + SyntheticForm4.AccessionOf(1) + ".txt", SyntheticForm4.Bytes(1)),
            ("sub/../../evil.txt", SyntheticForm4.Bytes(2)),
            ("/etc/rooted.txt", SyntheticForm4.Bytes(3)),
            ("inner.zip", [0x50, 0x4B, 0x05, 0x06, .. new byte[18]]),
            ("manifest.json", "{}"u8.ToArray()),
            ("x.xsd", Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><schema xmlns=\"http://www.w3.org/2001/XMLSchema\" xmlns:xbrli=\"http://www.xbrl.org/2003/instance\" targetNamespace=\"http://example.com/x\"><import namespace=\"http://www.xbrl.org/2003/instance\" schemaLocation=\"http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd\"/></schema>")),
        ]);
        using var store = SqliteEdgarStore.Open(folder.Db);

        var report = IngestPipeline.Run(store, [archive]);

        Assert.Equal(1, report.Stored);
        Assert.Equal([SyntheticForm4.AccessionOf(1)], FilingIds(store));
        var reasons = report.Rejected.ToDictionary(r => r.File[(archive.Length + 1)..], r => r.Reason);
        Assert.Equal(["/etc/rooted.txt", "inner.zip", "sub/../../evil.txt", "x.xsd"], reasons.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("points outside the archive's folder", reasons["sub/../../evil.txt"], StringComparison.Ordinal);
        Assert.Contains("points outside the archive's folder", reasons["/etc/rooted.txt"], StringComparison.Ordinal);
        Assert.Contains("an archive inside an archive is not opened", reasons["inner.zip"], StringComparison.Ordinal);
        Assert.Contains("XBRL inside an archive is not read yet", reasons["x.xsd"], StringComparison.Ordinal);
    }

    [Fact]
    public void A_zip_bomb_stops_at_the_compression_ratio_limit_after_the_entries_before_it_are_stored()
    {
        using var folder = new TempFolder();
        var archive = Path.Combine(folder.Path, "bomb.zip");
        WriteZip(archive,
        [
            (SyntheticForm4.AccessionOf(1) + ".txt", SyntheticForm4.Bytes(1)),
            ("zeros.txt", new byte[20 * 1024 * 1024]),
            (SyntheticForm4.AccessionOf(2) + ".txt", SyntheticForm4.Bytes(2)),
        ]);
        Assert.True(new FileInfo(archive).Length < 200 * 1024, "the fixture compresses well past the 200:1 limit");
        using var store = SqliteEdgarStore.Open(folder.Db);

        var report = IngestPipeline.Run(store, [archive]);

        Assert.Equal([SyntheticForm4.AccessionOf(1)], FilingIds(store));
        var rejected = Assert.Single(report.Rejected);
        Assert.Equal(archive + "!zeros.txt", rejected.File);
        Assert.Contains("zip bomb", rejected.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gzip_bomb_in_a_tar_gz_stops_at_the_compression_ratio_limit()
    {
        using var folder = new TempFolder();
        var archive = Path.Combine(folder.Path, "bomb.tgz");
        WriteTarGz(archive, [(SyntheticForm4.AccessionOf(1) + ".nc", SyntheticForm4.Bytes(1)), ("zeros.nc", new byte[20 * 1024 * 1024]), (SyntheticForm4.AccessionOf(2) + ".nc", SyntheticForm4.Bytes(2))]);
        Assert.True(new FileInfo(archive).Length < 60 * 1024, "the fixture compresses well past the 200:1 limit");
        using var store = SqliteEdgarStore.Open(folder.Db);

        var report = IngestPipeline.Run(store, [archive]);

        Assert.Equal([SyntheticForm4.AccessionOf(1)], FilingIds(store));
        var rejected = Assert.Single(report.Rejected);
        Assert.Equal("archive", rejected.Kind);
        Assert.Contains("gzip bomb", rejected.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Readers_on_several_threads_store_in_source_order_the_same_database_as_one_reader()
    {
        using var folder = new TempFolder();
        var input = Path.Combine(folder.Path, "in");
        SyntheticForm4.WriteFolder(input, 40);
        File.Copy(Corpus.Sample("lpsn-form4-2009-11-19.txt"), Path.Combine(input, "zz-lpsn-form4.txt"));
        using var one = SqliteEdgarStore.Open(Path.Combine(folder.Path, "one.db"));
        using var four = SqliteEdgarStore.Open(Path.Combine(folder.Path, "four.db"));

        var a = IngestPipeline.Run(one, [input], new IngestOptions { Readers = 1 });
        var b = IngestPipeline.Run(four, [input], new IngestOptions { Readers = 4, InFlight = 3 });

        Assert.Equal(41, a.Stored);
        Assert.Equal(41, b.Stored);
        Assert.Equal(one.Dump("ingest_runs"), four.Dump("ingest_runs"));
        Assert.Equal(b.Files.Select(f => f.File).Order(StringComparer.Ordinal), b.Files.Select(f => f.File));
    }

    [Fact]
    public void The_report_keeps_complete_counts_but_lists_only_the_first_files_and_groups_rejections_by_reason()
    {
        using var folder = new TempFolder();
        var input = Path.Combine(folder.Path, "in");
        SyntheticForm4.WriteFolder(input, 30);
        for (var i = 0; i < 12; i++)
        {
            File.WriteAllText(Path.Combine(input, $"note-{i:00}.json"), "{\"a\": 1}");
        }
        using var store = SqliteEdgarStore.Open(folder.Db);
        var ingested = 0;
        var rejected = 0;

        var report = IngestPipeline.Run(store, [input, Path.Combine(folder.Path, "nowhere")],
            new IngestOptions { Listed = 5, Ingested = _ => ingested++, Rejected = _ => rejected++ });

        Assert.Equal((30, 13, 43), (report.Stored, report.RejectedCount, report.Total));
        Assert.Equal((30, 13), (ingested, rejected));
        Assert.Equal(5, report.Files.Count);
        Assert.Equal(5, report.Rejected.Count);
        var kind = Assert.Single(report.ByKind);
        Assert.Equal(("edgar-submission", "4", 30), (kind.Kind, kind.Form, kind.Stored));
        Assert.Equal([12, 1], report.ByReason.Select(g => g.Count));
        Assert.Equal(("missing", "no such file or folder"), (report.ByReason[1].Kind, report.ByReason[1].Reason));
        Assert.EndsWith("note-00.json", report.ByReason[0].Example, StringComparison.Ordinal);
    }

    [Fact]
    public void Progress_accounts_for_every_byte_of_the_sources_archives_included()
    {
        using var folder = new TempFolder();
        var input = Path.Combine(folder.Path, "in");
        SyntheticForm4.WriteFolder(input, 3);
        WriteTarGz(Path.Combine(input, "feed.tar.gz"), Enumerable.Range(10, 4).Select(i => ($"{i}.nc", (byte[]?)SyntheticForm4.Bytes(i))));
        WriteZip(Path.Combine(input, "more.zip"), [("20.txt", SyntheticForm4.Bytes(20))]);
        using var store = SqliteEdgarStore.Open(folder.Db);
        var last = default(IngestProgress);

        var report = IngestPipeline.Run(store, [input], new IngestOptions { Progress = p => last = p });

        Assert.Equal(8, report.Stored);
        Assert.Equal(IngestPipeline.MeasureSources([input]), last.SourceBytes);
        Assert.Equal(8, last.Files);
        Assert.Equal(report.Bytes, last.Bytes);
    }

    [Fact]
    public void Ingest_json_streams_every_file_and_rejection_with_counts_and_groups_that_agree()
    {
        using var folder = new TempFolder();
        var input = Path.Combine(folder.Path, "in");
        SyntheticForm4.WriteFolder(input, 4);
        File.WriteAllText(Path.Combine(input, "a.json"), "{}");
        File.WriteAllText(Path.Combine(input, "b.json"), "{}");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = EdgarApp.Run(["ingest", input, "--db", folder.Db, "--format", "json"], stdout, stderr);

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(stdout.ToString());
        var root = json.RootElement;
        Assert.Equal(4, root.GetProperty("stored").GetInt32());
        Assert.Equal(2, root.GetProperty("rejected").GetInt32());
        Assert.Equal(4, root.GetProperty("files").GetArrayLength());
        Assert.Equal(2, root.GetProperty("rejections").GetArrayLength());
        Assert.All(root.GetProperty("rejections").EnumerateArray(), r => Assert.False(string.IsNullOrEmpty(r.GetProperty("reason").GetString())));
        var group = Assert.Single(root.GetProperty("byReason").EnumerateArray());
        Assert.Equal(2, group.GetProperty("count").GetInt32());
        var kind = Assert.Single(root.GetProperty("byKind").EnumerateArray());
        Assert.Equal("4", kind.GetProperty("form").GetString());
        Assert.Equal(string.Empty, stderr.ToString());
    }

    [Fact]
    public async Task A_failure_in_the_writer_stops_the_readers_and_the_producer_and_is_thrown_not_hung()
    {
        using var folder = new TempFolder();
        var input = Path.Combine(folder.Path, "in");
        SyntheticForm4.WriteFolder(input, 60);
        using var store = SqliteEdgarStore.Open(folder.Db);
        var seen = 0;

        var run = Task.Run(() => IngestPipeline.Run(store, [input], new IngestOptions
        {
            Readers = 2,
            InFlight = 2,
            Ingested = _ =>
            {
                if (++seen == 3)
                {
                    throw new InvalidOperationException("planted");
                }
            },
        }));

        var first = await Task.WhenAny(run, Task.Delay(TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken));
        Assert.Same(run, first);
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => run);
        Assert.Equal("planted", ex.Message);
        Assert.Equal(3L, store.Count("filings"));
    }
}
