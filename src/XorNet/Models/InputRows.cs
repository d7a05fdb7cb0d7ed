namespace XorNet.Models;

/// <summary>Input rows for <c>predict</c> read as text, one a line, in the syntax of its row arguments (<c>0,1</c>).</summary>
public static class InputRows
{
    /// <summary>Every line of <paramref name="reader"/> that is not blank, trimmed.</summary>
    public static string[] Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var rows = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                rows.Add(line.Trim());
            }
        }

        return [.. rows];
    }
}
