using BenchmarkDotNet.Attributes;
using XorNet.Network.Optimizers;

namespace XorNet.Benchmarks;

/// <summary>
/// An epoch of the notebook's run with each update rule: seed 42's weights, XOR, learning rate 0.1, the 10000 epochs
/// after the first (which makes the workspace, untimed), reported per epoch as a ratio to plain gradient descent (the
/// baseline). Every invocation starts again from the same weights and a fresh optimiser (made before the timer
/// starts), so each rule is timed over the epochs a user's run goes through, not over whatever weights millions of
/// epochs of it reach. Target: momentum, nesterov, adam,
/// rmsprop and rprop each within 1.5× of sgd, and 0 bytes allocated an epoch (MemoryDiagnoser).
/// </summary>
[MemoryDiagnoser]
public class OptimizerRunBenchmarks
{
    private const int Epochs = 10000;
    private const double LearningRate = 0.1;
    private readonly Dataset _data = Dataset.Xor;
    private TwoLayerNetwork _network = null!;
    private Optimizer _optimizer = null!;

    [IterationSetup(Target = nameof(Sgd))]
    public void SetupSgd() => Start(OptimizerKind.Sgd);

    [IterationSetup(Target = nameof(Momentum))]
    public void SetupMomentum() => Start(OptimizerKind.Momentum);

    [IterationSetup(Target = nameof(Nesterov))]
    public void SetupNesterov() => Start(OptimizerKind.Nesterov);

    [IterationSetup(Target = nameof(Adam))]
    public void SetupAdam() => Start(OptimizerKind.Adam);

    [IterationSetup(Target = nameof(RmsProp))]
    public void SetupRmsProp() => Start(OptimizerKind.RmsProp);

    [IterationSetup(Target = nameof(Rprop))]
    public void SetupRprop() => Start(OptimizerKind.Rprop);

    [Benchmark(Baseline = true, OperationsPerInvoke = Epochs)]
    public double Sgd() => Run();

    [Benchmark(OperationsPerInvoke = Epochs)]
    public double Momentum() => Run();

    [Benchmark(OperationsPerInvoke = Epochs)]
    public double Nesterov() => Run();

    [Benchmark(OperationsPerInvoke = Epochs)]
    public double Adam() => Run();

    [Benchmark(OperationsPerInvoke = Epochs)]
    public double RmsProp() => Run();

    [Benchmark(OperationsPerInvoke = Epochs)]
    public double Rprop() => Run();

    private void Start(OptimizerKind kind)
    {
        _network = TwoLayerNetwork.Initialize(_data.Inputs, 4, new NumPyRandom(42));
        _optimizer = Optimizer.For(new OptimizerSettings(kind), _network, LearningRate);

        // One epoch first, so the workspace exists before the timer starts; the run then goes on from there.
        _network.TrainEpoch(_data.X, _data.Y, LearningRate, _optimizer);
    }

    private double Run()
    {
        double loss = 0;
        for (int epoch = 0; epoch < Epochs; epoch++)
        {
            loss = _network.TrainEpoch(_data.X, _data.Y, LearningRate, _optimizer);
        }

        return loss;
    }
}
