using System.Globalization;
using System.Text.RegularExpressions;
using FluentAssertions;

namespace XorNet.Tests;

/// <summary>What a run says when the loss stops being finite or the network cannot fit in memory.</summary>
public sealed class DivergenceAndMemoryTests
{
    [Fact]
    public void A_later_divergence_advises_a_smaller_learning_rate()
    {
        // The largest finite rate on the 200-row fixture: epoch 0 is finite, its update overflows the weights, and
        // epoch 1's loss is NaN (checked by running it).
        (int exitCode, _, string error) = InProcess.Run("--data", Fixture.Path("xor-square-200.csv"), "--learning-rate", "1.7e308", "--epochs", "50");

        exitCode.Should().Be(ExitCodes.Failed);
        error.Should().Be("XorNet: training diverged: the loss became nan at epoch 1; try a smaller --learning-rate than 1.7e+308.\n");
    }

    [Fact]
    public void The_divergence_at_epoch_0_names_the_largest_input_as_python_prints_it()
    {
        // As in the CSV test: inputs near the largest double overflow X @ W1, and inf - inf is NaN.
        var data = new Dataset("huge", Matrix.FromRows([1.7e308, -1.7e308, 1.7e308], [-1.7e308, 1.7e308, -2.5]), Matrix.FromRows([0], [1]));
        var settings = new TrainingSettings(HiddenUnits: 16);
        TrainingDivergedException diverged = Assert.Throws<TrainingDivergedException>(() => Trainer.Train(data, settings));

        diverged.Epoch.Should().Be(0);
        TrainingMessages.Diverged(diverged, data, settings).Should().Contain("(up to 1.7e+308 in absolute value)").And.NotContain("learning-rate");
    }

    [Fact]
    public void A_huge_hidden_size_is_refused_up_front_with_the_memory_it_needs()
    {
        (int exitCode, string output, string error) = InProcess.Run("--hidden", "300000000");

        exitCode.Should().Be(ExitCodes.BadInput);
        output.Should().BeEmpty();
        Match figure = Regex.Match(error, @"^XorNet: --hidden 300000000 needs about ([0-9.]+) GiB to train");
        figure.Success.Should().BeTrue(error);
        double gibibytes = double.Parse(figure.Groups[1].Value, CultureInfo.InvariantCulture);

        // The documented formula: 8 · (2·(inputs + 2)·hidden + 8·hidden + 10 + 4·rows) bytes, 35.8 GiB here.
        double expected = 8.0 * ((2.0 * 4 * 300_000_000) + (8.0 * 300_000_000) + 10 + 16) / (1 << 30);
        gibibytes.Should().BeInRange(1, 100).And.BeApproximately(expected, 0.05);
        error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().ContainSingle();
    }

    [Fact]
    public void The_estimate_does_not_overflow_at_the_largest_sizes()
    {
        long bytes = TwoLayerNetwork.TrainingBytes(int.MaxValue, int.MaxValue, int.MaxValue);
        bytes.Should().BePositive();
        TwoLayerNetwork.TrainingBytes(2, int.MaxValue, 4).Should().BeGreaterThan(8L * 12 * int.MaxValue);
    }

    [Fact]
    public void More_hidden_units_than_an_array_holds_are_refused_even_with_the_memory()
    {
        var data = Dataset.Xor;
        int largest = TwoLayerNetwork.MaxHidden(2);
        string? message = TrainingMessages.TooLarge(data, new TrainingSettings(HiddenUnits: largest + 1), long.MaxValue);

        message.Should().StartWith($"--hidden {largest + 1} needs about ").And.Contain("GiB").And.Contain($"the largest hidden size is {largest}");
        TrainingMessages.TooLarge(data, new TrainingSettings(HiddenUnits: largest), long.MaxValue).Should().BeNull();
    }

    [Fact]
    public void Out_of_memory_names_the_run_not_only_the_hidden_size()
    {
        string message = TrainingMessages.OutOfMemory(Dataset.Xor, new TrainingSettings(HiddenUnits: 100_000));

        // 8 · (2·4·100000 + 8·100000 + 10 + 16) bytes = 12.2 MiB.
        message.Should().StartWith("out of memory: training with --hidden 100000 on 4 rows of xor needs about 12.2 MiB").And.Contain("less data");
    }

    [Fact]
    public void A_data_file_too_large_for_memory_is_not_blamed_on_the_hidden_size()
    {
        // A real process under a 48 MB heap limit, reading a 22 MB CSV file (two million rows): the rows need more
        // than the limit, so memory runs out while reading them, before any network exists.
        string data = Path.Combine(Path.GetTempPath(), $"xornet-big-{Guid.NewGuid():N}.csv");
        using (var writer = new StreamWriter(data))
        {
            for (int i = 0; i < 2_000_000; i++)
            {
                writer.Write("0.25,0.5,1\n");
            }
        }

        try
        {
            string program = Path.Combine(AppContext.BaseDirectory, "XorNet.dll");
            var start = new System.Diagnostics.ProcessStartInfo("dotnet", [program, "--data", data, "--epochs", "1"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.Environment["DOTNET_GCHeapHardLimit"] = "0x3000000";
            using var child = System.Diagnostics.Process.Start(start)!;
            string error = child.StandardError.ReadToEnd();
            child.StandardOutput.ReadToEnd();
            child.WaitForExit(60_000).Should().BeTrue();

            child.ExitCode.Should().Be(ExitCodes.Failed, error);
            error.Should().Be($"XorNet: {TrainingMessages.OutOfMemoryOutsideTraining}\n");
        }
        finally
        {
            File.Delete(data);
        }
    }
}
