using BenchmarkDotNet.Attributes;

namespace XorNet.Benchmarks;

/// <summary>Loading the 65536-row table of the large-data target from a CSV file on disk.</summary>
[MemoryDiagnoser]
public class CsvBenchmarks
{
    private string _path = "";

    [GlobalSetup]
    public void Setup()
    {
        _path = Path.Combine(Path.GetTempPath(), $"xornet-bench-{Environment.ProcessId}.csv");
        File.WriteAllText(_path, BenchmarkData.Csv(65536));
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_path);

    [Benchmark]
    public int Load65536Rows() => CsvDataset.Load(_path).Rows;
}
