using FluentAssertions;

namespace XorNet.Tests;

/// <summary>
/// The gradient check, --target-loss, --plot-loss, Ctrl+C and --save for networks other than the notebook's.
/// </summary>
public sealed class DeepTrainingTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("xornet-deep-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    public static TheoryData<Activation, LossFunction> Choices()
    {
        var data = new TheoryData<Activation, LossFunction>();
        foreach (Activation activation in Enum.GetValues<Activation>())
        {
            foreach (LossFunction loss in Enum.GetValues<LossFunction>())
            {
                data.Add(activation, loss);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Choices))]
    public void Backpropagation_passes_the_finite_difference_check_on_random_shapes(Activation activation, LossFunction loss)
    {
        var random = new Random(1234 + (10 * (int)activation) + (int)loss);
        for (int trial = 0; trial < 12; trial++)
        {
            int inputs = random.Next(1, 5), outputs = random.Next(1, 4), rows = random.Next(3, 25);
            int[] hidden = [.. Enumerable.Range(0, random.Next(1, 4)).Select(_ => random.Next(1, 8))];
            var architecture = new Architecture([inputs, .. hidden, outputs], activation, (Initialization)random.Next(3), loss);
            Dataset data = RandomData(random, rows, inputs, outputs);
            INetwork network = Networks.Initialize(architecture, (uint)random.Next());

            GradientErrors errors = GradientCheck.Run(network, data);

            errors.Passed.Should().BeTrue("{0} on {1} rows: {2}", string.Join(',', architecture.Sizes), rows, string.Join(", ", errors.Named));
            errors.Named.Select(p => p.Name).Should().HaveCount(2 * architecture.LayerCount);
        }
    }

    [Theory]
    [InlineData("W1")]
    [InlineData("b1")]
    [InlineData("W2")]
    [InlineData("b2")]
    [InlineData("W3")]
    [InlineData("b3")]
    public void A_perturbed_gradient_of_a_deep_network_fails(string parameter)
    {
        var architecture = new Architecture([3, 5, 4, 2], Activation.Tanh, Initialization.Xavier, LossFunction.Bce);
        INetwork network = Networks.Initialize(architecture, 7);
        Dataset data = Dataset.Named("full-adder");
        IReadOnlyList<(Matrix DW, Matrix DB)> analytic = network.ComputeGradients(data.X, data.Y);
        int layer = parameter[1] - '1';
        Matrix broken = parameter[0] == 'W' ? analytic[layer].DW : analytic[layer].DB;

        // Off by ten times atol plus 1 %, ten times rtol: what a wrong term in backpropagation would at least do.
        broken.AsSpan()[0] += 1e-4 + (0.01 * Math.Abs(broken.AsSpan()[0]));
        GradientErrors errors = GradientCheck.Run(network, data, analytic, CancellationToken.None);

        errors.Passed.Should().BeFalse();
        errors.Of(parameter).Should().BeGreaterThan(1);
        errors.Named.Where(p => p.Name != parameter).Should().OnlyContain(p => p.Ratio <= 1);
    }

    [Fact]
    public void The_command_checks_every_layer_and_names_it()
    {
        (int exitCode, _, string error) = InProcess.Run(
            "--dataset", "full-adder", "--layers", "5,3", "--activation", "relu", "--init", "he", "--loss", "bce", "--check-gradients", "--epochs", "1");

        exitCode.Should().Be(ExitCodes.Success, error);
        error.Should().MatchRegex(
            @"^Gradient check, largest error / tolerance \(passes at most 1\): W1 \S+, b1 \S+, W2 \S+, b2 \S+, W3 \S+, b3 \S+\n$");
    }

    [Fact]
    public void Target_loss_and_the_loss_plot_work_for_a_deep_network()
    {
        string plot = Path.Combine(_directory, "loss.svg");

        (int exitCode, string output, _) = InProcess.Run(
            "--dataset", "parity3", "--layers", "6,6", "--activation", "tanh", "--init", "xavier", "--lr", "0.3", "--target-loss", "0.05", "--plot-loss", plot);

        exitCode.Should().Be(ExitCodes.Success);
        output.Should().MatchRegex(@"Reached loss ≤ 0\.05 at epoch \d+\.\n\nPredictions after training:\n");
        File.ReadAllText(plot).Should().Contain("layers 6,6").And.Contain("<polyline");
    }

    [Fact]
    public void Ctrl_c_stops_a_deep_network_after_the_epoch_and_saves_it()
    {
        string model = Path.Combine(_directory, "m.json");
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        (int exitCode, string output, _) = InProcess.Run(["--dataset", "half-adder", "--layers", "4,4", "--save", model], cancelled.Token);

        exitCode.Should().Be(ExitCodes.Interrupted);
        output.Should().StartWith("Epoch 0, Loss: ").And.Contain("Interrupted at epoch 0.\n\nPredictions after training:\n[[");
        ModelFile.Load(model).Architecture.Sizes.Should().Equal(2, 4, 4, 2);
    }

    private static Dataset RandomData(Random random, int rows, int inputs, int outputs)
    {
        var x = new Matrix(rows, inputs);
        var y = new Matrix(rows, outputs);
        foreach (ref double v in x.AsSpan())
        {
            v = (random.NextDouble() * 2) - 1;
        }

        foreach (ref double v in y.AsSpan())
        {
            v = random.Next(2);
        }

        return new Dataset("random", x, y);
    }
}
