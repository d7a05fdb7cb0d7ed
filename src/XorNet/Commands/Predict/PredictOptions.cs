using System.CommandLine;
using System.CommandLine.Parsing;
using XorNet.CommandLine;

namespace XorNet.Commands.Predict;

/// <summary>The options and the rows argument of <c>XorNet predict</c>.</summary>
internal sealed class PredictOptions
{
    public PredictOptions(CommandLineOptions common)
    {
        ArgumentNullException.ThrowIfNull(common);
        // Required, but checked by Validate, so that one line says everything predict lacks.
        Model = common.PathOption("--model", "The saved network to run (a file written by --save); required", "PATH.json", "a model file written by --save, such as model.json");
        Data = common.PathOption(
            "--data", "Predict every row of a CSV file (- reads standard input); with a target column per output also report the MSE and accuracy", "PATH.csv", "a CSV file such as data.csv, or - for standard input");
        Format = common.Choice("--format", "Lines 'inputs -> outputs', or one JSON document with the unrounded outputs", ["text", "json"], "text");
        Rows = new Argument<string[]>("rows")
        {
            Description = "Input rows, each the inputs separated by commas, such as 0,1; with no rows and no --data, rows are read from standard input, one a line",
            Arity = ArgumentArity.ZeroOrMore,
        };
    }

    public Option<string> Model { get; }

    public Option<string> Data { get; }

    public Option<string> Format { get; }

    public Argument<string[]> Rows { get; }

    public IEnumerable<Option> All => [Model, Data, Format];

    /// <summary>The request the parsed options make.</summary>
    public PredictRequest Request(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return new PredictRequest(parse.GetValue(Model)!, parse.GetValue(Rows) ?? [], parse.GetValue(Data), CommandLineOptions.OutputFormat(parse, Format));
    }

    /// <summary>
    /// Rejects a predict command without a model, with both rows and --data, or with neither when standard input
    /// is a terminal (otherwise the rows are read from standard input).
    /// </summary>
    public void Validate(CommandResult command, bool inputIsTerminal)
    {
        ArgumentNullException.ThrowIfNull(command);
        bool hasModel = command.GetResult(Model) is not null;
        bool hasRows = command.GetResult(Rows) is { Tokens.Count: > 0 };
        bool hasData = command.GetResult(Data) is not null;
        if (hasRows && hasData)
        {
            command.AddError("predict takes input rows such as 0,1 or --data PATH.csv, not both.");
        }
        else if (!hasRows && !hasData && inputIsTerminal)
        {
            command.AddError(
                $"predict needs {(hasModel ? "" : "--model PATH.json and ")}input rows such as 0,1, --data PATH.csv, or rows on standard input.");
        }
        else if (!hasModel)
        {
            command.AddError("predict needs --model PATH.json, a network saved with --save.");
        }
    }
}
