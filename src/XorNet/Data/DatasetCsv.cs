using System.Globalization;

namespace XorNet.Data;

/// <summary>
/// Writes a table as the CSV text <see cref="CsvDataset"/> reads: a header <c>x1,x2,…,y</c> (<c>y1,y2,…</c> for
/// several targets), then one row a line, each number in its shortest form that reads back to the same double.
/// </summary>
public static class DatasetCsv
{
    // The longest shortest-form double is 24 characters ("-2.2250738585072014E-308"); a comma or line break follows.
    private const int CellLength = 32;

    // The characters gathered before each write.
    private const int BlockLength = 1 << 16;

    /// <summary>The header line, without its line break: the input columns, then the targets.</summary>
    public static string Header(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        IEnumerable<string> inputs = Enumerable.Range(1, data.Inputs).Select(i => $"x{i}");
        IEnumerable<string> targets = data.Targets == 1 ? ["y"] : Enumerable.Range(1, data.Targets).Select(i => $"y{i}");
        return string.Join(',', inputs.Concat(targets));
    }

    /// <summary>Writes the header and every row of <paramref name="data"/> to <paramref name="writer"/>, lines ending in <c>\n</c>.</summary>
    public static void Write(Dataset data, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Header(data) + "\n");
        int inputs = data.Inputs, targets = data.Targets, columns = inputs + targets;

        // Rows are gathered into blocks: a writer that flushes every write (standard output does) would otherwise
        // make a system call a row.
        int rowLength = columns * CellLength;
        char[] block = new char[Math.Max(BlockLength, rowLength)];
        int length = 0;
        ReadOnlySpan<double> x = data.X.AsSpan(), y = data.Y.AsSpan();
        for (int row = 0; row < data.Rows; row++)
        {
            if (block.Length - length < rowLength)
            {
                writer.Write(block, 0, length);
                length = 0;
            }

            for (int column = 0; column < columns; column++)
            {
                double value = column < inputs ? x[(row * inputs) + column] : y[(row * targets) + column - inputs];

                // "R" is the shortest text that parses back to the same double, as Python's repr.
                value.TryFormat(block.AsSpan(length), out int written, "R", CultureInfo.InvariantCulture);
                length += written;
                block[length++] = column == columns - 1 ? '\n' : ',';
            }
        }

        writer.Write(block, 0, length);
    }
}
