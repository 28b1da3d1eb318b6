using BenchmarkDotNet.Running;

if (args.Length > 1 && args[0] == "--interleaved")
{
    EdgarSharp.Benchmarks.Interleaved.Run(args[1..]);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
