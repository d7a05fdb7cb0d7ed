using FluentAssertions;

namespace XorNet.Tests;

/// <summary><see cref="DeepNetwork"/>: the notebook as a special case, its gradients, shapes and allocation.</summary>
public sealed class DeepNetworkTests
{
    public static TheoryData<int, int> NotebookShapes() => new() { { 4, 2 }, { 1, 3 }, { 7, 2 }, { 64, 2 }, { 33, 4 } };

    [Theory]
    [MemberData(nameof(NotebookShapes))]
    public void Trains_the_notebooks_network_to_the_bit_as_TwoLayerNetwork_does(int hidden, int inputs)
    {
        Dataset data = RandomData(rows: 70, inputs, targets: 1, seed: hidden);
        var two = TwoLayerNetwork.Initialize(inputs, hidden, new NumPyRandom(7));
        var deep = DeepNetwork.Initialize(Architecture.Notebook(inputs, hidden), new NumPyRandom(7));

        for (int epoch = 0; epoch < 200; epoch++)
        {
            deep.TrainEpoch(data.X, data.Y, 0.5).Should().Be(two.TrainEpoch(data.X, data.Y, 0.5));
        }

        deep.Weights[0].AsSpan().ToArray().Should().Equal(two.W1.AsSpan().ToArray());
        deep.Biases[0].AsSpan().ToArray().Should().Equal(two.B1.AsSpan().ToArray());
        deep.Weights[1].AsSpan().ToArray().Should().Equal(two.W2.AsSpan().ToArray());
        deep.Biases[1].AsSpan().ToArray().Should().Equal(two.B2.AsSpan().ToArray());
    }

    public static TheoryData<string, string, string> Choices()
    {
        var data = new TheoryData<string, string, string>();
        foreach (string activation in Activations.Names)
        {
            foreach (string loss in Losses.Names)
            {
                data.Add(activation, loss, "1,5,3");
                data.Add(activation, loss, "3,4,4,2");
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Choices))]
    public void Backpropagation_agrees_with_finite_differences(string activation, string loss, string sizes)
    {
        // The gradient of the summed loss terms (the deltas are not divided by the element count, as the notebook's
        // are not): central differences with step 1e-6 are good to about 1e-8 relative here, so 1e-5 separates a
        // correct gradient from a wrong one by orders of magnitude.
        int[] n = [.. sizes.Split(',').Select(int.Parse)];
        var architecture = new Architecture(n, Enum.Parse<Activation>(activation, true), Initialization.Xavier, Enum.Parse<LossFunction>(loss, true));
        Dataset data = RandomData(rows: 37, n[0], n[^1], seed: 3);
        var network = DeepNetwork.Initialize(architecture, new NumPyRandom(11));
        if (architecture.Activation == Activation.Relu)
        {
            // Keep pre-activations away from relu's kink, where the derivative is not defined.
            foreach (Matrix b in network.Biases)
            {
                b.AsSpan().Fill(0.05);
            }
        }

        IReadOnlyList<(Matrix DW, Matrix DB)> analytic = network.ComputeGradients(data.X, data.Y);
        double scale = loss == "mse" ? data.Y.AsSpan().Length / 2.0 : data.Y.AsSpan().Length;
        for (int l = 0; l < architecture.LayerCount; l++)
        {
            foreach ((Matrix parameter, Matrix gradient) in new[] { (network.Weights[l], analytic[l].DW), (network.Biases[l], analytic[l].DB) })
            {
                Span<double> p = parameter.AsSpan();
                for (int i = 0; i < p.Length; i++)
                {
                    double saved = p[i];
                    p[i] = saved + 1e-6;
                    double plus = network.Loss(data.X, data.Y) * scale;
                    p[i] = saved - 1e-6;
                    double minus = network.Loss(data.X, data.Y) * scale;
                    p[i] = saved;
                    double numeric = (plus - minus) / 2e-6;
                    Math.Abs(numeric - gradient.AsSpan()[i]).Should().BeLessThanOrEqualTo(1e-5 + (1e-4 * Math.Abs(numeric)), $"layer {l + 1}, element {i}");
                }
            }
        }
    }

    [Fact]
    public void Allocates_nothing_per_epoch()
    {
        Dataset data = RandomData(rows: 300, inputs: 3, targets: 2, seed: 1);
        var network = DeepNetwork.Initialize(new Architecture([3, 16, 9, 2], Activation.Tanh), new NumPyRandom(1));

        Allocations.PerWindow(() =>
        {
            for (int epoch = 0; epoch < 50; epoch++)
            {
                network.TrainEpoch(data.X, data.Y, 0.1);
            }
        }).Should().Be(0);
    }

    [Fact]
    public void Refuses_weights_that_do_not_fit_the_architecture()
    {
        var architecture = new Architecture([2, 3, 1]);
        Action act = () => _ = new DeepNetwork(architecture, [new Matrix(2, 3), new Matrix(2, 1)], [new Matrix(1, 3), new Matrix(1, 1)]);
        act.Should().Throw<ArgumentException>().WithMessage("*Layer 2*");
    }

    [Fact]
    public void Refuses_targets_of_the_wrong_width()
    {
        var network = DeepNetwork.Initialize(new Architecture([2, 3, 2]), new NumPyRandom(0));
        Action act = () => network.TrainEpoch(Dataset.Xor.X, Dataset.Xor.Y, 0.1);
        act.Should().Throw<ArgumentException>().WithMessage("*(4, 2)*");
    }

    private static Dataset RandomData(int rows, int inputs, int targets, int seed)
    {
        var random = new Random(seed);
        var x = new Matrix(rows, inputs);
        var y = new Matrix(rows, targets);
        for (int i = 0; i < x.AsSpan().Length; i++)
        {
            x.AsSpan()[i] = (random.NextDouble() * 4) - 2;
        }

        for (int i = 0; i < y.AsSpan().Length; i++)
        {
            y.AsSpan()[i] = random.Next(2);
        }

        return new Dataset("random", x, y);
    }
}
