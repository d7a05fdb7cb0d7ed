using System.Globalization;
using System.Text;
using XorNet.Network;
using XorNet.NumPy;

namespace XorNet.Commands.Train.Trace;

/// <summary>
/// An epoch's trace as the notebook with prints added shows it: <c>print(f"--- epoch {epoch} ---")</c>, then for each
/// value <c>print(f"{name} =")</c> and <c>print(name)</c> under NumPy's default print options.
/// </summary>
public static class TraceTranscript
{
    /// <summary>The trace's lines, without the final newline.</summary>
    public static string Text(EpochTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"--- epoch {trace.Epoch}");
        if (trace.Batch is { } batch)
        {
            text.Append(CultureInfo.InvariantCulture, $", batch {batch.Number} of {batch.Count}, rows {string.Join(", ", batch.Rows)}");
        }

        text.Append(" ---");
        foreach (TracedValue value in trace.Values)
        {
            text.Append('\n').Append(value.Name).Append(" =\n");
            text.Append(value.Array is { } array ? NumPyFormat.Array(array) : NumPyFormat.Scalar(value.Scalar));
        }

        return text.ToString();
    }
}
