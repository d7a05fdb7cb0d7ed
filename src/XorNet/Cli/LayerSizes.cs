using System.CommandLine;
using System.Globalization;

namespace XorNet.Cli;

/// <summary>The <c>--layers</c> option: hidden layer sizes separated by commas, such as <c>8,4</c>.</summary>
internal static class LayerSizes
{
    /// <summary>What the option accepts, as its messages say it.</summary>
    public const string Accepted = "hidden layer sizes separated by commas, each a whole number from 1 to 2147483647, such as 8,4";

    /// <summary>The option, whose parser reports a bad value as one line naming it (<c>0</c>, <c>4,,4</c>, <c>4,-1</c>, empty).</summary>
    public static Option<int[]> Option(string name, string accepted) => new(name)
    {
        Description = $"The hidden layers, first to last: {accepted}",
        HelpName = "n,n,…",
        CustomParser = result =>
        {
            if (result.Tokens.Count == 0)
            {
                result.AddError($"{name} needs a value: {accepted}.");
                return null;
            }

            string text = result.Tokens[^1].Value;
            if (Parse(text) is { } sizes)
            {
                return sizes;
            }

            result.AddError($"{name} does not accept '{text}': expected {accepted}.");
            return null;
        },
    };

    /// <summary>The sizes in <paramref name="text"/>, or null unless it is one or more whole numbers ≥ 1 separated by commas.</summary>
    public static int[]? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] cells = text.Split(',');
        var sizes = new int[cells.Length];
        for (int i = 0; i < cells.Length; i++)
        {
            if (!int.TryParse(cells[i].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out sizes[i]) || sizes[i] < 1)
            {
                return null;
            }
        }

        return sizes;
    }
}
