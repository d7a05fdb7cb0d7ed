using System.Globalization;
using System.Text.Json;
using XorNet.CommandLine;
using XorNet.Data;
using XorNet.Explain;
using XorNet.Files;
using XorNet.Models;
using XorNet.Network;
using XorNet.Text;

namespace XorNet.Commands.Inspect;

/// <summary>
/// The <c>inspect</c> command: what each unit of a saved network computes, as <c>--explain</c> says it, on every
/// row of 0/1 inputs (a model file holds no training data).
/// </summary>
internal static class InspectCommand
{
    /// <summary>The most inputs whose every 0/1 row is run: 2^10 = 1024 rows.</summary>
    public const int MaxInputs = 10;

    /// <summary>Prints the explanation of the request's model; returns the exit code.</summary>
    /// <exception cref="FileOptionException">The path is empty, a directory, or a missing or unreadable file.</exception>
    /// <exception cref="ModelFileException">The file is not a valid model.</exception>
    public static int Run(InspectRequest request, CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        (string modelPath, OutputFormat format) = request;
        TextWriter output = context.Output;
        InputFile.Check("--model", modelPath, "model.json", acceptsStandardInput: false);
        INetwork network = ModelFile.Load(modelPath);
        int inputs = network.Architecture.RawInputs;
        Explanation explanation = inputs <= MaxInputs
            ? Explainer.Explain(network, Dataset.CountingRows(inputs), $"the {Words.Count(1 << inputs, "row")} of 0/1 inputs (a model file holds no training data)")
            : Explainer.Explain(network, null, string.Create(
                CultureInfo.InvariantCulture, $"no rows: {inputs} inputs have 2^{inputs} rows of 0/1 inputs, more than the 2^{MaxInputs} inspect runs"));

        if (format == OutputFormat.Json)
        {
            output.WriteLine(JsonSerializer.Serialize(new JsonInspection(explanation), InspectionJsonContext.Default.JsonInspection));
        }
        else
        {
            ExplanationText.Write(output, explanation);
        }

        return ExitCodes.Success;
    }
}
