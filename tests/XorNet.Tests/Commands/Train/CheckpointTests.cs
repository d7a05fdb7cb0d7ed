using System.Text.Json.Nodes;
using FluentAssertions;

namespace XorNet.Tests;

/// <summary>
/// A model saved with its optimiser's state and random stream resumes to the bit: 30 epochs, --save, then 20 more
/// with --init-from end where 50 in one run do, for every rule, with and without mini-batches. The notebook's
/// --save file stays version 2 without that state.
/// </summary>
public sealed class CheckpointTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("xornet-checkpoint-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    public static TheoryData<string[]> Runs()
    {
        var runs = new TheoryData<string[]>();
        foreach (string optimizer in new[] { "sgd", "momentum", "nesterov", "adam", "rmsprop", "rprop" })
        {
            // Full batch, a ragged last batch (4 rows in batches of 3), and online learning.
            runs.Add(["--optimizer", optimizer, "--lr", "0.5"]);
            runs.Add(["--optimizer", optimizer, "--lr", "0.5", "--batch-size", "3"]);
            runs.Add(["--optimizer", optimizer, "--lr", "0.5", "--batch-size", "1"]);
        }

        // Deeper networks, weight decay and settings other than the defaults, and a CSV file.
        runs.Add(["--dataset", "half-adder", "--layers", "3,2", "--activation", "tanh", "--optimizer", "adam", "--betas", "0.8,0.99", "--lr", "0.05", "--weight-decay", "0.001", "--batch-size", "3"]);
        runs.Add(["--dataset", "parity3", "--layers", "5", "--optimizer", "nesterov", "--momentum", "0.5", "--weight-decay", "0.01", "--batch-size", "5"]);
        runs.Add(["--data", Fixture.Path("two-targets-300.csv"), "--targets", "2", "--layers", "6", "--optimizer", "rprop", "--lr", "0.01", "--batch-size", "64"]);
        runs.Add(["--optimizer", "sgd", "--weight-decay", "0.01"]);
        return runs;
    }

    [Theory]
    [MemberData(nameof(Runs))]
    public void Thirty_epochs_then_twenty_from_the_file_end_where_fifty_do(string[] run)
    {
        string whole = Path.Combine(_directory, "whole.json"), first = Path.Combine(_directory, "first.json"), resumed = Path.Combine(_directory, "resumed.json");
        JsonNode wholeReport = Report([.. run, "--epochs", "50", "--save", whole]);
        InProcess.Run([.. run, "--epochs", "30", "--save", first]).ExitCode.Should().Be(ExitCodes.Success);
        (int exitCode, string output, string error) = InProcess.Run([.. run, "--epochs", "20", "--init-from", first, "--format", "json", "--save", resumed]);

        exitCode.Should().Be(ExitCodes.Success, error);
        error.Should().BeEmpty("the same rule continues its own state");
        JsonNode resumedReport = JsonNode.Parse(output)!;

        // To the bit: JSON writes every double so that it reads back exactly.
        resumedReport["weights"]!.ToJsonString().Should().Be(wholeReport["weights"]!.ToJsonString());
        resumedReport["predictions"]!.ToJsonString().Should().Be(wholeReport["predictions"]!.ToJsonString());
        resumedReport["finalLoss"]!.GetValue<double>().Should().Be(wholeReport["finalLoss"]!.GetValue<double>());

        // And the saved state: the moments, the update count and the random stream, as the uninterrupted run's.
        JsonNode wholeFile = JsonNode.Parse(File.ReadAllText(whole))!, resumedFile = JsonNode.Parse(File.ReadAllText(resumed))!;
        bool notebook = run.SequenceEqual(["--optimizer", "sgd", "--lr", "0.5"]);
        wholeFile["version"]!.GetValue<int>().Should().Be(notebook ? 2 : 3, "only state beyond the weights makes a version 3 file");
        (resumedFile["optimizer"]?.ToJsonString()).Should().Be(wholeFile["optimizer"]?.ToJsonString());
        (wholeFile["optimizer"] is null).Should().Be(notebook);
        (resumedFile["random"]?.ToJsonString()).Should().Be(wholeFile["random"]?.ToJsonString());
        (wholeFile["random"] is not null).Should().Be(run.Contains("--batch-size"), "the stream is saved when mini-batches draw from it");
    }

    [Fact]
    public void The_notebooks_save_file_is_version_2_without_state()
    {
        string model = Path.Combine(_directory, "m.json");
        InProcess.Run("--epochs", "10", "--save", model).ExitCode.Should().Be(ExitCodes.Success);

        JsonNode file = JsonNode.Parse(File.ReadAllText(model))!;
        file["version"]!.GetValue<int>().Should().Be(2);
        file.AsObject().Select(p => p.Key).Should().NotContain(["optimizer", "random"]);
    }

    [Fact]
    public void The_saved_state_is_named_as_the_rule_writes_it()
    {
        string model = Path.Combine(_directory, "m.json");
        InProcess.Run("--optimizer", "adam", "--layers", "3,2", "--epochs", "7", "--batch-size", "3", "--save", model).ExitCode.Should().Be(ExitCodes.Success);

        JsonNode optimizer = JsonNode.Parse(File.ReadAllText(model))!["optimizer"]!;
        optimizer["name"]!.GetValue<string>().Should().Be("adam");
        optimizer["betas"]!.ToJsonString().Should().Be("[0.9,0.999]");
        optimizer["batchSize"]!.GetValue<int>().Should().Be(3);
        optimizer["steps"]!.GetValue<long>().Should().Be(14, "two batches in each of 7 epochs");
        optimizer["state"]!.AsObject().Select(p => p.Key).Should().Equal("m", "v");
        optimizer["state"]!["m"]!["W2"]!.AsArray().Should().HaveCount(3, "W2 is 3 × 2");
        JsonNode random = JsonNode.Parse(File.ReadAllText(model))!["random"]!;
        random["key"]!.AsArray().Should().HaveCount(624);
    }

    [Fact]
    public void Another_rule_starts_its_own_state_from_zero_and_says_so()
    {
        string adam = Path.Combine(_directory, "adam.json"), bare = Path.Combine(_directory, "bare.json");
        InProcess.Run("--optimizer", "adam", "--lr", "0.05", "--epochs", "30", "--save", adam).ExitCode.Should().Be(ExitCodes.Success);

        // The same weights without any state: what "from zero" means.
        JsonObject withoutState = JsonNode.Parse(File.ReadAllText(adam))!.AsObject();
        withoutState.Remove("optimizer");
        withoutState["version"] = 2;
        File.WriteAllText(bare, withoutState.ToJsonString());

        (int exitCode, string output, string error) = InProcess.Run("--optimizer", "momentum", "--epochs", "20", "--init-from", adam, "--format", "json");
        JsonNode fresh = Report(["--optimizer", "momentum", "--epochs", "20", "--init-from", bare]);

        exitCode.Should().Be(ExitCodes.Success);
        error.Should().Be($"XorNet: note: --init-from {adam} holds the state of --optimizer adam; --optimizer momentum starts its own from zero.\n");
        JsonNode.Parse(output)!["weights"]!.ToJsonString().Should().Be(fresh["weights"]!.ToJsonString());
    }

    [Fact]
    public void Version_3_files_predict_as_their_weights_do()
    {
        string model = Path.Combine(_directory, "m.json");
        JsonNode trained = Report(["--optimizer", "rmsprop", "--lr", "0.01", "--epochs", "300", "--batch-size", "2", "--save", model]);

        (int exitCode, string output, _) = InProcess.Run("predict", "--model", model, "--format", "json", "0,0", "0,1", "1,0", "1,1");

        exitCode.Should().Be(ExitCodes.Success);
        JsonNode.Parse(output)!["predictions"]!.ToJsonString().Should().Be(trained["predictions"]!.ToJsonString());
    }

    public static TheoryData<string, string, string> BadStates => new()
    {
        { "optimizer.name", "\"nadam\"", "\"name\" is 'nadam'; expected \"sgd\", \"momentum\", \"nesterov\", \"adam\", \"rmsprop\" or \"rprop\"" },
        { "optimizer.betas", "[0.9]", "\"optimizer.betas\" must be an array of 2 numbers each from 0 up to but not including 1, such as [0.9, 0.999]; it has 1" },
        { "optimizer.betas", "[0.9, 1]", "\"optimizer.betas\" must be an array of 2 numbers each from 0 up to but not including 1, such as [0.9, 0.999]; found 1" },
        { "optimizer.weightDecay", "-1", "\"optimizer.weightDecay\" must be a finite number of at least 0, such as 0.0001, not -1" },
        { "optimizer.steps", "1.5", "\"optimizer.steps\" must be a whole number from 0 to 9223372036854775807, not 1.5" },
        { "optimizer.state", "{}", "\"optimizer.state\" has no \"m\"" },
        { "optimizer.state.v.W1", "[[1, 2, 3, 4]]", "optimizer.state.v.W1 has 1 row; optimizer.state.v.W1 must be 2 × 4 for 2 inputs and 4 hidden units" },
        { "random.key", "[1, 2]", "\"random.key\" must be an array of 624 whole numbers from 0 to 4294967295; it has 2" },
        { "random.pos", "625", "\"random.pos\" must be a whole number from 0 to 624, not 625" },
        { "random.hasGauss", "true", "\"random.hasGauss\" must be a whole number from 0 to 1, not true" },
        { "optimizer", "null", "\"optimizer\" must be an object naming the update rule and holding its state, not null" },
    };

    [Theory]
    [MemberData(nameof(BadStates))]
    public void A_bad_saved_state_is_one_line_naming_the_field(string path, string value, string expected)
    {
        string model = Path.Combine(_directory, "m.json");
        InProcess.Run("--optimizer", "adam", "--epochs", "3", "--batch-size", "3", "--save", model).ExitCode.Should().Be(ExitCodes.Success);
        JsonNode file = JsonNode.Parse(File.ReadAllText(model))!;
        string[] steps = path.Split('.');
        JsonNode parent = steps[..^1].Aggregate(file, (node, step) => node[step]!);
        parent[steps[^1]] = JsonNode.Parse(value);
        File.WriteAllText(model, file.ToJsonString());

        foreach (string[] command in new[] { ["predict", "--model", model, "0,1"], new[] { "--epochs", "1", "--init-from", model } })
        {
            (int exitCode, string output, string error) = InProcess.Run(command);

            exitCode.Should().Be(ExitCodes.BadInput);
            output.Should().BeEmpty();
            error.Should().EndWith($": {expected}\n").And.StartWith("XorNet: ").And.NotContain("Exception");
            error.TrimEnd('\n').Should().NotContain("\n");
        }
    }

    [Fact]
    public void Mutated_state_never_throws_anything_but_a_model_file_error()
    {
        // Seeded for reproducibility; mutations fall in the optimizer object or the random object's fields after its
        // 624 key words (past the weights, whose checks are those of version 2).
        string model = Path.Combine(_directory, "m.json");
        InProcess.Run("--optimizer", "rprop", "--epochs", "3", "--batch-size", "3", "--save", model).ExitCode.Should().Be(ExitCodes.Success);
        string valid = File.ReadAllText(model).ReplaceLineEndings(" ");
        int start = valid.IndexOf("\"optimizer\"", StringComparison.Ordinal), key = valid.IndexOf("\"key\"", StringComparison.Ordinal);
        int tail = valid.IndexOf("\"pos\"", StringComparison.Ordinal) - 20;
        const string Alphabet = "0123456789-.e,[]{}\" tnx";
        var random = new Random(17);
        for (int i = 0; i < 2000; i++)
        {
            char[] text = valid.ToCharArray();
            for (int m = random.Next(1, 4); m > 0; m--)
            {
                text[random.Next(2) == 0 ? random.Next(start, key + 10) : random.Next(tail, text.Length)] = Alphabet[random.Next(Alphabet.Length)];
            }

            try
            {
                Models.ModelFile.Parse(new string(text), "m.json");
            }
            catch (Models.ModelFileException e)
            {
                e.Message.Should().StartWith("m.json").And.NotContainAny("\n", "\r", "System.", "Exception");
            }
        }
    }

    private static JsonNode Report(string[] args)
    {
        (int exitCode, string output, string error) = InProcess.Run([.. args, "--format", "json"]);
        exitCode.Should().Be(ExitCodes.Success, error);
        return JsonNode.Parse(output)!;
    }
}
