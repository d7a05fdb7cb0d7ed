using BenchmarkDotNet.Attributes;
using XorNet.Network.Optimizers;

namespace XorNet.Benchmarks;

/// <summary>
/// One epoch in steady state with each update rule, as a ratio to plain gradient descent (the baseline) on the same
/// network and data: the notebook's network on XOR, and <c>--layers 64,64</c> on 65536 rows. Target: momentum,
/// nesterov, adam, rmsprop and rprop each within 1.5× of sgd, and 0 bytes allocated an epoch (MemoryDiagnoser).
/// </summary>
[MemoryDiagnoser]
public class OptimizerEpochBenchmarks
{
    private readonly Dictionary<OptimizerKind, (INetwork Network, Optimizer Optimizer)> _runs = [];
    private Dataset _data = null!;

    [Params("xor-4", "rows65536-64,64")]
    public string Case { get; set; } = "xor-4";

    [GlobalSetup]
    public void Setup()
    {
        _data = Case == "xor-4" ? Dataset.Xor : BenchmarkData.UnitSquare(65536);
        foreach (OptimizerKind kind in Enum.GetValues<OptimizerKind>())
        {
            INetwork network = Case == "xor-4"
                ? TwoLayerNetwork.Initialize(_data.Inputs, 4, new NumPyRandom(42))
                : DeepNetwork.Initialize(new Architecture([_data.Inputs, 64, 64, 1]), new NumPyRandom(42));
            var optimizer = Optimizer.For(new OptimizerSettings(kind), network, LearningRate);

            // One epoch first, so the workspace exists: the measured epochs are the steady state.
            network.TrainEpoch(_data.X, _data.Y, LearningRate, optimizer);
            _runs[kind] = (network, optimizer);
        }
    }

    private double LearningRate => _data.Rows == 4 ? 0.1 : 0.4 / _data.Rows;

    [Benchmark(Baseline = true)]
    public double Sgd() => Epoch(OptimizerKind.Sgd);

    [Benchmark]
    public double Momentum() => Epoch(OptimizerKind.Momentum);

    [Benchmark]
    public double Nesterov() => Epoch(OptimizerKind.Nesterov);

    [Benchmark]
    public double Adam() => Epoch(OptimizerKind.Adam);

    [Benchmark]
    public double RmsProp() => Epoch(OptimizerKind.RmsProp);

    [Benchmark]
    public double Rprop() => Epoch(OptimizerKind.Rprop);

    private double Epoch(OptimizerKind kind)
    {
        (INetwork network, Optimizer optimizer) = _runs[kind];
        return network.TrainEpoch(_data.X, _data.Y, LearningRate, optimizer);
    }
}
