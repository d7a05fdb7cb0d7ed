using System.CommandLine;
using XorNet.Text;

namespace XorNet.CommandLine;

/// <summary>The <c>--layers</c> option: hidden layer sizes separated by commas, such as <c>8,4</c>, or <c>none</c>.</summary>
internal static class LayerSizes
{
    /// <summary>What the option accepts, as its messages say it.</summary>
    public const string Accepted = "hidden layer sizes separated by commas, each a whole number from 1 to 2147483647, such as 8,4, or none for no hidden layer";

    /// <summary>How <c>--layers</c> writes no hidden layer at all: the output layer on the inputs, logistic regression.</summary>
    public const string None = "none";

    /// <summary>The option, whose parser reports a bad value as one line naming it (<c>0</c>, <c>4,,4</c>, <c>4,-1</c>, empty).</summary>
    public static Option<int[]> Option(string name, string accepted) =>
        NumberList.Option(name, "The hidden layers, first to last", "n,n,…|none", accepted, Parse);

    /// <summary>
    /// The sizes in <paramref name="text"/>: none for <c>none</c>, else one or more whole numbers ≥ 1 separated by
    /// commas; null for anything else.
    /// </summary>
    public static int[]? Parse(string text) => text == None ? [] : CommaSeparated.WholeNumbers(text, minimum: 1);

    /// <summary>The sizes as the option writes them: <c>8,4</c>, or <c>none</c>.</summary>
    public static string Text(IReadOnlyList<int> sizes) => sizes.Count == 0 ? None : string.Join(',', sizes);
}
