using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using System.Globalization;
using XorNet.Data;
using XorNet.Files;
using XorNet.Network;
using XorNet.NumPy;
using XorNet.Text;

namespace XorNet.CommandLine;

/// <summary>
/// What the commands' options share: the factories that make an option parse its own value, so that a bad one is
/// reported as one line naming the option and what it accepts, never as an exception; what each option accepts, for
/// the message when it is given without one; <c>--help</c> and <c>--version</c>; and parse errors in words.
/// </summary>
internal sealed class CommandLineOptions
{
    private readonly Dictionary<Option, string> _accepted = [];

    public CommandLineOptions()
    {
        // System.CommandLine's own HelpOption and VersionOption read their descriptions from its resources, which
        // costs a tenth of a default run's time; these are the same options with the text given here.
        Help = new Option<bool>("--help", "-h", "-?")
        {
            Description = "Show help and usage information",
            Arity = ArgumentArity.Zero,
            Recursive = true,
            Action = new HelpAction(),
        };
        Version = new Option<bool>("--version")
        {
            Description = "Show version information",
            Arity = ArgumentArity.Zero,
            Action = new VersionAction(),
        };
        Version.Validators.Add(result =>
        {
            // As System.CommandLine's own --version: it stands alone.
            if (!result.Implicit && result.Parent is CommandResult command
                && command.Children.Any(child => child is not OptionResult { Implicit: true } && child is not OptionResult { Option.Name: "--version" }))
            {
                result.AddError("--version cannot be combined with other arguments.");
            }
        });
    }

    public Option<bool> Help { get; }

    public Option<bool> Version { get; }

    public static OutputFormat OutputFormat(ParseResult parse, Option<string> option) =>
        parse.GetValue(option) == "json" ? CommandLine.OutputFormat.Json : CommandLine.OutputFormat.Text;

    /// <summary>A parse error as one line that names the option and what it accepts.</summary>
    public string Describe(ParseError error, IReadOnlyList<string> unmatched)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(unmatched);

        // An option given twice: System.CommandLine says it "expects a single argument but 2 were provided".
        if (error.SymbolResult is OptionResult { IdentifierTokenCount: > 1 } repeated && repeated.Option.Arity.MaximumNumberOfValues <= 1)
        {
            return UsageChecks.Repeated(repeated);
        }

        // The parser reports a missing value before any custom parser runs, and without the accepted range.
        if (error.SymbolResult is OptionResult { Tokens.Count: 0, Implicit: false } missing
            && _accepted.TryGetValue(missing.Option, out string? accepted))
        {
            return $"{missing.Option.Name} needs a value: {accepted}.";
        }

        // A token nothing took: the parser's own text names neither what it is nor what to do.
        if (error.SymbolResult is CommandResult command
            && unmatched.FirstOrDefault(token => error.Message.Contains($"'{token}'", StringComparison.Ordinal)) is { } token)
        {
            return $"{Excerpt.Quoted(token)} is not an option or value {(command.Parent is null ? "XorNet" : CommandNames.Path(command)[(CommandNames.Program.Length + 1)..])} takes.";
        }

        return error.Message.ReplaceLineEndings(" ");
    }

    // A file path. A value that is itself an option (--save --check-gradients) is refused rather than taken as a file
    // name: that is almost always a forgotten path, and a file really named so can be written as ./--check-gradients.
    internal Option<string> PathOption(string name, string description, string helpName, string accepted)
    {
        var option = Register(new Option<string>(name) { Description = description, HelpName = helpName }, accepted);
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && result.Tokens[^1].Value is { Length: > 1 } value && value[0] == '-' && value != InputFile.StandardInput
                && (value.StartsWith("--", StringComparison.Ordinal) || value is "-h" or "-?"))
            {
                result.AddError($"{name} needs a value: {accepted}; '{value}' is an option (for a file of that name, write ./{value}).");
            }
        });
        return option;
    }

    internal Option<int> WholeNumber(string name, string description, int defaultValue, int minimum, int maximum = int.MaxValue)
    {
        string accepted = $"a whole number from {minimum} to {maximum}";
        return Register(new Option<int>(name)
        {
            Description = $"{description}: {accepted}",
            HelpName = "n",
            DefaultValueFactory = _ => defaultValue,
            CustomParser = result => Parse<int>(result, name, accepted, text =>
                int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value) && value >= minimum && value <= maximum
                    ? value
                    : null),
        }, accepted);
    }

    internal Option<double> PositiveNumber(string name, string alias, string description, double defaultValue)
    {
        string accepted = "a finite number greater than 0, such as 0.1 or 1e-3";
        return Register(new Option<double>(name, alias)
        {
            Description = $"{description}: {accepted}",
            HelpName = "rate",
            DefaultValueFactory = _ => defaultValue,
            CustomParser = result => Parse<double>(result, name, accepted, text =>
                double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
                && double.IsFinite(value) && value > 0
                    ? value
                    : null),
        }, accepted);
    }

    internal Option<double> NonNegativeNumber(string name, string description, double defaultValue)
    {
        string accepted = "a finite number of 0 or more, such as 0.1 or 0";
        return Register(new Option<double>(name)
        {
            Description = $"{description}: {accepted}",
            HelpName = "x",
            DefaultValueFactory = _ => defaultValue,
            CustomParser = result => Parse<double>(result, name, accepted, text =>
                double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value) && value >= 0
                    ? value
                    : null),
        }, accepted);
    }

    internal Option<double> Fraction(string name, string description)
    {
        string accepted = "a number greater than 0 and less than 1, such as 0.01";
        return Register(new Option<double>(name)
        {
            Description = $"{description}: {accepted}",
            HelpName = "loss",
            CustomParser = result => Parse<double>(result, name, accepted, text =>
                double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && value is > 0 and < 1
                    ? value
                    : null),
        }, accepted);
    }

    internal Option<uint> SeedOption(string name) =>
        SeedOption(name, "Random seed for the initial weights (none are drawn with --init-from, which refuses it)", "np.random.seed", TrainingSettings.DefaultSeed);

    internal Option<uint> SeedOption(string name, string description, string takenBy, uint defaultValue)
    {
        string accepted = $"a whole number from 0 to {uint.MaxValue}, as {takenBy} takes";
        return Register(new Option<uint>(name)
        {
            Description = $"{description}: {accepted}",
            HelpName = "n",
            DefaultValueFactory = _ => defaultValue,
            CustomParser = result => Parse<uint>(result, name, accepted, text =>
                uint.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out uint value) ? value : null),
        }, accepted);
    }

    internal Option<string> Choice(string name, string description, IReadOnlyList<string> choices, string defaultValue)
    {
        string accepted = choices.Count == 2 ? $"{choices[0]} or {choices[1]}" : $"one of {string.Join(", ", choices)}";
        return Register(new Option<string>(name)
        {
            Description = $"{description}: {accepted}",
            HelpName = string.Join('|', choices),
            DefaultValueFactory = _ => defaultValue,
            CustomParser = result =>
            {
                if (result.Tokens.Count == 0)
                {
                    result.AddError($"{name} needs a value: {accepted}.");
                    return null;
                }

                string text = result.Tokens[^1].Value;
                if (choices.Contains(text, StringComparer.Ordinal))
                {
                    return text;
                }

                result.AddError($"{name} does not accept '{text}': expected {accepted}.");
                return null;
            },
        }, accepted);
    }

    /// <summary>Notes what <paramref name="option"/> accepts, for the message when it is given without a value.</summary>
    public T Register<T>(T option, string accepted)
        where T : Option
    {
        _accepted[option] = accepted;
        return option;
    }

    private static T Parse<T>(ArgumentResult result, string name, string accepted, Func<string, T?> parse)
        where T : struct
    {
        if (result.Tokens.Count == 0)
        {
            result.AddError($"{name} needs a value: {accepted}.");
            return default;
        }

        string text = result.Tokens[^1].Value;
        T? value = parse(text);
        if (value is null)
        {
            result.AddError($"{name} does not accept '{text}': expected {accepted}.");
            return default;
        }

        return value.Value;
    }
}
