using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using FluentAssertions;

namespace XorNet.Tests;

/// <summary>The real program on a terminal: the progress line, log lines and Ctrl+C together.</summary>
public sealed class TerminalTests
{
    private static readonly string Program = Path.Combine(AppContext.BaseDirectory, "XorNet.dll");

    [Fact]
    public async Task On_a_20_column_terminal_the_progress_line_fits_and_steps_aside_for_log_lines_and_ctrl_c()
    {
        // util-linux's script(1) runs the program on a pseudo-terminal and copies what it shows to a pipe.
        Assert.SkipUnless(OperatingSystem.IsLinux() && File.Exists("/usr/bin/script"), "needs util-linux script");
        string command = string.Join(
            ' ',
            "stty cols 20 rows 10; exec dotnet", Quote(Program), "--epochs 2000000000 --log-every 100000");
        var start = new ProcessStartInfo("/usr/bin/script", ["-qfec", command, "/dev/null"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using Process script = Process.Start(start)!;
        var shown = new StringBuilder();
        Task reading = Task.Run(() =>
        {
            var buffer = new char[4096];
            int read;
            while ((read = script.StandardOutput.Read(buffer)) > 0)
            {
                lock (shown)
                {
                    shown.Append(buffer, 0, read);
                }
            }
        });
        try
        {
            // Wait for a progress line and a log line after it, then press Ctrl+C.
            var drawThenLog = new Regex("\repoch [0-9].*Epoch [0-9]+, Loss", RegexOptions.Singleline);
            var clock = Stopwatch.StartNew();
            while (!drawThenLog.IsMatch(Shown()) && clock.Elapsed < TimeSpan.FromSeconds(60) && !script.HasExited)
            {
                await Task.Delay(50, TestContext.Current.CancellationToken);
            }

            Shown().Should().MatchRegex(drawThenLog.ToString(), "a progress line drawn, then a log line");
            script.StandardInput.Write('\u0003');
            script.StandardInput.Flush();
            script.WaitForExit(30_000).Should().BeTrue();
            await reading.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        }
        finally
        {
            if (!script.HasExited)
            {
                script.Kill(entireProcessTree: true);
            }
        }

        script.ExitCode.Should().Be(ExitCodes.Interrupted);
        string output = Shown();

        // What stays on the screen is the transcript and the message, with nothing of the progress line in it.
        // The terminal signals Ctrl+C before it echoes "^C", so the echo can land after the message, at the start of
        // the next line the run prints: that is the terminal's own text, not a leftover of the progress line.
        IReadOnlyList<string> lines = [.. Screen.Of(output, 20).Lines.Select(line => line.StartsWith("^C", StringComparison.Ordinal) ? line[2..] : line)];
        string[] unexpected = [.. lines.Where(line => !Regex.IsMatch(line, @"^(Epoch [0-9]+, Loss: [0-9.]+|Interrupted at epoch [0-9]+\.|Predictions after training:| ?\[*[0-9. ]+\]*| \.\.\.|)$"))];
        unexpected.Should().Equal([Interruption.Message], "the only other line is Ctrl+C's message");
        lines.Should().Contain(line => line.StartsWith("Interrupted at epoch ", StringComparison.Ordinal));
        lines.Count(line => line.StartsWith("Epoch ", StringComparison.Ordinal)).Should().BeGreaterThan(1);

        // Every draw of the progress line (carriage return, text, erase to the end of the line) leaves three columns free.
        Regex.Matches(output, "\r([^\r\n\u001b]+)\u001b\\[K").Select(m => m.Groups[1].Value)
            .Should().NotBeEmpty().And.OnlyContain(text => text.Length <= 17 && text.StartsWith("epoch ", StringComparison.Ordinal));

        string Shown()
        {
            lock (shown)
            {
                return shown.ToString();
            }
        }
    }

    [Fact]
    public async Task The_first_ctrl_c_says_at_once_that_the_run_stops_after_the_epoch()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "needs POSIX signals");

        // Epochs of several seconds (4096 rows × 2 000 000 hidden units), so the message has to come before the epoch ends.
        string data = Path.Combine(Path.GetTempPath(), $"xornet-slow-{Guid.NewGuid():N}.csv");
        File.WriteAllLines(data, Enumerable.Range(0, 4096).Select(i => $"{i % 2},{i / 2 % 2},{(i % 2) ^ (i / 2 % 2)}"));
        try
        {
            // A SIGINT that comes before the program has registered its handler (the runtime still starting, on a
            // loaded machine) ends it as the default action does, with no message: that start is tried again, later.
            for (int delay = 1000; ; delay *= 3)
            {
                var start = new ProcessStartInfo("dotnet", [Program, "--data", data, "--hidden", "2000000", "--epochs", "100", "--log-every", "1"])
                {
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                };
                using Process child = Process.Start(start)!;
                try
                {
                    await Task.Delay(delay, TestContext.Current.CancellationToken);
                    Interrupt(child);

                    // At once, not at the end of the epoch: a timeout here fails the test.
                    string? message = await child.StandardError.ReadLineAsync(TestContext.Current.CancellationToken).AsTask()
                        .WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
                    if (message is null && child.WaitForExit(1000) && delay < 27_000)
                    {
                        continue;
                    }

                    message.Should().Be(Interruption.Message);
                    child.HasExited.Should().BeFalse("the epoch is still running");

                    Interrupt(child);
                    child.WaitForExit(10_000).Should().BeTrue();
                    child.ExitCode.Should().Be(ExitCodes.Interrupted);
                    return;
                }
                finally
                {
                    if (!child.HasExited)
                    {
                        child.Kill();
                    }
                }
            }
        }
        finally
        {
            File.Delete(data);
        }
    }

    private static string Quote(string path) => "'" + path.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static void Interrupt(Process child)
    {
        using Process kill = Process.Start("kill", ["-INT", child.Id.ToString(CultureInfo.InvariantCulture)])!;
        kill.WaitForExit();
    }
}
