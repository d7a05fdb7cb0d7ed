using System.Diagnostics;
using System.Globalization;
using FluentAssertions;

namespace XorNet.Tests;

/// <summary>
/// Sweeps as separate processes: shards on their own merge into the whole, a sweep killed with SIGKILL resumes to
/// the file and summary of one never stopped, and Ctrl+C ends with the summary of what finished.
/// </summary>
public sealed class SweepProcessTests : IDisposable
{
    private static readonly string Program = Path.Combine(AppContext.BaseDirectory, "XorNet.dll");

    // Runs of about 3 ms that never converge (one hidden unit cannot learn XOR): long enough to stop a sweep midway.
    private static readonly string[] Slow = ["sweep", "--seed", "0-999", "--hidden", "1", "--epochs", "20000", "--jobs", "2"];

    // Fifty times Slow's epochs (a minute and a half of CPU in all): a sweep that cannot end, on however loaded a
    // machine, in the time another process takes to start, which these tests stop with Ctrl+C instead.
    private static readonly string[] Endless = ["sweep", "--seed", "0-999", "--hidden", "1", "--epochs", "1000000", "--jobs", "2"];

    private readonly string _directory = Directory.CreateTempSubdirectory("xornet-sweep-processes-").FullName;

    [Fact]
    public async Task Three_shards_run_as_separate_processes_give_the_sweeps_runs_and_summary()
    {
        string[] sweep = ["sweep", "--seed", "0-39", "--hidden", "2,3", "--learning-rate", "0.5,1", "--epochs", "2000", "--jobs", "1"];
        string[] shards = [.. Enumerable.Range(1, 3).Select(k => Path.Combine(_directory, $"shard-{k}.csv"))];
        Task<(int, string, string)>[] running = [.. Enumerable.Range(1, 3).Select(k => Run([.. sweep, "--shard", $"{k}/3", "--out", shards[k - 1]]))];
        foreach ((int exitCode, _, string error) in await Task.WhenAll(running))
        {
            exitCode.Should().Be(0, error);
        }

        string whole = Path.Combine(_directory, "whole.csv");
        (int code, string expected, string message) = InProcess.Run([.. sweep, "--out", whole]);
        code.Should().Be(0, message);

        // Shard k holds runs k, k+3, …: together, every run once, each line as the whole sweep wrote it.
        string[][] lines = [.. shards.Select(s => File.ReadAllLines(s).Skip(1).ToArray())];
        string[] wholeLines = File.ReadAllLines(whole).Skip(1).ToArray();
        lines.Sum(l => l.Length).Should().Be(wholeLines.Length);
        for (int run = 0; run < wholeLines.Length; run++)
        {
            SweepTests.WithoutSeconds([lines[run % 3][run / 3]]).Should().Be(SweepTests.WithoutSeconds([wholeLines[run]]), $"run {run + 1}");
        }

        (int exitCode2, string merged, string error2) = await Run(["sweep", "summarize", .. shards]);
        exitCode2.Should().Be(0, error2);
        merged.Should().Be(expected);
    }

    [Fact]
    public async Task A_sweep_killed_with_sigkill_resumes_to_the_file_and_summary_of_one_never_stopped()
    {
        string records = Path.Combine(_directory, "killed.csv");
        using (Process sweep = Start([.. Slow, "--out", records]))
        {
            await WaitForLines(records, 40);
            sweep.Kill();
            await sweep.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        int kept = File.ReadAllLines(records).Length;
        kept.Should().BeInRange(41, 1000, "the killed sweep keeps every line it finished, and had not finished");

        (int exitCode, string resumed, string error) = await Run([.. Slow, "--out", records, "--resume"]);
        exitCode.Should().Be(0, error);

        string reference = Path.Combine(_directory, "reference.csv");
        (int code, string expected, string message) = InProcess.Run([.. Slow, "--out", reference]);
        code.Should().Be(0, message);
        resumed.Should().Be(expected);
        SweepTests.WithoutSeconds(File.ReadAllLines(records)).Should().Be(SweepTests.WithoutSeconds(File.ReadAllLines(reference)));
    }

    [Fact]
    public async Task Ctrl_c_stops_starting_runs_prints_the_summary_of_those_finished_and_exits_130()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "needs POSIX signals");
        string records = Path.Combine(_directory, "interrupted.jsonl");
        using Process sweep = Start([.. Endless, "--out", records]);
        Task<string> output = sweep.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        Task<string> error = sweep.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await WaitForLines(records, 20);
        using (Process kill = Process.Start("kill", ["-INT", sweep.Id.ToString(CultureInfo.InvariantCulture)])!)
        {
            await kill.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        await sweep.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);
        sweep.ExitCode.Should().Be(ExitCodes.Interrupted);
        int finished = File.ReadAllLines(records).Length;
        finished.Should().BeLessThan(1000);
        string summary = await output;
        summary.Should().MatchRegex($@"(?m)^1 +0\.1 +{finished} +0 +0\.0 ");
        (await error).Should().Contain(SweepCommand.InterruptNotice).And.Contain($"interrupted after {finished} runs of 1000; continue with the same command and --resume");
    }

    [Fact]
    public async Task A_second_sweep_on_a_file_being_written_is_refused_even_with_resume_and_the_first_is_untouched()
    {
        string records = Path.Combine(_directory, "busy.csv");
        using Process first = Start([.. Endless, "--out", records]);
        Task<string> firstOutput = first.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await WaitForLines(records, 5);

        // The same command with --resume would otherwise read the runs so far and write the rest a second time.
        (int exitCode, string output, string error) = await Run([.. Endless, "--out", records, "--resume"]);

        exitCode.Should().Be(ExitCodes.BadInput);
        output.Should().BeEmpty();
        error.Should().Be($"XorNet: --out {records}: another process is writing this file (a sweep still running?); wait for it to end, or give another path.\n");

        // Still readable while it is written, and whole once the first sweep ends (stopped by Ctrl+C, it still
        // prints the summary of the runs it finished, all of them in the file).
        (await Run(["sweep", "summarize", records])).ExitCode.Should().Be(0);
        using (Process kill = Process.Start("kill", ["-INT", first.Id.ToString(CultureInfo.InvariantCulture)])!)
        {
            await kill.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        await first.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        first.ExitCode.Should().Be(ExitCodes.Interrupted);
        (int code, string summary, string message) = await Run(["sweep", "summarize", records]);
        code.Should().Be(0, message);
        summary.Should().Be(await firstOutput);
    }

    [Fact]
    public async Task Two_sweeps_started_together_on_a_file_not_there_yet_leave_one_sweeps_records_and_refuse_the_other()
    {
        string[] first = ["sweep", "--seed", "0-199", "--epochs", "2000", "--jobs", "1"];
        string[] second = ["sweep", "--seed", "10000-10199", "--hidden", "3", "--epochs", "2000", "--jobs", "1"];
        for (int attempt = 0; attempt < 3; attempt++)
        {
            string records = Path.Combine(_directory, $"race-{attempt}.csv");
            (int Code, string Output, string Error)[] results = await Task.WhenAll(Run([.. first, "--out", records]), Run([.. second, "--out", records]));

            // Whatever the timing, one sweep writes the file and the other is refused: while it runs ("another
            // process is writing"), or after it ended ("already holds records").
            results.Select(r => r.Code).Order().Should().Equal([ExitCodes.Success, ExitCodes.BadInput], string.Join(" | ", results.Select(r => r.Error)));
            (int Code, string Output, string Error) winner = results.Single(r => r.Code == 0);
            results.Single(r => r.Code != 0).Error.Should().MatchRegex("^XorNet: --out [^\n]*(another process is writing this file|already holds records)[^\n]*\n$");
            (int code, string summary, string message) = await Run(["sweep", "summarize", records]);
            code.Should().Be(0, message);
            summary.Should().Be(winner.Output);
        }
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static Process Start(string[] args) => Process.Start(new ProcessStartInfo("dotnet", [Program, .. args])
    {
        RedirectStandardOutput = true,
        RedirectStandardError = true,
    })!;

    private static async Task<(int ExitCode, string Output, string Error)> Run(string[] args)
    {
        using Process process = Start(args);
        Task<string> output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        Task<string> error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output, await error);
    }

    private static async Task WaitForLines(string path, int lines)
    {
        var clock = Stopwatch.StartNew();
        while (!File.Exists(path) || File.ReadAllLines(path).Length <= lines)
        {
            clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(60), $"{path} should reach {lines} lines");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }
}
