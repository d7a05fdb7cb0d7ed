using System.Globalization;
using System.Text.Json;
using FluentAssertions;
using XorNet.Export;

namespace XorNet.Tests;

/// <summary>
/// <c>XorNet export</c>: the ONNX file, run in ONNX Runtime, gives what <c>predict</c> prints for the same model, for
/// every activation, depth, number of outputs and precision.
/// </summary>
public sealed class OnnxExportTests : IDisposable
{
    // Double: the weights are the model file's bit for bit, and ONNX Runtime computes the same sums and functions as
    // XorNet in another order and with its own exp and tanh (each about 1e-16 relative). Outputs are in (0, 1), so
    // 1e-12 leaves four orders of magnitude for that rounding (the largest difference seen here is 4.4e-16), while a
    // weight rounded to float (about 1e-8) or a wrong operator (about 0.1) fails it.
    private const double DoubleTolerance = 1e-12;

    // Float: each weight and input is rounded to a 24-bit significand (relative 6e-8) and the sums are made in float.
    // The output sigmoid's slope is at most 1/4, so y moves by at most a quarter of the error in z, a few roundings of
    // the sum of |a·w| over a layer: about 1e-7 for these networks (the largest difference seen here is 7.6e-7, in a
    // 2-5-4-3-1 network with weights of a few units). Where |z| is large the sigmoid is flat and the error vanishes.
    private const double FloatTolerance = 1e-6;

    // Rows inside and far outside [0, 1], where relu grows without bound and sigmoid and tanh saturate.
    private static readonly double[][] Rows =
    [
        [0, 0], [0, 1], [1, 0], [1, 1], [0.5, 0.25], [-3, 7], [1000, -1000], [-250.5, 42], [123456.789, 0.001], [-1e-3, -2e4],
    ];

    private readonly string _directory = Directory.CreateTempSubdirectory("xornet-export-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    public static TheoryData<string, string, int, string> Cases()
    {
        var data = new TheoryData<string, string, int, string>();
        foreach (string activation in Activations.Names)
        {
            foreach (string layers in new[] { "3", "4,3", "5,4,3" })
            {
                foreach (int outputs in new[] { 1, 2 })
                {
                    foreach (string precision in OnnxPrecisions.Names)
                    {
                        data.Add(activation, layers, outputs, precision);
                    }
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ONNX_Runtime_computes_what_predict_prints(string activation, string layers, int outputs, string precision)
    {
        int[] hidden = [.. layers.Split(',').Select(int.Parse)];
        var architecture = new Architecture([2, .. hidden, outputs], Activations.Parse(activation));
        // Weights of several units, as training grows them, so that relu's outputs grow large and sigmoid saturates.
        INetwork network = Networks.Initialize(architecture, seed: (uint)(hidden.Sum() * 7 + outputs));
        foreach (Matrix matrix in network.Weights.Concat(network.Biases))
        {
            Span<double> values = matrix.AsSpan();
            for (int i = 0; i < values.Length; i++)
            {
                values[i] *= 3;
            }
        }

        string model = Path.Combine(_directory, "m.json");
        ModelFile.Save(OutputFile.Check("--save", model, "m.json"), network, new ModelTraining("xor", 1, 0.1, 10, 0.25));

        ExpectSamePredictions(model, precision);
    }

    [Theory]
    [InlineData("double")]
    [InlineData("float")]
    public void A_version_1_model_exports_and_runs_as_predict_computes(string precision) =>
        ExpectSamePredictions(Fixture.Path("model-v1.json"), precision);

    private void ExpectSamePredictions(string model, string precision)
    {
        string onnx = Path.Combine(_directory, "m.onnx");
        (int exitCode, string output, string error) = InProcess.Run("export", "--model", model, "--out", onnx, "--precision", precision);
        (exitCode, output, error).Should().Be((ExitCodes.Success, "", ""));

        double[][] expected = Predict(model);
        double[][] actual = OnnxRuntimeRunner.Run(onnx, Rows, asFloat: precision == "float");

        double tolerance = precision == "float" ? FloatTolerance : DoubleTolerance;
        actual.Should().HaveSameCount(expected);
        for (int r = 0; r < expected.Length; r++)
        {
            actual[r].Should().HaveSameCount(expected[r]);
            for (int k = 0; k < expected[r].Length; k++)
            {
                actual[r][k].Should().BeApproximately(expected[r][k], tolerance, $"row {r + 1} ({string.Join(',', Rows[r])}), output {k + 1}");
            }
        }
    }

    // What 'predict --format json' prints: the unrounded outputs, which round-trip as doubles.
    private static double[][] Predict(string model)
    {
        string[] rows = [.. Rows.Select(r => string.Join(',', r.Select(v => v.ToString("R", CultureInfo.InvariantCulture))))];
        (int exitCode, string output, string error) = InProcess.Run(["predict", "--model", model, "--format", "json", .. rows]);
        (exitCode, error).Should().Be((ExitCodes.Success, ""));
        using JsonDocument document = JsonDocument.Parse(output);
        return [.. document.RootElement.GetProperty("predictions").EnumerateArray().Select(row => row.EnumerateArray().Select(v => v.GetDouble()).ToArray())];
    }
}
