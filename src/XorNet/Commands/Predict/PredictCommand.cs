using System.Globalization;
using System.Text.Json;
using XorNet.CommandLine;
using XorNet.Data;
using XorNet.Files;
using XorNet.Models;
using XorNet.Network;
using XorNet.NumPy;

namespace XorNet.Commands.Predict;

/// <summary>The <c>predict</c> command: run a saved network on rows typed, piped or read from a CSV file.</summary>
internal static class PredictCommand
{
    /// <summary>Prints the outputs of the request's model for its rows; returns the exit code.</summary>
    public static int Run(PredictRequest request, CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        (string modelPath, IReadOnlyList<string> rows, string? dataPath, OutputFormat format) = request;
        (TextWriter output, TextReader input) = (context.Output, context.Input);
        InputFile.Check("--model", modelPath, "model.json", acceptsStandardInput: false);
        if (dataPath is not null && dataPath != InputFile.StandardInput)
        {
            InputFile.Check("--data", dataPath, "data.csv", acceptsStandardInput: true);
        }

        INetwork network = ModelFile.Load(modelPath);
        // Rows are raw (x1, x2 for a network with feature inputs); the features are computed from them.
        int inputs = network.Architecture.RawInputs, outputs = network.Architecture.Outputs;
        if (dataPath is null && rows.Count == 0)
        {
            // The validator let this through only because standard input is not a terminal: the rows are there.
            if (format == OutputFormat.Text)
            {
                return AnswerEach(network, input, output);
            }

            rows = InputRows.Read(input);
            if (rows.Count == 0)
            {
                throw new FormatException(NoRows);
            }
        }

        CsvTable table = dataPath switch
        {
            null => new CsvTable(Predictor.ParseRows(rows, inputs), null),
            InputFile.StandardInput => CsvDataset.ReadTable(input, InputFile.StandardInputName, inputs, outputs),
            _ => CsvDataset.LoadRows(dataPath, inputs, outputs),
        };
        Matrix predictions = network.Predict(network.Architecture.InputsOf(table.X));

        if (format == OutputFormat.Json)
        {
            var report = new JsonPrediction(
                predictions.ToRows(),
                table.Y is null ? null : Predictor.MeanSquaredError(predictions, table.Y),
                table.Y is null ? null : Predictor.Accuracy(predictions, table.Y));
            output.WriteLine(JsonSerializer.Serialize(report, PredictionJsonContext.Default.JsonPrediction));
            return ExitCodes.Success;
        }

        for (int r = 0; r < predictions.Rows; r++)
        {
            string row = dataPath is null
                ? rows[r]
                : string.Join(',', table.X.Row(r).ToArray().Select(NumPyFormat.Repr));
            output.WriteLine(Line(row, predictions, r));
        }

        if (table.Y is not null)
        {
            double mse = Predictor.MeanSquaredError(predictions, table.Y);
            double accuracy = Predictor.Accuracy(predictions, table.Y);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"MSE: {NumPyFormat.Repr(mse)}"));
            output.WriteLine(RunMetrics.AccuracyLine(accuracy, predictions.Rows, outputs));
        }

        return ExitCodes.Success;
    }

    // Rows piped in, answered one by one as they arrive, as a filter answers: an endless stream ('yes 0,0') prints as
    // it goes, in constant memory, and stops as soon as its own reader does. A bad row ends it there, after the
    // answers to the rows before it.
    private static int AnswerEach(INetwork network, TextReader input, TextWriter output)
    {
        bool any = false;
        foreach (string row in InputRows.Each(input))
        {
            output.WriteLine(Line(row, network.Predict(network.Architecture.InputsOf(Predictor.ParseRows([row], network.Architecture.RawInputs))), 0));
            any = true;
        }

        return any ? ExitCodes.Success : throw new FormatException(NoRows);
    }

    private const string NoRows = "predict read no rows from standard input; give rows such as 0,1, one a line.";

    // One row's answer: the row as given, then each output to three decimals.
    private static string Line(string row, Matrix predictions, int r) =>
        $"{row} -> {string.Join(' ', predictions.Row(r).ToArray().Select(p => NumPyFormat.Readable(p, 3)))}";
}
