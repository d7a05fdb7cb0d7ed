using System.Globalization;
using XorNet.CommandLine;
using XorNet.Export;
using XorNet.Files;
using XorNet.Models;
using XorNet.Network;
using XorNet.NumPy;

namespace XorNet.Commands.Export;

/// <summary>The <c>export</c> command: a saved network as an ONNX model, for ONNX Runtime, Netron and other tools.</summary>
internal static class ExportCommand
{
    /// <summary>
    /// Writes the request's model to its output path as ONNX; returns the exit code. Prints nothing on success, so
    /// that <c>--out /dev/stdout</c> gives the model alone.
    /// </summary>
    /// <exception cref="FileOptionException">A path cannot be read or written to; the output is as it was.</exception>
    /// <exception cref="ModelFileException">The file is not a model <c>predict</c> reads.</exception>
    /// <exception cref="FileOptionException">The model has feature inputs, which the graph does not compute.</exception>
    public static int Run(ExportRequest request, CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        (string modelPath, string outPath, OnnxPrecision precision) = request;
        TextWriter error = context.Error;
        // The output path first, as every command checks its outputs: a mistake there should not wait for the model.
        OutputFile output = OutputFile.Check("--out", outPath, "model.onnx");
        InputFile.Check("--model", modelPath, "model.json", acceptsStandardInput: false);
        OutputFile.RequireNotInput([output], "--model", modelPath);
        OutputKinds.Require(output, OutputKind.Onnx, "model.onnx");
        INetwork network = ModelFile.Load(modelPath, out ModelTraining? training);
        if (network.Architecture.Features is { } features)
        {
            // The graph takes the network's inputs; a consumer given raw rows would compute wrong outputs silently.
            throw new FileOptionException(
                $"{modelPath} takes the features {features} of x1 and x2, which the exported graph would not compute; export a model trained without --features.");
        }

        if (OnnxExporter.Unrepresentable(network, precision) is ({ } tensor, double value))
        {
            throw new FileOptionException(string.Create(CultureInfo.InvariantCulture,
                $"--precision float: {tensor} holds {NumPyFormat.Repr(value)}, beyond the largest 32-bit float ({NumPyFormat.Repr(float.MaxValue)}); export it with --precision double."));
        }

        try
        {
            output.Write(stream => OnnxExporter.Write(network, training, precision, ProgramVersion.Text, stream));
        }
        catch (FileOptionException e)
        {
            // As every other output: a write that fails once the input was good (a full disk) is a failed run.
            return ErrorLine.Fail(error, e.Message, ExitCodes.Failed);
        }

        return ExitCodes.Success;
    }
}
