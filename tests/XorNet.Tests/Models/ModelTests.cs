using System.Text.Json;
using System.Text.Json.Nodes;
using FluentAssertions;

namespace XorNet.Tests;

/// <summary>--save and predict: exact round trips, and one clear line for every malformed model or row.</summary>
public sealed class ModelTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("xornet-models-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Saved_model_predicts_exactly_the_trained_networks_forward_pass()
    {
        string model = Path.Combine(_directory, "xor.json");

        InProcess.Run("--epochs", "3000", "--save", model).ExitCode.Should().Be(ExitCodes.Success);
        (int exitCode, string json, _) = InProcess.Run("predict", "--model", model, "0,0", "0,1", "1,0", "1,1", "--format", "json");

        exitCode.Should().Be(ExitCodes.Success);
        TrainingResult trained = Trainer.Train(Dataset.Xor, new TrainingSettings(Epochs: 3000));
        double[] expected = trained.Network.Predict(Dataset.Xor.X).AsSpan().ToArray();
        using JsonDocument document = JsonDocument.Parse(json);
        document.RootElement.EnumerateObject().Select(p => p.Name).Should().Equal("predictions");
        Fixture.Rows(document.RootElement.GetProperty("predictions")).Select(r => r.Single())
            .Select(BitConverter.DoubleToInt64Bits).Should().Equal(expected.Select(BitConverter.DoubleToInt64Bits));
    }

    [Fact]
    public void Model_file_records_sizes_weights_and_training()
    {
        string model = Path.Combine(_directory, "and.json");

        InProcess.Run("--dataset", "and", "--epochs", "500", "--hidden", "3", "--seed", "9", "--save", model).ExitCode.Should().Be(0);

        JsonNode root = JsonNode.Parse(File.ReadAllText(model))!;
        root["format"]!.GetValue<string>().Should().Be(ModelFile.FormatName);
        root["version"]!.GetValue<int>().Should().Be(ModelFile.Version);
        root["inputs"]!.GetValue<int>().Should().Be(2);
        root["layers"]!.AsArray().Select(n => n!.GetValue<int>()).Should().Equal(3);
        root["outputs"]!.GetValue<int>().Should().Be(1);
        root["activation"]!.GetValue<string>().Should().Be("sigmoid");
        root["initialization"]!.GetValue<string>().Should().Be("normal");
        root["loss"]!.GetValue<string>().Should().Be("mse");
        root["weights"]!.AsObject().Select(p => p.Key).Should().Equal("W1", "b1", "W2", "b2");
        root["training"]!["data"]!.GetValue<string>().Should().Be("and");
        root["training"]!["seed"]!.GetValue<uint>().Should().Be(9);
        root["training"]!["epochs"]!.GetValue<int>().Should().Be(500);
        root["training"]!["finalLoss"]!.GetValue<double>().Should().BeInRange(0, 1);
        Directory.GetFiles(_directory).Should().ContainSingle("the temporary file is renamed, not left behind");
    }

    [Fact]
    public void Text_predictions_show_each_row_and_three_decimals()
    {
        string model = Path.Combine(_directory, "xor.json");
        InProcess.Run("--save", model);

        (int exitCode, string output, _) = InProcess.Run("predict", "--model", model, "0,1", "1,1");

        exitCode.Should().Be(ExitCodes.Success);
        output.Should().Be("0,1 -> 0.949\n1,1 -> 0.064\n");
    }

    [Fact]
    public void Predicting_a_csv_with_targets_reports_mse_and_accuracy()
    {
        string model = Path.Combine(_directory, "xor.json");
        string data = Path.Combine(_directory, "rows.csv");
        InProcess.Run("--save", model);
        File.WriteAllText(data, "x1,x2,y\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n");

        (int exitCode, string output, _) = InProcess.Run("predict", "--model", model, "--data", data);

        exitCode.Should().Be(ExitCodes.Success);
        // The inputs read from the file print as Python prints floats, as every number XorNet prints does.
        output.Should().StartWith("0.0,0.0 -> 0.037\n0.0,1.0 -> 0.949\n1.0,0.0 -> 0.945\n1.0,1.0 -> 0.064\nMSE: ");
        output.Should().Contain("Accuracy: 100% (4 of 4");

        (_, string json, _) = InProcess.Run("predict", "--model", model, "--data", data, "--format", "json");
        using JsonDocument document = JsonDocument.Parse(json);
        document.RootElement.GetProperty("accuracy").GetDouble().Should().Be(1);
        document.RootElement.GetProperty("mse").GetDouble().Should().BeInRange(0, 0.01);
        output.Should().Contain($"MSE: {document.RootElement.GetProperty("mse").GetDouble():R}");
    }

    public static TheoryData<string, string> BadModels => new()
    {
        { "", "the file is empty" },
        { "not json", "not a model file" },
        { "[1, 2]", "not a model file" },
        { "null", "not a model file" },
        { """{"format": "other", "version": 1, "inputs": 2, "hidden": 1, "outputs": 1, "activation": "sigmoid", "weights": {}}""", "\"format\" is 'other'" },
        { Valid(version: 4), "version 4" },
        { Valid(activation: "\"relu\""), "\"activation\" is 'relu'" },
        { Valid().Replace("\"inputs\": 2,", "", StringComparison.Ordinal), "no \"inputs\"" },
        { Valid().Replace("\"b2\": [[0.5]]", "\"b3\": [[0.5]]", StringComparison.Ordinal), "no \"b2\"" },
        { Valid(hidden: 3), "W1 must be 2 × 3" },
        { Valid(w2: "[[1], [2, 3]]"), "W2 must be 2 × 1" },
        { Valid(b2: "[[1e999]]"), "b2 holds 1e999, which is not a finite number" },
        { Valid(b2: "[[\"x\"]]"), "b2 must be an array of rows of numbers" },
        { Valid(outputs: 2), "\"outputs\" is 2" },
        { Valid(hidden: 0), "\"hidden\" must be a whole number ≥ 1, not 0" },
        { Valid().Replace("\"weights\"", "\"weightz\"", StringComparison.Ordinal), "\"weightz\" is not a field this program knows" },
    };

    [Theory]
    [MemberData(nameof(BadModels))]
    public void Malformed_models_exit_2_with_one_line(string text, string expected)
    {
        string model = Path.Combine(_directory, "model.json");
        File.WriteAllText(model, text);

        (int exitCode, string output, string error) = InProcess.Run("predict", "--model", model, "0,1");

        exitCode.Should().Be(ExitCodes.BadInput);
        output.Should().BeEmpty();
        error.TrimEnd('\n').Should().NotContain("\n").And.Contain(expected);
    }

    [Fact]
    public void The_valid_template_of_the_malformed_cases_is_itself_accepted()
    {
        string model = Path.Combine(_directory, "model.json");
        File.WriteAllText(model, Valid());

        InProcess.Run("predict", "--model", model, "0,1").ExitCode.Should().Be(ExitCodes.Success);
    }

    public static TheoryData<string[], string> BadRows => new()
    {
        { ["0"], "has 1 value;" },
        { ["0,1,1"], "has 3 values" },
        { ["0,x"], "'x' is not a number" },
        { ["0,"], "'' is not a number" },
        { ["0,NaN"], "not a finite number" },
        { ["1e999,0"], "not a finite number" },
        { ["0,1", "1;1"], "'1;1'" },
        { [], "input rows" },
    };

    [Theory]
    [MemberData(nameof(BadRows))]
    public void Malformed_rows_exit_2_with_one_line(string[] rows, string expected)
    {
        string model = Path.Combine(_directory, "model.json");
        File.WriteAllText(model, Valid());

        (int exitCode, string output, string error) = InProcess.Run(["predict", "--model", model, .. rows]);

        exitCode.Should().Be(ExitCodes.BadInput);
        output.Should().BeEmpty();
        error.TrimEnd('\n').Should().NotContain("\n").And.Contain(expected);
    }

    [Fact]
    public void A_missing_model_or_a_csv_of_the_wrong_width_exit_2()
    {
        string model = Path.Combine(_directory, "model.json");
        File.WriteAllText(model, Valid());
        string data = Path.Combine(_directory, "wide.csv");
        File.WriteAllText(data, "1,2,3,4\n");

        InProcess.Run("predict", "--model", Path.Combine(_directory, "none.json"), "0,1").ExitCode.Should().Be(ExitCodes.BadInput);
        InProcess.Run("predict", "--model", model, "--data", data).Error.Should().Contain("line 1").And.Contain("takes 2 inputs");
    }

    [Fact]
    public void Save_into_a_missing_directory_is_refused_before_training()
    {
        (int exitCode, string output, string error) = InProcess.Run("--save", Path.Combine(_directory, "no", "such", "m.json"));

        exitCode.Should().Be(ExitCodes.BadInput);
        output.Should().BeEmpty();
        error.Should().Contain("--save");
    }

    private static string Valid(int version = 1, int hidden = 2, int outputs = 1, string activation = "\"sigmoid\"", string w2 = "[[1], [-1]]", string b2 = "[[0.5]]") =>
        $$$"""
        {"format": "xornet-model", "version": {{{version}}}, "inputs": 2, "hidden": {{{hidden}}}, "outputs": {{{outputs}}},
         "activation": {{{activation}}},
         "weights": {"W1": [[1, 2], [3, 4]], "b1": [[0, 0]], "W2": {{{w2}}}, "b2": [[0.5]]}}
        """.Replace("\"b2\": [[0.5]]", $"\"b2\": {b2}", StringComparison.Ordinal);
}
