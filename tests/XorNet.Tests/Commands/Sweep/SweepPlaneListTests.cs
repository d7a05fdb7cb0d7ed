using System.Text.Json;
using FluentAssertions;

namespace XorNet.Tests;

/// <summary>
/// <c>XorNet sweep</c> over lists of <c>--samples</c>, <c>--noise</c> and <c>--data-seed</c>: each run learns the set
/// its own values draw, exactly as the training command does; records and summaries name the set in columns of their
/// own (<c>samples</c>, <c>noise</c>, <c>dataSeed</c>), which sweeps of a truth table or a file never have.
/// </summary>
public sealed class SweepPlaneListTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("xornet-sweep-planes-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    // The notebook's network (sigmoid, one hidden layer) on sets of 6 rows trains in lanes; the others alone.
    [Theory]
    [InlineData("spiral", "--hidden 4 --learning-rate 2", "--samples 6 --noise 0,0.3 --data-seed 1-2", 4)]
    [InlineData("circle", "--layers 6,6 --activation tanh --learning-rate 0.5", "--samples 40,41 --noise 0.2 --data-seed 7,4294967295", 4)]
    [InlineData("xor-plane", "--layers 5 --activation relu --init he", "--samples 30 --noise 0.1,0.05 --data-seed 3", 2)]
    public void Every_run_is_the_training_run_on_the_set_its_values_draw(string set, string network, string planes, int sets)
    {
        string records = Path.Combine(_directory, "runs.jsonl");
        string[] options = ["--dataset", set, .. network.Split(' ')];
        (int exitCode, _, string error) = InProcess.Run(["sweep", .. options, .. planes.Split(' '), "--seed", "0-2", "--epochs", "300", "--full", "--jobs", "2", "--out", records]);
        exitCode.Should().Be(ExitCodes.Success, error);

        // Every combination of the lists, three seeds each.
        string[] lines = File.ReadAllLines(records);
        lines.Should().HaveCount(3 * sets);
        lines.Select(l => JsonDocument.Parse(l).RootElement).Select(r => (r.GetProperty("samples").GetInt32(), r.GetProperty("noise").GetDouble(), r.GetProperty("dataSeed").GetUInt32()))
            .Distinct().Should().HaveCount(sets);
        foreach (string line in lines)
        {
            using JsonDocument record = JsonDocument.Parse(line);
            JsonElement run = record.RootElement;
            string Value(string name) => run.GetProperty(name).GetRawText();
            (int trainExit, string output, string trainError) = InProcess.Run(
                [.. options, "--samples", Value("samples"), "--noise", Value("noise"), "--data-seed", Value("dataSeed"), "--seed", Value("seed"), "--epochs", "300", "--format", "json"]);
            trainExit.Should().Be(ExitCodes.Success, trainError);
            using JsonDocument report = JsonDocument.Parse(output);
            run.GetProperty("finalLoss").GetDouble().Should().Be(report.RootElement.GetProperty("finalLoss").GetDouble(), line);
            run.GetProperty("accuracy").GetDouble().Should().Be(report.RootElement.GetProperty("accuracy").GetDouble(), line);
        }
    }

    [Fact]
    public void Records_summaries_shards_and_resume_name_the_set_of_every_run()
    {
        string records = Path.Combine(_directory, "sets.csv");
        string[] sweep = ["sweep", "--dataset", "gauss", "--samples", "20", "--noise", "0.1,0.4", "--data-seed", "0-2", "--seed", "0-3", "--layers", "3", "--epochs", "200", "--jobs", "2"];
        (int exitCode, string text, string error) = InProcess.Run([.. sweep, "--out", records]);
        exitCode.Should().Be(0, error);

        string[] lines = File.ReadAllLines(records);
        lines[0].Should().Be("seed,layers,learningRate,activation,init,loss,samples,noise,dataSeed,converged,epoch,epochsRun,finalLoss,accuracy,seconds");
        lines.Should().HaveCount(1 + (2 * 3 * 4));
        lines[1].Should().StartWith("0,3,0.1,sigmoid,normal,mse,20,0.1,0,");
        lines[^1].Should().StartWith("3,3,0.1,sigmoid,normal,mse,20,0.4,2,");
        string[] text0 = text.Split('\n');
        text0[1].Should().StartWith("layers  lr   samples  noise  dataSeed  runs");
        text0[2].Should().StartWith("3       0.1  20       0.1    0            4");
        text0.Count(l => l.StartsWith("3 ", StringComparison.Ordinal)).Should().Be(6);

        // The JSON summary names them as numbers; shards summarised together give the sweep's summary.
        (exitCode, string json, error) = InProcess.Run([.. sweep, "--format", "json"]);
        exitCode.Should().Be(0, error);
        using (JsonDocument summary = JsonDocument.Parse(json))
        {
            JsonElement last = summary.RootElement.GetProperty("settings")[5];
            (last.GetProperty("samples").GetInt32(), last.GetProperty("noise").GetDouble(), last.GetProperty("dataSeed").GetUInt32(), last.GetProperty("runs").GetInt32())
                .Should().Be((20, 0.4, 2u, 4));
        }

        string one = Path.Combine(_directory, "1.jsonl"), two = Path.Combine(_directory, "2.csv");
        InProcess.Run([.. sweep, "--shard", "1/2", "--out", one]).ExitCode.Should().Be(0);
        InProcess.Run([.. sweep, "--shard", "2/2", "--out", two]).ExitCode.Should().Be(0);
        InProcess.Run("sweep", "summarize", one, two).Output.Should().Be(text);
        InProcess.Run("sweep", "summarize", one, two, "--format", "json").Output.Should().Be(json);

        // Cut after 7 runs and resumed: the sweep in one go.
        File.WriteAllLines(records, lines.Take(8));
        (exitCode, string resumed, error) = InProcess.Run([.. sweep, "--out", records, "--resume"]);
        exitCode.Should().Be(0, error);
        SweepTests.WithoutSeconds(File.ReadAllLines(records)).Should().Be(SweepTests.WithoutSeconds(lines));
        resumed.Should().Be(text);

        // The picture names the set of each row.
        string plot = Path.Combine(_directory, "sets.svg");
        InProcess.Run("sweep", "summarize", records, "--plot", plot).ExitCode.Should().Be(0);
        string svg = File.ReadAllText(plot);
        svg.Should().Contain("noise 0.4 · data seed 2").And.Contain("samples 20");
    }

    [Fact]
    public void Resuming_a_file_of_another_table_or_other_sets_is_refused_and_the_file_kept()
    {
        string records = Path.Combine(_directory, "xor.csv");
        InProcess.Run("sweep", "--seed", "0-1", "--epochs", "20", "--out", records).ExitCode.Should().Be(0);
        string before = File.ReadAllText(records);

        (int exitCode, string output, string error) = InProcess.Run("sweep", "--dataset", "spiral", "--data-seed", "0,1", "--seed", "0-1", "--epochs", "20", "--out", records, "--resume");

        exitCode.Should().Be(ExitCodes.BadInput);
        output.Should().BeEmpty();
        error.Should().Be(
            $"XorNet: --out {records} has the columns seed,hidden,learningRate,activation,init,loss,converged,epoch,epochsRun,finalLoss,accuracy,seconds, this sweep's records seed,hidden,learningRate,activation,init,loss,samples,noise,dataSeed,converged,epoch,epochsRun,finalLoss,accuracy,seconds; resume it with the options it was started with.\n");
        File.ReadAllText(records).Should().Be(before);

        // A file of other sets holds runs this sweep does not have.
        string planes = Path.Combine(_directory, "planes.csv");
        InProcess.Run("sweep", "--dataset", "spiral", "--samples", "10", "--data-seed", "0,1", "--seed", "0", "--epochs", "20", "--out", planes).ExitCode.Should().Be(0);
        before = File.ReadAllText(planes);
        (exitCode, _, error) = InProcess.Run("sweep", "--dataset", "spiral", "--samples", "10", "--data-seed", "2,3", "--seed", "0", "--epochs", "20", "--out", planes, "--resume");
        exitCode.Should().Be(ExitCodes.BadInput);
        error.Should().StartWith($"XorNet: --out {planes} holds a run this sweep does not have");
        File.ReadAllText(planes).Should().Be(before);
    }

    [Theory]
    [InlineData("--dataset spiral --data-seed 3,3", "XorNet: --data-seed lists 3 twice: expected seeds from 0 to 4294967295 separated by commas, or ranges such as 0-9.")]
    [InlineData("--dataset spiral --data-seed 0-2,1", "XorNet: --data-seed lists 1 twice")]
    [InlineData("--dataset spiral --noise 0.1,0.10", "XorNet: --noise lists 0.10 twice")]
    [InlineData("--dataset spiral --noise 0.1,-1", "XorNet: --noise does not accept '-1' in '0.1,-1': expected finite numbers of 0 or more separated by commas, such as 0,0.1,0.2.")]
    [InlineData("--dataset spiral --noise nan", "XorNet: --noise does not accept 'nan': expected finite numbers of 0 or more")]
    [InlineData("--dataset circle --samples 0,5", "XorNet: --samples does not accept '0' in '0,5': expected whole numbers from 1 to 100000000 separated by commas, or ranges such as 50-60.")]
    [InlineData("--dataset circle --data-seed -1", "XorNet: --data-seed has an open range '-1'")]
    [InlineData("--dataset xor --data-seed 0-1", "XorNet: --data-seed draws a generated set (circle, gauss, xor-plane, spiral); xor is a truth table with rows of its own, so drop --data-seed or choose a generated set.")]
    [InlineData("--noise 0.1,0.2", "XorNet: --noise draws a generated set (circle, gauss, xor-plane, spiral); xor is a truth table with rows of its own")]
    [InlineData("--data DATA --samples 10,20", "XorNet: --samples draws a generated set (circle, gauss, xor-plane, spiral); --data reads its rows from a file, so drop --samples.")]
    public void A_list_the_sets_cannot_take_is_one_line_and_exit_2(string options, string message)
    {
        string data = Path.Combine(_directory, "data.csv");
        File.WriteAllText(data, "x1,x2,y\n0,0,0\n1,1,1\n");
        string records = Path.Combine(_directory, "never.csv");
        (int exitCode, string output, string error) = InProcess.Run(["sweep", "--seed", "0-1", "--epochs", "5", .. options.Replace("DATA", data, StringComparison.Ordinal).Split(' '), "--out", records]);

        exitCode.Should().Be(ExitCodes.BadInput);
        output.Should().BeEmpty();
        error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().ContainSingle();
        error.Should().StartWith(message);
        File.Exists(records).Should().BeFalse();
    }
}
