using System.CommandLine;
using XorNet.Network;

namespace XorNet.CommandLine;

/// <summary>The <c>--layers</c> option: hidden layer sizes separated by commas, such as <c>8,4</c>, or <c>none</c>.</summary>
internal static class LayerSizes
{
    /// <summary>What the option accepts, as its messages say it.</summary>
    public const string Accepted = "hidden layer sizes separated by commas, each a whole number from 1 to 2147483647, such as 8,4, or none for no hidden layer";

    /// <summary>The option, whose parser reports a bad value as one line naming it (<c>0</c>, <c>4,,4</c>, <c>4,-1</c>, empty).</summary>
    public static Option<int[]> Option(string name, string accepted) =>
        NumberList.Option(name, "The hidden layers, first to last", "n,n,…|none", accepted, HiddenSizesText.Parse);
}
