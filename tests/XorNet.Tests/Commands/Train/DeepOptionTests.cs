using FluentAssertions;

namespace XorNet.Tests;

/// <summary>The architecture options: what they select, and one line with exit code 2 for every bad value.</summary>
public sealed class DeepOptionTests
{
    public static TheoryData<string[], string> BadValues => new()
    {
        { ["--layers", "0"], "XorNet: --layers does not accept '0': expected hidden layer sizes separated by commas" },
        { ["--layers", "4,,4"], "XorNet: --layers does not accept '4,,4': expected hidden layer sizes separated by commas" },
        { ["--layers", "4,-1"], "XorNet: --layers does not accept '4,-1': expected hidden layer sizes separated by commas" },
        { ["--layers", ""], "XorNet: --layers does not accept '': expected hidden layer sizes separated by commas" },
        { ["--layers", "8,x"], "XorNet: --layers does not accept '8,x'" },
        { ["--layers", "99999999999"], "XorNet: --layers does not accept '99999999999'" },
        { ["--layers"], "XorNet: --layers needs a value: hidden layer sizes separated by commas" },
        { ["--layers", "4,4", "--hidden", "3"], "XorNet: --layers and --hidden cannot be used together" },
        { ["--layers", "100000,100000"], "XorNet: --layers 100000,100000 needs about " },
        { ["--activation", "softmax"], "XorNet: --activation does not accept 'softmax': expected one of sigmoid, tanh, relu." },
        { ["--init", "glorot"], "XorNet: --init does not accept 'glorot': expected one of normal, xavier, he, zeros." },
        { ["--loss", "ce"], "XorNet: --loss does not accept 'ce': expected mse or bce." },
        { ["--targets", "0", "--data", "x.csv"], "XorNet: --targets does not accept '0': expected a whole number from 1 to" },
        { ["--targets", "2"], "XorNet: --targets says how many columns of a --data file are targets" },
        { ["--targets", "4", "--data", "FIXTURE:two-targets-300.csv"], "two-targets-300.csv, line 1, column 1: the row has 4 columns, which leaves no input before the last 4 (--targets 4)" },
        { ["--targets", "5", "--data", "FIXTURE:two-targets-300.csv"], "the row has 4 columns, which leaves no input before the last 5 (--targets 5)" },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public void A_bad_value_is_one_line_and_exit_code_2(string[] args, string expected)
    {
        args = [.. args.Select(a => a.StartsWith("FIXTURE:", StringComparison.Ordinal) ? Fixture.Path(a["FIXTURE:".Length..]) : a)];

        (int exitCode, string output, string error) = InProcess.Run(args);

        exitCode.Should().Be(ExitCodes.BadInput);
        output.Should().BeEmpty();
        error.Should().Contain(expected).And.EndWith("\n");
        error.TrimEnd('\n').Should().NotContain("\n").And.NotContain("Exception");
    }

    [Fact]
    public void Layers_too_large_for_an_array_are_refused_whatever_the_memory()
    {
        var settings = new TrainingSettings { ExplicitHiddenSizes = [50_000, 50_000] };

        string? message = TrainingMessages.TooLarge(Dataset.Xor, settings, long.MaxValue);

        message.Should().StartWith("--layers 50000,50000 needs about ").And.EndWith(
            " to train, in arrays larger than a .NET program can have: layer 2 alone has 50000 × 50000 weights; choose smaller or fewer layers.");
        TrainingMessages.TooLarge(Dataset.Xor, new TrainingSettings { ExplicitHiddenSizes = [4000, 4000] }, long.MaxValue).Should().BeNull();
    }

    [Fact]
    public void The_memory_estimate_grows_with_every_layer_and_the_rows()
    {
        long Bytes(int[] sizes, int rows) => TrainingMemory.Bytes(new Architecture(sizes, Activation.Tanh), rows);

        // Three weight-sized arrays per layer (weights, gradients, transposes) dominate a wide network: 3 · 8 · 1000².
        Bytes([2, 1000, 1000, 1], 4).Should().BeGreaterThan(3L * 8 * 1000 * 1000).And.BeLessThan(4L * 8 * 1000 * 1000);
        Bytes([2, 16, 16, 1], 1_000_000).Should().BeGreaterThan(Bytes([2, 16, 16, 1], 1000) + (8L * 999_000));
        Bytes([2, 64, 64, 64, 2], 4).Should().BeGreaterThan(Bytes([2, 64, 64, 2], 4));

        // The notebook's architecture keeps the tuned engine's own estimate.
        TrainingMemory.Bytes(Architecture.Notebook(2, 4), 4).Should().Be(TwoLayerNetwork.TrainingBytes(2, 4, 4));
    }

    [Fact]
    public void A_half_adder_trains_with_two_outputs()
    {
        // The built-in table with two targets used to reach the one-output engine and fail.
        (int exitCode, string output, string error) = InProcess.Run("--dataset", "half-adder", "--epochs", "2000", "--lr", "0.5");

        error.Should().BeEmpty();
        exitCode.Should().Be(ExitCodes.Success);
        output.Should().EndWith("]]\n").And.MatchRegex(@"\[\[\d\.\d+ +\d\.\d+\]\n");
    }

    [Fact]
    public void Hidden_n_and_layers_n_are_the_same_network()
    {
        InProcess.Run("--hidden", "3", "--epochs", "500").Output.Should().Be(InProcess.Run("--layers", "3", "--epochs", "500").Output);
    }
}
