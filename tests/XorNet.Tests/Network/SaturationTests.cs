using FluentAssertions;
using XorNet.NumPy;

namespace XorNet.Tests;

/// <summary>A run whose units saturate says so on stderr, naming the likely cause; ordinary runs say nothing.</summary>
public sealed class SaturationTests
{
    [Theory]
    [InlineData("--lr", "1e308")]
    [InlineData("--lr", "1e6", "--activation", "tanh", "--layers", "4,4")]
    [InlineData("--lr", "1e308", "--dataset", "full-adder", "--layers", "8")]
    public void A_run_that_saturates_its_units_warns_and_blames_the_learning_rate(params string[] args)
    {
        (int exitCode, string output, string error) = InProcess.Run(args);

        exitCode.Should().Be(ExitCodes.Success, "the run itself completed");
        string[] lines = error.TrimEnd('\n').Split('\n');
        lines.Should().ContainSingle();
        lines[0].Should().StartWith("XorNet: warning: the units have saturated").And.Contain($"the learning rate ({NumPyFormat.Repr(double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture))})");
        output.Should().NotContain("saturated", "the warning is not part of the transcript");
    }

    [Theory]
    [InlineData("--hidden", "2")]
    [InlineData("--activation", "tanh", "--layers", "8,8")]
    [InlineData("--lr", "10")]
    [InlineData("--dataset", "full-adder", "--layers", "8")]
    public void Ordinary_runs_say_nothing_on_stderr(params string[] args)
    {
        for (int seed = 0; seed < 8; seed++)
        {
            (int exitCode, _, string error) = InProcess.Run([.. args, "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture), "--epochs", "3000"]);
            exitCode.Should().Be(ExitCodes.Success);
            error.Should().BeEmpty("seed {0} with {1}", seed, string.Join(' ', args));
        }
    }

    [Fact]
    public void The_default_run_prints_the_notebook_transcript_and_nothing_on_stderr()
    {
        (int exitCode, string output, string error) = InProcess.Run();

        exitCode.Should().Be(ExitCodes.Success);
        output.Should().Be(Fixture.Text("notebook-transcript.txt"));
        error.Should().BeEmpty();
    }

    [Fact]
    public void A_layer_too_wide_to_examine_is_left_alone_rather_than_examined()
    {
        // A saturated sigmoid layer (huge weights) one unit wider than MaxOutputs allows for a 32-row block: examining
        // it would build outputs past the bound (the newcomer's --hidden 100000000 crashed there), so it is not.
        int wide = (int)(Saturation.MaxOutputs / 32) + 1;
        var architecture = new Architecture([2, wide, 1]);
        var w1 = new Matrix(2, wide);
        w1.AsSpan().Fill(1e3);
        var b1 = new Matrix(1, wide);
        b1.AsSpan().Fill(1e3);
        INetwork network = Networks.FromParameters(architecture, [w1, new Matrix(wide, 1)], [b1, new Matrix(1, 1)]);
        var x = new Matrix(4, 2);

        Saturation.SaturatedLayer(network, x).Should().BeNull();

        var narrow = new Architecture([2, 4, 1]);
        var n1 = new Matrix(2, 4);
        n1.AsSpan().Fill(1e3);
        var c1 = new Matrix(1, 4);
        c1.AsSpan().Fill(1e3);
        Saturation.SaturatedLayer(Networks.FromParameters(narrow, [n1, new Matrix(4, 1)], [c1, new Matrix(1, 1)]), x).Should().Be(1);
    }
}
