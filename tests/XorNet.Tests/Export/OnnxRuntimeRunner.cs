using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace XorNet.Tests;

/// <summary>Runs an exported ONNX file in ONNX Runtime on rows of inputs, in the file's own precision.</summary>
internal static class OnnxRuntimeRunner
{
    /// <summary>The output <c>y</c> for the rows of <paramref name="rows"/>, widened to double when the model is float.</summary>
    public static double[][] Run(string path, double[][] rows, bool asFloat)
    {
        using var session = new InferenceSession(path);
        int columns = rows[0].Length;
        int[] shape = [rows.Length, columns];
        using IDisposableReadOnlyCollection<DisposableNamedOnnxValue> results = asFloat
            ? session.Run([NamedOnnxValue.CreateFromTensor("x", new DenseTensor<float>(rows.SelectMany(r => r.Select(v => (float)v)).ToArray(), shape))])
            : session.Run([NamedOnnxValue.CreateFromTensor("x", new DenseTensor<double>(rows.SelectMany(r => r).ToArray(), shape))]);
        DisposableNamedOnnxValue y = results.Single(r => r.Name == "y");
        double[] values = asFloat ? [.. y.AsTensor<float>().Select(v => (double)v)] : [.. y.AsTensor<double>()];
        int outputs = values.Length / rows.Length;
        return [.. Enumerable.Range(0, rows.Length).Select(r => values.AsSpan(r * outputs, outputs).ToArray())];
    }
}
