using System.Globalization;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using FluentAssertions;

namespace XorNet.Tests;

/// <summary>Models with several outputs after training: saved, predicted, drawn; and version-1 models as before.</summary>
public sealed class MultiOutputTests : IDisposable
{
    private static readonly string[] Rows = ["0,0", "0,1", "1,0", "1,1"];

    private readonly string _directory = Directory.CreateTempSubdirectory("xornet-outputs-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Predict_prints_every_output_of_every_row()
    {
        string model = HalfAdder();
        JsonNode trained = JsonNode.Parse(InProcess.Run("--dataset", "half-adder", "--epochs", "3000", "--lr", "0.5", "--format", "json").Output)!;

        (int exitCode, string output, string error) = InProcess.Run("predict", "--model", model, "0,0", "0,1", "1,0", "1,1");

        error.Should().BeEmpty();
        exitCode.Should().Be(ExitCodes.Success);
        string[] expected = [.. Rows.Select((row, r) =>
            $"{row} -> {Fixed(trained["predictions"]![r]![0]!)} {Fixed(trained["predictions"]![r]![1]!)}")];
        output.Should().Be(string.Join('\n', expected) + "\n");
    }

    [Fact]
    public void Predict_json_rows_hold_every_output_and_the_scores_count_every_output()
    {
        string model = HalfAdder();
        string data = Path.Combine(_directory, "rows.csv");
        // The last row's carry target is wrong on purpose: that row has one output on the wrong side of 0.5.
        File.WriteAllText(data, "a,b,sum,carry\n0,0,0,0\n0,1,1,0\n1,0,1,0\n1,1,0,0\n");

        (int exitCode, string output, _) = InProcess.Run("predict", "--model", model, "--data", data, "--format", "json");

        exitCode.Should().Be(ExitCodes.Success);
        JsonNode report = JsonNode.Parse(output)!;
        double[][] predictions = [.. report["predictions"]!.AsArray().Select(r => r!.AsArray().Select(v => v!.GetValue<double>()).ToArray())];
        predictions.Should().HaveCount(4).And.OnlyContain(r => r.Length == 2);
        double[] targets = [0, 0, 1, 0, 1, 0, 0, 0];
        double[] flat = [.. predictions.SelectMany(r => r)];

        // np.mean over the 8 elements: below 8 elements NumPy adds in order; 1e-15 allows for nothing but that.
        double mean = flat.Select((p, i) => (targets[i] - p) * (targets[i] - p)).Sum() / 8;
        report["mse"]!.GetValue<double>().Should().BeApproximately(mean, 1e-15);
        report["accuracy"]!.GetValue<double>().Should().Be(0.75);

        string text = InProcess.Run("predict", "--model", model, "--data", data).Output;
        text.Should().Contain("0.0,1.0 -> ").And.Contain("Accuracy: 75% (3 of 4 with every output on the right side of 0.5)");
    }

    [Fact]
    public void A_csv_with_two_targets_is_predicted_with_or_without_them()
    {
        string model = Path.Combine(_directory, "two.json");
        InProcess.Run("--data", Fixture.Path("two-targets-300.csv"), "--targets", "2", "--layers", "8", "--activation", "tanh", "--epochs", "50",
            "--lr", "0.01", "--save", model).ExitCode.Should().Be(ExitCodes.Success);
        string inputsOnly = Path.Combine(_directory, "inputs.csv");
        File.WriteAllText(inputsOnly, "0.5,0.5\n0.1,0.9\n");
        string oneTarget = Path.Combine(_directory, "one.csv");
        File.WriteAllText(oneTarget, "0.5,0.5,1\n");

        InProcess.Run("predict", "--model", model, "--data", Fixture.Path("two-targets-300.csv")).Output.Should().Contain("MSE: ");
        InProcess.Run("predict", "--model", model, "--data", inputsOnly).Output.Split('\n').Should().HaveCount(3).And.NotContain(l => l.StartsWith("MSE", StringComparison.Ordinal));
        (int exitCode, _, string error) = InProcess.Run("predict", "--model", model, "--data", oneTarget);
        exitCode.Should().Be(ExitCodes.BadInput);
        error.Should().Be($"XorNet: {oneTarget}, line 1, column 1: the row has 3 columns; the model takes 2 inputs, optionally followed by 2 targets\n");
    }

    [Fact]
    public void A_version_1_model_predicts_exactly_as_before()
    {
        // model-v1-predict.txt and .json are what the program printed for model-v1.json before version 2 existed.
        string model = Fixture.Path("model-v1.json");
        string rows = Fixture.Path("xor-rows.csv");

        string text = InProcess.Run("predict", "--model", model, "0,0", "0,1", "1,0", "1,1", "0.5,0.25").Output
            + InProcess.Run("predict", "--model", model, "--data", rows).Output;
        string json = InProcess.Run("predict", "--model", model, "--data", rows, "--format", "json").Output;

        text.Should().Be(Fixture.Text("model-v1-predict.txt"));
        // The same numbers; JSON now writes every double as Python's repr does (1.0 where it once wrote 1).
        System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("accuracy").GetDouble().Should().Be(System.Text.Json.JsonDocument.Parse(Fixture.Text("model-v1-predict.json")).RootElement.GetProperty("accuracy").GetDouble());
        json.Replace("1.0\n", "1\n", StringComparison.Ordinal).Should().Be(Fixture.Text("model-v1-predict.json"));
    }

    [Fact]
    public void The_boundary_plot_of_a_half_adder_has_a_panel_per_output()
    {
        string svg = Path.Combine(_directory, "b.svg");

        InProcess.Run("--dataset", "half-adder", "--epochs", "3000", "--lr", "0.5", "--plot-boundary", svg).ExitCode.Should().Be(ExitCodes.Success);

        XDocument document = XDocument.Load(svg);
        XNamespace ns = "http://www.w3.org/2000/svg";
        XElement[] panels = [.. document.Descendants(ns + "g").Where(g => (string?)g.Attribute("class") == "panel")];
        panels.Select(p => (string?)p.Attribute("id")).Should().Equal("output-1", "output-2");
        foreach ((XElement panel, int k) in panels.Select((p, k) => (p, k)))
        {
            panel.Descendants(ns + "path").Single(p => (string?)p.Attribute("id") == $"contour-{k + 1}").Attribute("d")!.Value.Should().StartWith("M");

            // Each panel marks the points by its own output's target: sum (0 1 1 0), then carry (0 0 0 1).
            string[] fills = [.. panel.Descendants(ns + "circle").Where(c => (string?)c.Attribute("class") == "point").Select(c => (string)c.Attribute("fill")!)];
            fills.Should().Equal(k == 0 ? ["white", "black", "black", "white"] : ["white", "white", "white", "black"]);
        }

        // The two contours differ: one network output each, not the same one twice.
        panels[0].Descendants(ns + "path").First().Attribute("d")!.Value.Should().NotBe(panels[1].Descendants(ns + "path").First().Attribute("d")!.Value);
        double.Parse(document.Root!.Attribute("width")!.Value, CultureInfo.InvariantCulture).Should().BeGreaterThan(2 * 480);
    }

    [Fact]
    public void The_one_output_boundary_plot_is_the_one_in_the_readme()
    {
        // docs/boundary.svg is the default run's plot; drawing panels must not change the single one by a byte.
        string? root = AppContext.BaseDirectory;
        while (root is not null && !File.Exists(Path.Combine(root, "XorNet.sln")))
        {
            root = Path.GetDirectoryName(root);
        }

        Assert.SkipWhen(root is null, "the repository is not around the test binaries");
        string svg = Path.Combine(_directory, "b.svg");

        InProcess.Run("--plot-boundary", svg).ExitCode.Should().Be(ExitCodes.Success);

        File.ReadAllText(svg).Should().Be(File.ReadAllText(Path.Combine(root!, "docs", "boundary.svg")));
    }

    private string HalfAdder()
    {
        string model = Path.Combine(_directory, "half-adder.json");
        InProcess.Run("--dataset", "half-adder", "--epochs", "3000", "--lr", "0.5", "--save", model).ExitCode.Should().Be(ExitCodes.Success);
        return model;
    }

    private static string Fixed(JsonNode value) => NumPyFormat.Fixed(value.GetValue<double>(), 3);
}
