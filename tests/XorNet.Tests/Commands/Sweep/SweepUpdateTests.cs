using System.Globalization;
using System.Text.Json;
using FluentAssertions;

namespace XorNet.Tests;

/// <summary>
/// <c>XorNet sweep</c> with lists of update rules, momenta, betas, weight decays and batch sizes: each run is the
/// training command's run with those options, to the bit; records and summaries name them in columns of their own,
/// and only when a sweep uses them, so that files and summaries of sweeps without them are what they always were.
/// </summary>
public sealed class SweepUpdateTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("xornet-sweep-update-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    // Full-batch XOR at one hidden layer trains in lanes; mini-batches, several layers and other tables train alone.
    [Theory]
    [InlineData("--hidden", "2", "--learning-rate", "0.1", "--optimizer", "momentum", "--momentum", "0.5")]
    [InlineData("--hidden", "3", "--learning-rate", "0.1", "--optimizer", "nesterov", "--weight-decay", "0.01")]
    [InlineData("--hidden", "2", "--learning-rate", "0.05", "--optimizer", "adam", "--betas", "0.8,0.99", "--weight-decay", "0.001")]
    [InlineData("--hidden", "4", "--learning-rate", "0.01", "--optimizer", "rmsprop")]
    [InlineData("--hidden", "2", "--learning-rate", "0.1", "--optimizer", "rprop")]
    [InlineData("--hidden", "4", "--learning-rate", "0.5", "--weight-decay", "0.001")]
    [InlineData("--hidden", "2", "--learning-rate", "0.5", "--batch-size", "1")]
    [InlineData("--hidden", "3", "--learning-rate", "0.1", "--optimizer", "adam", "--batch-size", "3")]
    [InlineData("--dataset", "half-adder", "--layers", "5", "--learning-rate", "0.05", "--optimizer", "adam", "--batch-size", "2")]
    [InlineData("--layers", "3,2", "--learning-rate", "0.1", "--optimizer", "momentum", "--weight-decay", "0.001")]
    public void A_run_is_the_training_commands_run_with_the_same_options(params string[] setting)
    {
        string records = Path.Combine(_directory, "runs.jsonl");
        (int exitCode, _, string error) = InProcess.Run(["sweep", "--seed", "0-5", .. setting, "--epochs", "1500", "--out", records, "--jobs", "2"]);
        exitCode.Should().Be(0, error);

        string[] lines = File.ReadAllLines(records);
        lines.Should().HaveCount(6);
        foreach (string line in lines)
        {
            using JsonDocument record = JsonDocument.Parse(line);
            JsonElement run = record.RootElement;
            string epochs = run.GetProperty("epochsRun").ToString();

            // The single run of as many epochs: its last loss is the record's final loss to the bit, and its
            // predictions give the record's accuracy.
            (exitCode, string output, error) = InProcess.Run([.. setting, "--seed", run.GetProperty("seed").ToString(), "--epochs", epochs, "--log-every", "1", "--format", "json"]);
            exitCode.Should().Be(0, error);
            using JsonDocument single = JsonDocument.Parse(output);
            JsonElement log = single.RootElement.GetProperty("log");
            log[log.GetArrayLength() - 1].GetProperty("loss").GetDouble().Should().Be(run.GetProperty("finalLoss").GetDouble(), line);
            SweepTests.Accuracy(single.RootElement).Should().Be(run.GetProperty("accuracy").GetDouble(), line);
        }
    }

    [Fact]
    public void Records_and_summaries_name_the_update_of_every_run_and_resume_continues_them()
    {
        string records = Path.Combine(_directory, "updates.csv");
        string[] sweep = ["sweep", "--seed", "0-3", "--hidden", "2", "--optimizer", "sgd,momentum,adam", "--momentum", "0.5,0.9", "--batch-size", "2",
            "--weight-decay", "0,0.001", "--epochs", "300", "--out", records, "--jobs", "2"];
        (int exitCode, string text, string error) = InProcess.Run(sweep);
        exitCode.Should().Be(0, error);

        string[] lines = File.ReadAllLines(records);
        lines[0].Should().Be("seed,hidden,learningRate,activation,init,loss,optimizer,momentum,betas,weightDecay,batchSize,converged,epoch,epochsRun,finalLoss,accuracy,seconds");

        // sgd once, momentum at each momentum, adam once; each at both weight decays: 4 updates × 2 × 4 seeds.
        // The update columns: between the loss and the outcome, betas quoted as CSV quotes a comma.
        string[] updates = [.. lines.Skip(1).Select(l => System.Text.RegularExpressions.Regex.Match(l, "^[^,]*,2,0.1,sigmoid,normal,mse,(.*),(true|false),").Groups[1].Value)];
        updates.Should().HaveCount(8 * 4);
        updates.Distinct().Should().Equal(
            "sgd,,,0.0,2", "momentum,0.5,,0.0,2", "momentum,0.9,,0.0,2", "adam,,\"0.9,0.999\",0.0,2",
            "sgd,,,0.001,2", "momentum,0.5,,0.001,2", "momentum,0.9,,0.001,2", "adam,,\"0.9,0.999\",0.001,2");
        text.Split('\n')[1].Should().StartWith("hidden  lr   optimizer  momentum  betas      wd     batch  runs");
        text.Should().Contain("2       0.1  momentum   0.5       -          0.001  2         4");

        (exitCode, string json, error) = InProcess.Run(["sweep", "summarize", records, "--format", "json"]);
        exitCode.Should().Be(0, error);
        using (JsonDocument summary = JsonDocument.Parse(json))
        {
            JsonElement adam = summary.RootElement.GetProperty("settings").EnumerateArray().First(s => s.GetProperty("optimizer").GetString() == "adam");
            adam.GetProperty("momentum").ValueKind.Should().Be(JsonValueKind.Null);
            adam.GetProperty("betas").EnumerateArray().Select(b => b.GetDouble()).Should().Equal(0.9, 0.999);
            adam.GetProperty("weightDecay").GetDouble().Should().Be(0);
            adam.GetProperty("batchSize").GetInt32().Should().Be(2);
        }

        // Cut the file after 10 runs and resume: the same runs as the sweep in one go.
        File.WriteAllLines(records, lines.Take(11));
        (exitCode, string resumed, error) = InProcess.Run([.. sweep, "--resume"]);
        exitCode.Should().Be(0, error);
        SweepTests.WithoutSeconds(File.ReadAllLines(records)).Should().Be(SweepTests.WithoutSeconds(lines));
        resumed.Should().Be(text);
    }

    [Fact]
    public void Json_lines_name_the_update_as_the_training_report_does_and_read_back()
    {
        string records = Path.Combine(_directory, "updates.jsonl");
        (int exitCode, string text, string error) = InProcess.Run(
            "sweep", "--seed", "0-1", "--optimizer", "adam,rprop", "--betas", "0.9,0.999", "--betas", "0.5,0.9", "--epochs", "50", "--out", records);
        exitCode.Should().Be(0, error);

        string[] lines = File.ReadAllLines(records);
        lines.Should().HaveCount(6);
        lines[0].Should().Contain("\"loss\":\"mse\",\"optimizer\":\"adam\",\"betas\":[0.9,0.999],\"converged\"");
        lines[4].Should().Contain("\"loss\":\"mse\",\"optimizer\":\"rprop\",\"betas\":null,\"converged\"");
        InProcess.Run("sweep", "summarize", records).Output.Should().Be(text);
    }

    [Fact]
    public void Files_and_summaries_of_sweeps_without_update_options_are_as_before()
    {
        // Written by the version before update lists: the same sweep now writes the same lines (but for the seconds).
        string csv = Path.Combine(_directory, "v1.csv"), jsonl = Path.Combine(_directory, "v1.jsonl");
        InProcess.Run("sweep", "--seed", "0-5", "--hidden", "1,2", "--learning-rate", "0.5,1", "--out", csv, "--jobs", "2").ExitCode.Should().Be(0);
        InProcess.Run("sweep", "--seed", "0-3", "--layers", "2,2", "--layers", "3", "--activation", "sigmoid,tanh", "--out", jsonl, "--format", "json", "--jobs", "2")
            .Output.Should().Be(Fixture.Text("sweep-v1-summary.json"));
        SweepTests.WithoutSeconds(File.ReadAllLines(csv)).Should().Be(SweepTests.WithoutSeconds(File.ReadAllLines(Fixture.Path("sweep-v1.csv"))));
        SweepTests.WithoutSeconds(File.ReadAllLines(jsonl)).Should().Be(SweepTests.WithoutSeconds(File.ReadAllLines(Fixture.Path("sweep-v1.jsonl"))));

        // Its files summarise and draw to the same bytes.
        string plot = Path.Combine(_directory, "v1.svg");
        InProcess.Run("sweep", "summarize", Fixture.Path("sweep-v1.csv"), "--plot", plot).Output.Should().Be(Fixture.Text("sweep-v1-summary.txt"));
        File.ReadAllText(plot).Should().Be(Fixture.Text("sweep-v1.svg"));
        InProcess.Run("sweep", "summarize", Fixture.Path("sweep-v1.jsonl"), "--format", "json").Output.Should().Be(Fixture.Text("sweep-v1-summary.json"));

        // And resuming one of its files cut short keeps its lines and writes the rest as it did.
        string[] old = File.ReadAllLines(Fixture.Path("sweep-v1.csv"));
        File.WriteAllLines(csv, old.Take(9));
        (int exitCode, string output, string error) = InProcess.Run("sweep", "--seed", "0-5", "--hidden", "1,2", "--learning-rate", "0.5,1", "--out", csv, "--resume", "--jobs", "2");
        exitCode.Should().Be(0, error);
        output.Should().Be(Fixture.Text("sweep-v1-summary.txt"));
        string[] now = File.ReadAllLines(csv);
        now.Take(9).Should().Equal(old.Take(9));
        SweepTests.WithoutSeconds(now).Should().Be(SweepTests.WithoutSeconds(old));
    }

    [Fact]
    public void Resuming_with_other_update_columns_is_refused_and_the_file_kept()
    {
        string records = Path.Combine(_directory, "plain.csv");
        InProcess.Run("sweep", "--seed", "0-1", "--epochs", "20", "--out", records).ExitCode.Should().Be(0);
        string before = File.ReadAllText(records);

        (int exitCode, string output, string error) = InProcess.Run("sweep", "--seed", "0-1", "--epochs", "20", "--optimizer", "sgd,adam", "--out", records, "--resume");

        exitCode.Should().Be(ExitCodes.BadInput);
        output.Should().BeEmpty();
        error.Should().Be(
            $"XorNet: --out {records} has the columns seed,hidden,learningRate,activation,init,loss,converged,epoch,epochsRun,finalLoss,accuracy,seconds, this sweep's records seed,hidden,learningRate,activation,init,loss,optimizer,betas,converged,epoch,epochsRun,finalLoss,accuracy,seconds; resume it with the options it was started with.\n");
        File.ReadAllText(records).Should().Be(before);
    }

    [Theory]
    [InlineData("--optimizer sgd,adam --momentum 0.9", "XorNet: --momentum is used by --optimizer momentum and nesterov, not sgd or adam; drop it or list one of those.")]
    [InlineData("--momentum 0.5", "XorNet: --momentum is used by --optimizer momentum and nesterov, not sgd; drop it or list one of those.")]
    [InlineData("--optimizer momentum,rprop --betas 0.9,0.999", "XorNet: --betas is used by --optimizer adam, not momentum or rprop; drop it or list adam.")]
    [InlineData("--optimizer sgd,lbfgs", "XorNet: --optimizer does not accept 'lbfgs' in 'sgd,lbfgs': expected sgd, momentum, nesterov, adam, rmsprop, rprop, or several separated by commas.")]
    [InlineData("--optimizer momentum --momentum 0.9,1", "XorNet: --momentum does not accept '1' in '0.9,1': expected numbers from 0 up to but not including 1, such as 0.9, separated by commas.")]
    [InlineData("--batch-size 0,4", "XorNet: --batch-size does not accept '0' in '0,4': expected whole numbers from 1 separated by commas, or ranges such as 1-4.")]
    [InlineData("--weight-decay -1", "XorNet: --weight-decay does not accept '-1': expected finite numbers of at least 0 separated by commas, such as 0,0.0001.")]
    [InlineData("--optimizer adam --betas 0.9", "XorNet: --betas does not accept '0.9': expected two numbers B1,B2 each from 0 up to but not including 1, such as 0.9,0.999.")]
    [InlineData("--optimizer adam --betas 1,0.9", "XorNet: --betas does not accept '1,0.9': expected two numbers B1,B2 each from 0 up to but not including 1, such as 0.9,0.999.")]
    public void A_value_the_rules_cannot_take_is_one_line_and_exit_2(string options, string message)
    {
        string records = Path.Combine(_directory, "never.csv");
        (int exitCode, string output, string error) = InProcess.Run(["sweep", "--seed", "0-1", "--epochs", "5", .. options.Split(' '), "--out", records]);

        exitCode.Should().Be(ExitCodes.BadInput);
        output.Should().BeEmpty();
        error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().ContainSingle();
        error.Should().StartWith(message);
        File.Exists(records).Should().BeFalse();
    }
}
