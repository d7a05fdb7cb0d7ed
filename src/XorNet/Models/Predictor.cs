using System.Globalization;
using XorNet.NumPy;
using XorNet.Text;

namespace XorNet.Models;

/// <summary>Runs a saved network on input rows given as text (<c>0,1</c>) or read from a CSV file.</summary>
public static class Predictor
{
    /// <summary>Parses command-line rows such as <c>0,1</c> for a network with <paramref name="inputs"/> inputs.</summary>
    /// <exception cref="FormatException">A row has the wrong width or a value that is not a finite number.</exception>
    public static Matrix ParseRows(IReadOnlyList<string> rows, int inputs)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var x = new Matrix(rows.Count, inputs);
        for (int r = 0; r < rows.Count; r++)
        {
            string[] cells = rows[r].Split(',');
            if (rows[r].Length == 0)
            {
                throw new FormatException($"row {r + 1} is empty; the model takes {inputs}, separated by commas, such as {string.Join(',', Enumerable.Repeat('0', inputs))}.");
            }

            if (cells.Length != inputs)
            {
                throw new FormatException($"row {Excerpt.Quoted(rows[r])} has {Words.Count(cells.Length, "value")}; the model takes {inputs}, separated by commas{(cells.Length == 1 && rows[r].AsSpan().ContainsAny(';', '\t') ? " (not semicolons or tabs)" : "")}.");
            }

            for (int c = 0; c < inputs; c++)
            {
                if (!double.TryParse(cells[c].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
                {
                    throw new FormatException($"row {Excerpt.Quoted(rows[r])}: {Excerpt.Quoted(cells[c])} is not a number.");
                }

                if (!double.IsFinite(value))
                {
                    throw new FormatException($"row {Excerpt.Quoted(rows[r])}: {Excerpt.Quoted(cells[c])} is not a finite number.");
                }

                x[r, c] = value;
            }
        }

        return x;
    }

    /// <summary>
    /// The mean squared error of <paramref name="predictions"/> against <paramref name="targets"/> over every output of
    /// every row, as <c>np.mean((y - y_hat) ** 2)</c> computes it.
    /// </summary>
    public static double MeanSquaredError(Matrix predictions, Matrix targets)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(targets);
        var squared = new Matrix(predictions.Rows, predictions.Columns);
        ReadOnlySpan<double> p = predictions.AsSpan(), t = targets.AsSpan();
        Span<double> s = squared.AsSpan();
        for (int i = 0; i < s.Length; i++)
        {
            double residual = t[i] - p[i];
            s[i] = residual * residual;
        }

        return squared.Mean();
    }

    /// <summary>
    /// The share of rows whose every output falls on the same side of 0.5 as its target (0.5 itself counts as 1).
    /// </summary>
    public static double Accuracy(Matrix predictions, Matrix targets)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(targets);
        int correct = 0;
        for (int i = 0; i < predictions.Rows; i++)
        {
            bool right = true;
            for (int j = 0; j < predictions.Columns; j++)
            {
                right &= (predictions[i, j] >= 0.5) == (targets[i, j] >= 0.5);
            }

            correct += right ? 1 : 0;
        }

        return (double)correct / predictions.Rows;
    }
}
