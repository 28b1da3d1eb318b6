using System.Globalization;
using BenchmarkDotNet.Running;
using EdgarSharp.Benchmarks;

if (args is ["synthesize-form4", var folder, var count])
{
    // Inputs for the ingest memory measurements (benchmarks/README.md): renumbered corpus Form 4 submissions.
    SyntheticFilings.WriteForm4(folder, int.Parse(count, CultureInfo.InvariantCulture));
    return;
}
if (args is ["--inline-dump", var dumpFolder])
{
    InlineHarness.Dump(dumpFolder);
    return;
}
if (args.Length > 0 && args[0] == "--inline-cpu")
{
    InlineHarness.Cpu(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 6);
    return;
}
if (args.Length > 1 && args[0] == "--interleaved")
{
    Interleaved.Run(args[1..]);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
