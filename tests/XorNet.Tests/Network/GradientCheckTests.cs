using System.Diagnostics;
using System.Globalization;
using FluentAssertions;

namespace XorNet.Tests;

/// <summary>The gradient check's atol + rtol criterion: correct backpropagation passes at any input scale, a broken one fails.</summary>
public sealed class GradientCheckTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("xornet-gradcheck-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static Dataset Scaled(double scale) => new(
        "scaled", Matrix.FromRows([-scale, -scale], [-scale, scale], [scale, -scale], [scale, scale]), Dataset.Xor.Y);

    [Fact]
    public void Xor_scaled_to_plus_or_minus_50_passes_through_the_command()
    {
        // The hidden-bias gradients here are near 1e-5, whose relative error alone failed the old check.
        string path = Path.Combine(_directory, "xor50.csv");
        File.WriteAllText(path, "-50,-50,0\n-50,50,1\n50,-50,1\n50,50,0\n");

        (int exitCode, _, string error) = InProcess.Run("--data", path, "--check-gradients", "--epochs", "1");

        exitCode.Should().Be(ExitCodes.Success, error);
        error.Should().MatchRegex(@"^Gradient check, largest error / tolerance \(passes at most 1\): W1 \S+, b1 \S+, W2 \S+, b2 \S+\n$");
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(50.0)]
    [InlineData(1e3)]
    [InlineData(1e6)]
    [InlineData(1e150)]
    public void Correct_backpropagation_passes_at_every_input_scale(double scale)
    {
        foreach (int hidden in new[] { 1, 4, 16 })
        {
            foreach (uint seed in new uint[] { 0, 1, 42, 1234 })
            {
                Dataset data = Scaled(scale);
                GradientCheck.Run(TwoLayerNetwork.Initialize(2, hidden, new NumPyRandom(seed)), data).Passed
                    .Should().BeTrue("scale {0}, hidden {1}, seed {2}", scale, hidden, seed);
            }
        }
    }

    [Fact]
    public void The_notebook_passes_for_many_seeds_and_hidden_sizes()
    {
        foreach (int hidden in new[] { 1, 2, 4, 8, 32, 100 })
        {
            for (uint seed = 0; seed < 20; seed++)
            {
                GradientErrors errors = GradientCheck.Run(TwoLayerNetwork.Initialize(2, hidden, new NumPyRandom(seed)), Dataset.Xor);
                errors.Passed.Should().BeTrue("hidden {0}, seed {1}: {2}", hidden, seed, errors);
            }
        }
    }

    [Fact]
    public void The_1500_row_fixture_passes()
    {
        Dataset data = CsvDataset.Load(Fixture.Path("parity-cube-1500.csv"));
        GradientCheck.Run(TwoLayerNetwork.Initialize(data.Inputs, 8, new NumPyRandom(42)), data).Passed.Should().BeTrue();
    }

    [Theory]
    [InlineData("W1")]
    [InlineData("b1")]
    [InlineData("W2")]
    [InlineData("b2")]
    public void A_perturbed_analytic_gradient_fails(string parameter)
    {
        var network = TwoLayerNetwork.Initialize(2, 4, new NumPyRandom(42));
        IReadOnlyList<(Matrix DW, Matrix DB)> analytic = network.ComputeGradients(Dataset.Xor.X, Dataset.Xor.Y);
        Matrix broken = parameter switch { "W1" => analytic[0].DW, "b1" => analytic[0].DB, "W2" => analytic[1].DW, _ => analytic[1].DB };

        // Off by ten times atol plus 1 %, ten times rtol: what a wrong term in backpropagation would at least do.
        broken.AsSpan()[0] += 1e-4 + (0.01 * Math.Abs(broken.AsSpan()[0]));
        GradientErrors errors = GradientCheck.Run(network, Dataset.Xor, analytic, CancellationToken.None);

        errors.Passed.Should().BeFalse();
        errors.Of(parameter).Should().BeGreaterThan(1);
    }

    [Fact]
    public void A_tiny_gradient_passes_on_the_absolute_tolerance()
    {
        // Inputs of ±50 saturate most hidden units: gradients near 1e-5 and below, whose relative error is large.
        Dataset data = Scaled(50);
        var network = TwoLayerNetwork.Initialize(2, 4, new NumPyRandom(42));
        IReadOnlyList<(Matrix DW, Matrix DB)> analytic = network.ComputeGradients(data.X, data.Y);
        analytic[0].DB.AsSpan().ToArray().Min(Math.Abs).Should().BeLessThan(1e-4, "the case needs a tiny gradient");

        GradientCheck.Run(network, data, analytic, CancellationToken.None).Passed.Should().BeTrue();
    }

    [Fact]
    public void The_tolerance_is_atol_plus_rtol_times_the_numeric_gradient()
    {
        GradientCheck.Allowed(0).Should().Be(GradientCheck.AbsoluteTolerance);
        GradientCheck.Allowed(-10).Should().Be(GradientCheck.AbsoluteTolerance + (10 * GradientCheck.RelativeTolerance));
    }

    [Fact]
    public void Ctrl_c_stops_the_check_at_once_with_exit_130()
    {
        // Checking 2000 hidden units on 1500 rows takes tens of seconds; a cancelled token must end it at the first weight.
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var clock = Stopwatch.StartNew();

        (int exitCode, string output, string error) = InProcess.Run(
            ["--data", Fixture.Path("parity-cube-1500.csv"), "--hidden", "2000", "--check-gradients"], cancelled.Token);

        exitCode.Should().Be(ExitCodes.Interrupted);
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5));
        error.Should().Contain("interrupted during the gradient check");
        output.Should().BeEmpty();
    }

    [Fact]
    public void Inputs_that_overflow_the_network_are_reported_as_such_not_as_wrong_gradients()
    {
        string path = Path.Combine(_directory, "huge.csv");
        File.WriteAllText(path, "1.7e308,-1.7e308,1.7e308,0\n-1.7e308,1.7e308,-1.7e308,1\n");

        (int exitCode, _, string error) = InProcess.Run("--data", path, "--hidden", "16", "--check-gradients");

        exitCode.Should().Be(ExitCodes.Failed);
        error.Should().StartWith("XorNet: the loss is not finite at epoch 0, before any update: the data's inputs (up to 1.7e+308")
            .And.NotContain("backpropagation");
    }
}
