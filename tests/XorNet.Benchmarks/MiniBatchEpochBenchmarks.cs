using BenchmarkDotNet.Attributes;
using XorNet.Network.Optimizers;

namespace XorNet.Benchmarks;

/// <summary>
/// One epoch over 65536 rows in steady state as 1024 mini-batches of 64 (the permutation drawn, each batch gathered,
/// 1024 updates), as a ratio to one full-batch epoch (the baseline), for the notebook's network at hidden 64 and for
/// <c>--layers 64,64</c>. Target: <c>--batch-size 64</c> within 1.3× of the full batch, 0 bytes allocated an epoch.
/// </summary>
[MemoryDiagnoser]
public class MiniBatchEpochBenchmarks
{
    private const int BatchSize = 64;
    private Dataset _data = null!;
    private INetwork _full = null!, _batched = null!;
    private MiniBatches _batches = null!;

    [Params("rows65536-64", "rows65536-64,64")]
    public string Case { get; set; } = "rows65536-64";

    [GlobalSetup]
    public void Setup()
    {
        _data = BenchmarkData.UnitSquare(65536);
        _full = Network();
        _batched = Network();
        _batches = new MiniBatches(_data.X, _data.Y, BatchSize, new NumPyRandom(42));

        // One epoch of each first, so the workspaces exist: the measured epochs are the steady state.
        _full.TrainEpoch(_data.X, _data.Y, LearningRate);
        _batches.TrainEpoch(_batched, LearningRate, Optimizer.Plain);
    }

    private double LearningRate => 0.4 / _data.Rows;

    [Benchmark(Baseline = true)]
    public double FullBatch() => _full.TrainEpoch(_data.X, _data.Y, LearningRate);

    [Benchmark]
    public double BatchesOf64() => _batches.TrainEpoch(_batched, LearningRate, Optimizer.Plain);

    private INetwork Network() => Case == "rows65536-64"
        ? TwoLayerNetwork.Initialize(_data.Inputs, 64, new NumPyRandom(42))
        : DeepNetwork.Initialize(new Architecture([_data.Inputs, 64, 64, 1]), new NumPyRandom(42));
}
