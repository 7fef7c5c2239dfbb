using BenchmarkDotNet.Running;

namespace Aro.Benchmarks;

/// <summary>Entry point: pick benchmarks with BenchmarkDotNet's switches, e.g. <c>--filter '*Image*' --job short</c>.</summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
