using System.Diagnostics;
using System.Globalization;
using FluentAssertions;

namespace XorNet.Tests;

/// <summary>
/// Ctrl+C on a command that only reads and writes (here <c>data</c>, drawing ten million rows): it has no step to
/// finish, so the first Ctrl+C ends it at once, with exit code 130 and no file written.
/// </summary>
public sealed class DataInterruptTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("xornet-data-interrupt-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task The_first_ctrl_c_ends_data_at_once_and_leaves_no_file()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "needs POSIX signals");
        string program = Path.Combine(AppContext.BaseDirectory, "XorNet.dll");
        string csv = Path.Combine(_directory, "big.csv");

        // Ten million rows take seconds to draw and more to write (400 MB), far longer than the signal takes to come.
        var start = new ProcessStartInfo("dotnet", [program, "data", "spiral", "--samples", "10000000", "--out", csv])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using Process child = Process.Start(start)!;
        Task<string> error = child.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        try
        {
            // Once the file is being written (a temporary file beside it), the program has long registered its
            // Ctrl+C handler: the signal cannot be taken for one that came while the runtime was starting.
            var clock = Stopwatch.StartNew();
            while (Directory.GetFileSystemEntries(_directory).Length == 0 && !child.HasExited && clock.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(10, TestContext.Current.CancellationToken);
            }

            child.HasExited.Should().BeFalse("ten million rows are still being written");
            using (Process kill = Process.Start("kill", ["-INT", child.Id.ToString(CultureInfo.InvariantCulture)])!)
            {
                kill.WaitForExit();
            }

            child.WaitForExit(10_000).Should().BeTrue("the first Ctrl+C ends a command with no step to finish");
        }
        finally
        {
            if (!child.HasExited)
            {
                child.Kill();
            }
        }

        child.ExitCode.Should().Be(ExitCodes.Interrupted);
        (await error).Should().NotContain("stopping after this epoch");
        Directory.GetFileSystemEntries(_directory).Should().BeEmpty("neither the file nor a temporary one is left");
    }
}
