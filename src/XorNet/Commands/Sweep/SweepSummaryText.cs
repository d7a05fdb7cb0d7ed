using System.Globalization;
using System.Text;
using XorNet.Network;
using XorNet.NumPy;
using XorNet.Sweeps;

namespace XorNet.Commands.Sweep;

/// <summary>
/// A sweep's summary as a table, one row per setting: the options that differ between settings (at least the
/// hidden sizes and the learning rate; the update rule's and the generated set's when some setting uses them), the runs, how many converged, the median and 10th and 90th percentiles of
/// the epochs to converge, and the median final loss of the runs that did not.
/// </summary>
internal static class SweepSummaryText
{
    /// <summary>The table of <paramref name="summaries"/>, lines ending in a line break; a line saying so when there are none.</summary>
    public static string Render(IReadOnlyList<SettingSummary> summaries)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        if (summaries.Count == 0)
        {
            return "No run finished, so there is nothing to summarise." + Environment.NewLine;
        }

        var columns = new List<(string Heading, Func<SettingSummary, string> Cell, bool Left)>();
        // Files of --hidden and of --layers runs summarised together: each cell says which it is.
        bool mixed = summaries.Select(s => s.Setting.SizesColumn).Distinct().Count() > 1;
        columns.Add((mixed ? "sizes" : summaries[0].Setting.SizesColumn, s => mixed ? $"{s.Setting.SizesColumn} {s.Setting.Sizes}" : s.Setting.Sizes, true));
        columns.Add(("lr", s => NumPyFormat.Repr(s.Setting.LearningRate), true));
        AddIfVaried(columns, summaries, "activation", s => Activations.Name(s.Setting.Activation));
        AddIfVaried(columns, summaries, "init", s => Initializations.Name(s.Setting.Initialization));
        AddIfVaried(columns, summaries, "loss", s => Losses.Name(s.Setting.Loss));
        foreach (string column in OptionalColumns.UsedBy(summaries.Select(s => s.Setting)))
        {
            // As the records name them; "-" where a rule does not read the value, "all" for the whole data.
            (string heading, string none) = column switch
            {
                OptionalColumns.WeightDecay => ("wd", "-"),
                OptionalColumns.BatchSize => ("batch", "all"),
                _ => (column, "-"),
            };
            columns.Add((heading, s => OptionalColumns.Cell(column, s.Setting) ?? none, true));
        }

        columns.Add(("runs", s => Whole(s.Runs), false));
        columns.Add(("converged", s => Whole(s.Converged), false));
        columns.Add(("%", s => (100 * s.ConvergedRate).ToString("0.0", CultureInfo.InvariantCulture), false));
        columns.Add(("median", s => Epochs(s.Epochs?.Median), false));
        columns.Add(("p10", s => Epochs(s.Epochs?.P10), false));
        columns.Add(("p90", s => Epochs(s.Epochs?.P90), false));
        columns.Add(("not converged", s => s.MedianFinalLossNotConverged is { } loss ? NumPyFormat.Readable(loss, 4) : "-", false));

        string[][] cells = [.. summaries.Select(s => columns.Select(c => c.Cell(s)).ToArray())];
        int[] widths = [.. columns.Select((c, i) => Math.Max(c.Heading.Length, cells.Max(row => row[i].Length)))];
        int epochsStart = columns.FindIndex(c => c.Heading == "median");
        var text = new StringBuilder();

        // A heading over the columns that need one: what the epochs and the loss are of.
        int before = widths.Take(epochsStart).Sum() + (2 * epochsStart);
        int epochsWidth = widths.Skip(epochsStart).Take(3).Sum() + 4;
        text.Append(' ', before).Append("epochs to converge".PadLeft(epochsWidth)).Append("  ").Append("final loss if".PadLeft(widths[^1])).AppendLine();
        text.AppendLine(Row(columns.Select(c => c.Heading).ToArray(), widths, columns.Select(c => c.Left).ToArray()));
        foreach (string[] row in cells)
        {
            text.AppendLine(Row(row, widths, columns.Select(c => c.Left).ToArray()));
        }

        return text.ToString();
    }

    private static void AddIfVaried(
        List<(string, Func<SettingSummary, string>, bool)> columns, IReadOnlyList<SettingSummary> summaries, string heading, Func<SettingSummary, string> cell)
    {
        if (summaries.Select(cell).Distinct().Count() > 1)
        {
            columns.Add((heading, cell, true));
        }
    }

    private static string Row(string[] cells, int[] widths, bool[] left) =>
        string.Join("  ", cells.Select((cell, i) => left[i] ? cell.PadRight(widths[i]) : cell.PadLeft(widths[i]))).TrimEnd();

    private static string Whole(int value) => value.ToString(CultureInfo.InvariantCulture);

    // Whole epochs as whole numbers, an interpolated one to a tenth, 757.99999… as 758 (the JSON summary has every digit).
    private static string Epochs(double? value) => value switch
    {
        null => "-",
        { } v => v.ToString("0.#", CultureInfo.InvariantCulture),
    };
}
