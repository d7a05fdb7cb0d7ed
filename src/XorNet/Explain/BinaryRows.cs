using XorNet.NumPy;


using XorNet.Network;

namespace XorNet.Explain;

/// <summary>
/// The distinct rows of a table whose inputs are all 0 or 1, in truth-table order (counting order, the first column
/// most significant), each with where it first occurs: the rows a unit's truth table is read over.
/// </summary>
public sealed class BinaryRows
{
    private BinaryRows(IReadOnlyList<string> labels, IReadOnlyList<int> firstRow, int inputs)
    {
        Labels = labels;
        FirstRow = firstRow;
        Inputs = inputs;
    }

    /// <summary>Each distinct row written as its bits, such as <c>01</c>, in truth-table order.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>For each of <see cref="Labels"/>, the index of the first row of the table that has those inputs.</summary>
    public IReadOnlyList<int> FirstRow { get; }

    /// <summary>The number of inputs, the length of every label.</summary>
    public int Inputs { get; }

    /// <summary>Whether these are the four rows 00, 01, 10, 11, over which the two-input functions have names.</summary>
    public bool AreAllTwoInputRows => Inputs == 2 && Labels.Count == 4;

    /// <summary>The distinct rows of <paramref name="x"/>, or null when some input is neither 0 nor 1.</summary>
    public static BinaryRows? Of(Matrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var first = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var bits = new char[x.Columns];
        for (int r = 0; r < x.Rows; r++)
        {
            for (int c = 0; c < x.Columns; c++)
            {
                double value = x[r, c];
                if (value is not (0 or 1))
                {
                    return null;
                }

                bits[c] = value == 0 ? '0' : '1';
            }

            // Strings of 0s and 1s of one length sort ordinally in counting order.
            first.TryAdd(new string(bits), r);
        }

        return new BinaryRows([.. first.Keys], [.. first.Values], x.Columns);
    }

    /// <summary>
    /// The truth table of a unit whose outputs on the table's rows are <paramref name="outputs"/>: one character per
    /// distinct row, in <see cref="Labels"/> order, <c>1</c> where <paramref name="activation"/> reads the output as 1
    /// (a NaN reads as 0).
    /// </summary>
    public string TruthTable(ReadOnlySpan<double> outputs, Activation activation)
    {
        var table = new char[Labels.Count];
        for (int i = 0; i < table.Length; i++)
        {
            table[i] = activation.ReadsAsOne(outputs[FirstRow[i]]) ? '1' : '0';
        }

        return new string(table);
    }
}
