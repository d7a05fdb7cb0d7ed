using BenchmarkDotNet.Attributes;

namespace XorNet.Benchmarks;

/// <summary>
/// One run of a sweep, from drawing the weights to its record line, at 1000 and at 4000 epochs of a run that never
/// converges (one hidden unit): the time grows with the epochs, the bytes allocated must not (MemoryDiagnoser), so
/// an epoch allocates nothing and a run costs a fixed few kilobytes of network and workspace, its record line a few
/// hundred bytes. <see cref="FourRunsInLanes"/> is four of those runs trained together in vector lanes.
/// </summary>
[MemoryDiagnoser]
public class SweepBenchmarks
{
    private SweepGrid _grid = null!;
    private SweepTraining _training = null!;

    [Params(1000, 4000)]
    public int Epochs { get; set; } = 1000;

    [GlobalSetup]
    public void Setup()
    {
        _grid = new SweepGrid([7], SweepSetting.HiddenColumn, ["1"], [0.1], [Activation.Sigmoid], [Initialization.Normal], [LossFunction.Mse]);
        _training = new SweepTraining(Epochs, Convergence.OutputsOnTargetSide, Full: false);
    }

    [Benchmark]
    public string Run() => RecordFormat.Csv.Line(SweepRunner.Train(Dataset.Xor, _grid, 0, _training)!, RecordFormat.Columns(_grid));

    /// <summary>Four such runs side by side in vector lanes (what a sweep does with the notebook's network on a truth table).</summary>
    [Benchmark]
    public RunOutcome[] FourRunsInLanes() => NotebookLanes.Train(
        Dataset.Xor,
        [.. Enumerable.Range(0, NotebookLanes.Lanes).Select(s => TwoLayerNetwork.Initialize(2, 1, new NumPyRandom((uint)s)))],
        0.1,
        Epochs,
        Convergence.OutputsOnTargetSide,
        full: false)!;
}
