using System.Diagnostics;
using System.Text.Json;
using FluentAssertions;

namespace XorNet.Tests;

/// <summary>--target-loss, --check-gradients and Ctrl+C.</summary>
public sealed class TrainingControlTests
{
    [Fact]
    public void Target_loss_stops_at_the_first_epoch_at_or_below_it()
    {
        double[] losses = Fixture.Losses();
        int expected = Array.FindIndex(losses, l => l <= 0.05);

        (int exitCode, string output, _) = InProcess.Run("--target-loss", "0.05");

        exitCode.Should().Be(ExitCodes.Success);
        output.Should().Contain($"Reached loss ≤ 0.05 at epoch {expected}.\n\nPredictions after training:\n");
        output.Should().StartWith(string.Concat(Fixture.Text("notebook-transcript.txt").Split('\n').Take(5).Select(l => l + "\n")));
    }

    [Fact]
    public void Target_loss_appears_in_the_json_report()
    {
        (_, string json, _) = InProcess.Run("--target-loss", "0.1", "--format", "json");

        using JsonDocument document = JsonDocument.Parse(json);
        int stopped = document.RootElement.GetProperty("stoppedAtEpoch").GetInt32();
        stopped.Should().Be(Array.FindIndex(Fixture.Losses(), l => l <= 0.1));
        document.RootElement.GetProperty("finalLoss").GetDouble().Should().BeLessThanOrEqualTo(0.1);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1")]
    [InlineData("-0.5")]
    [InlineData("abc")]
    public void Target_loss_outside_0_to_1_is_bad_input(string value)
    {
        (int exitCode, _, string error) = InProcess.Run("--target-loss", value);

        exitCode.Should().Be(ExitCodes.BadInput);
        error.Should().Contain("--target-loss").And.Contain("less than 1");
    }

    [Fact]
    public void Gradient_check_reports_each_parameter_on_stderr_and_training_goes_on()
    {
        (int exitCode, string output, string error) = InProcess.Run("--check-gradients", "--epochs", "10");

        exitCode.Should().Be(ExitCodes.Success);
        error.Should().MatchRegex(@"^Gradient check, largest error / tolerance \(passes at most 1\): W1 \S+, b1 \S+, W2 \S+, b2 \S+\n$");
        output.Should().StartWith("Epoch 0, Loss: 0.2832\n");
    }

    [Fact]
    public void Gradient_check_finds_small_errors_on_every_dataset()
    {
        foreach (Dataset data in Dataset.TruthTables.Select(Dataset.Named).Where(d => d.Targets == 1))
        {
            string name = data.Name;
            GradientErrors errors = GradientCheck.Run(TwoLayerNetwork.Initialize(data.Inputs, 5, new NumPyRandom(3)), data);
            errors.Passed.Should().BeTrue(name);
        }
    }

    [Fact]
    public void Sigint_to_a_real_process_stops_after_the_epoch_and_exits_130()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "needs POSIX signals");
        string program = Path.Combine(AppContext.BaseDirectory, "XorNet.dll");
        var start = new ProcessStartInfo("dotnet", [program, "--epochs", "2000000000", "--log-every", "100000"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using Process child = Process.Start(start)!;
        string? first = child.StandardOutput.ReadLine();
        first.Should().Be("Epoch 0, Loss: 0.2832");

        using (Process kill = Process.Start("kill", ["-INT", child.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!)
        {
            kill.WaitForExit();
        }

        string rest = child.StandardOutput.ReadToEnd();
        child.WaitForExit(30_000).Should().BeTrue();
        child.ExitCode.Should().Be(ExitCodes.Interrupted);
        rest.Should().MatchRegex(@"Interrupted at epoch \d+\.\n\nPredictions after training:\n\[\[");
    }

    [Fact]
    public void A_second_sigint_ends_the_process_at_once()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "needs POSIX signals");

        // Epochs of several seconds (4096 rows × 400 000 hidden units), so both signals arrive inside the first one.
        string data = Path.Combine(Path.GetTempPath(), $"xornet-slow-{Guid.NewGuid():N}.csv");
        File.WriteAllLines(data, Enumerable.Range(0, 4096).Select(i => $"{i % 2},{i / 2 % 2},{(i % 2) ^ (i / 2 % 2)}"));
        try
        {
            string program = Path.Combine(AppContext.BaseDirectory, "XorNet.dll");
            var start = new ProcessStartInfo("dotnet", [program, "--data", data, "--hidden", "400000", "--epochs", "100", "--log-every", "1"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using Process child = Process.Start(start)!;
            try
            {
                Thread.Sleep(1500);
                Interrupt(child);
                Thread.Sleep(200);
                Interrupt(child);

                child.WaitForExit(10_000).Should().BeTrue("the second Ctrl+C does not wait for the epoch to end");
                child.StandardOutput.ReadToEnd().Should().NotContain("Predictions after training");
            }
            finally
            {
                if (!child.HasExited)
                {
                    child.Kill();
                }
            }
        }
        finally
        {
            File.Delete(data);
        }
    }

    private static void Interrupt(Process child)
    {
        using Process kill = Process.Start("kill", ["-INT", child.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        kill.WaitForExit();
    }
}
