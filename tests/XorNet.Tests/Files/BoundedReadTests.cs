using System.Diagnostics;
using FluentAssertions;

namespace XorNet.Tests;

/// <summary>
/// Model and record files that are devices, FIFOs, huge or plainly something else are refused at once, in little
/// memory, whatever reads them: each case runs as its own process under a memory limit and a time limit.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class BoundedReadTests : IDisposable
{
    private static readonly string Program = Path.Combine(AppContext.BaseDirectory, "XorNet.dll");

    private readonly string _directory = Directory.CreateTempSubdirectory("xornet-bounded-").FullName;

    public static TheoryData<string, string> Refused => new()
    {
        { "predict --model /dev/zero 0,0", "XorNet: /dev/zero: is a device, not a file" },
        { "predict --model /dev/urandom 0,0", "XorNet: /dev/urandom: is a device, not a file" },
        { "--epochs 1 --init-from /dev/zero", "XorNet: --init-from /dev/zero: is a device, not a file" },
        { "inspect --model /dev/urandom", "XorNet: /dev/urandom: is a device, not a file" },
        { "predict --model fifo.json 0,0", "XorNet: fifo.json: is a FIFO (a named pipe), not a file" },
        { "inspect --model sparse.json", "XorNet: sparse.json: the file is 3 GiB, larger than the 64 MiB this program reads" },
        { "predict --model zeros.json 0,0", "XorNet: zeros.json: the file is 300 MiB, larger than the 64 MiB this program reads" },
        { "--epochs 1 --init-from nul.json", "XorNet: --init-from nul.json: not a model file: it is not JSON (it begins '\\x00\\x00" },
        { "sweep summarize /dev/zero", "XorNet: /dev/zero is not a record file" },
        { "sweep summarize endless.csv", "XorNet: endless.csv is not a file of records" },
        { "sweep summarize sparse.csv", "XorNet: sparse.csv: the file is 3 GiB, larger than the 1 GiB this program reads" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Is_refused_at_once_in_one_line_with_exit_code_2_under_a_memory_limit(string command, string message)
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "needs Linux devices, FIFOs and sparse files");
        Shell("mkfifo fifo.json endless.csv && truncate -s 3G sparse.json sparse.csv && truncate -s 300M zeros.json && head -c 4000000 /dev/zero > nul.json");

        // The FIFO 'endless.csv' is fed NUL bytes without end: only its first bytes may be read. 'fifo.json' has no
        // writer at all: opening it would wait for ever. A sweep summary reads FIFOs, a model never does.
        var clock = Stopwatch.StartNew();
        (string output, string error) = Shell(
            $"(cat /dev/zero > endless.csv 2>/dev/null &); ulimit -v 3000000; timeout 30 dotnet '{Program}' {command}; echo \"status $?\"; exec 3<>endless.csv");

        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(25));
        output.Should().EndWith($"status {ExitCodes.BadInput}\n");
        error.Should().StartWith(message).And.EndWith("\n");
        error.TrimEnd('\n').Should().NotContain("\n");
    }

    [Fact]
    public void A_model_saved_by_the_program_is_read_back_and_one_at_the_limit_is_read_whole()
    {
        string model = Path.Combine(_directory, "m.json");
        InProcess.Run("--epochs", "5", "--save", model).ExitCode.Should().Be(0);

        // Padding after the object keeps it a model: a file of exactly the limit is read, one byte more is not.
        string padded = Path.Combine(_directory, "padded.json");
        string text = File.ReadAllText(model);
        File.WriteAllText(padded, text + new string(' ', (int)(Models.ModelFile.MaxBytes - text.Length)));
        InProcess.Run("predict", "--model", padded, "0,0").Should().Be(InProcess.Run("predict", "--model", model, "0,0"));
        File.AppendAllText(padded, " ");
        InProcess.Run("predict", "--model", padded, "0,0").Error.Should().Be(
            $"XorNet: {padded}: the file is more than 64 MiB, larger than the 64 MiB this program reads; expected a model written by XorNet --save\n");
    }

    public void Dispose()
    {
        // The background writer of the FIFO ends when it is opened for reading and closed ('exec 3<>' above).
        Directory.Delete(_directory, recursive: true);
    }

    private (string Output, string Error) Shell(string script) => Posix.Shell(script, _directory);
}
