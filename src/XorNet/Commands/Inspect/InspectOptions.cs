using System.CommandLine;
using System.CommandLine.Parsing;
using XorNet.CommandLine;

namespace XorNet.Commands.Inspect;

/// <summary>The options of <c>XorNet inspect</c>.</summary>
internal sealed class InspectOptions
{
    public InspectOptions(CommandLineOptions common)
    {
        ArgumentNullException.ThrowIfNull(common);
        Model = common.PathOption("--model", "The saved network to explain (a file written by --save); required", "PATH.json", "a model file written by --save, such as model.json");
        Format = common.Choice("--format", "Lines for people, or one JSON document with the explanation", ["text", "json"], "text");
    }

    public Option<string> Model { get; }

    public Option<string> Format { get; }

    public IEnumerable<Option> All => [Model, Format];

    /// <summary>The request the parsed options make.</summary>
    public InspectRequest Request(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return new InspectRequest(parse.GetValue(Model)!, CommandLineOptions.OutputFormat(parse, Format));
    }

    /// <summary>Rejects an inspect command without a model.</summary>
    public void Validate(CommandResult command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.GetResult(Model) is null)
        {
            command.AddError("inspect needs --model PATH.json, a network saved with --save.");
        }
    }
}
