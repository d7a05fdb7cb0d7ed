using System.Globalization;
using XorNet.Files;
using XorNet.Network;

namespace XorNet.Data;

/// <summary>
/// Reads comma-separated numbers: one sample a line, every column but the last an input, the last the target in
/// [0, 1] (for prediction the target column is optional).
/// </summary>
/// <remarks>
/// Blank lines and lines starting with <c>#</c> are skipped; the first remaining line is a header when any of its
/// cells is not a number. The file is streamed line by line, so its text is never held in memory whole.
/// </remarks>
public static class CsvDataset
{
    /// <summary>Loads <paramref name="path"/> as a training table (the last column is the target).</summary>
    /// <exception cref="DataFileException">The file is missing, unreadable, empty or malformed; the message names the place.</exception>
    public static Dataset Load(string path) => ToDataset(Open(path, reader => ReadTable(reader, path, inputs: null)), path);

    /// <summary>
    /// Loads the rows of <paramref name="path"/> for a network with <paramref name="inputs"/> inputs: each line holds
    /// the inputs, optionally followed by a target in [0, 1] (the same for every line).
    /// </summary>
    /// <exception cref="DataFileException">The file is missing, unreadable, empty or malformed; the message names the place.</exception>
    public static CsvTable LoadRows(string path, int inputs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputs, 1);
        return Open(path, reader => ReadTable(reader, path, inputs));
    }

    /// <summary>Reads a training table from <paramref name="reader"/>; <paramref name="name"/> is used in messages and reports.</summary>
    /// <exception cref="DataFileException">The text is empty or malformed; the message names the line and column.</exception>
    public static Dataset Read(TextReader reader, string name) => ToDataset(ReadTable(reader, name, inputs: null), name);

    /// <summary>
    /// Reads CSV rows. With <paramref name="inputs"/> null every column but the last is an input and the last the
    /// target; otherwise a row has <paramref name="inputs"/> columns, or one more for a target.
    /// </summary>
    /// <exception cref="DataFileException">The text is empty or malformed; the message names the line and column.</exception>
    public static CsvTable ReadTable(TextReader reader, string name, int? inputs)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentException.ThrowIfNullOrEmpty(name);

        var features = new List<double>();
        var targets = new List<double>();
        int columns = 0;
        int lineNumber = 0;
        bool seenContent = false;
        bool hasTarget = true;
        double[] row = [];

        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            ReadOnlySpan<char> text = line.AsSpan().Trim();
            if (text.IsEmpty || text[0] == '#')
            {
                continue;
            }

            bool isFirst = !seenContent;
            seenContent = true;
            if (isFirst)
            {
                columns = text.Count(',') + 1;
                if (inputs is null && columns < 2)
                {
                    throw Problem(name, lineNumber, 1, "there is only one column; every column but the last is an input and the last is the target, so at least two are needed");
                }

                if (inputs is { } expected && columns != expected && columns != expected + 1)
                {
                    throw Problem(name, lineNumber, 1, $"the row has {columns} columns; the model takes {expected} inputs, optionally followed by a target");
                }

                hasTarget = inputs is null || columns == inputs + 1;
                row = new double[columns];
                if (IsHeader(text))
                {
                    continue;
                }
            }

            ParseRow(text, row, columns, hasTarget, name, lineNumber);
            int featureCount = hasTarget ? columns - 1 : columns;
            for (int c = 0; c < featureCount; c++)
            {
                features.Add(row[c]);
            }

            if (hasTarget)
            {
                targets.Add(row[columns - 1]);
            }
        }

        int rows = columns == 0 ? 0 : features.Count / (hasTarget ? columns - 1 : columns);
        if (rows == 0)
        {
            throw new DataFileException($"{name}: no data rows (an empty file, or only a header, blank lines and comments)");
        }

        return new CsvTable(
            Matrix.FromArray(rows, hasTarget ? columns - 1 : columns, [.. features]),
            hasTarget ? Matrix.FromArray(rows, 1, [.. targets]) : null);
    }

    private static T Open<T>(string path, Func<TextReader, T> read)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        try
        {
            using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
            return read(reader);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new DataFileException($"cannot read {path}: {FileErrors.Describe(e, path)}.", e);
        }
    }

    private static Dataset ToDataset(CsvTable table, string name) => new(Path.GetFileName(name), table.X, table.Y!);

    private static bool IsHeader(ReadOnlySpan<char> text)
    {
        foreach (Range cell in text.Split(','))
        {
            if (!double.TryParse(text[cell].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                return true;
            }
        }

        return false;
    }

    private static void ParseRow(ReadOnlySpan<char> text, Span<double> row, int columns, bool hasTarget, string name, int lineNumber)
    {
        int column = 0;
        foreach (Range range in text.Split(','))
        {
            column++;
            if (column > columns)
            {
                throw Problem(name, lineNumber, column, $"the row has more than the {columns} columns of the first row");
            }

            ReadOnlySpan<char> cell = text[range].Trim();
            if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
            {
                throw Problem(name, lineNumber, column, cell.IsEmpty ? "the cell is empty; expected a number" : $"'{cell}' is not a number");
            }

            if (!double.IsFinite(value))
            {
                throw Problem(name, lineNumber, column, $"'{cell}' is not a finite number");
            }

            if (hasTarget && column == columns && value is < 0 or > 1)
            {
                throw Problem(name, lineNumber, column, $"the target {cell} is outside [0, 1]");
            }

            row[column - 1] = value;
        }

        if (column < columns)
        {
            throw Problem(name, lineNumber, column + 1, $"the row has {column} columns; the first row has {columns}");
        }
    }

    private static DataFileException Problem(string name, int line, int column, string what) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{name}, line {line}, column {column}: {what}"));
}
