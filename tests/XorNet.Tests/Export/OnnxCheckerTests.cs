using System.Diagnostics;
using FluentAssertions;

namespace XorNet.Tests;

/// <summary>
/// ONNX's own checker (<c>onnx.checker.check_model</c> with shape inference) accepts exported models, when the onnx
/// Python package is installed; skipped otherwise.
/// </summary>
public sealed class OnnxCheckerTests : IDisposable
{
    private const string Python = "/usr/bin/python3";

    private readonly string _directory = Directory.CreateTempSubdirectory("xornet-onnx-check-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("double")]
    [InlineData("float")]
    public void The_onnx_checker_accepts_every_activation_and_depth(string precision)
    {
        Assert.SkipUnless(RunPython("import onnx").ExitCode == 0, "the onnx Python package is not installed");
        var files = new List<string>();
        foreach ((Architecture architecture, int k) in new[]
        {
            new Architecture([2, 4, 1]),
            new Architecture([3, 5, 4, 2], Activation.Tanh),
            new Architecture([2, 6, 5, 4, 3], Activation.Relu),
        }.Select((a, k) => (a, k)))
        {
            string model = Path.Combine(_directory, $"m{k}.json"), onnx = Path.Combine(_directory, $"m{k}.onnx");
            ModelFile.Save(OutputFile.Check("--save", model, "m.json"), Networks.Initialize(architecture, seed: 3), new ModelTraining("xor", 3, 0.1, 1, 0.2));
            InProcess.Run("export", "--model", model, "--out", onnx, "--precision", precision).ExitCode.Should().Be(ExitCodes.Success);
            files.Add(onnx);
        }

        (int exitCode, string output) = RunPython(
            "import onnx, sys\nfor f in sys.argv[1:]:\n    onnx.checker.check_model(onnx.load(f), full_check=True)\nprint('ok')", files);

        (exitCode, output.Trim()).Should().Be((0, "ok"));
    }

    private static (int ExitCode, string Output) RunPython(string script, IEnumerable<string>? args = null)
    {
        if (!File.Exists(Python))
        {
            return (-1, "");
        }

        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        foreach (string arg in args ?? [])
        {
            start.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(start)!;
        Task<string> error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }
}
