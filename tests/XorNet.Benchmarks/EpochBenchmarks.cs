using BenchmarkDotNet.Attributes;

namespace XorNet.Benchmarks;

/// <summary>
/// One training epoch in steady state, for the performance targets: the notebook's network (hidden 4), a wide one
/// (hidden 1024) and a large table (65536 rows × hidden 64). MemoryDiagnoser shows the bytes an epoch allocates.
/// </summary>
[MemoryDiagnoser]
public class EpochBenchmarks
{
    private TwoLayerNetwork _network = null!;
    private Dataset _data = null!;

    [Params("xor-4", "xor-1024", "rows65536-64")]
    public string Case { get; set; } = "xor-4";

    [GlobalSetup]
    public void Setup()
    {
        (_data, int hidden) = Case switch
        {
            "xor-4" => (Dataset.Xor, 4),
            "xor-1024" => (Dataset.Xor, 1024),
            _ => (BenchmarkData.UnitSquare(65536), 64),
        };
        _network = TwoLayerNetwork.Initialize(_data.Inputs, hidden, new NumPyRandom(42));

        // One epoch first, so the workspace exists: the measured epochs are the steady state.
        _network.TrainEpoch(_data.X, _data.Y, LearningRate);
    }

    private double LearningRate => _data.Rows == 4 ? 0.1 : 0.4 / _data.Rows;

    [Benchmark]
    public double Epoch() => _network.TrainEpoch(_data.X, _data.Y, LearningRate);
}
