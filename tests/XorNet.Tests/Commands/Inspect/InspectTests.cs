using System.Text.Json.Nodes;
using FluentAssertions;

namespace XorNet.Tests;

/// <summary><c>inspect --model</c>: the explanation of a saved model, and predict's one-line errors.</summary>
public sealed class InspectTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("xornet-inspect-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void A_saved_model_is_explained_as_the_training_run_explained_it()
    {
        string model = Path.Combine(_directory, "xor.json");
        string trained = InProcess.Run("--explain", "--save", model).Output;

        (int exitCode, string output, string error) = InProcess.Run("inspect", "--model", model);

        exitCode.Should().Be(ExitCodes.Success);
        error.Should().BeEmpty();
        string[] lines = output.TrimEnd('\n').Split('\n');
        lines[0].Should().Be("What each unit computes, on the 4 rows of 0/1 inputs (a model file holds no training data): 00 01 10 11.");
        // The XOR table's rows are the same four in the same order, so every other line is the training run's.
        string[] fromTraining = trained[trained.IndexOf("\n\nWhat each unit", StringComparison.Ordinal)..].Trim('\n').Split('\n');
        lines.Skip(1).Should().Equal(fromTraining.Skip(1));
    }

    [Fact]
    public void Json_carries_the_explanation()
    {
        string model = Path.Combine(_directory, "ha.json");
        InProcess.Run("--dataset", "half-adder", "--layers", "8", "--activation", "tanh", "--loss", "bce", "--epochs", "2000", "--save", model);
        JsonNode trained = JsonNode.Parse(InProcess.Run("--dataset", "half-adder", "--layers", "8", "--activation", "tanh", "--loss", "bce", "--epochs", "2000", "--explain", "--format", "json").Output)!;

        (int exitCode, string output, _) = InProcess.Run("inspect", "--model", model, "--format", "json");

        exitCode.Should().Be(ExitCodes.Success);
        JsonNode report = JsonNode.Parse(output)!;
        report.AsObject().Select(p => p.Key).Should().Equal("explanation");
        JsonNode explanation = report["explanation"]!;
        explanation["rows"]!.ToJsonString().Should().Be("[[0.0,0.0],[0.0,1.0],[1.0,0.0],[1.0,1.0]]", "doubles as Python's repr writes them");
        explanation["layers"]!.ToJsonString().Should().Be(trained["explanation"]!["layers"]!.ToJsonString(), "the same weights on the same rows");
    }

    [Fact]
    public void Three_inputs_are_explained_over_all_eight_rows()
    {
        string model = Path.Combine(_directory, "p3.json");
        InProcess.Run("--dataset", "parity3", "--layers", "6,6", "--activation", "tanh", "--init", "xavier", "--lr", "0.3", "--epochs", "4000", "--save", model);

        string[] lines = InProcess.Run("inspect", "--model", model).Output.TrimEnd('\n').Split('\n');

        lines[0].Should().EndWith(": 000 001 010 011 100 101 110 111.");
        lines[^1].Should().StartWith("  y = sigmoid(").And.EndWith("   01101001");
    }

    [Fact]
    public void Too_many_inputs_for_every_row_explain_the_weights_alone()
    {
        string data = Path.Combine(_directory, "wide.csv");
        File.WriteAllText(data, string.Join(',', Enumerable.Repeat("0", 12)) + "\n" + string.Join(',', Enumerable.Repeat("1", 12)) + "\n");
        string model = Path.Combine(_directory, "wide.json");
        InProcess.Run("--data", data, "--hidden", "2", "--epochs", "1", "--save", model).ExitCode.Should().Be(ExitCodes.Success);

        (int exitCode, string output, _) = InProcess.Run("inspect", "--model", model);

        exitCode.Should().Be(ExitCodes.Success);
        string[] lines = output.TrimEnd('\n').Split('\n');
        lines[0].Should().Be("What each unit computes, on no rows: 11 inputs have 2^11 rows of 0/1 inputs, more than the 2^10 inspect runs.");
        lines[1].Should().Be("Layer 1 (sigmoid), from the inputs:");
        lines[2].Should().StartWith("  h1 = sigmoid(").And.EndWith(")").And.Contain("·x11 ");
    }

    [Fact]
    public void Bad_model_files_get_the_same_one_line_errors_as_predict()
    {
        string missing = Path.Combine(_directory, "missing.json");
        string notModel = Path.Combine(_directory, "not-model.json");
        File.WriteAllText(notModel, "{\"format\": \"something\"}");
        string cut = Path.Combine(_directory, "cut.json");
        InProcess.Run("--save", cut);
        File.WriteAllText(cut, File.ReadAllText(cut)[..100]);

        foreach (string path in new[] { missing, notModel, cut, _directory, "" })
        {
            (int exitCode, string output, string error) = InProcess.Run("inspect", "--model", path);
            (_, _, string predictError) = InProcess.Run("predict", "--model", path, "0,0");

            exitCode.Should().Be(ExitCodes.BadInput);
            output.Should().BeEmpty();
            error.Should().EndWith("\n").And.Subject.Count(c => c == '\n').Should().Be(1);
            error.Should().Be(predictError, "inspect reads the model as predict does");
        }
    }

    [Fact]
    public void Usage_mistakes_are_one_line_naming_inspect()
    {
        (int exitCode, _, string error) = InProcess.Run("inspect");
        exitCode.Should().Be(ExitCodes.BadInput);
        error.Should().Be("XorNet: inspect needs --model PATH.json, a network saved with --save. Run 'XorNet inspect --help' for the options and the values they accept.\n");

        (exitCode, _, error) = InProcess.Run("inspect", "--model", "m.json", "--epochs", "5");
        exitCode.Should().Be(ExitCodes.BadInput);
        error.Should().StartWith("XorNet: '--epochs' is not an option or value inspect takes.");

        (exitCode, _, error) = InProcess.Run("inspect", "--model", "m.json", "--format", "xml");
        exitCode.Should().Be(ExitCodes.BadInput);
        error.Should().StartWith("XorNet: --format does not accept 'xml': expected text or json.");
    }
}
