using System.Diagnostics;
using FluentAssertions;

namespace XorNet.Tests;

/// <summary>The real program's standard output and error, as shells use them.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class StandardStreamsTests
{
    private static readonly string Program = Path.Combine(AppContext.BaseDirectory, "XorNet.dll");

    [Fact]
    public void Output_into_a_file_shared_with_other_commands_lands_between_them()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "needs a POSIX shell");
        string file = Path.Combine(Path.GetTempPath(), $"xornet-shared-{Guid.NewGuid():N}.txt");
        try
        {
            // One file offset shared by three writers, as in `(echo first; XorNet; echo last) > file`: the program's
            // output must advance it, or 'last' overwrites the transcript.
            Shell($"(echo first; dotnet '{Program}' --epochs 3 --log-every 1; dotnet '{Program}' --lr x; echo last) > '{file}' 2>&1");

            string expected = "first\n" + InProcess.Run("--epochs", "3", "--log-every", "1").Output + InProcess.Run("--lr", "x").Error + "last\n";
            File.ReadAllText(file).Should().Be(expected);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_reader_that_stops_early_stops_training_at_once_with_status_141_and_no_message()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "needs a POSIX shell");

        // Fifty million epochs take minutes; the pipe closes after the first line, and the run must end there.
        var clock = Stopwatch.StartNew();
        (string output, string error) = Shell($"dotnet '{Program}' --epochs 50000000 --log-every 1 | head -n 1; echo \"status ${{PIPESTATUS[0]}}\"");

        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(30));
        output.Should().Be($"Epoch 0, Loss: 0.2832\nstatus {ExitCodes.OutputClosed}\n");
        error.Should().BeEmpty();
    }

    [Fact]
    public void Predict_answers_endless_piped_rows_as_they_come_and_stops_when_its_reader_does()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "needs a POSIX shell");
        string model = Path.Combine(Path.GetTempPath(), $"xornet-pipe-{Guid.NewGuid():N}.json");
        try
        {
            InProcess.Run("--epochs", "5", "--save", model).ExitCode.Should().Be(0);

            (string output, string error) = Shell($"yes 0,0 2>/dev/null | dotnet '{Program}' predict --model '{model}' | head -n 1; echo \"status ${{PIPESTATUS[1]}}\"");

            output.Should().Be($"{InProcess.Run("predict", "--model", model, "0,0").Output}status {ExitCodes.OutputClosed}\n");
            error.Should().BeEmpty();
        }
        finally
        {
            File.Delete(model);
        }
    }

    public static TheoryData<string> Commands => new()
    {
        "--epochs 5",
        "--epochs 5 --format json",
        "--epochs 3 --trace 1",
        "--epochs 5 --metrics --explain",
        "inspect --model MODEL",
        "predict --model MODEL 0,0",
        "predict --model MODEL --format json 0,0",
        "sweep --seed 0-3 --epochs 100",
        "sweep --seed 0-3 --epochs 100 --format json",
        "sweep summarize RECORDS",
        "--epochs 5 --plot-loss /dev/stdout",
        "--dataset spiral --epochs 5",
        "data spiral",
        "data circle --samples 100000 --out /dev/stdout",
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void Every_command_that_prints_into_a_pipe_already_closed_ends_with_status_141_and_no_message(string command)
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "needs a POSIX shell");
        string directory = Directory.CreateTempSubdirectory("xornet-closed-").FullName;
        try
        {
            string model = Path.Combine(directory, "m.json"), records = Path.Combine(directory, "runs.csv");
            InProcess.Run("--epochs", "5", "--save", model).ExitCode.Should().Be(0);
            InProcess.Run("sweep", "--seed", "0-3", "--epochs", "100", "--out", records).ExitCode.Should().Be(0);
            string args = command.Replace("MODEL", $"'{model}'", StringComparison.Ordinal).Replace("RECORDS", $"'{records}'", StringComparison.Ordinal);

            // The program starts after 'true' has ended, so its first write finds the pipe without a reader.
            (string output, string error) = Shell($"{{ sleep 0.5; dotnet '{Program}' {args}; }} | true; echo \"status ${{PIPESTATUS[0]}}\"");

            output.Should().Be($"status {ExitCodes.OutputClosed}\n");
            error.Should().BeEmpty();
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void A_full_disk_is_one_line_and_exit_code_1()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() && File.Exists("/dev/full"), "needs /dev/full");

        (string output, string error) = Shell($"dotnet '{Program}' > /dev/full; echo \"status $?\"");

        output.Should().Be("status 1\n");
        error.Should().Be("XorNet: could not write the output: no space left on the device.\n");
    }

    private static (string Output, string Error) Shell(string script) => Posix.Shell(script);
}
