using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FluentAssertions;

namespace XorNet.Tests;

/// <summary>--explain: each unit's weights, outputs and Boolean function, layer by layer, in text and JSON.</summary>
public sealed class ExplainTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("xornet-explain-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Seed_42_xor_network_units_compute_the_functions_worked_out_by_hand()
    {
        // Worked out by hand from NumPy's own final weights of the notebook's run (notebook-seed42-weights.json), with
        // NumPy: a1 = 1 / (1 + np.exp(-(X @ W1 + b1))) on the rows 00, 01, 10, 11 gives, unit by unit,
        //   h1: 0.7769 0.1281 0.9985 0.9647 → 1011: 1 except on 01, so x1 OR NOT x2
        //   h2: 0.6232 0.0294 0.8161 0.0752 → 1010: 1 exactly where x2 is 0, so NOT x2
        //   h3: 0.1044 0.6819 0.1874 0.8091 → 0101: 1 exactly where x2 is 1, so x2
        //   h4: 0.1137 0.9771 0.9813 0.9999 → 0111: 1 unless both are 0, so OR
        //   y:  0.037  0.949  0.945  0.064  → 0110: XOR, as trained.
        // The output combines them as -6.573·h1 + 4.640·h2 - 3.946·h3 + 8.045·h4 - 1.539 (W2 and b2 of that file).
        (int exitCode, string output, string error) = InProcess.Run("--explain");

        exitCode.Should().Be(ExitCodes.Success);
        error.Should().BeEmpty();
        string[] lines = Explanation(output);
        lines[0].Should().Be("What each unit computes, on the 4 training rows: 00 01 10 11.");
        lines[1].Should().Be("Truth tables over x1 x2 = 00 01 10 11, reading an output ≥ 0.5 as 1.");
        lines[2].Should().Be("Layer 1 (sigmoid), from the inputs:");
        Unit(lines, "h1").Should().EndWith("   1011 x1 OR NOT x2");
        Unit(lines, "h2").Should().EndWith("   1010 NOT x2");
        Unit(lines, "h3").Should().EndWith("   0101 x2");
        Unit(lines, "h4").Should().EndWith("   0111 OR");
        lines[7].Should().Be("Output layer, from layer 1:");
        Unit(lines, "y").Should().EndWith("   0110 XOR");
        lines.Should().HaveCount(9);

        // The weights, biases and outputs printed are NumPy's, to three decimals (each is more than 1e-6 from a
        // rounding boundary, so the last-bit agreement the fidelity tests check cannot change a digit).
        JsonElement final = Fixture.Json("notebook-seed42-weights.json").GetProperty("final");
        double[][] w1 = Fixture.Rows(final.GetProperty("W1")), b1 = Fixture.Rows(final.GetProperty("b1"));
        double[][] w2 = Fixture.Rows(final.GetProperty("W2")), b2 = Fixture.Rows(final.GetProperty("b2"));
        double[][] rows = [[0, 0], [0, 1], [1, 0], [1, 1]];
        for (int u = 0; u < 4; u++)
        {
            string expected = $"h{u + 1} = sigmoid({Terms([w1[0][u], w1[1][u], b1[0][u]], "x1", "x2")})";
            Unit(lines, $"h{u + 1}").Should().StartWith(expected);
            double[] outputs = [.. rows.Select(r => Sigmoid((r[0] * w1[0][u]) + (r[1] * w1[1][u]) + b1[0][u]))];
            Unit(lines, $"h{u + 1}").Should().Contain($"   outputs {string.Join(' ', outputs.Select(F3))}   ");
        }

        Unit(lines, "y").Should().StartWith($"y = sigmoid({Terms([.. w2.Select(r => r[0]), b2[0][0]], "h1", "h2", "h3", "h4")})");
    }

    [Fact]
    public void The_transcript_comes_first_unchanged_and_without_the_option_nothing_is_added()
    {
        string notebook = Fixture.Text("notebook-transcript.txt").TrimEnd('\n') + "\n";

        string plain = InProcess.Run().Output;
        string explained = InProcess.Run("--explain").Output;

        plain.Should().Be(notebook);
        explained.Should().StartWith(notebook + "\nWhat each unit computes");
    }

    [Fact]
    public void Json_report_gains_the_explanation_only_with_the_option()
    {
        JsonNode plain = JsonNode.Parse(InProcess.Run("--format", "json").Output)!;
        JsonNode report = JsonNode.Parse(InProcess.Run("--format", "json", "--explain").Output)!;

        plain.AsObject().Select(p => p.Key).Should().NotContain("explanation");
        JsonNode explanation = report["explanation"]!;
        explanation.AsObject().Select(p => p.Key).Should().Equal("rowSource", "rows", "truthTableRows", "layers");
        explanation["layers"]!.AsArray().Select(l => l!["threshold"]!.GetValue<double>()).Should().Equal(0.5, 0.5);
        explanation["truthTableRows"]!.AsArray().Select(r => r!.GetValue<string>()).Should().Equal("00", "01", "10", "11");
        JsonArray layers = explanation["layers"]!.AsArray();
        layers.Select(l => l!["output"]!.GetValue<bool>()).Should().Equal(false, true);
        layers[0]!["inputs"]!.AsArray().Select(n => n!.GetValue<string>()).Should().Equal("x1", "x2");
        layers[1]!["inputs"]!.AsArray().Select(n => n!.GetValue<string>()).Should().Equal("h1", "h2", "h3", "h4");
        layers[0]!["units"]!.AsArray().Select(u => u!["function"]!.GetValue<string>()).Should().Equal("x1 OR NOT x2", "NOT x2", "x2", "OR");
        JsonNode y = layers[1]!["units"]![0]!;
        y["name"]!.GetValue<string>().Should().Be("y");
        y["truthTable"]!.GetValue<string>().Should().Be("0110");

        // The units' weights are the report's W1, b1, W2, b2, bit for bit.
        double[][] w1 = Rows(report["weights"]!["W1"]!);
        for (int u = 0; u < 4; u++)
        {
            Values(layers[0]!["units"]![u]!["weights"]!).Should().Equal(w1[0][u], w1[1][u]);
            layers[0]!["units"]![u]!["bias"]!.GetValue<double>().Should().Be(Rows(report["weights"]!["b1"]!)[0][u]);
        }

        Values(y["weights"]!).Should().Equal(Rows(report["weights"]!["W2"]!).Select(r => r[0]));
    }

    [Fact]
    public void Deeper_units_are_named_by_layer_and_read_as_functions_of_the_inputs()
    {
        (int exitCode, string output, _) = InProcess.Run("--layers", "3,2", "--activation", "tanh", "--init", "xavier", "--epochs", "3000", "--lr", "0.3", "--format", "json", "--explain");

        exitCode.Should().Be(ExitCodes.Success);
        JsonNode report = JsonNode.Parse(output)!;
        JsonArray layers = report["explanation"]!["layers"]!.AsArray();
        Names(layers[0]!).Should().Equal("h1.1", "h1.2", "h1.3");
        Names(layers[1]!).Should().Equal("h2.1", "h2.2");
        Names(layers[2]!).Should().Equal("y");
        layers[1]!["inputs"]!.AsArray().Select(n => n!.GetValue<string>()).Should().Equal("h1.1", "h1.2", "h1.3");

        // An independent forward pass from the report's weights (Math.Tanh may differ from NumPy's tanh in the last
        // bit, hence 1e-12): every unit's outputs, and its table and name read from them over the inputs x1, x2.
        double[][] a = [[0, 0], [0, 1], [1, 0], [1, 1]];
        for (int l = 0; l < 3; l++)
        {
            double[][] w = Rows(report["weights"]![$"W{l + 1}"]!), b = Rows(report["weights"]![$"b{l + 1}"]!);
            double[][] previous = a;
            a = [.. previous.Select(row => Enumerable.Range(0, b[0].Length).Select(u =>
            {
                double z = Enumerable.Range(0, row.Length).Sum(k => row[k] * w[k][u]) + b[0][u];
                return l < 2 ? Math.Tanh(z) : Sigmoid(z);
            }).ToArray())];
            for (int u = 0; u < b[0].Length; u++)
            {
                JsonNode unit = layers[l]!["units"]![u]!;
                double[] expected = [.. a.Select(row => row[u])];
                Values(unit["outputs"]!).Zip(expected).Should().OnlyContain(p => Math.Abs(p.First - p.Second) < 1e-12);
                // Tanh units read as 1 from 0, the middle of their range; the sigmoid output from 0.5.
                double threshold = l < 2 ? 0 : 0.5;
                layers[l]!["threshold"]!.GetValue<double>().Should().Be(threshold);
                string table = string.Concat(expected.Select(v => v >= threshold ? '1' : '0'));
                unit["truthTable"]!.GetValue<string>().Should().Be(table);
                unit["function"]!.GetValue<string>().Should().Be(XorNet.Explain.BooleanNames.Of(table));
            }
        }

        layers[2]!["units"]![0]!["function"]!.GetValue<string>().Should().Be("XOR", "the network learnt XOR");
    }

    [Fact]
    public void Several_outputs_are_y1_y2()
    {
        string output = InProcess.Run("--dataset", "half-adder", "--layers", "8", "--activation", "tanh", "--loss", "bce", "--epochs", "2000", "--explain").Output;

        string[] lines = Explanation(output);
        lines.Should().Contain("Output layer, from layer 1:");
        Unit(lines, "y1").Should().StartWith("y1 = sigmoid(").And.EndWith(" XOR");
        Unit(lines, "y2").Should().StartWith("y2 = sigmoid(").And.EndWith(" AND");
        lines.Count(l => l.StartsWith("  h", StringComparison.Ordinal)).Should().Be(8);
    }

    [Fact]
    public void Three_inputs_give_the_truth_table_itself()
    {
        string output = InProcess.Run("--dataset", "parity3", "--layers", "6,6", "--activation", "tanh", "--init", "xavier", "--lr", "0.3", "--epochs", "4000", "--explain").Output;

        string[] lines = Explanation(output);
        lines[1].Should().Be("Truth tables over x1 x2 x3 = 000 001 010 011 100 101 110 111, reading a tanh output ≥ 0 and a sigmoid output ≥ 0.5 as 1.");
        Unit(lines, "y").Should().EndWith("   01101001", "parity of three bits, as trained, and no name");
    }

    [Fact]
    public void Missing_rows_give_the_table_over_the_rows_there_are()
    {
        string data = Path.Combine(_directory, "three.csv");
        File.WriteAllText(data, "1,1,0\n0,0,0\n0,1,1\n");

        string output = InProcess.Run("--data", data, "--epochs", "2000", "--lr", "1", "--explain").Output;

        string[] lines = Explanation(output);
        lines[0].Should().Be("What each unit computes, on the 3 training rows: 11 00 01.");
        lines[1].Should().Be("Truth tables over x1 x2 = 00 01 11, reading an output ≥ 0.5 as 1.");
        Unit(lines, "y").Should().MatchRegex(@"outputs \S+ \S+ \S+   010$", "the targets 0, 0, 1 in the order 00 01 11");
    }

    [Fact]
    public void Inputs_other_than_0_and_1_give_outputs_but_no_functions()
    {
        (int exitCode, string output, _) = InProcess.Run("--data", Fixture.Path("xor-square-200.csv"), "--hidden", "3", "--epochs", "50", "--explain");

        exitCode.Should().Be(ExitCodes.Success);
        string[] lines = Explanation(output);
        lines[0].Should().Be("What each unit computes, on the 200 training rows.");
        lines[1].Should().Be("No truth tables: some inputs are neither 0 nor 1.");
        Unit(lines, "h1").Should().MatchRegex(@"   outputs -?\d\.\d{3} -?\d\.\d{3} -?\d\.\d{3} … -?\d\.\d{3} -?\d\.\d{3} -?\d\.\d{3}$", "200 outputs shown as the first and last three");
        JsonNode report = JsonNode.Parse(InProcess.Run("--data", Fixture.Path("xor-square-200.csv"), "--hidden", "3", "--epochs", "50", "--explain", "--format", "json").Output)!;
        report["explanation"]!["truthTableRows"].Should().BeNull();
        JsonNode unit = report["explanation"]!["layers"]![0]!["units"]![0]!;
        unit["outputs"]!.AsArray().Should().HaveCount(200);
        unit.AsObject().Should().Contain(p => p.Key == "function" && p.Value == null);
    }

    private static string[] Explanation(string output)
    {
        int start = output.IndexOf("\n\nWhat each unit computes", StringComparison.Ordinal);
        start.Should().BePositive("the explanation follows the predictions after an empty line");
        return output[(start + 2)..].TrimEnd('\n').Split('\n');
    }

    private static string Unit(string[] lines, string name) =>
        lines.Single(l => l.StartsWith($"  {name} = ", StringComparison.Ordinal))[2..];

    private static string[] Names(JsonNode layer) => [.. layer["units"]!.AsArray().Select(u => u!["name"]!.GetValue<string>())];

    private static double[] Values(JsonNode array) => [.. array.AsArray().Select(v => v!.GetValue<double>())];

    private static double[][] Rows(JsonNode matrix) => [.. matrix.AsArray().Select(r => Values(r!))];

    private static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

    private static string F3(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    // "5.227·x1 - 3.166·x2 + 1.248": weights then the bias, to three decimals.
    private static string Terms(double[] weightsThenBias, params string[] names)
    {
        string text = "";
        for (int i = 0; i < weightsThenBias.Length; i++)
        {
            double v = weightsThenBias[i];
            string sign = i == 0 ? (v < 0 ? "-" : "") : (v < 0 ? " - " : " + ");
            text += sign + F3(Math.Abs(v)) + (i < names.Length ? "·" + names[i] : "");
        }

        return text;
    }
}
