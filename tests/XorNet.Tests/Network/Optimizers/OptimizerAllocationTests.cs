using FluentAssertions;
using XorNet.Network.Optimizers;

namespace XorNet.Tests;

/// <summary>
/// An epoch allocates nothing with any update rule, full batch or in mini-batches (a ragged last one included), on
/// the notebook's network and on a deeper one: the optimiser's state and the batches' buffers are made once.
/// </summary>
public sealed class OptimizerAllocationTests
{
    public static TheoryData<OptimizerKind, int> Cases()
    {
        var cases = new TheoryData<OptimizerKind, int>();
        foreach (OptimizerKind kind in Enum.GetValues<OptimizerKind>())
        {
            cases.Add(kind, 0);
            cases.Add(kind, 3);
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void An_epoch_allocates_nothing(OptimizerKind kind, int batchSize)
    {
        const double Rate = 0.1;
        Dataset data = Dataset.Xor;
        INetwork[] networks =
        [
            TwoLayerNetwork.Initialize(data.Inputs, 4, new NumPyRandom(42)),
            DeepNetwork.Initialize(new Architecture([data.Inputs, 5, 3, 1]), new NumPyRandom(42)),
        ];
        foreach (INetwork network in networks)
        {
            var optimizer = Optimizer.For(new OptimizerSettings(kind, WeightDecay: 0.01), network, Rate);
            MiniBatches? batches = batchSize > 0 ? new MiniBatches(data.X, data.Y, batchSize, new NumPyRandom(1)) : null;

            Allocations.PerWindow(() =>
            {
                for (int epoch = 0; epoch < 50; epoch++)
                {
                    _ = batches is null ? network.TrainEpoch(data.X, data.Y, Rate, optimizer) : batches.TrainEpoch(network, Rate, optimizer);
                }
            }).Should().Be(0, $"{kind} on {network.GetType().Name}, batch size {batchSize} (0: the full batch)");
        }
    }
}
