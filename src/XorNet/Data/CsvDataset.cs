using System.Globalization;
using XorNet.Files;
using XorNet.NumPy;
using XorNet.Text;

namespace XorNet.Data;

/// <summary>
/// Reads comma-separated numbers: one sample a line, the last column (or the last K, with <c>--targets K</c>) the
/// targets in [0, 1], the columns before them the inputs (for prediction the target columns are optional).
/// </summary>
/// <remarks>
/// Blank lines and lines starting with <c>#</c> are skipped; the first remaining line is a header when none of its
/// cells is a number, and an error when it mixes numbers and other cells (a typo such as <c>0,O,0</c> must not
/// silently drop a sample). Spaces around values, CRLF line ends and a UTF-8 byte-order mark are accepted. Text quoted
/// from the file in a message goes through <see cref="Excerpt"/>. The file is streamed line by line, so its text is
/// never held in memory whole.
/// </remarks>
public static class CsvDataset
{
    /// <summary>Loads <paramref name="path"/> as a training table (the last <paramref name="targets"/> columns are the targets).</summary>
    /// <exception cref="DataFileException">The file is missing, unreadable, empty or malformed; the message names the place.</exception>
    public static Dataset Load(string path, int targets = 1) => ToDataset(Open(path, reader => ReadTable(reader, path, inputs: null, targets)), path);

    /// <summary>
    /// Loads the rows of <paramref name="path"/> for a network with <paramref name="inputs"/> inputs: each line holds
    /// the inputs, optionally followed by <paramref name="outputs"/> targets in [0, 1] (the same for every line).
    /// </summary>
    /// <exception cref="DataFileException">The file is missing, unreadable, empty or malformed; the message names the place.</exception>
    public static CsvTable LoadRows(string path, int inputs, int outputs = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputs, 1);
        return Open(path, reader => ReadTable(reader, path, inputs, outputs));
    }

    /// <summary>Reads a training table from <paramref name="reader"/>; <paramref name="name"/> is used in messages and reports.</summary>
    /// <exception cref="DataFileException">The text is empty or malformed; the message names the line and column.</exception>
    public static Dataset Read(TextReader reader, string name, int targets = 1) => ToDataset(ReadTable(reader, name, inputs: null, targets), name);

    /// <summary>
    /// Reads CSV rows. With <paramref name="inputs"/> null the last <paramref name="targets"/> columns are the targets
    /// and every column before them an input; otherwise a row has <paramref name="inputs"/> columns, or
    /// <paramref name="targets"/> more for the targets.
    /// </summary>
    /// <exception cref="DataFileException">The text is empty or malformed; the message names the line and column.</exception>
    public static CsvTable ReadTable(TextReader reader, string name, int? inputs, int targets = 1)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(targets, 1);
        // Running out of memory on a huge file is left to the command line, which says so with exit code 1: the
        // file is not wrong, the machine is too small for it.
        return ReadRows(reader, name, inputs, targets);
    }

    private static CsvTable ReadRows(TextReader reader, string name, int? inputs, int targetCount)
    {
        var features = new List<double>();
        var targets = new List<double>();
        int columns = 0;
        int lineNumber = 0;
        bool seenContent = false;
        bool hasTarget = true;
        double[] row = [];

        var lines = new CsvLineReader(reader, name);
        while (lines.TryReadLine(out ReadOnlySpan<char> text))
        {
            lineNumber = lines.LineNumber;

            // A reader that did not detect encodings (a string, standard input) leaves the byte-order mark in the text.
            if (lineNumber == 1 && text.StartsWith('\uFEFF'))
            {
                text = text[1..];
            }

            // No text file holds NUL characters; binary data and UTF-16 without a byte-order mark are full of them.
            if (text.IndexOf('\0') is var nul and >= 0)
            {
                throw Problem(name, lineNumber, text[..nul].Count(',') + 1,
                    "a NUL character: this is a binary file or UTF-16 text, not CSV text (save it as UTF-8)");
            }

            text = text.Trim();
            if (text.IsEmpty || text[0] == '#')
            {
                continue;
            }

            bool isFirst = !seenContent;
            seenContent = true;
            if (isFirst)
            {
                columns = text.Count(',') + 1;
                if (inputs is null && columns < 2 && targetCount == 1)
                {
                    throw Problem(name, lineNumber, 1, "there is only one column; every column but the last is an input and the last is the target, so at least two are needed" + SeparatorHint(text, wholeLine: true));
                }

                if (inputs is null && columns <= targetCount)
                {
                    throw Problem(name, lineNumber, 1, $"the row has {Words.Count(columns, "column")}, which leaves no input before the last {targetCount} (--targets {targetCount}); give fewer targets than columns" + (columns == 1 ? SeparatorHint(text, wholeLine: true) : ""));
                }

                if (inputs is { } expected && columns != expected && columns != expected + targetCount)
                {
                    string following = targetCount == 1 ? "a target" : $"{targetCount} targets";
                    throw Problem(name, lineNumber, 1, $"the row has {Words.Count(columns, "column")}; the model takes {Words.Count(expected, "input")}, optionally followed by {following}" + (columns == 1 ? SeparatorHint(text, wholeLine: true) : ""));
                }

                hasTarget = inputs is null || columns == inputs + targetCount;
                row = new double[columns];
                if (IsHeader(text, name, lineNumber))
                {
                    continue;
                }
            }

            int featureCount = hasTarget ? columns - targetCount : columns;
            ParseRow(text, row, columns, hasTarget ? featureCount : columns, name, lineNumber);
            for (int c = 0; c < featureCount; c++)
            {
                features.Add(row[c]);
            }

            for (int c = featureCount; c < columns; c++)
            {
                targets.Add(row[c]);
            }
        }

        int inputColumns = hasTarget ? columns - targetCount : columns;
        int rows = columns == 0 ? 0 : features.Count / inputColumns;
        if (rows == 0)
        {
            throw new DataFileException($"{name}: no data rows (an empty file, or only a header, blank lines and comments)");
        }

        return new CsvTable(
            Matrix.FromArray(rows, inputColumns, [.. features]),
            hasTarget ? Matrix.FromArray(rows, targetCount, [.. targets]) : null);
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

    // A header has no cell that is a number. A first line that mixes numbers with other cells is most likely a
    // sample with a typo ('0,O,0', '0,,0'), so it is refused rather than taken as a header and dropped.
    private static bool IsHeader(ReadOnlySpan<char> text, string name, int lineNumber)
    {
        int column = 0;
        int firstText = 0;
        bool anyNumber = false;
        ReadOnlySpan<char> firstTextCell = default;
        foreach (Range range in text.Split(','))
        {
            column++;
            ReadOnlySpan<char> cell = text[range].Trim();
            if (IsNumber(cell))
            {
                anyNumber = true;
            }
            else if (firstText == 0)
            {
                firstText = column;
                firstTextCell = cell;
            }
        }

        if (firstText == 0)
        {
            return false;
        }

        if (anyNumber)
        {
            string what = firstTextCell.IsEmpty
                ? "the cell is empty" + (firstText == column ? " (a comma at the end of the line?)" : "")
                : $"{Excerpt.Quoted(firstTextCell)} is not a number";
            throw Problem(name, lineNumber, firstText, $"{what}; a header line must have no numbers in it");
        }

        return true;
    }

    private static bool IsNumber(ReadOnlySpan<char> cell) =>
        double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    // When a line of one column holds semicolons or tabs between values, or a cell that is not a number is numbers
    // separated by semicolons, tabs or spaces, the file most likely uses another separator than the comma.
    private static string SeparatorHint(ReadOnlySpan<char> cell, bool wholeLine = false)
    {
        foreach ((char separator, string name) in (ReadOnlySpan<(char, string)>)[(';', "semicolons"), ('\t', "tabs"), (' ', "spaces")])
        {
            int parts = 0;
            bool allNumbers = true;
            foreach (Range range in cell.Split(separator))
            {
                ReadOnlySpan<char> part = cell[range].Trim();
                if (part.IsEmpty && separator == ' ')
                {
                    continue;
                }

                parts++;
                allNumbers &= IsNumber(part) || (wholeLine && separator != ' ' && !part.IsEmpty);
            }

            if (parts > 1 && allNumbers)
            {
                return $"; the values seem to be separated by {name}: separate them with commas (e.g. 0,1,1)";
            }
        }

        return "";
    }

    // The columns from 'firstTarget' on (0-based) are targets, which must lie in [0, 1].
    private static void ParseRow(ReadOnlySpan<char> text, Span<double> row, int columns, int firstTarget, string name, int lineNumber)
    {
        int column = 0;
        foreach (Range range in text.Split(','))
        {
            column++;
            if (column > columns)
            {
                bool trailingComma = column == columns + 1 && range.Start.GetOffset(text.Length) == text.Length;
                throw Problem(name, lineNumber, column, $"the row has more than the {Words.Count(columns, "column")} of the first line" + (trailingComma ? " (a comma at the end of the line?)" : ""));
            }

            ReadOnlySpan<char> cell = text[range].Trim();
            if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
            {
                throw Problem(name, lineNumber, column, cell.IsEmpty
                    ? "the cell is empty; expected a number" + (column == columns ? " (a comma at the end of the line?)" : "")
                    : $"{Excerpt.Quoted(cell)} is not a number" + SeparatorHint(cell));
            }

            if (!double.IsFinite(value))
            {
                throw Problem(name, lineNumber, column, $"{Excerpt.Quoted(cell)} is not a finite number");
            }

            if (column > firstTarget && value is < 0 or > 1)
            {
                throw Problem(name, lineNumber, column, $"the target {Excerpt.Of(cell)} is outside [0, 1]");
            }

            row[column - 1] = value;
        }

        if (column < columns)
        {
            throw Problem(name, lineNumber, column + 1, $"the row has {Words.Count(column, "column")}; the first line has {columns}");
        }
    }

    private static DataFileException Problem(string name, int line, int column, string what) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{name}, line {line}, column {column}: {what}"));
}
