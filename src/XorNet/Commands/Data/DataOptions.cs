using System.CommandLine;
using System.CommandLine.Parsing;
using XorNet.CommandLine;
using XorNet.Data;
using XorNet.Files;

namespace XorNet.Commands.Data;

/// <summary>The arguments of <c>XorNet data</c>: the set's name, how a generated one is drawn, and where the CSV goes.</summary>
internal sealed class DataOptions
{
    /// <summary>A file name to suggest for <c>--out</c>.</summary>
    public const string Example = "data.csv";

    public DataOptions(CommandLineOptions common)
    {
        ArgumentNullException.ThrowIfNull(common);
        string accepted = $"one of {string.Join(", ", DatasetNames.All)}";
        Name = new Argument<string>("name")
        {
            Description = $"The set to write: {accepted}",
            Arity = ArgumentArity.ZeroOrOne,
            CustomParser = result =>
            {
                string text = result.Tokens.Count == 0 ? "" : result.Tokens[^1].Value;
                if (!DatasetNames.All.Contains(text, StringComparer.Ordinal))
                {
                    result.AddError($"data does not accept '{Text.Excerpt.Of(text)}': expected {accepted}.");
                }

                return text;
            },
        };
        Planes = new PlaneOptions(common);
        Out = common.PathOption(
            "--out", "Write the CSV to this file (written whole or not at all) instead of standard output", "PATH.csv", $"a file path such as {Example}");
    }

    public Argument<string> Name { get; }

    /// <summary><c>--samples</c>, <c>--noise</c>, <c>--data-seed</c>.</summary>
    public PlaneOptions Planes { get; }

    public Option<string> Out { get; }

    /// <summary>Every option of <c>data</c>, in help order.</summary>
    public IEnumerable<Option> All => [.. Planes.All, Out];

    /// <summary>Rejects a missing name, and drawing options with a truth table.</summary>
    public void Validate(CommandResult command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.GetResult(Name) is not { Tokens.Count: > 0 } name)
        {
            command.AddError($"data needs the name of a set: one of {string.Join(", ", DatasetNames.All)}, such as 'XorNet data spiral'.");
        }
        else if (DatasetNames.All.Contains(name.Tokens[^1].Value, StringComparer.Ordinal) && Planes.Misuse(command, name.Tokens[^1].Value) is { } misuse)
        {
            command.AddError(misuse);
        }
    }

    /// <summary>The request the parsed arguments make, the output path checked first.</summary>
    /// <exception cref="FileOptionException">The --out path cannot be written, or holds another kind of output.</exception>
    public DataRequest Request(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        OutputFile? file = parse.GetValue(Out) is { } path ? OutputKinds.Check(OutputKind.Table, "--out", path, Example) : null;
        return new DataRequest(parse.GetValue(Name)!, Planes.Recipe(parse), file);
    }
}
