namespace XorNet.Models;

/// <summary>Input rows for <c>predict</c> read as text, one a line, in the syntax of its row arguments (<c>0,1</c>).</summary>
public static class InputRows
{
    /// <summary>Every line of <paramref name="reader"/> that is not blank, trimmed.</summary>
    public static string[] Read(TextReader reader) => [.. Each(reader)];

    /// <summary>Each line of <paramref name="reader"/> that is not blank, trimmed, as it is read: for input without an end.</summary>
    public static IEnumerable<string> Each(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return Lines(reader);

        static IEnumerable<string> Lines(TextReader reader)
        {
            while (reader.ReadLine() is { } line)
            {
                if (!string.IsNullOrWhiteSpace(line))
                {
                    yield return line.Trim();
                }
            }
        }
    }
}
