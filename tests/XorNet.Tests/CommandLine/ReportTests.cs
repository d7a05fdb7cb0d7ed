using System.Text.Json;
using FluentAssertions;

namespace XorNet.Tests;

/// <summary>What runs report: epochs run, numbers as Python prints them, counts in words, and usage mistakes in one line.</summary>
public sealed class ReportTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("xornet-reports-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void The_json_report_says_how_many_epochs_ran_besides_how_many_were_asked_for()
    {
        (int exitCode, string output, _) = InProcess.Run("--format", "json", "--epochs", "1000", "--target-loss", "0.25");

        exitCode.Should().Be(ExitCodes.Success);
        using JsonDocument report = JsonDocument.Parse(output);
        int stoppedAt = report.RootElement.GetProperty("stoppedAtEpoch").GetInt32();
        report.RootElement.GetProperty("epochs").GetInt32().Should().Be(1000);
        report.RootElement.GetProperty("epochsRun").GetInt32().Should().Be(stoppedAt + 1).And.BeLessThan(1000);
    }

    [Fact]
    public void An_interrupted_json_report_says_how_many_epochs_ran()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        (int exitCode, string output, _) = InProcess.Run(["--format", "json", "--epochs", "1000"], cancelled.Token);

        exitCode.Should().Be(ExitCodes.Interrupted);
        using JsonDocument report = JsonDocument.Parse(output);
        report.RootElement.GetProperty("epochs").GetInt32().Should().Be(1000);
        report.RootElement.GetProperty("epochsRun").GetInt32().Should().Be(1, "training stops after the epoch in progress");
    }

    [Fact]
    public void A_tiny_mse_prints_as_python_prints_it()
    {
        // A network whose output is sigmoid(-12) ≈ 6.1e-06 everywhere, against targets 0: the MSE is about 3.8e-11.
        string model = Path.Combine(_directory, "flat.json");
        var network = new TwoLayerNetwork(new Matrix(2, 1), new Matrix(1, 1), new Matrix(1, 1), Matrix.FromRows([-12.0]));
        ModelFile.Save(OutputFile.Check("--save", model, "model.json"), network, new ModelTraining("flat", 0, 0.1, 0, null));
        string data = Path.Combine(_directory, "zeros.csv");
        File.WriteAllText(data, "0,0,0\n1,1,0\n");
        double output = TwoLayerNetwork.Sigmoid(-12);

        (int exitCode, string text, string error) = InProcess.Run("predict", "--model", model, "--data", data);

        exitCode.Should().Be(ExitCodes.Success, error);
        text.Should().Contain($"\nMSE: {NumPyFormat.Repr(output * output)}\n").And.MatchRegex(@"MSE: \d\.\d+e-11\n").And.NotContain("E-");
    }

    [Fact]
    public void The_target_loss_prints_as_python_prints_it()
    {
        // All targets 0 and a large rate: the output bias drops at once and the loss falls below 1e-05 at epoch 1.
        string data = Path.Combine(_directory, "zeros.csv");
        File.WriteAllText(data, "0,0,0\n1,1,0\n");

        (int exitCode, string output, _) = InProcess.Run("--data", data, "--learning-rate", "100", "--target-loss", "0.00001");

        exitCode.Should().Be(ExitCodes.Success);
        output.Should().MatchRegex(@"\nReached loss ≤ 1e-05 at epoch \d+\.\n");
    }

    [Theory]
    [InlineData("--epochs", "5", "6")]
    [InlineData("--seed", "1", "2")]
    [InlineData("--format", "json", "text")]
    [InlineData("--save", "a.json", "b.json")]
    public void A_repeated_option_is_reported_as_given_twice(string option, string first, string second)
    {
        (int exitCode, string output, string error) = InProcess.Run(option, first, option, second);

        exitCode.Should().Be(ExitCodes.BadInput);
        output.Should().BeEmpty();
        error.Should().Be($"XorNet: {option} was given twice; give it once. Run 'XorNet --help' for the options and the values they accept.\n");
    }

    [Fact]
    public void A_repeated_flag_or_alias_is_reported_too()
    {
        InProcess.Run("--check-gradients", "--check-gradients").Error.Should().StartWith("XorNet: --check-gradients was given twice; give it once.");
        InProcess.Run("--lr", "0.1", "--learning-rate", "0.2").Error.Should().StartWith("XorNet: --learning-rate was given twice; give it once.");
        InProcess.Run("--epochs", "1", "--epochs", "2", "--epochs", "3").Error.Should().StartWith("XorNet: --epochs was given 3 times; give it once.");
    }

    [Fact]
    public void Predict_errors_point_to_predict_help()
    {
        string model = SavedModel();

        (int exitCode, _, string error) = InProcess.Run("predict", "--model", model, "--model", model, "0,1");

        exitCode.Should().Be(ExitCodes.BadInput);
        error.Should().Be("XorNet: --model was given twice; give it once. Run 'XorNet predict --help' for the options and the values they accept.\n");
        InProcess.Run("predict", "0,1").Error.Should().EndWith("Run 'XorNet predict --help' for the options and the values they accept.\n");
    }

    [Fact]
    public void A_training_option_given_to_predict_is_named_as_such()
    {
        (int exitCode, string output, string error) = InProcess.Run("predict", "--model", SavedModel(), "--epochs", "5", "0,1");

        exitCode.Should().Be(ExitCodes.BadInput);
        output.Should().BeEmpty();
        error.Should().StartWith("XorNet: --epochs is a training option, not a predict option; predict takes --model, --data, --format and input rows.")
            .And.NotContain("row '--epochs'");
        error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().ContainSingle();
    }

    [Fact]
    public void An_unknown_option_given_to_predict_is_not_taken_for_a_row()
    {
        (int exitCode, _, string error) = InProcess.Run("predict", "--model", SavedModel(), "--bogus", "0,1");

        exitCode.Should().Be(ExitCodes.BadInput);
        error.Should().StartWith("XorNet: '--bogus' is not a predict option;");
    }

    [Fact]
    public void Rows_starting_with_a_minus_sign_are_still_rows()
    {
        (int exitCode, string output, string error) = InProcess.Run("predict", "--model", SavedModel(), "-1,0", "-0.5,-2", "0,1");

        exitCode.Should().Be(ExitCodes.Success, error);
        output.Should().MatchRegex(@"^-1,0 -> \d\.\d{3}\n-0\.5,-2 -> \d\.\d{3}\n0,1 -> 0\.949\n$");
    }

    [Fact]
    public void One_value_is_one_value()
    {
        (int exitCode, _, string error) = InProcess.Run("predict", "--model", SavedModel(), "5");

        exitCode.Should().Be(ExitCodes.BadInput);
        error.Should().Be("XorNet: row '5' has 1 value; the model takes 2, separated by commas.\n");
    }

    [Fact]
    public void A_csv_row_of_one_column_too_many_says_so_in_the_singular_where_it_is_one()
    {
        string model = SavedModel();
        string data = Path.Combine(_directory, "wide.csv");
        File.WriteAllText(data, "1,2,3,4\n");

        (int exitCode, _, string error) = InProcess.Run("predict", "--model", model, "--data", data);

        exitCode.Should().Be(ExitCodes.BadInput);
        error.Should().Contain("the row has 4 columns; the model takes 2 inputs");
    }

    [Theory]
    [InlineData("--epochs", "10000")]
    [InlineData("--epochs", "300")]
    [InlineData("--epochs", "0")]
    public void The_json_report_has_the_accuracy_of_its_predictions(string option, string value)
    {
        (int exitCode, string output, _) = InProcess.Run("--format", "json", option, value);

        exitCode.Should().Be(ExitCodes.Success);
        using JsonDocument report = JsonDocument.Parse(output);
        double[] targets = [0, 1, 1, 0];
        double[] predictions = [.. report.RootElement.GetProperty("predictions").EnumerateArray().Select(row => row[0].GetDouble())];
        int right = predictions.Where((p, i) => Math.Abs(p - targets[i]) < 0.5).Count();
        report.RootElement.GetProperty("accuracy").GetDouble().Should().Be(right / 4.0);
    }

    private string SavedModel()
    {
        string model = Path.Combine(_directory, "xor.json");
        if (!File.Exists(model))
        {
            InProcess.Run("--save", model).ExitCode.Should().Be(ExitCodes.Success);
        }

        return model;
    }
}
