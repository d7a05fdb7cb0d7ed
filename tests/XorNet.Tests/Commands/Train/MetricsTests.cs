using System.Text.Json;
using FluentAssertions;

namespace XorNet.Tests;

/// <summary>
/// <c>--metrics</c>: after the predictions, the epochs run, the final loss to every digit and the accuracy, agreeing
/// with the JSON report of the same run; nothing of it without the option.
/// </summary>
public sealed class MetricsTests
{
    [Theory]
    [InlineData("--dataset", "xor", "--epochs", "10000")]
    [InlineData("--dataset", "xor", "--epochs", "300")]
    [InlineData("--dataset", "full-adder", "--layers", "8", "--epochs", "700")]
    [InlineData("--dataset", "half-adder", "--loss", "bce", "--target-loss", "0.3")]
    public void The_metrics_follow_the_predictions_and_agree_with_the_json_report(params string[] args)
    {
        (int exitCode, string text, string error) = InProcess.Run([.. args, "--metrics"]);
        (_, string json, _) = InProcess.Run([.. args, "--format", "json"]);
        (_, string plain, _) = InProcess.Run(args);

        exitCode.Should().Be(ExitCodes.Success, error);
        using JsonDocument document = JsonDocument.Parse(json);
        JsonElement report = document.RootElement;
        int rows = report.GetProperty("predictions").GetArrayLength(), outputs = report.GetProperty("outputs").GetInt32();
        Dataset data = Dataset.Named(args[1]);
        int right = Enumerable.Range(0, rows).Count(r => Enumerable.Range(0, outputs).All(
            o => Math.Abs(report.GetProperty("predictions")[r][o].GetDouble() - data.Y[r, o]) < 0.5));
        string percent = (100.0 * right / rows).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
        string every = outputs == 1 ? "" : "with every output ";
        text.Should().Be(
            plain
            + "\n"
            + $"Epochs run: {report.GetProperty("epochsRun").GetInt32()}\n"
            + $"Final loss: {NumPyFormat.Repr(report.GetProperty("finalLoss").GetDouble())}\n"
            + $"Accuracy: {percent}% ({right} of {rows} {every}on the right side of 0.5)\n");
        report.GetProperty("accuracy").GetDouble().Should().Be((double)right / rows);
    }

    [Fact]
    public void An_interrupted_run_reports_the_epochs_it_ran()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        (int exitCode, string output, _) = InProcess.Run(["--metrics"], cancelled.Token);

        exitCode.Should().Be(ExitCodes.Interrupted);
        output.Should().Contain("Interrupted at epoch 0.\n").And.Contain($"]]\n\nEpochs run: 1\nFinal loss: {NumPyFormat.Repr(Fixture.Losses()[0])}\nAccuracy: ", "epoch 0's loss, NumPy's");
    }

    [Fact]
    public void The_json_report_is_the_same_with_or_without_metrics()
    {
        (_, string with, _) = InProcess.Run("--format", "json", "--epochs", "50", "--metrics");
        (_, string without, _) = InProcess.Run("--format", "json", "--epochs", "50");

        static string Timeless(string json) => System.Text.RegularExpressions.Regex.Replace(json, "\"trainingSeconds\": [^,]+", "");
        Timeless(with).Should().Be(Timeless(without));
    }
}
