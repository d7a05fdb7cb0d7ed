using FluentAssertions;
using XorNet.Data;

namespace XorNet.Tests;

/// <summary>
/// Training on a generated set of 200 points allocates nothing per epoch: a set is drawn once, into the same matrices
/// a CSV file of those rows is read into, so every epoch after it is the epoch of a CSV of that size.
/// </summary>
public sealed class PlaneTrainingAllocationTests
{
    public static TheoryData<string> Sets() => [.. PlaneSets.Names];

    [Theory]
    [MemberData(nameof(Sets))]
    public void The_notebooks_network_and_a_deep_one_allocate_nothing_per_epoch_on_200_points(string name)
    {
        Dataset data = PlaneSets.Generate(name, PlaneRecipe.Default);
        data.Rows.Should().Be(200);
        INetwork[] networks =
        [
            TwoLayerNetwork.Initialize(2, 4, new NumPyRandom(42)),
            DeepNetwork.Initialize(new Architecture([2, 16, 16, 1], Activation.Tanh, Initialization.Xavier), new NumPyRandom(42)),
        ];

        foreach (INetwork network in networks)
        {
            Allocations.PerWindow(() =>
            {
                for (int epoch = 0; epoch < 20; epoch++)
                {
                    network.TrainEpoch(data.X, data.Y, 0.003);
                }
            }).Should().Be(0, $"{name}, layers {string.Join(',', network.Architecture.HiddenSizes)}");
        }
    }
}
