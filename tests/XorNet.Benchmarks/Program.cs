using BenchmarkDotNet.Running;

namespace XorNet.Benchmarks;

/// <summary>Runs the benchmarks: <c>dotnet run -c Release --project tests/XorNet.Benchmarks -- --filter '*'</c>.</summary>
internal static class Program
{
    private static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
