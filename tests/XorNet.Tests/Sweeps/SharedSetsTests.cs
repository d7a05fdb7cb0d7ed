using FluentAssertions;

namespace XorNet.Tests;

/// <summary>
/// A sweep over generated sets draws each set once for all of its runs, lets it go after the last, and its runs in
/// lanes (the notebook's network on a set of at most 7 rows) are the single runs on that set, to the bit.
/// </summary>
public sealed class SharedSetsTests
{
    private static readonly PlaneRecipe[] Planes = [new(5, 0.2, 1), new(5, 0.2, 2), new(6, 0.0, 1)];

    [Fact]
    public void Each_set_is_drawn_once_for_its_runs_and_let_go_after_the_last()
    {
        var grid = new SweepGrid([0, 1, 2], SweepSetting.HiddenColumn, ["4"], [0.5], [Activation.Sigmoid], [Initialization.Normal], [LossFunction.Mse], planes: Planes);
        SweepSetting[] runs = [.. Enumerable.Range(0, (int)grid.Count).Select(i => grid[i].Setting)];
        SharedSets sets = SweepData.Generated("spiral", null).Share(runs);

        // The three runs of a set get the same rows, those the set's recipe draws.
        Dataset first = sets.Take(runs[0]);
        sets.Take(runs[1]).Should().BeSameAs(first);
        sets.Take(runs[2]).Should().BeSameAs(first);
        first.X.AsSpan().ToArray().Should().Equal(PlaneSets.Generate("spiral", Planes[0]).X.AsSpan().ToArray());
        sets.Take(runs[3]).Should().NotBeSameAs(first);

        // Once its three runs are done, the set is gone: no fourth run of it was counted.
        sets.Done(runs[0]);
        sets.Done(runs[1]);
        sets.Take(runs[2]).Should().BeSameAs(first);
        sets.Done(runs[2]);
        FluentActions.Invoking(() => sets.Take(runs[0])).Should().Throw<ArgumentException>();
    }

    [Theory]
    [InlineData(0.5, false)]
    [InlineData(2.0, true)]
    public void Runs_in_lanes_on_each_set_are_the_single_runs_on_it(double rate, bool full)
    {
        var grid = new SweepGrid(
            [.. Enumerable.Range(0, 6).Select(s => (uint)(s * 31))], SweepSetting.HiddenColumn, ["3"], [rate], [Activation.Sigmoid], [Initialization.Normal], [LossFunction.Mse],
            planes: Planes);
        var training = new SweepTraining(1500, Convergence.OutputsOnTargetSide, full);
        SweepData data = SweepData.Generated("spiral", null);
        NotebookLanes.Fits(Architecture.Notebook(2, 3), data.For(grid[0].Setting)).Should().BeTrue("the sets are meant for lanes");

        var inLanes = new List<RunRecord>();
        SweepRunner.Run(data, grid, [.. Enumerable.Range(0, (int)grid.Count).Select(i => (long)i)], training, jobs: 2, inLanes.Add);

        inLanes.Should().HaveCount((int)grid.Count);
        inLanes.Select(r => r.Setting.Plane).Distinct().Should().Equal(Planes);
        for (int i = 0; i < inLanes.Count; i++)
        {
            // Alone, on the set its recipe draws afresh.
            RunRecord alone = SweepRunner.Train(PlaneSets.Generate("spiral", grid[i].Setting.Plane!), grid, i, training)!;
            inLanes[i].Key.Should().Be(alone.Key);
            inLanes[i].Outcome.SameAs(alone.Outcome).Should().BeTrue($"run {i}: lanes {inLanes[i].Outcome}, alone {alone.Outcome}");
        }
    }
}
