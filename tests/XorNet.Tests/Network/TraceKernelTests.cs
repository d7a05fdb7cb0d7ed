using FluentAssertions;

namespace XorNet.Tests;

/// <summary>
/// The readable Matrix version of an epoch (what <c>--trace</c> prints) against the fast kernels that train: y_hat,
/// loss and every gradient must be the same doubles, bit for bit, epoch after epoch, or the trace would show numbers
/// the run does not compute.
/// </summary>
public sealed class TraceKernelTests
{
    public static TheoryData<string, string, int[], Activation, Initialization, LossFunction> Networks() => new()
    {
        // data, targets ("" for a built-in table), hidden layers, activation, initialisation, loss
        { "xor", "", [4], Activation.Sigmoid, Initialization.Normal, LossFunction.Mse },                         // the notebook's, TwoLayerNetwork
        { "xor-square-200.csv", "1", [1], Activation.Sigmoid, Initialization.Normal, LossFunction.Mse },          // one hidden unit: db1 summed pairwise
        { "parity-cube-1500.csv", "1", [64], Activation.Sigmoid, Initialization.Normal, LossFunction.Mse },      // padded rows, many blocks
        { "wide-range-1100.csv", "1", [5], Activation.Sigmoid, Initialization.Normal, LossFunction.Mse },        // overflowing exponentials
        { "xor", "", [4], Activation.Sigmoid, Initialization.Normal, LossFunction.Bce },
        { "xor", "", [8, 4], Activation.Sigmoid, Initialization.Xavier, LossFunction.Mse },
        { "full-adder", "", [16, 16], Activation.Relu, Initialization.He, LossFunction.Bce },
        { "xor", "", [6, 5, 4], Activation.Tanh, Initialization.Xavier, LossFunction.Bce },
        { "half-adder", "", [4], Activation.Sigmoid, Initialization.Normal, LossFunction.Mse },
        { "two-targets-300.csv", "2", [1, 3], Activation.Tanh, Initialization.Xavier, LossFunction.Mse },        // a one-wide hidden layer
        { "three-targets-1200.csv", "3", [16, 8], Activation.Relu, Initialization.He, LossFunction.Bce },
    };

    [Theory]
    [MemberData(nameof(Networks))]
    public void The_readable_epoch_computes_the_kernels_bits(
        string data, string targets, int[] hidden, Activation activation, Initialization initialization, LossFunction loss)
    {
        Dataset table = targets.Length == 0 ? Dataset.Named(data) : CsvDataset.Load(Fixture.Path(data), int.Parse(targets, System.Globalization.CultureInfo.InvariantCulture));
        var architecture = new Architecture([table.Inputs, .. hidden, table.Targets], activation, initialization, loss);
        INetwork network = XorNet.Network.Networks.Initialize(architecture, seed: 3);
        architecture.IsNotebook.Should().Be(hidden.Length == 1 && activation == Activation.Sigmoid && initialization == Initialization.Normal && loss == LossFunction.Mse && table.Targets == 1);

        // A large step so that the weights, and with them the values compared, change a lot from epoch to epoch.
        const double LearningRate = 0.5;
        for (int epoch = 0; epoch < 6; epoch++)
        {
            BackpropagationSteps steps = ReadableBackpropagation.Run(network, table.X, table.Y);
            IReadOnlyList<(Matrix DW, Matrix DB)> gradients = network.ComputeGradients(table.X, table.Y);
            Bits(steps.YHat).Should().Equal(Bits(network.Predict(table.X)), $"y_hat of epoch {epoch}");
            for (int l = 0; l < architecture.LayerCount; l++)
            {
                Bits(steps.DW[l]).Should().Equal(Bits(gradients[l].DW), $"dW{l + 1} of epoch {epoch}");
                Bits(steps.DB[l]).Should().Equal(Bits(gradients[l].DB), $"db{l + 1} of epoch {epoch}");
            }

            double trained = network.TrainEpoch(table.X, table.Y, LearningRate);
            BitConverter.DoubleToInt64Bits(steps.Loss).Should().Be(BitConverter.DoubleToInt64Bits(trained), $"the loss of epoch {epoch}");
            Bits(steps.YHat).Should().Equal(Bits(network.LastOutput()), $"the y_hat epoch {epoch} trained on");
        }
    }

    [Fact]
    public void The_readable_epoch_leaves_the_network_as_it_was()
    {
        INetwork network = XorNet.Network.Networks.Initialize(new Architecture([2, 8, 4, 1], Activation.Tanh), seed: 1);
        long[][] before = [.. network.Weights.Concat(network.Biases).Select(Bits)];

        _ = ReadableBackpropagation.Run(network, Dataset.Xor.X, Dataset.Xor.Y);

        network.Weights.Concat(network.Biases).Select(Bits).Should().BeEquivalentTo(before, options => options.WithStrictOrdering());
    }

    [Fact]
    public void The_notebook_network_is_traced_under_the_notebooks_names_and_every_other_under_layer_names()
    {
        INetwork notebook = XorNet.Network.Networks.Initialize(Architecture.Notebook(2, 4), seed: 42);
        INetwork deep = XorNet.Network.Networks.Initialize(new Architecture([2, 3, 2, 2], Activation.Relu, Initialization.He, LossFunction.Bce), seed: 42);
        Dataset halfAdder = Dataset.Named("half-adder");

        EpochTrace.Of(0, notebook, Dataset.Xor.X, Dataset.Xor.Y).Values.Select(v => v.Name).Should().Equal(
            "z1", "a1", "z2", "y_hat", "loss", "d_loss_y_hat", "d_y_hat_z2", "dW2", "db2", "d_a1_z1", "dW1", "db1");
        EpochTrace.Of(0, deep, halfAdder.X, halfAdder.Y).Values.Select(v => v.Name).Should().Equal(
            "z1", "a1", "z2", "a2", "z3", "y_hat", "loss", "delta3", "dW3", "db3", "delta2", "dW2", "db2", "delta1", "dW1", "db1");
    }

    private static long[] Bits(Matrix matrix) => [.. matrix.ToRows().SelectMany(row => row).Select(BitConverter.DoubleToInt64Bits)];
}
