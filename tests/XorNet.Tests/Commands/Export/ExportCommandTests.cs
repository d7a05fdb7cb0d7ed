using System.Runtime.Versioning;
using FluentAssertions;

namespace XorNet.Tests;

/// <summary>
/// <c>XorNet export</c>'s refusals: one line on stderr and exit 2, the output path checked before the model is read,
/// never a clobbered link, device or half-written file, and a model refused exactly as <c>predict</c> refuses it.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class ExportCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("xornet-export-cli-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string InDirectory(string name) => Path.Combine(_directory, name);

    [Fact]
    public void The_output_path_is_checked_before_the_model_is_read()
    {
        (int exitCode, string output, string error) = InProcess.Run("export", "--model", InDirectory("missing.json"), "--out", InDirectory("no-such-dir/m.onnx"));

        (exitCode, output).Should().Be((ExitCodes.BadInput, ""));
        error.Should().StartWith($"XorNet: --out {InDirectory("no-such-dir/m.onnx")}: the directory {InDirectory("no-such-dir")} does not exist.").And.EndWith("\n");
        error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().ContainSingle();
    }

    [Theory]
    [InlineData("{\"format\": \"xornet-model\", \"version\": 3}")]
    [InlineData("{\"format\": \"xornet-model\", \"version\": 2, \"inputs\": 2,")]
    [InlineData("not json")]
    public void A_model_predict_refuses_is_refused_with_predicts_words_and_the_old_output_kept(string text)
    {
        string model = InDirectory("bad.json"), onnx = InDirectory("m.onnx");
        File.WriteAllText(model, text);
        File.WriteAllText(onnx, "old");

        (int exitCode, string output, string error) = InProcess.Run("export", "--model", model, "--out", onnx);
        (int _, string _, string predictError) = InProcess.Run("predict", "--model", model, "0,1");

        (exitCode, output).Should().Be((ExitCodes.BadInput, ""));
        error.Should().Be(predictError).And.Contain(model);
        error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().ContainSingle();
        File.ReadAllText(onnx).Should().Be("old");
        Directory.GetFiles(_directory).Should().BeEquivalentTo([model, onnx], "no temporary file is left");
    }

    [Fact]
    public void The_model_file_itself_is_refused_as_the_output()
    {
        string model = InDirectory("m.json");
        File.Copy(Fixture.Path("model-v1.json"), model);
        string before = File.ReadAllText(model);

        (int exitCode, _, string error) = InProcess.Run("export", "--model", model, "--out", model);

        exitCode.Should().Be(ExitCodes.BadInput);
        error.Should().Be($"XorNet: --out {model}: is the file --model {model} reads; write the results to another file.\n");
        File.ReadAllText(model).Should().Be(before);
    }

    [Fact]
    public void A_link_is_kept_and_its_target_replaced_whole()
    {
        string target = InDirectory("target.onnx"), link = InDirectory("link.onnx");
        File.WriteAllText(target, "old");
        File.CreateSymbolicLink(link, target);

        InProcess.Run("export", "--model", Fixture.Path("model-v1.json"), "--out", link).ExitCode.Should().Be(ExitCodes.Success);

        new FileInfo(link).LinkTarget.Should().Be(target);
        File.ReadAllBytes(target).Length.Should().BeGreaterThan(100);
        ProtoFields.Read(target).Varint(1).Should().Be(8, "the target holds the ONNX model");
    }

    [Fact]
    public void A_device_is_written_in_place_not_replaced()
    {
        InProcess.Run("export", "--model", Fixture.Path("model-v1.json"), "--out", "/dev/null").Should().Be((ExitCodes.Success, "", ""));

        Posix.Type("/dev/null").Should().Be("character special file");
    }

    [Fact]
    public void A_weight_beyond_the_largest_float_is_refused_in_float_and_exported_in_double()
    {
        string model = InDirectory("big.json"), onnx = InDirectory("m.onnx");
        File.WriteAllText(model, Fixture.Text("model-v1.json").Replace("4.69973111208984", "1e300", StringComparison.Ordinal));

        (int exitCode, string output, string error) = InProcess.Run("export", "--model", model, "--out", onnx, "--precision", "float");

        (exitCode, output).Should().Be((ExitCodes.BadInput, ""));
        error.Should().Be("XorNet: --precision float: W2 holds 1e+300, beyond the largest 32-bit float (3.4028234663852886e+38); export it with --precision double.\n");
        File.Exists(onnx).Should().BeFalse();
        InProcess.Run("export", "--model", model, "--out", onnx).ExitCode.Should().Be(ExitCodes.Success);
    }

    [Theory]
    [InlineData(new[] { "export" }, "export needs --model PATH.json, a network saved with --save and --out PATH.onnx, the file to write.")]
    [InlineData(new[] { "export", "--model", "m.json" }, "export needs --out PATH.onnx, the file to write.")]
    [InlineData(new[] { "export", "--out", "m.onnx", "--model", "m.json", "--precision", "half" }, "--precision does not accept 'half': expected double or float.")]
    [InlineData(new[] { "export", "--out", "m.onnx", "--out", "n.onnx", "--model", "m.json" }, "--out was given twice; give it once.")]
    public void Usage_mistakes_are_one_line_and_exit_2(string[] args, string message)
    {
        (int exitCode, string output, string error) = InProcess.Run(args);

        (exitCode, output).Should().Be((ExitCodes.BadInput, ""));
        error.Should().Be($"XorNet: {message} Run 'XorNet export --help' for the options and the values they accept.\n");
    }

    [Fact]
    public void A_write_that_fails_is_a_failed_run_and_says_why()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() && File.Exists("/dev/full"), "needs /dev/full");
        string model = Path.Combine(Path.GetTempPath(), $"xornet-export-{Guid.NewGuid():N}.json");
        try
        {
            InProcess.Run("--epochs", "2", "--save", model).ExitCode.Should().Be(ExitCodes.Success);
            var (exitCode, output, error) = InProcess.Run("export", "--model", model, "--out", "/dev/full");
            exitCode.Should().Be(ExitCodes.Failed, "a full disk is a failed run, as for --save, not bad input");
            output.Should().BeEmpty();
            error.Should().StartWith("XorNet: ").And.Contain("/dev/full").And.EndWith("\n");
            error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().ContainSingle();
        }
        finally
        {
            File.Delete(model);
        }
    }
}
