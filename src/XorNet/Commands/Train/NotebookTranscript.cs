using XorNet.Network;
using XorNet.NumPy;


namespace XorNet.Commands.Train;

/// <summary>The lines the notebook prints, formatted as Python and NumPy format them.</summary>
public static class NotebookTranscript
{
    /// <summary>The heading printed before the predictions (after an empty line).</summary>
    public const string PredictionsHeading = "Predictions after training:";

    /// <summary><c>f"Epoch {epoch}, Loss: {loss:.4f}"</c>.</summary>
    public static string LogLine(LogEntry entry) =>
        $"Epoch {entry.Epoch.ToString(System.Globalization.CultureInfo.InvariantCulture)}, Loss: {NumPyFormat.Fixed(entry.Loss, 4)}";

    /// <summary>
    /// The log line with the validation loss (<c>--validation</c>) after it, formatted as the training loss:
    /// <c>f"Epoch {epoch}, Loss: {loss:.4f}, Validation: {validation:.4f}"</c>.
    /// </summary>
    public static string LogLine(LogEntry entry, double validation) => $"{LogLine(entry)}, Validation: {NumPyFormat.Fixed(validation, 4)}";

    /// <summary><c>print(np.round(y_hat, 3))</c>, without the final newline.</summary>
    public static string Predictions(Matrix yHat) => NumPyFormat.Array(NumPyFormat.Round(yHat, 3));
}
