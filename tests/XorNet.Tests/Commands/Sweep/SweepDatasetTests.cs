using System.Text.Json;
using FluentAssertions;

namespace XorNet.Tests;

/// <summary><c>sweep --dataset</c> with a generated set: each run is the training run on the same drawn points.</summary>
public sealed class SweepDatasetTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("xornet-sweep-data-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("4", "sigmoid")]
    [InlineData("6,6", "tanh")]
    public void Every_run_ends_with_the_loss_and_accuracy_of_training_on_the_set_drawn_alike(string layers, string activation)
    {
        string records = Path.Combine(_directory, "runs.jsonl");
        string[] set = ["--dataset", "spiral", "--samples", "51", "--noise", "0.2", "--data-seed", "9"];

        (int exitCode, _, string error) = InProcess.Run(
            ["sweep", .. set, "--seed", "3,4", "--layers", layers, "--activation", activation, "--epochs", "120", "--full", "--out", records]);

        exitCode.Should().Be(ExitCodes.Success, error);
        string[] lines = File.ReadAllLines(records);
        lines.Should().HaveCount(2);
        foreach (string line in lines)
        {
            using JsonDocument record = JsonDocument.Parse(line);
            string seed = record.RootElement.GetProperty("seed").GetUInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);
            (int trainExit, string output, _) = InProcess.Run([.. set, "--seed", seed, "--layers", layers, "--activation", activation, "--epochs", "120", "--format", "json"]);
            trainExit.Should().Be(ExitCodes.Success);
            using JsonDocument report = JsonDocument.Parse(output);
            record.RootElement.GetProperty("finalLoss").GetDouble().Should().Be(report.RootElement.GetProperty("finalLoss").GetDouble());
            record.RootElement.GetProperty("accuracy").GetDouble().Should().Be(report.RootElement.GetProperty("accuracy").GetDouble());
        }
    }

    [Fact]
    public void The_drawing_options_are_refused_with_a_truth_table()
    {
        (int exitCode, _, string error) = InProcess.Run("sweep", "--dataset", "and", "--data-seed", "2", "--epochs", "5");

        exitCode.Should().Be(ExitCodes.BadInput);
        error.Should().Contain("--data-seed draws a generated set").And.Contain("and is a truth table");
    }
}
