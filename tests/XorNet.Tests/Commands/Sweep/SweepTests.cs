using System.Globalization;
using System.Text.Json;
using FluentAssertions;

namespace XorNet.Tests;

/// <summary><c>XorNet sweep</c> in process: each run is the single run, any --jobs gives the same records, bad input is one line.</summary>
public sealed class SweepTests : IDisposable
{
    private static readonly int[] JobCounts = [1, 2, 5];

    private readonly string _directory = Directory.CreateTempSubdirectory("xornet-sweep-").FullName;

    [Fact]
    public void Every_number_of_jobs_writes_the_same_records_and_summary()
    {
        string[] sweep = ["sweep", "--seed", "0-29", "--hidden", "2,3", "--learning-rate", "0.5,1", "--epochs", "2000"];
        (string Records, string Summary)[] results = [.. JobCounts.Select(jobs =>
        {
            string records = Path.Combine(_directory, $"jobs-{jobs}.csv");
            (int exitCode, string output, string error) = InProcess.Run([.. sweep, "--jobs", jobs.ToString(CultureInfo.InvariantCulture), "--out", records]);
            exitCode.Should().Be(0, error);
            return (WithoutSeconds(File.ReadAllLines(records)), output);
        })];

        results[0].Records.Split('\n').Should().HaveCount(1 + (30 * 4));
        results.Should().AllSatisfy(r => r.Should().Be(results[0]));
    }

    [Theory]
    [InlineData("--hidden", "3", "--learning-rate", "0.7")]
    [InlineData("--layers", "3,2", "--activation", "tanh", "--init", "xavier", "--loss", "bce")]
    [InlineData("--dataset", "half-adder", "--layers", "5", "--activation", "relu", "--init", "he")]
    public void A_run_is_the_single_run_with_its_values_and_converges_at_the_first_epoch_whose_outputs_are_all_on_their_targets_side(params string[] setting)
    {
        string records = Path.Combine(_directory, "sampled.jsonl");
        (int exitCode, _, string error) = InProcess.Run(["sweep", "--seed", "0-5,4000000000", .. setting, "--epochs", "1500", "--out", records]);
        exitCode.Should().Be(0, error);

        foreach (string line in File.ReadAllLines(records))
        {
            using JsonDocument record = JsonDocument.Parse(line);
            JsonElement run = record.RootElement;
            string seed = run.GetProperty("seed").ToString();
            int epochsRun = run.GetProperty("epochsRun").GetInt32();

            // The single run of as many epochs: its last logged loss is the record's final loss, to the bit.
            using JsonDocument single = Single([.. setting, "--seed", seed, "--epochs", epochsRun.ToString(CultureInfo.InvariantCulture), "--log-every", "1"]);
            JsonElement log = single.RootElement.GetProperty("log");
            log[log.GetArrayLength() - 1].GetProperty("loss").GetDouble().Should().Be(run.GetProperty("finalLoss").GetDouble(), line);
            Accuracy(single.RootElement).Should().Be(run.GetProperty("accuracy").GetDouble(), line);

            if (run.GetProperty("converged").GetBoolean())
            {
                // Its predictions (the last forward pass) are all within 0.5; one epoch fewer, they were not.
                int epoch = run.GetProperty("epoch").GetInt32();
                epochsRun.Should().Be(epoch + 1, line);
                Accuracy(single.RootElement).Should().Be(1, line);
                if (epoch > 0)
                {
                    using JsonDocument before = Single([.. setting, "--seed", seed, "--epochs", epoch.ToString(CultureInfo.InvariantCulture)]);
                    Accuracy(before.RootElement).Should().BeLessThan(1, line);
                }
            }
            else
            {
                epochsRun.Should().Be(1500, line);
                Accuracy(single.RootElement).Should().BeLessThan(1, line);
            }
        }
    }

    [Fact]
    public void With_a_target_loss_a_run_converges_at_the_first_epoch_whose_loss_is_at_most_it_and_full_runs_every_epoch()
    {
        string stopped = Path.Combine(_directory, "stopped.csv"), full = Path.Combine(_directory, "full.csv");
        string[] sweep = ["sweep", "--seed", "0-7", "--hidden", "3", "--learning-rate", "1", "--epochs", "400", "--target-loss", "0.02"];
        InProcess.Run([.. sweep, "--out", stopped]).ExitCode.Should().Be(0);
        InProcess.Run([.. sweep, "--out", full, "--full"]).ExitCode.Should().Be(0);

        string[][] a = Rows(stopped), b = Rows(full);
        for (int i = 0; i < a.Length; i++)
        {
            using JsonDocument single = Single(["--hidden", "3", "--learning-rate", "1", "--seed", a[i][0], "--epochs", "400", "--log-every", "1"]);
            double[] losses = [.. single.RootElement.GetProperty("log").EnumerateArray().Select(e => e.GetProperty("loss").GetDouble())];
            int first = Array.FindIndex(losses, loss => loss <= 0.02);
            a[i][7].Should().Be(first < 0 ? "" : first.ToString(CultureInfo.InvariantCulture), "the convergence epoch of seed " + a[i][0]);
            b[i][7].Should().Be(a[i][7], "--full records the same convergence epoch");
            b[i][8].Should().Be("400", "--full runs every epoch");
            double.Parse(b[i][9], CultureInfo.InvariantCulture).Should().Be(losses[^1]);
        }

        a.Should().Contain(row => row[6] == "true").And.Contain(row => row[6] == "false", "the case should have both kinds of run");
    }

    [Fact]
    public void The_records_have_a_header_standard_quoting_and_round_trip_numbers()
    {
        string records = Path.Combine(_directory, "layers.csv");
        InProcess.Run("sweep", "--seed", "1,2", "--layers", "4", "--layers", "4,4", "--learning-rate", "0.3", "--epochs", "50", "--out", records).ExitCode.Should().Be(0);
        string[] lines = File.ReadAllLines(records);
        lines[0].Should().Be("seed,layers,learningRate,activation,init,loss,converged,epoch,epochsRun,finalLoss,accuracy,seconds");
        lines.Should().HaveCount(5);
        lines[3].Should().StartWith("1,\"4,4\",0.3,sigmoid,normal,mse,false,,50,");
    }

    [Fact]
    public void Summarize_of_shards_equals_the_sweep_and_refuses_files_that_disagree()
    {
        string[] sweep = ["sweep", "--seed", "0-20", "--hidden", "2,4", "--epochs", "1500"];
        string whole = Path.Combine(_directory, "whole.jsonl");
        (int _, string expected, string _) = InProcess.Run([.. sweep, "--out", whole]);
        string[] shards = [.. Enumerable.Range(1, 4).Select(k => Path.Combine(_directory, $"shard-{k}.csv"))];
        for (int k = 1; k <= 4; k++)
        {
            InProcess.Run([.. sweep, "--shard", $"{k}/4", "--out", shards[k - 1]]).ExitCode.Should().Be(0);
        }

        (int exitCode, string merged, string error) = InProcess.Run(["sweep", "summarize", .. shards]);
        exitCode.Should().Be(0, error);
        merged.Should().Be(expected);
        InProcess.Run(["sweep", "summarize", whole, .. shards]).Output.Should().Be(expected, "a run recorded twice alike counts once");

        // The same run with another result: made with other epochs.
        string other = Path.Combine(_directory, "other.csv");
        InProcess.Run("sweep", "--seed", "3", "--hidden", "2", "--epochs", "10", "--out", other).ExitCode.Should().Be(0);
        (exitCode, _, error) = InProcess.Run(["sweep", "summarize", .. shards, other]);
        exitCode.Should().Be(ExitCodes.BadInput);
        error.Should().Contain("hold the same run (seed 3, hidden 2) with different results").And.NotContain("Exception");
        error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().ContainSingle();
    }

    [Fact]
    public void An_existing_record_file_is_never_overwritten_and_resume_skips_what_it_holds()
    {
        string records = Path.Combine(_directory, "resume.csv");
        string[] sweep = ["sweep", "--seed", "0-9", "--hidden", "3", "--epochs", "1000", "--out", records];
        (int _, string expected, string _) = InProcess.Run(sweep);
        string[] complete = File.ReadAllLines(records);

        (int exitCode, _, string error) = InProcess.Run(sweep);
        exitCode.Should().Be(ExitCodes.BadInput);
        error.Should().Be($"XorNet: --out {records} already holds records; add --resume to continue that sweep, or give another path.\n");
        File.ReadAllLines(records).Should().Equal(complete);

        // Four runs and a torn fifth line, as a killed sweep leaves them.
        File.WriteAllText(records, string.Join('\n', complete.Take(5)) + "\n" + complete[5][..12]);
        (exitCode, string output, error) = InProcess.Run([.. sweep, "--resume"]);
        exitCode.Should().Be(0, error);
        error.Should().Contain("was cut off; that run is done again");
        output.Should().Be(expected);
        WithoutSeconds(File.ReadAllLines(records)).Should().Be(WithoutSeconds(complete));

        // A file from another sweep is not continued.
        (exitCode, _, error) = InProcess.Run("sweep", "--seed", "0-9", "--hidden", "5", "--epochs", "1000", "--out", records, "--resume");
        exitCode.Should().Be(ExitCodes.BadInput);
        error.Should().StartWith($"XorNet: --out {records} holds a run this sweep does not have (seed 0, hidden 3");
    }

    [Fact]
    public void Resume_and_summarize_refuse_runs_made_with_other_epochs_or_data()
    {
        string records = Path.Combine(_directory, "epochs.csv"), longer = Path.Combine(_directory, "longer.csv");
        InProcess.Run("sweep", "--seed", "0-9", "--epochs", "500", "--out", records).ExitCode.Should().Be(0);
        string[] before = File.ReadAllLines(records);

        (int exitCode, _, string error) = InProcess.Run("sweep", "--seed", "0-9", "--epochs", "600", "--out", records, "--resume");
        exitCode.Should().Be(ExitCodes.BadInput);
        error.Should().Contain("with 500 epochs run, where this sweep runs 600; resume it with the options it was started with");

        // Converged runs alone do not show the epochs; the first run trained again shows other data.
        (exitCode, _, error) = InProcess.Run("sweep", "--seed", "0-9", "--epochs", "500", "--dataset", "and", "--out", records, "--resume");
        exitCode.Should().Be(ExitCodes.BadInput);
        error.Should().Contain("with another result than this sweep gives it");
        File.ReadAllLines(records).Should().Equal(before);

        InProcess.Run("sweep", "--seed", "10-19", "--epochs", "700", "--out", longer).ExitCode.Should().Be(0);
        (exitCode, _, error) = InProcess.Run("sweep", "summarize", records, longer);
        exitCode.Should().Be(ExitCodes.BadInput);
        error.Should().Contain("come from sweeps with different --epochs");
    }

    [Fact]
    public void Runs_that_fit_in_memory_one_at_a_time_but_not_all_at_once_ask_for_fewer_jobs()
    {
        // A hidden size whose run needs about 70 % of the memory available: one fits, two do not. Nothing is
        // allocated: the sweep refuses it from the estimate before any run.
        long available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        int low = 1, high = int.MaxValue / 4;
        while (low < high)
        {
            int middle = low + ((high - low) / 2);
            (low, high) = Network.TwoLayerNetwork.TrainingBytes(2, middle, 4) < available * 0.7 ? (middle + 1, high) : (low, middle);
        }

        int hidden = low;
        Assert.SkipWhen(hidden > Network.TwoLayerNetwork.MaxHidden(2), "this machine's memory holds more than the largest arrays .NET allows");

        (int exitCode, string output, string error) = InProcess.Run("sweep", "--seed", "0-1", "--hidden", hidden.ToString(CultureInfo.InvariantCulture), "--epochs", "1", "--jobs", "2");
        exitCode.Should().Be(ExitCodes.BadInput);
        output.Should().BeEmpty();
        error.Should().StartWith("XorNet: --jobs 2 trains 2 runs at once, each with --hidden").And.EndWith("; give --jobs 1.\n");
    }

    [Theory]
    [InlineData("--seed 5-3", "--seed has a backwards range '5-3': write it from low to high, 3-5")]
    [InlineData("--seed 5-", "--seed has an open range '5-'")]
    [InlineData("--seed -5", "--seed has an open range '-5'")]
    [InlineData("--hidden 1,x,3", "--hidden does not accept 'x' in '1,x,3'")]
    [InlineData("--hidden 1,,3", "--hidden has an empty element in '1,,3'")]
    [InlineData("--learning-rate 0.1,-1", "--learning-rate does not accept '-1' in '0.1,-1'")]
    [InlineData("--activation sigmoid,swish", "--activation does not accept 'swish' in 'sigmoid,swish'")]
    [InlineData("--seed 1,2,1", "--seed lists 1 twice")]
    [InlineData("--layers 4 --layers 4,0", "--layers does not accept '4,0'")]
    [InlineData("--shard 0/3", "--shard 0/3 is outside 1..3")]
    [InlineData("--shard 4/3", "--shard 4/3 is outside 1..3")]
    [InlineData("--shard 2", "--shard does not accept '2'")]
    [InlineData("--shard 1/0", "--shard 1/0 has no shards: N must be at least 1")]
    [InlineData("--jobs 0", "--jobs does not accept '0'")]
    [InlineData("--seed 0-99999 --hidden 1-101", "these lists make 10,100,000 runs")]
    [InlineData("--seed 0-4294967295", "--seed lists 4,294,967,296 values or more, more than the 10,000,000 runs a sweep may have")]
    [InlineData("--resume", "--resume continues the sweep recorded in --out")]
    [InlineData("--out runs.txt", "--out needs a name ending in .csv or .jsonl")]
    [InlineData("--plot runs.csv", "--plot runs.csv: a picture is written as SVG, to a name ending in .svg (such as sweep.svg), not .csv.")]
    [InlineData("--seed 1 --seed 2", "--seed was given twice")]
    [InlineData("--hidden 2 --layers 2", "--layers and --hidden cannot be used together")]
    [InlineData("--bogus", "'--bogus' is not an option or value sweep takes. Run 'XorNet sweep --help'")]
    [InlineData("summarize", "sweep summarize needs one or more record files written by 'sweep --out'")]
    [InlineData("summarize runs.csv --bogus", "'--bogus' is not an option sweep summarize takes; it takes --format, --plot and record files")]
    public void Bad_input_is_one_line_and_exit_code_2(string arguments, string message)
    {
        (int exitCode, string output, string error) = InProcess.Run(["sweep", .. arguments.Split(' ')]);
        exitCode.Should().Be(ExitCodes.BadInput);
        output.Should().BeEmpty();
        error.Should().StartWith("XorNet: ").And.Contain(message).And.EndWith("\n");
        error.TrimEnd('\n').Should().NotContain("\n").And.NotContain("Exception");
    }

    [Fact]
    public void Summarize_refuses_a_file_that_is_not_records_in_one_line_even_after_a_cut_off_one()
    {
        string torn = Path.Combine(_directory, "torn.csv"), other = Path.Combine(_directory, "other.csv");
        InProcess.Run("sweep", "--seed", "1,2", "--epochs", "10", "--out", torn).ExitCode.Should().Be(0);
        File.AppendAllText(torn, "3,4,0.1,sig");
        File.WriteAllText(other, "x1,x2,y\r0,0,0\r0,1,1");

        (int exitCode, string output, string error) = InProcess.Run("sweep", "summarize", torn, other);
        exitCode.Should().Be(ExitCodes.BadInput);
        output.Should().BeEmpty();
        error.Should().StartWith($"XorNet: {other} is not a file of records written by 'XorNet sweep --out': such a file begins with the header line 'seed,hidden,").And.EndWith(", and this one begins 'x1,x2,y\\r0,0,0\\r0,1,1'\n");

        (exitCode, output, error) = InProcess.Run("sweep", "summarize", torn);
        exitCode.Should().Be(0);
        error.Should().Be($"XorNet: the last line of {torn} was cut off and is left out.\n");
        output.Should().MatchRegex(@"(?m)^4 +0\.1 +2 ");
    }

    [Fact]
    public void An_out_file_of_a_header_alone_is_continued_and_one_of_other_text_is_left_alone()
    {
        string header = Path.Combine(_directory, "header.csv"), other = Path.Combine(_directory, "notes.csv");
        File.WriteAllText(header, "seed,hidden,learningRate,activation,init,loss,converged,epoch,epochsRun,finalLoss,accuracy,seconds\n");
        File.WriteAllText(other, "my notes\n");

        (int exitCode, _, string error) = InProcess.Run("sweep", "--seed", "0-2", "--epochs", "20", "--out", header);
        exitCode.Should().Be(0, error);
        File.ReadAllLines(header).Should().HaveCount(4);

        (exitCode, _, error) = InProcess.Run("sweep", "--seed", "0-2", "--epochs", "20", "--out", other);
        exitCode.Should().Be(ExitCodes.BadInput);
        error.Should().StartWith($"XorNet: --out {other} is not a file of records written by 'XorNet sweep --out'").And.EndWith("this one begins 'my notes'\n");
        File.ReadAllText(other).Should().Be("my notes\n");
    }

    [Fact]
    public void The_progress_line_says_runs_done_converged_speed_and_time_left_and_has_shorter_forms()
    {
        // 300 of 1000 done, 100 of them before this process started: 200 runs in 4 s here, so 14 s for the 700 left.
        string[] forms = SweepProgress.Forms(300, 1000, 240, 200, TimeSpan.FromSeconds(4));
        forms[0].Should().Be("run 300/1000  240 converged (80.0%)  50 runs/s  14 s left");
        forms.Should().BeInDescendingOrder(f => f.Length).And.OnlyContain(f => f.StartsWith("run 300/1000", StringComparison.Ordinal));
        forms[^1].Should().Be("run 300/1000  14 s left");
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static JsonDocument Single(string[] args)
    {
        (int exitCode, string output, string error) = InProcess.Run([.. args, "--format", "json"]);
        exitCode.Should().Be(0, error);
        return JsonDocument.Parse(output);
    }

    // The share of rows of the report's predictions with every output within 0.5 of the dataset's targets, counted here.
    internal static double Accuracy(JsonElement report)
    {
        Data.Dataset data = Data.Dataset.Named(report.GetProperty("data").GetString()!);
        double[][] predictions = [.. report.GetProperty("predictions").EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetDouble()).ToArray())];
        int right = 0;
        for (int r = 0; r < predictions.Length; r++)
        {
            right += Enumerable.Range(0, predictions[r].Length).All(c => Math.Abs(predictions[r][c] - data.Y[r, c]) < 0.5) ? 1 : 0;
        }

        return (double)right / predictions.Length;
    }

    private static string[][] Rows(string csv) => [.. File.ReadAllLines(csv).Skip(1).Select(line => line.Split(','))];

    internal static string WithoutSeconds(IEnumerable<string> lines) =>
        string.Join('\n', lines.Select(line => line.StartsWith('{') ? line[..line.IndexOf(",\"seconds\"", StringComparison.Ordinal)] : line[..line.LastIndexOf(',')]));

    [Theory]
    [InlineData("mydata.csv", "x1,x2,y\n0,0,0\n0,1,1\n", "'x1,x2,y'")]
    [InlineData("cut.csv", "x1,x2,y", "'x1,x2,y'")]
    public void A_csv_file_that_is_not_records_is_named_for_what_it_is(string name, string text, string begins)
    {
        string path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);

        foreach (string[] args in new string[][] { ["sweep", "--seed", "0", "--epochs", "5", "--out", path], ["sweep", "summarize", path] })
        {
            (int exitCode, string output, string error) = InProcess.Run(args);

            exitCode.Should().Be(ExitCodes.BadInput);
            output.Should().BeEmpty();
            error.Should().Contain($"{path} is not a file of records written by 'XorNet sweep --out': such a file begins with the header line 'seed,hidden,learningRate,activation,init,loss,converged,epoch,epochsRun,finalLoss,accuracy,seconds' (with layers for hidden when the sweep gives --layers), and this one begins {begins}");
            File.ReadAllText(path).Should().Be(text);
        }
    }
}
