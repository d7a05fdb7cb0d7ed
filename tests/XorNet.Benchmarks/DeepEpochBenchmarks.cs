using BenchmarkDotNet.Attributes;

namespace XorNet.Benchmarks;

/// <summary>
/// One epoch of deeper networks in steady state: two hidden layers of 16 on XOR, and of 64 on 65536 rows (about
/// 1.6 GFLOP of products an epoch). MemoryDiagnoser shows the bytes an epoch allocates.
/// </summary>
[MemoryDiagnoser]
public class DeepEpochBenchmarks
{
    private DeepNetwork _network = null!;
    private Dataset _data = null!;

    [Params("xor-16,16", "rows65536-64,64")]
    public string Case { get; set; } = "xor-16,16";

    [GlobalSetup]
    public void Setup()
    {
        (_data, int width) = Case == "xor-16,16" ? (Dataset.Xor, 16) : (BenchmarkData.UnitSquare(65536), 64);
        _network = DeepNetwork.Initialize(new Architecture([_data.Inputs, width, width, 1]), new NumPyRandom(42));
        _network.TrainEpoch(_data.X, _data.Y, LearningRate);
    }

    private double LearningRate => _data.Rows == 4 ? 0.1 : 0.4 / _data.Rows;

    [Benchmark]
    public double Epoch() => _network.TrainEpoch(_data.X, _data.Y, LearningRate);
}
