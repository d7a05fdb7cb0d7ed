using System.Text.Json.Nodes;
using FluentAssertions;

namespace XorNet.Tests;

/// <summary>--init-from: training goes on from a saved model exactly where it stopped; bad models and contradictions are one line.</summary>
public sealed class InitFromTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("xornet-init-from-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    public static TheoryData<string[], string[]> Architectures => new()
    {
        // The notebook's network (the two-layer engine) and deep ones (the general engine): the data and learning
        // rate are given again when training goes on; the architecture and loss come from the file.
        { [], [] },
        { ["--dataset", "parity3", "--lr", "0.3"], ["--layers", "6,6", "--activation", "tanh", "--init", "xavier", "--loss", "bce"] },
        { ["--dataset", "half-adder"], ["--layers", "5", "--activation", "relu", "--init", "he", "--seed", "3"] },
    };

    [Theory]
    [MemberData(nameof(Architectures))]
    public void Three_thousand_epochs_then_two_thousand_from_the_file_end_where_five_thousand_do(string[] data, string[] architecture)
    {
        string model = Path.Combine(_directory, "m.json");
        JsonNode whole = Report([.. data, .. architecture, "--epochs", "5000"]);

        InProcess.Run([.. data, .. architecture, "--epochs", "3000", "--save", model]).ExitCode.Should().Be(ExitCodes.Success);
        JsonNode resumed = Report([.. data, "--epochs", "2000", "--init-from", model]);

        // To the bit: JSON writes every double so that it reads back exactly.
        resumed["weights"]!.ToJsonString().Should().Be(whole["weights"]!.ToJsonString());
        resumed["predictions"]!.ToJsonString().Should().Be(whole["predictions"]!.ToJsonString());
        resumed["finalLoss"]!.GetValue<double>().Should().Be(whole["finalLoss"]!.GetValue<double>());
        resumed["initFrom"]!.GetValue<string>().Should().Be(model);
        resumed["activation"]!.GetValue<string>().Should().Be(whole["activation"]!.GetValue<string>());
        resumed["loss"]!.GetValue<string>().Should().Be(whole["loss"]!.GetValue<string>(), "the file's loss is the default");
    }

    [Fact]
    public void Zero_epochs_from_a_file_report_the_files_network()
    {
        string model = Path.Combine(_directory, "m.json");
        InProcess.Run("--layers", "3,2", "--activation", "tanh", "--epochs", "700", "--save", model).ExitCode.Should().Be(ExitCodes.Success);

        JsonNode again = Report(["--epochs", "0", "--init-from", model]);
        JsonNode saved = JsonNode.Parse(File.ReadAllText(model))!;

        again["weights"]!.ToJsonString().Should().Be(saved["weights"]!.ToJsonString());
        again["layers"]!.ToJsonString().Should().Be("[3,2]");
    }

    [Fact]
    public void An_explicit_loss_changes_the_objective_and_a_matching_architecture_option_is_accepted()
    {
        string model = Path.Combine(_directory, "m.json");
        InProcess.Run("--layers", "4,4", "--activation", "tanh", "--epochs", "300", "--save", model).ExitCode.Should().Be(ExitCodes.Success);

        JsonNode mse = Report(["--epochs", "100", "--init-from", model, "--layers", "4,4", "--activation", "tanh"]);
        JsonNode bce = Report(["--epochs", "100", "--init-from", model, "--loss", "bce"]);

        mse["loss"]!.GetValue<string>().Should().Be("mse");
        bce["loss"]!.GetValue<string>().Should().Be("bce");
        bce["weights"]!.ToJsonString().Should().NotBe(mse["weights"]!.ToJsonString());
    }

    [Fact]
    public void A_version_1_model_still_starts_training()
    {
        // model-v1.json was written by the program before model files had several layers (hidden 3, seed 5, 2000 epochs).
        JsonNode whole = Report(["--hidden", "3", "--seed", "5", "--epochs", "2500"]);

        JsonNode resumed = Report(["--epochs", "500", "--init-from", Fixture.Path("model-v1.json")]);

        resumed["weights"]!.ToJsonString().Should().Be(whole["weights"]!.ToJsonString());
    }

    public static TheoryData<string, string[], string> BadStarts => new()
    {
        { "missing", [], "nowhere.json: there is no such file" },
        { "malformed", [], "start.json, line 1, column 12: the JSON is malformed" },
        { "v2 bad activation", [], "\"activation\" is 'swish'; expected \"sigmoid\", \"tanh\" or \"relu\"" },
        { "v2 bad shape", [], ", line 1, column " },
        { "v2 no b3", [], ": \"weights\" has no \"b3\"" },
        { "v2 bad layers", [], "\"layers\" must be an array of whole numbers ≥ 1, such as [8, 4]; found 0" },
        { "valid", ["--layers", "8"], "XorNet: --layers 8 contradicts --init-from " },
        { "valid", ["--hidden", "5"], "whose hidden layers are 3,2; the architecture comes from the file, so drop --hidden." },
        { "valid", ["--activation", "relu"], "whose activation is tanh; the architecture comes from the file, so drop --activation." },
        { "valid", ["--init", "he"], "whose weights were initialised with normal; the architecture comes from the file, so drop --init." },
        { "valid", ["--dataset", "parity3"], "takes 2 inputs and gives 1 output, but parity3 has 3 inputs and 1 target; train on data of the model's shape." },
        { "valid", ["--dataset", "half-adder"], "but half-adder has 2 inputs and 2 targets" },
    };

    [Theory]
    [MemberData(nameof(BadStarts))]
    public void A_bad_start_is_one_line_and_exit_code_2(string model, string[] args, string expected)
    {
        string path = Path.Combine(_directory, "start.json");
        string valid = Path.Combine(_directory, "valid.json");
        InProcess.Run("--layers", "3,2", "--activation", "tanh", "--epochs", "10", "--save", valid).ExitCode.Should().Be(ExitCodes.Success);
        string text = File.ReadAllText(valid);
        switch (model)
        {
            case "missing":
                path = Path.Combine(_directory, "nowhere.json");
                break;
            case "malformed":
                File.WriteAllText(path, "{\"format\": ,}");
                break;
            case "v2 bad activation":
                File.WriteAllText(path, text.Replace("\"activation\": \"tanh\"", "\"activation\": \"swish\"", StringComparison.Ordinal));
                break;
            case "v2 bad layers":
                File.WriteAllText(path, text.Replace("\"layers\": [\n    3,", "\"layers\": [\n    0,", StringComparison.Ordinal));
                break;
            case "v2 bad shape":
            case "v2 no b3":
                JsonNode root = JsonNode.Parse(text)!;
                if (model == "v2 bad shape")
                {
                    root["weights"]!["W3"] = new JsonArray(new JsonArray(1.0));
                }
                else
                {
                    root["weights"]!.AsObject().Remove("b3");
                }

                File.WriteAllText(path, root.ToJsonString());
                break;
            default:
                path = valid;
                break;
        }

        (int exitCode, string output, string error) = InProcess.Run(["--init-from", path, .. args]);

        exitCode.Should().Be(ExitCodes.BadInput);
        output.Should().BeEmpty();
        error.Should().Contain(expected).And.EndWith("\n");
        error.TrimEnd('\n').Should().NotContain("\n").And.NotContain("Exception");
        if (model == "v2 bad shape")
        {
            error.Should().EndWith(": W3 has 1 row; W3 must be 2 × 1 for layer sizes 2, 3, 2, 1\n");
        }

        if (model != "valid")
        {
            error.Should().StartWith("XorNet: --init-from ", "a problem with the file names the option that gave it");
        }
    }

    [Fact]
    public void A_target_column_outside_0_1_is_named_with_several_targets()
    {
        string data = Path.Combine(_directory, "d.csv");
        File.WriteAllText(data, "a,b,s,c\n0,0,0,0\n0,1,2,0\n");

        (int exitCode, _, string error) = InProcess.Run("--data", data, "--targets", "2");

        exitCode.Should().Be(ExitCodes.BadInput);
        error.Should().Be($"XorNet: {data}, line 3, column 3: the target 2 is outside [0, 1]\n");
    }

    [Fact]
    public void A_model_continued_twice_records_the_files_it_went_on_from_and_every_run_before()
    {
        string first = Path.Combine(_directory, "a.json"), second = Path.Combine(_directory, "b.json"), third = Path.Combine(_directory, "c.json");
        InProcess.Run("--seed", "5", "--epochs", "300", "--save", first).ExitCode.Should().Be(ExitCodes.Success);
        InProcess.Run("--init-from", first, "--epochs", "20", "--lr", "0.5", "--save", second).ExitCode.Should().Be(ExitCodes.Success);
        InProcess.Run("--init-from", second, "--epochs", "7", "--save", third).ExitCode.Should().Be(ExitCodes.Success);

        JsonNode a = Training(first), b = Training(second), c = Training(third);

        // A drawn model records as before, with no history.
        a.AsObject().Select(p => p.Key).Should().Equal("data", "seed", "learningRate", "epochs", "finalLoss");
        a["seed"]!.GetValue<uint>().Should().Be(5);

        // A continued one: this run's epochs (its log counts from 0), the file, the epochs before it over the whole
        // chain, and the seed its first weights were drawn with, never one that drew nothing.
        b["epochs"]!.GetValue<int>().Should().Be(20);
        b["learningRate"]!.GetValue<double>().Should().Be(0.5);
        b["initFrom"]!.GetValue<string>().Should().Be(first);
        b["epochsBefore"]!.GetValue<int>().Should().Be(300);
        b["seed"]!.GetValue<uint>().Should().Be(5);
        b["earlier"]!.ToJsonString().Should().Be(new JsonArray(a.DeepClone()).ToJsonString());

        c["epochs"]!.GetValue<int>().Should().Be(7);
        c["initFrom"]!.GetValue<string>().Should().Be(second);
        c["epochsBefore"]!.GetValue<int>().Should().Be(320);
        c["seed"]!.GetValue<uint>().Should().Be(5);
        JsonObject bAlone = b.DeepClone().AsObject();
        bAlone.Remove("earlier");
        c["earlier"]!.ToJsonString().Should().Be(new JsonArray(a.DeepClone(), bAlone).ToJsonString());

        // The report and the pictures' titles name that seed too.
        Report(["--init-from", third, "--epochs", "1"])["seed"]!.GetValue<uint>().Should().Be(5);
        string picture = Path.Combine(_directory, "loss.svg");
        InProcess.Run("--init-from", third, "--epochs", "1", "--plot-loss", picture).ExitCode.Should().Be(ExitCodes.Success);
        File.ReadAllText(picture).Should().Contain("seed 5,").And.NotContain("seed 42");

                // The history is read back, and the model predicts as any other.
        (int exitCode, string output, string error) = InProcess.Run("predict", "--model", third, "0,1");
        exitCode.Should().Be(ExitCodes.Success, error);
        output.Should().StartWith("0,1 -> ");
    }

    [Fact]
    public void A_version_1_model_continued_records_its_history_and_still_predicts_as_before()
    {
        string continued = Path.Combine(_directory, "v1-on.json");

        InProcess.Run("--init-from", Fixture.Path("model-v1.json"), "--epochs", "10", "--save", continued).ExitCode.Should().Be(ExitCodes.Success);

        JsonNode training = Training(continued);
        training["seed"]!.GetValue<uint>().Should().Be(5, "model-v1.json was drawn with seed 5");
        training["epochsBefore"]!.GetValue<int>().Should().Be(2000);
        training["earlier"]![0]!.ToJsonString().Should().Be(JsonNode.Parse(File.ReadAllText(Fixture.Path("model-v1.json")))!["training"]!.ToJsonString());
    }

    [Fact]
    public void A_seed_with_init_from_is_refused_for_it_would_draw_nothing()
    {
        string model = Path.Combine(_directory, "m.json");
        InProcess.Run("--epochs", "10", "--save", model).ExitCode.Should().Be(ExitCodes.Success);
        string saved = Path.Combine(_directory, "m2.json");

        (int exitCode, string output, string error) = InProcess.Run("--init-from", model, "--epochs", "1", "--seed", "5", "--save", saved);

        exitCode.Should().Be(ExitCodes.BadInput);
        output.Should().BeEmpty();
        error.Should().Be($"XorNet: --seed draws the initial weights, which --init-from {model} gives; drop --seed (the saved model keeps the seed its first weights were drawn with).\n");
        File.Exists(saved).Should().BeFalse();
    }

    private static JsonNode Training(string model) => JsonNode.Parse(File.ReadAllText(model))!["training"]!;

    private static JsonNode Report(string[] args)
    {
        (int exitCode, string output, string error) = InProcess.Run([.. args, "--format", "json"]);
        error.Should().BeEmpty();
        exitCode.Should().Be(ExitCodes.Success);
        return JsonNode.Parse(output)!;
    }
}
