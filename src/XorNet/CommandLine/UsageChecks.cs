using System.CommandLine;
using System.CommandLine.Parsing;
using XorNet.Text;

namespace XorNet.CommandLine;

/// <summary>Mistakes on the command line that System.CommandLine would report in its own terms, or not at all.</summary>
internal static class UsageChecks
{
    /// <summary>Rejects an option given more than once (System.CommandLine says "expects a single argument", or nothing for a flag).</summary>
    /// <param name="command">The command given.</param>
    /// <param name="repeatable">Options that may be given more than once (a sweep's <c>--layers</c>).</param>
    public static void RejectRepeated(CommandResult command, IReadOnlySet<Option>? repeatable = null)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (SymbolResult child in command.Children)
        {
            if (child is OptionResult { IdentifierTokenCount: > 1, Option.Action: null } repeated && repeatable?.Contains(repeated.Option) != true)
            {
                command.AddError(Repeated(repeated));
                return;
            }
        }
    }

    /// <summary>The message for an option given more than once.</summary>
    public static string Repeated(OptionResult option)
    {
        ArgumentNullException.ThrowIfNull(option);
        string times = option.IdentifierTokenCount == 2 ? "twice" : $"{option.IdentifierTokenCount} times";
        return $"{option.Option.Name} was given {times}; give it once.";
    }

    /// <summary>
    /// Rejects rows of <c>predict</c> that are options it does not have (System.CommandLine takes them as rows),
    /// naming them; rows of numbers that start with a minus sign, such as <c>-1,0</c>, stay rows.
    /// </summary>
    public static Action<CommandResult> RejectForeignOptions(Argument<string[]> rows, IEnumerable<Option> trainingOptions, IEnumerable<Option> predictOptions)
    {
        ArgumentNullException.ThrowIfNull(rows);
        HashSet<string> training = [.. trainingOptions.SelectMany(o => o.Aliases.Prepend(o.Name))];
        string accepted = string.Join(", ", predictOptions.Select(o => o.Name));
        return command =>
        {
            foreach (Token token in command.GetResult(rows)?.Tokens ?? [])
            {
                string text = token.Value;
                // No option has a comma in its name, while a row of several numbers always has one ("-inf,0").
                if (text.Length > 1 && text[0] == '-' && (char.IsLetter(text[1]) || text[1] == '-') && !text.Contains(',', StringComparison.Ordinal))
                {
                    string name = text.Split('=', ':')[0];
                    command.AddError(name == "--version"
                        ? "--version stands alone: run 'XorNet --version'."
                        : training.Contains(name)
                        ? $"{name} is a training option, not a predict option; predict takes {accepted} and input rows."
                        : $"{Excerpt.Quoted(text)} is not a predict option; predict takes {accepted} and input rows such as 0,1 or -1,0.");
                    return;
                }
            }
        };
    }
}
