using XorNet.Text;

namespace XorNet.Network;

/// <summary>Hidden layer sizes written as the options, records and titles write them: <c>8,4</c>, or <c>none</c>.</summary>
public static class HiddenSizesText
{
    /// <summary>How no hidden layer at all is written: the output layer on the inputs, logistic regression.</summary>
    public const string None = "none";

    /// <summary>
    /// The sizes in <paramref name="text"/>: none for <c>none</c>, else one or more whole numbers ≥ 1 separated by
    /// commas; null for anything else.
    /// </summary>
    public static int[]? Parse(string text) => text == None ? [] : CommaSeparated.WholeNumbers(text, minimum: 1);

    /// <summary>The sizes as written: <c>8,4</c>, or <c>none</c>.</summary>
    public static string Of(IReadOnlyList<int> sizes)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        return sizes.Count == 0 ? None : string.Join(',', sizes);
    }
}
