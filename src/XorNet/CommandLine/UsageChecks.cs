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

    /// <summary>
    /// Makes every subcommand of <paramref name="root"/>, at any depth, refuse the options of the commands above it
    /// given before its name (<c>XorNet --epochs 5 predict …</c>): the parser takes them for the command they follow,
    /// which does not run, so they would do nothing.
    /// </summary>
    public static void RejectOptionsBeforeSubcommands(Command root)
    {
        ArgumentNullException.ThrowIfNull(root);
        foreach (Command subcommand in root.Subcommands)
        {
            subcommand.Validators.Add(RejectOptionsBefore);
            RejectOptionsBeforeSubcommands(subcommand);
        }
    }

    // Only the command that runs is validated in full, so this sees every option given before its name.
    private static void RejectOptionsBefore(CommandResult command)
    {
        string here = Typed(command);
        for (SymbolResult? above = command.Parent; above is CommandResult owner; above = owner.Parent)
        {
            // Help and --version act themselves wherever they are; defaults the parser filled in were not given.
            if (owner.Children.OfType<OptionResult>().FirstOrDefault(o => !o.Implicit && o.Option.Action is null) is not { } given)
            {
                continue;
            }

            string name = given.Option.Name;
            string belongs = owner.Parent is null ? "training (XorNet without a command)" : Typed(owner);
            command.AddError(command.Command.Options.Any(o => o.Name == name)
                ? $"{name} is given before '{here}', where it is an option of {belongs}; give it after '{here}'."
                : $"{name} is an option of {belongs}, not of {here}; drop it.");
            return;
        }
    }

    // A subcommand as typed after the program's name: 'predict', 'sweep summarize'.
    private static string Typed(CommandResult command) => CommandNames.Path(command)[(CommandNames.Program.Length + 1)..];

    /// <summary>
    /// Makes <paramref name="root"/> and every subcommand refuse <c>-</c> (standard input) for any of
    /// <paramref name="readers"/> when standard input is a terminal: the run would wait for typed CSV without a word,
    /// where <c>predict</c> says what it needs.
    /// </summary>
    public static void RejectTerminalInput(Command root, IEnumerable<Option> readers, bool inputIsTerminal)
    {
        ArgumentNullException.ThrowIfNull(root);
        if (!inputIsTerminal)
        {
            return;
        }

        HashSet<Option> reading = [.. readers];
        root.Validators.Add(command =>
        {
            if (command.Children.OfType<OptionResult>().FirstOrDefault(o => reading.Contains(o.Option) && o.Tokens is [{ Value: Files.InputFile.StandardInput }]) is { } given)
            {
                string name = given.Option.Name;
                command.AddError($"{name} - reads CSV rows from standard input, which is a terminal here; pipe them in ({name} - < data.csv) or give a file such as data.csv.");
            }
        });
        foreach (Command subcommand in root.Subcommands)
        {
            RejectTerminalInput(subcommand, reading, inputIsTerminal);
        }
    }
}
