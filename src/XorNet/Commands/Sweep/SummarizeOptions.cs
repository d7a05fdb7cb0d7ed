using System.CommandLine;
using System.CommandLine.Parsing;
using XorNet.CommandLine;
using XorNet.Text;

namespace XorNet.Commands.Sweep;

/// <summary>The options and the files argument of <c>XorNet sweep summarize</c>.</summary>
internal sealed class SummarizeOptions
{
    public SummarizeOptions(CommandLineOptions common)
    {
        ArgumentNullException.ThrowIfNull(common);
        Files = new Argument<string[]>("files")
        {
            Description = "Record files written by 'sweep --out' (CSV or JSON lines), for instance one per shard",

            // Checked by Validate, so that a missing file list is said in words.
            Arity = ArgumentArity.ZeroOrMore,
        };
        Format = common.Choice("--format", "The summary as a table, or as one JSON document", ["text", "json"], "text");
        Plot = common.PathOption(
            "--plot", "Draw the convergence rate and the epochs to converge per setting as SVG", "PATH.svg", "a file path such as sweep.svg");
    }

    public Argument<string[]> Files { get; }

    public Option<string> Format { get; }

    public Option<string> Plot { get; }

    public IEnumerable<Option> All => [Format, Plot];

    /// <summary>Rejects <c>sweep summarize</c> without files, or with an option it does not have read as a file.</summary>
    public void Validate(CommandResult command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.GetResult(Files) is not { Tokens.Count: > 0 } files)
        {
            command.AddError("sweep summarize needs one or more record files written by 'sweep --out', such as runs.csv or shard-*.csv.");
        }
        else if (files.Tokens.FirstOrDefault(t => t.Value.Length > 1 && t.Value[0] == '-') is { } option)
        {
            // An option summarize does not have would otherwise be read as a file name.
            command.AddError($"{Excerpt.Quoted(option.Value)} is not an option sweep summarize takes; it takes --format, --plot and record files (for a file of that name, write ./{option.Value}).");
        }
    }

    /// <summary>The request the parsed options make.</summary>
    public SummarizeRequest Request(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return new SummarizeRequest(parse.GetValue(Files)!, CommandLineOptions.OutputFormat(parse, Format), parse.GetValue(Plot));
    }
}
