using FluentAssertions;

namespace XorNet.Tests;

/// <summary>
/// Runs trained four at a time in lanes are the single runs, to the bit: every outcome of a sweep's lanes equals the
/// one <see cref="Trainer"/> gives the run alone, over hidden sizes on both sides of the vector width, learning
/// rates, tables, both convergence tests and <c>--full</c>.
/// </summary>
public sealed class NotebookLanesTests
{
    public static TheoryData<string, int, double, int, bool, double?> Cases => new()
    {
        { "xor", 1, 0.5, 3000, false, null },
        { "xor", 2, 1.0, 3000, false, null },
        { "xor", 3, 0.1, 4000, false, null },
        { "xor", 4, 0.5, 3000, true, null },
        { "xor", 5, 2.0, 2000, false, null },
        { "xor", 8, 0.1, 3000, false, 0.05 },
        { "xor", 9, 1.0, 2000, true, 0.02 },
        { "and", 4, 0.3, 2000, false, null },
        { "nand", 2, 5.0, 1500, false, null },
        { "xnor", 6, 0.7, 1500, false, 0.01 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Lanes_give_every_run_the_single_runs_outcome(string dataset, int hidden, double rate, int epochs, bool full, double? targetLoss)
    {
        Dataset data = Dataset.Named(dataset);
        var grid = new SweepGrid(
            [.. Enumerable.Range(0, 11).Select(s => (uint)(s * 7919))], SweepSetting.HiddenColumn, [hidden.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            [rate], [Activation.Sigmoid], [Initialization.Normal], [LossFunction.Mse]);
        var training = new SweepTraining(epochs, targetLoss is { } l ? Convergence.LossAtMost(l) : Convergence.OutputsOnTargetSide, full);
        NotebookLanes.Fits(Architecture.Notebook(data.Inputs, hidden), data).Should().BeTrue("the case is meant for lanes");

        var inLanes = new List<RunRecord>();
        SweepRunner.Run(data, grid, [.. Enumerable.Range(0, (int)grid.Count).Select(i => (long)i)], training, jobs: 1, inLanes.Add);

        inLanes.Should().HaveCount((int)grid.Count);
        for (int i = 0; i < inLanes.Count; i++)
        {
            RunRecord alone = SweepRunner.Train(data, grid, i, training)!;
            inLanes[i].Key.Should().Be(alone.Key);
            inLanes[i].Outcome.SameAs(alone.Outcome).Should().BeTrue($"run {i} (seed {alone.Seed}): lanes {inLanes[i].Outcome}, alone {alone.Outcome}");
        }

    }

    [Fact]
    public void Tables_of_eight_rows_or_more_and_other_networks_train_alone()
    {
        NotebookLanes.Fits(Architecture.Notebook(3, 4), Dataset.Named("parity3")).Should().BeFalse("NumPy sums 8 numbers pairwise");
        NotebookLanes.Fits(new Architecture([2, 4, 1], Activation.Tanh), Dataset.Xor).Should().BeFalse();
        NotebookLanes.Fits(new Architecture([2, 4, 4, 1]), Dataset.Xor).Should().BeFalse();
        NotebookLanes.Fits(Architecture.Notebook(2, 4), Dataset.Xor).Should().Be(NumPy.NumPyExp.IsVectorized);
    }
}
