using System.Globalization;
using XorNet.Data;
using XorNet.Network;
using XorNet.NumPy;

namespace XorNet.CommandLine;

/// <summary>
/// <c>--metrics</c>: the lines printed after the predictions, how many epochs ran, the last epoch's loss and the
/// share of rows the predictions get right.
/// </summary>
internal static class RunMetrics
{
    /// <summary>
    /// The share of <paramref name="data"/>'s rows whose every output in the printed predictions (the last forward
    /// pass) is within 0.5 of its target.
    /// </summary>
    public static double Accuracy(TrainingResult result, Dataset data)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(data);
        return Network.Accuracy.Of(result.Predictions, data.Y);
    }

    /// <summary>
    /// <c>Epochs run: N</c>, <c>Final loss: L</c> (Python's <c>repr</c>, every digit) and the accuracy line, without
    /// line ends.
    /// </summary>
    public static IEnumerable<string> Lines(TrainingResult result, Dataset data)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(data);
        yield return string.Create(CultureInfo.InvariantCulture, $"Epochs run: {result.EpochsRun}");
        yield return result.FinalLoss is { } loss ? $"Final loss: {NumPyFormat.Repr(loss)}" : "Final loss: none (no epoch ran)";
        yield return AccuracyLine(Accuracy(result, data), data.Rows, data.Targets);
    }

    /// <summary>
    /// <c>Accuracy: 75% (3 of 4 on the right side of 0.5)</c>, as <c>predict</c> also prints it: the share of
    /// <paramref name="rows"/> rows with every one of their <paramref name="outputs"/> outputs on its target's side.
    /// </summary>
    public static string AccuracyLine(double accuracy, int rows, int outputs) => string.Create(
        CultureInfo.InvariantCulture,
        $"Accuracy: {accuracy * 100:0.##}% ({Math.Round(accuracy * rows)} of {rows} {(outputs == 1 ? "" : "with every output ")}on the right side of 0.5)");
}
