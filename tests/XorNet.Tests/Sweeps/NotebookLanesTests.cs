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
        SweepRunner.Run(SweepData.Table(data), grid, [.. Enumerable.Range(0, (int)grid.Count).Select(i => (long)i)], training, jobs: 1, inLanes.Add);

        inLanes.Should().HaveCount((int)grid.Count);
        for (int i = 0; i < inLanes.Count; i++)
        {
            RunRecord alone = SweepRunner.Train(data, grid, i, training)!;
            inLanes[i].Key.Should().Be(alone.Key);
            inLanes[i].Outcome.SameAs(alone.Outcome).Should().BeTrue($"run {i} (seed {alone.Seed}): lanes {inLanes[i].Outcome}, alone {alone.Outcome}");
        }

    }

    public static TheoryData<string, double, double> Updates => new()
    {
        { "momentum", 0.1, 0 },
        { "nesterov", 0.1, 0.01 },
        { "adam", 0.05, 0 },
        { "adam", 0.1, 0.001 },
        { "rmsprop", 0.01, 0 },
        { "rprop", 0.1, 0 },
        { "sgd", 0.5, 0.001 },
    };

    [Theory]
    [MemberData(nameof(Updates))]
    public void Lanes_with_any_update_rule_give_every_run_the_single_runs_outcome(string rule, double rate, double weightDecay)
    {
        Dataset data = Dataset.Xor;
        var optimizer = new Network.Optimizers.OptimizerSettings(Network.Optimizers.OptimizerSettings.Parse(rule)!.Value, WeightDecay: weightDecay);
        var grid = new SweepGrid(
            [.. Enumerable.Range(0, 7).Select(s => (uint)s)], SweepSetting.HiddenColumn, ["2", "3"], [rate], [Activation.Sigmoid], [Initialization.Normal], [LossFunction.Mse],
            [new SweepUpdate(optimizer, null)]);
        var training = new SweepTraining(2000, Convergence.OutputsOnTargetSide, Full: false);

        var inLanes = new List<RunRecord>();
        SweepRunner.Run(SweepData.Table(data), grid, [.. Enumerable.Range(0, (int)grid.Count).Select(i => (long)i)], training, jobs: 1, inLanes.Add);

        inLanes.Should().HaveCount((int)grid.Count);
        for (int i = 0; i < inLanes.Count; i++)
        {
            // Alone: the trainer with the run's settings, its own optimiser on its own network.
            (uint seed, SweepSetting setting) = grid[i];
            TrainingResult alone = Trainer.Train(data, setting.TrainingSettings(seed, training.Epochs, training.Convergence, full: false));
            inLanes[i].Setting.Optimizer.Should().Be(optimizer);
            var outcome = new RunOutcome(alone.ConvergedAtEpoch, alone.EpochsRun, alone.FinalLoss ?? double.NaN, Accuracy.Of(alone.Predictions, data.Y));
            inLanes[i].Outcome.SameAs(outcome).Should().BeTrue($"run {i} (seed {seed}): lanes {inLanes[i].Outcome}, alone {outcome}");
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
