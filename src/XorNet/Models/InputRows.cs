using XorNet.Data;

namespace XorNet.Models;

/// <summary>Input rows for <c>predict</c> read as text, one a line, in the syntax of its row arguments (<c>0,1</c>).</summary>
public static class InputRows
{
    /// <summary>Every line of <paramref name="reader"/> that is not blank, trimmed.</summary>
    public static string[] Read(TextReader reader) => [.. Each(reader)];

    /// <summary>
    /// Each line of <paramref name="reader"/> that is not blank, trimmed, as it is read: for input without an end. A
    /// line is read within the limit a CSV file's is, so that a stream without line breaks is refused, not gathered.
    /// </summary>
    /// <exception cref="DataFileException">A line is longer than <see cref="CsvLineReader.DefaultMaxLength"/> characters.</exception>
    public static IEnumerable<string> Each(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return Lines(new CsvLineReader(reader, "standard input"));

        static IEnumerable<string> Lines(CsvLineReader lines)
        {
            while (Next(lines) is { } row)
            {
                yield return row;
            }
        }

        static string? Next(CsvLineReader lines)
        {
            while (lines.TryReadLine(out ReadOnlySpan<char> line))
            {
                if (!line.IsWhiteSpace())
                {
                    return line.Trim().ToString();
                }
            }

            return null;
        }
    }
}
