using System.Globalization;
using System.Reflection;
using System.Text.Json;
using FluentAssertions;

namespace XorNet.Tests;

/// <summary>The command line in process: bad input is one line and exit code 2; JSON agrees with the text.</summary>
public sealed class CommandLineTests
{
    public static TheoryData<string[], string> BadInputs => new()
    {
        { ["--epochs", "abc"], "--epochs" },
        { ["--epochs", "-1"], "--epochs" },
        { ["--epochs", "1.5"], "--epochs" },
        { ["--epochs", "99999999999"], "--epochs" },
        { ["--epochs"], "--epochs" },
        { ["--learning-rate", "0"], "--learning-rate" },
        { ["--lr", "-0.1"], "--learning-rate" },
        { ["--lr", "NaN"], "--learning-rate" },
        { ["--lr", "Infinity"], "--learning-rate" },
        { ["--lr", "1e999"], "--learning-rate" },
        { ["--lr", "fast"], "--learning-rate" },
        { ["--lr"], "--learning-rate" },
        { ["--seed", "-1"], "--seed" },
        { ["--seed", "4294967296"], "--seed" },
        { ["--seed", "x"], "--seed" },
        { ["--hidden", "0"], "--hidden" },
        { ["--hidden", "-4"], "--hidden" },
        { ["--log-every", "0"], "--log-every" },
        { ["--format", "xml"], "--format" },
        { ["--format"], "--format" },
        { ["--frobnicate"], "--frobnicate" },
        { ["stray"], "stray" },
        { ["--seed", "1", "--seed", "2"], "--seed" },
    };

    public static TheoryData<string[], string> WordedInputs => new()
    {
        { ["bogus"], "XorNet: 'bogus' is not an option or value XorNet takes. Run 'XorNet --help'" },
        { ["--epochs", "5", "x"], "XorNet: 'x' is not an option or value XorNet takes." },
        { ["--save"], "XorNet: --save needs a value: a file path such as model.json." },
        { ["--data"], "XorNet: --data needs a value: a CSV file such as data.csv, or - for standard input." },
        { ["--save", "-"], "XorNet: --save -: - is not taken for standard output here;" },
        { ["predict", "--model", "-", "0,1"], "XorNet: --model -: --model does not read standard input;" },
        { ["predict", "--version"], "XorNet: --version stands alone: run 'XorNet --version'." },
    };

    [Theory]
    [MemberData(nameof(WordedInputs))]
    public void Parser_mistakes_are_said_in_words(string[] args, string expected)
    {
        (int exitCode, string output, string error) = InProcess.Run(args);

        exitCode.Should().Be(ExitCodes.BadInput);
        output.Should().BeEmpty();
        error.Should().StartWith(expected).And.EndWith("\n");
        error.TrimEnd('\n').Should().NotContain("\n").And.NotContain("Unrecognized").And.NotContain("Required argument");
    }

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Bad_input_exits_2_with_one_line_naming_the_option(string[] args, string named)
    {
        (int exitCode, string output, string error) = InProcess.Run(args);

        exitCode.Should().Be(ExitCodes.BadInput);
        output.Should().BeEmpty();
        error.TrimEnd('\n').Should().NotContain("\n", "the message is one line").And.Contain(named);
        error.Should().NotContain("   at ", "no stack trace");
    }

    [Theory]
    [InlineData("--epochs", "from 0")]
    [InlineData("--hidden", "from 1")]
    [InlineData("--lr", "greater than 0")]
    [InlineData("--seed", "4294967295")]
    [InlineData("--format", "text or json")]
    public void Messages_say_what_is_accepted(string option, string accepted)
    {
        InProcess.Run(option, "bogus").Error.Should().Contain(accepted);
        InProcess.Run(option).Error.Should().Contain(accepted);
    }

    [Fact]
    public void A_hidden_size_too_large_for_memory_is_refused_before_training()
    {
        (int exitCode, string output, string error) = InProcess.Run("--hidden", "2000000000");

        exitCode.Should().Be(ExitCodes.BadInput);
        output.Should().BeEmpty();
        error.Should().Contain("--hidden 2000000000").And.Contain("GiB");
    }

    [Fact]
    public void Help_lists_every_option_with_its_default()
    {
        (int exitCode, string output, _) = InProcess.Run("--help");

        exitCode.Should().Be(ExitCodes.Success);
        foreach (string expected in new[] { "--epochs", "--learning-rate", "--lr", "--seed", "--hidden", "--log-every", "--format", "[default: 10000]", "[default: 0.1]", "[default: 42]", "[default: 4]", "[default: 1000]", "[default: text]" })
        {
            output.Should().Contain(expected);
        }
    }

    [Fact]
    public void Help_also_answers_to_its_short_aliases_and_inside_predict()
    {
        string help = InProcess.Run("--help").Output;

        InProcess.Run("-h").Output.Should().Be(help);
        InProcess.Run("-?").Output.Should().Be(help);
        (int exitCode, string predictHelp, _) = InProcess.Run("predict", "--help");
        exitCode.Should().Be(ExitCodes.Success);
        predictHelp.Should().Contain("XorNet predict").And.Contain("--model").And.Contain("-?, -h, --help");
    }

    [Fact]
    public void Version_prints_the_assembly_version_and_stands_alone()
    {
        string expected = typeof(Program).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;

        (int exitCode, string output, _) = InProcess.Run("--version");
        exitCode.Should().Be(ExitCodes.Success);
        output.Should().Be(expected + "\n");

        (int combinedExit, string combinedOutput, string error) = InProcess.Run("--version", "--epochs", "5");
        combinedExit.Should().Be(ExitCodes.BadInput);
        combinedOutput.Should().BeEmpty();
        error.Should().StartWith("XorNet: --version cannot be combined with other arguments.");
    }

    [Theory]
    [InlineData("42", "4", "0.1", "10000", "1000")]
    [InlineData("7", "3", "0.5", "1234", "100")]
    [InlineData("1", "2", "1", "0", "1")]
    public void Json_output_parses_and_agrees_with_the_text_output(string seed, string hidden, string lr, string epochs, string logEvery)
    {
        string[] args = ["--seed", seed, "--hidden", hidden, "--lr", lr, "--epochs", epochs, "--log-every", logEvery];
        string text = InProcess.Run(args).Output;
        (int exitCode, string json, _) = InProcess.Run([.. args, "--format", "json"]);

        exitCode.Should().Be(ExitCodes.Success);
        using JsonDocument document = JsonDocument.Parse(json);
        JsonElement root = document.RootElement;
        root.GetProperty("seed").GetUInt32().Should().Be(uint.Parse(seed, CultureInfo.InvariantCulture));
        root.GetProperty("hidden").GetInt32().Should().Be(int.Parse(hidden, CultureInfo.InvariantCulture));
        root.GetProperty("learningRate").GetDouble().Should().Be(double.Parse(lr, CultureInfo.InvariantCulture));
        root.GetProperty("epochs").GetInt32().Should().Be(int.Parse(epochs, CultureInfo.InvariantCulture));
        root.GetProperty("logEvery").GetInt32().Should().Be(int.Parse(logEvery, CultureInfo.InvariantCulture));
        root.GetProperty("trainingSeconds").GetDouble().Should().BeGreaterThanOrEqualTo(0);

        // Rebuild the transcript from the JSON alone: it must be the text output, line for line.
        var log = root.GetProperty("log").EnumerateArray()
            .Select(e => NotebookTranscript.LogLine(new LogEntry(e.GetProperty("epoch").GetInt32(), e.GetProperty("loss").GetDouble())));
        Matrix predictions = Matrix.FromRows(Fixture.Rows(root.GetProperty("predictions")));
        string rebuilt = string.Concat(log.Select(l => l + "\n")) + "\n" + NotebookTranscript.PredictionsHeading + "\n"
            + NotebookTranscript.Predictions(predictions) + "\n";
        rebuilt.Should().Be(text);

        JsonElement finalLoss = root.GetProperty("finalLoss");
        if (epochs == "0")
        {
            finalLoss.ValueKind.Should().Be(JsonValueKind.Null);
        }
        else
        {
            finalLoss.GetDouble().Should().BeInRange(0, 1);
        }

        JsonElement weights = root.GetProperty("weights");
        Fixture.Rows(weights.GetProperty("W1")).Should().HaveCount(2).And.OnlyContain(r => r.Length == int.Parse(hidden, CultureInfo.InvariantCulture));
        Fixture.Rows(weights.GetProperty("b1")).Should().ContainSingle();
        Fixture.Rows(weights.GetProperty("W2")).Should().HaveCount(int.Parse(hidden, CultureInfo.InvariantCulture));
        Fixture.Rows(weights.GetProperty("b2")).Should().ContainSingle().Which.Should().ContainSingle();
    }

    [Fact]
    public void Json_numbers_round_trip_to_the_same_bits()
    {
        TrainingResult direct = Trainer.Train(Dataset.Xor, new TrainingSettings(Epochs: 300));
        (_, string json, _) = InProcess.Run("--epochs", "300", "--format", "json");

        using JsonDocument document = JsonDocument.Parse(json);
        double[][] w1 = Fixture.Rows(document.RootElement.GetProperty("weights").GetProperty("W1"));
        w1.SelectMany(r => r).Should().Equal(direct.Network.Weights[0].AsSpan().ToArray());
        document.RootElement.GetProperty("finalLoss").GetDouble().Should().Be(direct.FinalLoss!.Value);
    }

    [Fact]
    public void Cancellation_stops_after_the_current_epoch_and_exits_130()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        (int exitCode, string output, _) = InProcess.Run(["--log-every", "1"], cancelled.Token);

        exitCode.Should().Be(ExitCodes.Interrupted);
        output.Should().StartWith("Epoch 0, Loss: 0.2832\nInterrupted at epoch 0.\n\nPredictions after training:\n[[");
    }
}
