using System.Globalization;

namespace XorNet;

/// <summary>
/// Reads a training table from comma-separated numbers: one sample a line, every column but the last an input,
/// the last the target in [0, 1].
/// </summary>
/// <remarks>
/// Blank lines and lines starting with <c>#</c> are skipped; the first remaining line is a header when any of its
/// cells is not a number. The file is streamed line by line, so its text is never held in memory whole.
/// </remarks>
public static class CsvDataset
{
    /// <summary>Loads <paramref name="path"/>.</summary>
    /// <exception cref="DataFileException">The file is missing, unreadable, empty or malformed; the message names the place.</exception>
    public static Dataset Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        try
        {
            using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
            return Read(reader, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new DataFileException($"cannot read {path}: {e.Message}", e);
        }
    }

    /// <summary>Reads CSV text from <paramref name="reader"/>; <paramref name="name"/> is used in messages and reports.</summary>
    /// <exception cref="DataFileException">The text is empty or malformed; the message names the line and column.</exception>
    public static Dataset Read(TextReader reader, string name)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentException.ThrowIfNullOrEmpty(name);

        var inputs = new List<double>();
        var targets = new List<double>();
        int columns = 0;
        int lineNumber = 0;
        bool seenContent = false;
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
                if (columns < 2)
                {
                    throw Problem(name, lineNumber, 1, "there is only one column; every column but the last is an input and the last is the target, so at least two are needed");
                }

                row = new double[columns];
                if (IsHeader(text))
                {
                    continue;
                }
            }

            ParseRow(text, row, columns, name, lineNumber);
            for (int c = 0; c < columns - 1; c++)
            {
                inputs.Add(row[c]);
            }

            targets.Add(row[columns - 1]);
        }

        if (targets.Count == 0)
        {
            throw new DataFileException($"{name}: no data rows (an empty file, or only a header, blank lines and comments)");
        }

        return new Dataset(
            Path.GetFileName(name),
            Matrix.FromArray(targets.Count, columns - 1, [.. inputs]),
            Matrix.FromArray(targets.Count, 1, [.. targets]));
    }

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

    private static void ParseRow(ReadOnlySpan<char> text, Span<double> row, int columns, string name, int lineNumber)
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

            if (column == columns && value is < 0 or > 1)
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
