using System.CommandLine;
using XorNet.Text;

namespace XorNet.CommandLine;

/// <summary>An option whose value is whole numbers separated by commas, such as <c>--layers 8,4</c> or <c>--trace 0,1,9999</c>.</summary>
internal static class NumberList
{
    /// <summary>
    /// The option, whose parser reports a bad value as one line naming it and <paramref name="accepted"/>
    /// (an empty value, an empty element as in <c>4,,4</c>, a number below <paramref name="minimum"/>, a sign, a fraction).
    /// </summary>
    public static Option<int[]> Option(string name, string description, string helpName, string accepted, int minimum) =>
        Option(name, description, helpName, accepted, text => CommaSeparated.WholeNumbers(text, minimum));

    /// <summary>The option, reading its value with <paramref name="parse"/>, which gives null for a value it does not accept.</summary>
    public static Option<int[]> Option(string name, string description, string helpName, string accepted, Func<string, int[]?> parse) => new(name)
    {
        Description = $"{description}: {accepted}",
        HelpName = helpName,
        CustomParser = result =>
        {
            if (result.Tokens.Count == 0)
            {
                result.AddError($"{name} needs a value: {accepted}.");
                return null;
            }

            string text = result.Tokens[^1].Value;
            if (parse(text) is { } numbers)
            {
                return numbers;
            }

            result.AddError($"{name} does not accept '{text}': expected {accepted}.");
            return null;
        },
    };
}
