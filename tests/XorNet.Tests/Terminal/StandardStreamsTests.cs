using System.Diagnostics;
using FluentAssertions;

namespace XorNet.Tests;

/// <summary>The real program's standard output and error, as shells use them.</summary>
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
    public void A_reader_that_stops_early_is_not_an_error()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "needs a POSIX shell");

        (string output, string error) = Shell($"dotnet '{Program}' --epochs 20000 --log-every 1 | head -n 1; echo \"status ${{PIPESTATUS[0]}}\"");

        output.Should().Be("Epoch 0, Loss: 0.2832\nstatus 0\n");
        error.Should().BeEmpty();
    }

    [Fact]
    public void A_full_disk_is_one_line_and_exit_code_1()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() && File.Exists("/dev/full"), "needs /dev/full");

        (string output, string error) = Shell($"dotnet '{Program}' > /dev/full; echo \"status $?\"");

        output.Should().Be("status 1\n");
        error.Should().Be("XorNet: could not write the output: no space left on the device.\n");
    }

    private static (string Output, string Error) Shell(string script)
    {
        var start = new ProcessStartInfo("bash", ["-c", script])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using Process shell = Process.Start(start)!;
        Task<string> error = shell.StandardError.ReadToEndAsync();
        string output = shell.StandardOutput.ReadToEnd();
        shell.WaitForExit(60_000).Should().BeTrue();
        return (output, error.Result);
    }
}
