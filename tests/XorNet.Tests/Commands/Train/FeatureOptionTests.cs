using System.Text.Json.Nodes;
using FluentAssertions;

namespace XorNet.Tests;

/// <summary>
/// --features, --layers none and --init zeros beyond the transcript: the refusals, the files a run saves and what
/// predict, inspect and export make of them, the pictures over the raw plane, the identical units, and sweeps.
/// </summary>
public sealed class FeatureOptionTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("xornet-features-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    public static TheoryData<string[], string> Refusals() => new()
    {
        { ["--features", "x1,x3"], "XorNet: --features does not accept 'x3': expected features from x1, x2, x1^2, x2^2, x1*x2, sin(x1), sin(x2) separated by commas, each once, such as x1,x2,x1*x2. Run 'XorNet --help' for the options and the values they accept." },
        { ["--features", "x1,x2,x1"], "XorNet: --features lists x1 twice: give each feature once. Run 'XorNet --help' for the options and the values they accept." },
        { ["--features", ""], "XorNet: --features does not accept '': expected features from x1, x2, x1^2, x2^2, x1*x2, sin(x1), sin(x2) separated by commas, each once, such as x1,x2,x1*x2. Run 'XorNet --help' for the options and the values they accept." },
        { ["--dataset", "parity3", "--features", "x1,x2"], "XorNet: --features x1,x2 computes its columns from two inputs, x1 and x2; parity3 has 3 inputs." },
        { ["sweep", "--dataset", "full-adder", "--features", "x1*x2"], "XorNet: --features x1*x2 computes its columns from two inputs, x1 and x2; full-adder has 3 inputs." },
        { ["--layers", "none,4"], $"XorNet: --layers does not accept 'none,4': expected {LayerSizes.Accepted}. Run 'XorNet --help' for the options and the values they accept." },
        { ["--init", "zero"], "XorNet: --init does not accept 'zero': expected one of normal, xavier, he, zeros. Run 'XorNet --help' for the options and the values they accept." },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void A_bad_feature_list_or_layer_list_is_refused_in_one_line(string[] args, string message)
    {
        (int exitCode, string output, string error) = InProcess.Run(args);

        exitCode.Should().Be(ExitCodes.BadInput);
        output.Should().BeEmpty();
        error.Should().Be(message + "\n");
    }

    [Fact]
    public void A_saved_feature_model_predicts_and_explains_raw_rows_as_training_did()
    {
        string model = Path.Combine(_directory, "cross.json");
        string[] train = ["--features", "x1,x2,x1*x2", "--layers", "none", "--lr", "1", "--epochs", "3000", "--seed", "3"];
        (int trained, string report, _) = InProcess.Run([.. train, "--save", model, "--format", "json"]);

        trained.Should().Be(ExitCodes.Success);
        JsonNode saved = JsonNode.Parse(File.ReadAllText(model))!;
        saved["features"]!.AsArray().Select(n => n!.GetValue<string>()).Should().Equal("x1", "x2", "x1*x2");
        saved["inputs"]!.GetValue<int>().Should().Be(3);
        saved["layers"]!.AsArray().Should().BeEmpty();
        JsonNode.Parse(report)!["features"]!.AsArray().Select(n => n!.GetValue<string>()).Should().Equal("x1", "x2", "x1*x2");

        // The saved weights applied by hand to x1, x2 and x1*x2 of each raw row (1e-12: only exp's last bits may differ).
        (int predicted, string json, _) = InProcess.Run("predict", "--model", model, "0,0", "0,1", "1,0", "1,1", "0.5,-2", "--format", "json");
        double[] w = FixtureCases.Flatten(saved["weights"]!["W1"]!);
        double b = FixtureCases.Flatten(saved["weights"]!["b1"]!)[0];
        double[][] rows = [[0, 0], [0, 1], [1, 0], [1, 1], [0.5, -2]];
        double[] expected = [.. rows.Select(r => 1 / (1 + Math.Exp(-((r[0] * w[0]) + (r[1] * w[1]) + (r[0] * r[1] * w[2]) + b))))];
        predicted.Should().Be(ExitCodes.Success);
        FixtureCases.Flatten(JsonNode.Parse(json)!["predictions"]!).Should().Equal(expected, (x, y) => Math.Abs(x - y) <= 1e-12);

        (int inspected, string explanation, _) = InProcess.Run("inspect", "--model", model);
        inspected.Should().Be(ExitCodes.Success);
        explanation.Should().Contain("·x1*x2").And.Contain("0110 XOR");
    }

    [Fact]
    public void Export_refuses_a_feature_model_in_one_line_and_writes_nothing()
    {
        string model = Path.Combine(_directory, "m.json"), onnx = Path.Combine(_directory, "m.onnx");
        InProcess.Run("--features", "x1,x2,x1^2", "--epochs", "10", "--save", model).ExitCode.Should().Be(ExitCodes.Success);

        (int exitCode, _, string error) = InProcess.Run("export", "--model", model, "--out", onnx);

        exitCode.Should().Be(ExitCodes.BadInput);
        error.Should().Be($"XorNet: {model} takes the features x1,x2,x1^2 of x1 and x2, which the exported graph would not compute; export a model trained without --features.\n");
        File.Exists(onnx).Should().BeFalse();
    }

    [Fact]
    public void A_model_without_hidden_layers_exports()
    {
        string model = Path.Combine(_directory, "m.json"), onnx = Path.Combine(_directory, "m.onnx");
        InProcess.Run("--layers", "none", "--dataset", "and", "--epochs", "10", "--save", model).ExitCode.Should().Be(ExitCodes.Success);

        InProcess.Run("export", "--model", model, "--out", onnx).ExitCode.Should().Be(ExitCodes.Success);
        File.ReadAllBytes(onnx).Should().NotBeEmpty();
    }

    [Theory]
    [InlineData("[\"x1\", \"x3\", \"x1*x2\"]", "\"features\" must be an array of 3 names from x1, x2, x1^2, x2^2, x1*x2, sin(x1), sin(x2), one per input; found 'x3'")]
    [InlineData("[\"x1\", \"x1\", \"x1*x2\"]", "\"features\" lists 'x1' twice")]
    [InlineData("[\"x1\", \"x2\"]", "\"features\" must be an array of 3 names from x1, x2, x1^2, x2^2, x1*x2, sin(x1), sin(x2), one per input, not 2")]
    [InlineData("\"x1,x2,x1*x2\"", "\"features\" must be an array of 3 names from x1, x2, x1^2, x2^2, x1*x2, sin(x1), sin(x2), one per input, not a string")]
    public void A_model_file_with_bad_features_is_refused_saying_so(string features, string problem)
    {
        string model = Path.Combine(_directory, "m.json");
        InProcess.Run("--features", "x1,x2,x1*x2", "--epochs", "10", "--save", model).ExitCode.Should().Be(ExitCodes.Success);
        JsonNode root = JsonNode.Parse(File.ReadAllText(model))!;
        root["features"] = JsonNode.Parse(features);
        File.WriteAllText(model, root.ToJsonString());

        (int exitCode, _, string error) = InProcess.Run("predict", "--model", model, "0,1");

        exitCode.Should().Be(ExitCodes.BadInput);
        error.Should().StartWith($"XorNet: {model}, line 1, column ").And.Contain(problem).And.EndWith("\n");
        error.TrimEnd('\n').Should().NotContain("\n");
    }

    [Fact]
    public void Init_from_takes_the_files_features_and_refuses_other_ones()
    {
        string model = Path.Combine(_directory, "m.json");
        InProcess.Run("--features", "x1,x2,x1*x2", "--layers", "none", "--lr", "1", "--epochs", "100", "--save", model).ExitCode.Should().Be(ExitCodes.Success);

        (int resumed, string output, _) = InProcess.Run("--init-from", model, "--lr", "1", "--epochs", "100", "--explain");
        (int contradicted, _, string error) = InProcess.Run("--init-from", model, "--features", "x1,x2");

        resumed.Should().Be(ExitCodes.Success);
        output.Should().Contain("·x1*x2");
        contradicted.Should().Be(ExitCodes.BadInput);
        error.Should().Be($"XorNet: --features x1,x2 contradicts --init-from {model}, whose features are x1,x2,x1*x2; the architecture comes from the file, so drop --features.\n");
    }

    [Fact]
    public void Every_picture_shows_the_raw_plane_of_a_feature_network()
    {
        string[] pictures = ["--plot-boundary", "--plot-units", "--animate", "--plot-network"];
        string[] args = ["--features", "x1,x2,x1*x2,sin(x1)", "--layers", "none", "--lr", "1", "--epochs", "200",
            .. pictures.SelectMany(p => new[] { p, Path.Combine(_directory, p.TrimStart('-') + ".svg") })];

        (int exitCode, _, string error) = InProcess.Run(args);

        error.Should().BeEmpty();
        exitCode.Should().Be(ExitCodes.Success);
        string boundary = File.ReadAllText(Path.Combine(_directory, "plot-boundary.svg"));
        boundary.Should().Contain(">x1</text>").And.Contain(">x2</text>", "the axes are the raw inputs'");
        File.ReadAllText(Path.Combine(_directory, "plot-network.svg")).Should().Contain(">x1*x2</text>").And.Contain(">sin(x1)</text>");
    }

    [Fact]
    public void The_grid_of_a_feature_network_is_its_output_on_each_points_features()
    {
        InputFeatures features = InputFeatures.Parse("x1*x2,sin(x2)");
        var architecture = new Architecture([2, 3, 1]) { Features = features };
        INetwork network = Networks.Initialize(architecture, 5);
        PlotWindow window = PlotWindow.For(Dataset.Xor, null);

        OutputGrid grid = OutputGrid.Of(network, window, 4);

        Matrix expected = network.Predict(features.Apply(OutputGrid.Points(window, 4)));
        for (int r = 0; r < 4; r++)
        {
            for (int c = 0; c < 4; c++)
            {
                grid[r, c, 0].Should().Be(expected[(r * 4) + c, 0]);
                (double x1, double x2) = grid.Centre(r, c);
                features.Apply(Matrix.FromRows([x1, x2]))[0, 0].Should().Be(x1 * x2);
            }
        }
    }

    [Fact]
    public void Zero_initial_weights_make_identical_units_that_explain_and_the_units_picture_name()
    {
        string units = Path.Combine(_directory, "units.svg");

        (int exitCode, string output, _) = InProcess.Run("--init", "zeros", "--dataset", "and", "--lr", "1", "--epochs", "300", "--explain", "--plot-units", units);
        (_, string drawn, _) = InProcess.Run("--dataset", "and", "--lr", "1", "--epochs", "300", "--explain");

        exitCode.Should().Be(ExitCodes.Success);
        output.Should().Contain("  h1, h2, h3 and h4 are identical: the same weights and bias, so the same output on every input");
        // The note wraps where the picture is narrow; the words are those of one sentence.
        string.Join(' ', SvgReader.Parse(units).Descendants(SvgReader.Ns + "text").Select(t => t.Value)).Should().Contain("h1, h2, h3 and h4 are identical (same weights and bias)");
        drawn.Should().NotContain("identical", "units drawn from the random stream differ");
    }

    [Fact]
    public void Zero_initial_weights_leave_the_batches_the_untouched_stream()
    {
        // np.random.seed(s) then np.random.permutation(n): nothing was drawn before the first batch.
        TrainingSettings settings = new(Seed: 7) { Initialization = Initialization.Zeros, BatchSize = 2 };
        (INetwork network, NumPyRandom random) = settings.StartFor(Dataset.Xor);

        network.Weights.SelectMany(w => w.AsSpan().ToArray()).Should().OnlyContain(w => w == 0);
        int[] first = new int[4], fresh = new int[4];
        random.Permutation(first);
        new NumPyRandom(7).Permutation(fresh);
        first.Should().Equal(fresh);
    }

    [Fact]
    public void A_sweep_records_no_hidden_layer_as_none_and_summarize_reads_it_back()
    {
        string records = Path.Combine(_directory, "runs.csv");

        (int exitCode, string summary, _) = InProcess.Run("sweep", "--layers", "none", "--layers", "2", "--seed", "0-2", "--init", "normal,zeros", "--epochs", "200", "--out", records, "--jobs", "1");
        (int read, string again, _) = InProcess.Run("sweep", "summarize", records);

        exitCode.Should().Be(ExitCodes.Success);
        File.ReadLines(records).Skip(1).Select(line => line.Split(',')[1]).Distinct().Should().Equal("none", "2");
        File.ReadLines(records).Skip(1).Select(line => line.Split(',')[4]).Distinct().Should().Equal("normal", "zeros");
        read.Should().Be(ExitCodes.Success);
        again.Should().Be(summary);
        summary.Split('\n').Where(line => line.StartsWith("none", StringComparison.Ordinal)).Should().HaveCount(2);
    }

    [Fact]
    public void A_sweep_with_the_feature_cross_learns_xor_without_a_hidden_layer()
    {
        string[] sweep = ["sweep", "--layers", "none", "--seed", "0-4", "--lr", "1", "--epochs", "3000", "--format", "json", "--jobs", "1"];

        JsonNode crossed = JsonNode.Parse(InProcess.Run([.. sweep, "--features", "x1,x2,x1*x2"]).Output)!;
        JsonNode plain = JsonNode.Parse(InProcess.Run(sweep).Output)!;

        crossed["settings"]![0]!["converged"]!.GetValue<int>().Should().Be(5);
        plain["settings"]![0]!["converged"]!.GetValue<int>().Should().Be(0, "a line cannot separate XOR");
    }
}
