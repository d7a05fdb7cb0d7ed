using FluentAssertions;

namespace XorNet.Tests;

/// <summary>Every layer's outputs, which --explain and --plot-units read: the same forward pass as predictions.</summary>
public sealed class LayerOutputsTests
{
    [Theory]
    [InlineData(new[] { 2, 4, 1 }, Activation.Sigmoid)]
    [InlineData(new[] { 3, 40, 5, 2 }, Activation.Tanh)]
    [InlineData(new[] { 2, 3, 3, 3, 1 }, Activation.Relu)]
    public void The_last_layer_is_the_prediction_and_each_layer_feeds_the_next(int[] sizes, Activation activation)
    {
        INetwork network = Networks.Initialize(new Architecture(sizes, activation), 7);
        var random = new NumPyRandom(3);
        Matrix x = Matrix.RandomNormal(70, sizes[0], random); // more than two blocks of 32 rows

        IReadOnlyList<Matrix> layers = DeepNetwork.Of(network).LayerOutputs(x);

        layers.Select(l => (l.Rows, l.Columns)).Should().Equal(sizes.Skip(1).Select(n => (70, n)));
        Bits(layers[^1]).Should().Equal(Bits(network.Predict(x)), "the output layer is the forward pass predict makes");
        // The output layer alone, fed the last hidden layer's outputs, predicts the same: the stored layers chain.
        int last = sizes.Length - 1;
        INetwork output = Networks.FromParameters(new Architecture([sizes[last - 1], sizes[last]], activation), [network.Weights[^1]], [network.Biases[^1]]);
        Bits(output.Predict(layers[^2])).Should().Equal(Bits(layers[^1]));
    }

    [Fact]
    public void Only_the_first_units_are_kept_when_asked()
    {
        INetwork network = Networks.Initialize(new Architecture([2, 30, 20, 1], Activation.Tanh), 1);
        Matrix x = Matrix.RandomNormal(40, 2, new NumPyRandom(2));

        IReadOnlyList<Matrix> all = DeepNetwork.Of(network).LayerOutputs(x);
        IReadOnlyList<Matrix> first = DeepNetwork.Of(network).LayerOutputs(x, maxUnits: 16);

        first.Select(l => l.Columns).Should().Equal(16, 16, 1);
        for (int l = 0; l < all.Count; l++)
        {
            for (int r = 0; r < 40; r++)
            {
                Bits(first[l].Row(r).ToArray()).Should().Equal(Bits(all[l].Row(r)[..first[l].Columns].ToArray()));
            }
        }
    }

    private static long[] Bits(Matrix m) => Bits(m.AsSpan().ToArray());

    private static long[] Bits(double[] values) => [.. values.Select(BitConverter.DoubleToInt64Bits)];
}
