using System.Text.Json;
using System.Text.Json.Nodes;
using FluentAssertions;

namespace XorNet.Tests;

/// <summary>
/// <c>--trace EPOCHS</c> against trace-cases.json (NumPy's prints of the notebook and the generalised notebook,
/// made by make_trace_cases.py), and its handling of mistakes, duplicates, early stops and JSON.
/// </summary>
public sealed class TraceTests
{
    private static readonly FixtureCases Fixtures = new("trace-cases.json");

    public static TheoryData<int> Cases() => Fixtures.Indexes();

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_command_prints_what_NumPy_prints(int index)
    {
        JsonNode c = Fixtures[index];
        FixtureCases.AssertPrintsTranscript(FixtureCases.Arguments(c), c, saturationWarning: true);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_json_trace_holds_the_unrounded_values_NumPy_printed(int index)
    {
        // Printed again with NumPy's rules, the JSON's numbers must give NumPy's text: names, order, shapes and
        // values (to the eight digits shown, or the last digit of the loss).
        JsonNode c = Fixtures[index];
        Dictionary<int, string> expected = TraceBlocks(c["transcript"]!.GetValue<string>());

        (int exitCode, string output, _) = InProcess.Run([.. FixtureCases.Arguments(c), "--format", "json"]);

        exitCode.Should().Be(ExitCodes.Success);
        JsonArray traces = JsonNode.Parse(output)!["trace"]!.AsArray();
        traces.Select(t => t!["epoch"]!.GetValue<int>()).Should().Equal(expected.Keys);
        foreach (JsonNode? trace in traces)
        {
            int epoch = trace!["epoch"]!.GetValue<int>();
            Reprint(trace).Should().Be(expected[epoch], $"epoch {epoch}");
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("1,,2")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("x")]
    [InlineData("0,")]
    [InlineData("99999999999")]
    public void A_bad_list_is_one_line_naming_the_option(string value)
    {
        (int exitCode, string output, string error) = InProcess.Run("--epochs", "5", "--trace", value);

        exitCode.Should().Be(ExitCodes.BadInput);
        output.Should().BeEmpty();
        error.Should().Be($"XorNet: --trace does not accept '{value}': expected {TraceEpochs.Accepted}. Run 'XorNet --help' for the options and the values they accept.\n");
    }

    [Fact]
    public void A_missing_value_is_one_line()
    {
        (int exitCode, string output, string error) = InProcess.Run("--trace");

        exitCode.Should().Be(ExitCodes.BadInput);
        output.Should().BeEmpty();
        error.Should().StartWith("XorNet: --trace needs a value: ").And.EndWith("\n");
        error.TrimEnd('\n').Should().NotContain("\n");
    }

    [Theory]
    [InlineData("5", "0,5", "XorNet: --trace 5 is not an epoch of this run: --epochs 5 runs epochs 0 to 4.\n")]
    [InlineData("10000", "9999,10000,3", "XorNet: --trace 10000 is not an epoch of this run: --epochs 10000 runs epochs 0 to 9999.\n")]
    [InlineData("1", "1", "XorNet: --trace 1 is not an epoch of this run: --epochs 1 runs only epoch 0.\n")]
    [InlineData("0", "0", "XorNet: --trace 0 is not an epoch of this run: --epochs 0 runs no epoch.\n")]
    public void An_epoch_the_run_does_not_have_is_refused_before_training(string epochs, string trace, string message)
    {
        (int exitCode, string output, string error) = InProcess.Run("--epochs", epochs, "--trace", trace);

        exitCode.Should().Be(ExitCodes.BadInput);
        output.Should().BeEmpty();
        error.Should().Be(message);
    }

    [Fact]
    public void A_trace_larger_than_an_array_can_hold_is_refused_before_training()
    {
        // Training streams 1100 rows through blocks of 2000000 units; the trace would hold 2.2e9 numbers in one array.
        (int exitCode, string output, string error) = InProcess.Run(
            "--data", Fixture.Path("wide-range-1100.csv"), "--hidden", "2000000", "--epochs", "1", "--trace", "0");

        exitCode.Should().Be(ExitCodes.BadInput);
        output.Should().BeEmpty();
        error.Should().Be(
            $"XorNet: --trace holds each of an epoch's arrays whole, and 1100 rows × 2000000 units is more numbers than an array can hold ({Array.MaxLength}); trace less data or narrower layers.\n");
    }

    [Fact]
    public void Repeated_and_unsorted_epochs_are_printed_once_each_in_epoch_order()
    {
        (int exitCode, string output, _) = InProcess.Run("--epochs", "4", "--log-every", "1", "--trace", "3,1,3, 1");

        exitCode.Should().Be(ExitCodes.Success);
        output.Split('\n').Where(line => line.StartsWith("Epoch ", StringComparison.Ordinal) || line.StartsWith("--- ", StringComparison.Ordinal))
            .Select(line => line.Split(',')[0])
            .Should().Equal("Epoch 0", "Epoch 1", "--- epoch 1 ---", "Epoch 2", "Epoch 3", "--- epoch 3 ---");
    }

    [Fact]
    public void Epochs_after_the_target_loss_stops_the_run_are_not_printed()
    {
        (int exitCode, string output, _) = InProcess.Run("--target-loss", "0.25", "--trace", "0,2000,9999");

        exitCode.Should().Be(ExitCodes.Success);
        output.Should().Contain("--- epoch 0 ---\n").And.Contain("Reached loss ≤ 0.25 at epoch");
        output.Should().NotContain("--- epoch 2000 ---").And.NotContain("--- epoch 9999 ---");
    }

    [Fact]
    public void The_epoch_that_stops_the_run_is_printed_before_the_line_saying_so()
    {
        // Epoch 0's loss (0.2832) is already below 0.29.
        (int exitCode, string output, _) = InProcess.Run("--target-loss", "0.29", "--trace", "0");

        exitCode.Should().Be(ExitCodes.Success);
        output.Should().StartWith("Epoch 0, Loss: 0.2832\n--- epoch 0 ---\nz1 =\n");
        output.IndexOf("db1 =", StringComparison.Ordinal).Should().BeLessThan(output.IndexOf("Reached loss ≤ 0.29 at epoch 0.", StringComparison.Ordinal));
    }

    [Fact]
    public void A_listed_epoch_whose_loss_is_not_finite_is_printed_before_the_error()
    {
        // ReLU units do not saturate: a step of 1e300 makes epoch 1's activations overflow, and inf - inf is NaN.
        (int exitCode, string output, string error) = InProcess.Run("--layers", "4,4", "--activation", "relu", "--lr", "1e300", "--epochs", "6", "--trace", "1,5");

        exitCode.Should().Be(ExitCodes.Failed);
        output.Should().StartWith("Epoch 0, Loss: 0.2714\n--- epoch 1 ---\n").And.Contain("\nloss =\nnan\n").And.NotContain("--- epoch 5 ---");
        error.Should().StartWith("XorNet: training diverged: the loss became nan at epoch 1;").And.EndWith("\n");
        error.TrimEnd('\n').Should().NotContain("\n");
    }

    [Fact]
    public void Tracing_changes_nothing_else_in_the_run()
    {
        string[] run = ["--layers", "6,3", "--activation", "tanh", "--epochs", "300", "--format", "json"];

        (_, string plain, _) = InProcess.Run(run);
        (_, string traced, _) = InProcess.Run([.. run, "--trace", "0,150,299"]);

        JsonNode plainReport = JsonNode.Parse(plain)!, tracedReport = JsonNode.Parse(traced)!;
        plainReport.AsObject().ContainsKey("trace").Should().BeFalse();
        foreach (string key in new[] { "log", "finalLoss", "predictions", "weights" })
        {
            tracedReport[key]!.ToJsonString().Should().Be(plainReport[key]!.ToJsonString(), key);
        }
    }

    [Fact]
    public void The_json_trace_of_the_last_epoch_holds_the_runs_own_loss_and_predictions_exactly()
    {
        (int exitCode, string output, _) = InProcess.Run("--dataset", "full-adder", "--layers", "8,8", "--activation", "relu", "--init", "he", "--loss", "bce", "--epochs", "50", "--trace", "49", "--format", "json");

        exitCode.Should().Be(ExitCodes.Success);
        JsonNode report = JsonNode.Parse(output)!;
        JsonNode trace = report["trace"]!.AsArray().Single()!;
        trace["epoch"]!.GetValue<int>().Should().Be(49);
        trace["loss"]!.GetValue<double>().Should().Be(report["finalLoss"]!.GetValue<double>());
        trace["arrays"]!["y_hat"]!.ToJsonString().Should().Be(report["predictions"]!.ToJsonString());
        trace["arrays"]!.AsObject().Select(p => p.Key).Should().Equal(
            "z1", "a1", "z2", "a2", "z3", "y_hat", "delta3", "dW3", "db3", "delta2", "dW2", "db2", "delta1", "dW1", "db1");
    }

    [Fact]
    public void Overflowed_values_are_written_to_json_as_strings()
    {
        // JSON has no number for inf; the first row of overflow-4.csv (1.7e308) makes z1's last two columns inf
        // (NumPy prints them so in trace-cases.json), while the saturated sigmoid keeps the loss finite.
        (int exitCode, string output, string error) = InProcess.Run("--data", Fixture.Path("overflow-4.csv"), "--epochs", "1", "--trace", "0", "--format", "json");

        exitCode.Should().Be(ExitCodes.Success, error);
        JsonNode trace = JsonNode.Parse(output)!["trace"]![0]!;
        double.IsFinite(trace["loss"]!.GetValue<double>()).Should().BeTrue();
        JsonArray firstRow = trace["arrays"]!["z1"]![0]!.AsArray();
        firstRow.Select(x => x!.GetValueKind()).Should().Equal(JsonValueKind.Number, JsonValueKind.Number, JsonValueKind.String, JsonValueKind.String);
        firstRow[2]!.GetValue<string>().Should().Be("Infinity");
        firstRow[3]!.GetValue<string>().Should().Be("Infinity");
    }

    [Fact]
    public void Help_names_the_option_and_says_what_an_early_stop_does()
    {
        (_, string output, _) = InProcess.Run("--help");

        output.Should().Contain("--trace <n,n,…>").And.Contain("--target-loss or Ctrl+C stops before are not printed");
    }

    /// <summary>The text of each traced epoch in a transcript, from its "--- epoch N ---" line to the next line that is not the trace's.</summary>
    private static Dictionary<int, string> TraceBlocks(string transcript)
    {
        var blocks = new Dictionary<int, string>();
        string[] lines = transcript.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("--- epoch ", StringComparison.Ordinal))
            {
                continue;
            }

            int epoch = int.Parse(lines[i]["--- epoch ".Length..^" ---".Length], System.Globalization.CultureInfo.InvariantCulture);
            int end = i + 1;
            while (end < lines.Length && !lines[end].StartsWith("Epoch ", StringComparison.Ordinal) && !lines[end].StartsWith("--- epoch ", StringComparison.Ordinal) && lines[end].Length > 0)
            {
                end++;
            }

            blocks[epoch] = string.Join('\n', lines[i..end]);
        }

        return blocks;
    }

    /// <summary>A JSON trace printed as the notebook's prints would show it, the loss in its place after y_hat.</summary>
    private static string Reprint(JsonNode trace)
    {
        var lines = new List<string> { $"--- epoch {trace["epoch"]!.GetValue<int>()} ---" };
        foreach ((string name, JsonNode? rows) in trace["arrays"]!.AsObject())
        {
            double[][] values = [.. rows!.AsArray().Select(row => row!.AsArray().Select(Number).ToArray())];
            lines.Add($"{name} =");
            lines.Add(NumPyFormat.Array(Matrix.FromRows(values)));
            if (name == "y_hat")
            {
                lines.Add("loss =");
                lines.Add(NumPyFormat.Scalar(trace["loss"]!.GetValue<double>()));
            }
        }

        return string.Join('\n', lines);
    }

    // A number, or one of the strings the report writes for the values JSON has no number for.
    private static double Number(JsonNode? value) =>
        value!.GetValueKind() == JsonValueKind.String
            ? double.Parse(value.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)
            : value.GetValue<double>();
}
