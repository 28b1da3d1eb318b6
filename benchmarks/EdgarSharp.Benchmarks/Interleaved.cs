using System.Diagnostics;
using System.Globalization;
using System.Xml;
using EdgarSharp.Edgar;
using EdgarSharp.Xbrl;

namespace EdgarSharp.Benchmarks;

/// <summary>
/// A run for a machine too busy for BenchmarkDotNet's means: each operation once per round, in turn, so that every
/// operation meets the same load, with the minimum, 10th percentile, median and mean of each and their ratios to the
/// baseline of the same rounds. <c>--interleaved dts PATH [SECONDS]</c> (a folder or file),
/// <c>--interleaved instance FOLDER [SECONDS]</c> (a filing folder: its instance against its DTS loaded once) or
/// <c>--interleaved submissions corpus|form4|8-K|feed [SECONDS]</c>.
/// </summary>
internal static class Interleaved
{
    public static void Run(string[] args)
    {
        var seconds = args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 15;
        var ops = args[0] switch
        {
            "dts" => DtsOperations(args[1]),
            "instance" => InstanceOperations(args[1]),
            "folder" => FolderOperations(args[1]),
            "submissions" => SubmissionOperations(args[1]),
            _ => throw new ArgumentException("--interleaved dts PATH [SECONDS] | --interleaved instance FOLDER [SECONDS] | --interleaved folder FOLDER [SECONDS] | --interleaved submissions corpus|form4|8-K|feed [SECONDS]"),
        };
        var times = ops.Select(_ => new List<double>()).ToArray();
        var clock = Stopwatch.StartNew();
        for (var round = 0; clock.Elapsed.TotalSeconds < seconds || round < 30; round++)
        {
            for (var i = 0; i < ops.Length; i++)
            {
                var start = Stopwatch.GetTimestamp();
                ops[i].Run();
                if (round >= 10)
                {
                    // The first rounds warm the JIT.
                    times[i].Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
                }
            }
        }
        foreach (var t in times)
        {
            t.Sort();
        }
        double Min(int i) => times[i][0];
        double P10(int i) => times[i][times[i].Count / 10];
        double Median(int i) => times[i][times[i].Count / 2];
        // The mean carries the collections each operation's garbage causes, as BenchmarkDotNet's does.
        double Mean(int i) => times[i].Average();
        Console.WriteLine($"{times[0].Count} rounds");
        for (var i = 0; i < ops.Length; i++)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{ops[i].Name,-52} min {Min(i),10:F1} us  p10 {P10(i),10:F1} us  median {Median(i),10:F1} us  mean {Mean(i),10:F1} us  ratio: min {Min(i) / Min(0):F2}  p10 {P10(i) / P10(0):F2}  median {Median(i) / Median(0):F2}  mean {Mean(i) / Mean(0):F2}"));
        }
    }

    private static (string Name, Func<long> Run)[] DtsOperations(string path)
    {
        var files = Directory.Exists(path)
            ? Directory.GetFiles(path).Where(f => f.EndsWith(".xml", StringComparison.Ordinal) || f.EndsWith(".xsd", StringComparison.Ordinal)).ToArray()
            : [path];
        return
        [
            ("bare XmlReader pass", () => Baselines.BareXmlPass(files)),
            ("bare Utf8XmlReader pass (SafeXml.Create over bytes)", () => Baselines.BareUtf8XmlPass(files)),
            ("Dts.Load", () => Dts.Load(path).Relationships.Count),
            ("Dts.Load through System.Xml's reader", () => WithoutFastReader(() => Dts.Load(path).Relationships.Count)),
            ("Dts.Load without checks", () => Dts.Load(path, new XbrlLoadOptions { Validate = false }).Relationships.Count),
            ("Dts.Load + DimensionalModel.Build", () => DimensionalModel.Build(Dts.Load(path)).RelationshipSets.Count),
            ("Dts.Load without checks + DimensionalModel.Build", () => DimensionalModel.Build(Dts.Load(path, new XbrlLoadOptions { Validate = false })).RelationshipSets.Count),
        ];
    }

    /// <summary>A filing folder loaded whole (its DTS, then its instance), beside bare passes over the same files.</summary>
    private static (string Name, Func<long> Run)[] FolderOperations(string folder)
    {
        var files = Directory.GetFiles(folder).Where(f => f.EndsWith(".xml", StringComparison.Ordinal) || f.EndsWith(".xsd", StringComparison.Ordinal)).ToArray();
        var readOnly = new XbrlLoadOptions { Validate = false };
        return
        [
            ("bare XmlReader pass, whole folder", () => Baselines.BareXmlPass(files)),
            ("bare Utf8XmlReader pass (SafeXml.Create over bytes)", () => Baselines.BareUtf8XmlPass(files)),
            ("XbrlInstance.Load (folder, Validate = false)", () => XbrlInstance.Load(folder, readOnly).Facts.Count),
            ("XbrlInstance.Load (folder, every check)", () => XbrlInstance.Load(folder).Facts.Count),
        ];
    }

    private static (string Name, Func<long> Run)[] InstanceOperations(string folder)
    {
        var instance = XbrlInstance.FindInstance(folder) ?? throw new ArgumentException($"The folder '{folder}' holds no XBRL instance.");
        var dts = Dts.Load(folder);
        var readOnly = new XbrlLoadOptions { Validate = false };
        return
        [
            ("bare XmlReader pass, instance only", () => Baselines.BareXmlPass([instance])),
            ("bare Utf8XmlReader pass (SafeXml.Create over bytes)", () => Baselines.BareUtf8XmlPass([instance])),
            ("instance read (DTS loaded, Validate = false)", () => XbrlInstance.Load(dts, instance, readOnly).Facts.Count),
            ("instance read and validated (DTS loaded)", () => XbrlInstance.Load(dts, instance).Facts.Count),
        ];
    }

    private static long WithoutFastReader(Func<long> run)
    {
        EdgarSharp.Internal.SafeXml.UseFastReader = false;
        try
        {
            return run();
        }
        finally
        {
            EdgarSharp.Internal.SafeXml.UseFastReader = true;
        }
    }

    private static (string Name, Func<long> Run)[] SubmissionOperations(string input)
    {
        var corpus = Paths.Corpus;
        string[] paths = input switch
        {
            "form4" => [Path.Combine(corpus, "submissions", "edgar-app", "0000921895-25-001190.txt")],
            "8-K" => [Path.Combine(corpus, "submissions", "edgartools", "sgml", "0001213900-25-032135.txt")],
            "feed" => [Path.Combine(corpus, "submissions", "edgartools", "sgml", "0001193125-10-145855.nc")],
            _ => Directory.GetFiles(Path.Combine(corpus, "submissions"), "*.txt", SearchOption.AllDirectories)
                .Concat(Directory.GetFiles(Path.Combine(corpus, "submissions"), "*.nc", SearchOption.AllDirectories))
                .Concat(Directory.GetFiles(Path.Combine(corpus, "correspondence", "edgartools"), "*.txt"))
                .Order(StringComparer.Ordinal).ToArray(),
        };
        var files = paths.Select(File.ReadAllBytes).ToArray();
        return
        [
            ("raw read: split lines (LF, CRLF, CR)", () => Baselines.SplitLines(files)),
            ("raw read: split lines in place (no copy)", () => Baselines.SplitLinesInPlace(files)),
            ("SubmissionReader.Read(bytes), bodies sliced", () =>
            {
                long documents = 0;
                foreach (var bytes in files)
                {
                    documents += SubmissionReader.Read(bytes, "bench").Documents.Count;
                }
                return documents;
            }),
            ("SubmissionReader.Read(stream), bodies copied", () =>
            {
                long documents = 0;
                foreach (var bytes in files)
                {
                    using var stream = new MemoryStream(bytes, writable: false);
                    documents += SubmissionReader.Read(stream, "bench").Documents.Count;
                }
                return documents;
            }),
            ("SubmissionStreamReader, no content kept", () =>
            {
                long length = 0;
                var options = new SubmissionReadOptions { KeepContent = false };
                foreach (var bytes in files)
                {
                    using var stream = new MemoryStream(bytes, writable: false);
                    using var reader = SubmissionStreamReader.Open(stream, "bench", options);
                    foreach (var d in reader.ReadDocuments())
                    {
                        length += d.EncodedLength;
                    }
                }
                return length;
            }),
        ];
    }
}
