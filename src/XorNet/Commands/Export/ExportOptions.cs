using System.CommandLine;
using System.CommandLine.Parsing;
using XorNet.CommandLine;
using XorNet.Export;

namespace XorNet.Commands.Export;

/// <summary>The options of <c>XorNet export</c>: the model to read, the ONNX file to write and its precision.</summary>
internal sealed class ExportOptions
{
    public ExportOptions(CommandLineOptions common)
    {
        ArgumentNullException.ThrowIfNull(common);
        Model = common.PathOption("--model", "The saved network to export (a file written by --save); required", "PATH.json", "a model file written by --save, such as model.json");
        Out = common.PathOption("--out", "The ONNX file to write (written whole or not at all); required", "PATH.onnx", "a file path such as model.onnx");
        Precision = common.Choice(
            "--precision", "The weights', input's and output's type: double keeps the weights exactly, float is for readers that take only 32-bit floats",
            OnnxPrecisions.Names, OnnxPrecisions.Names[(int)OnnxPrecision.Binary64]);
    }

    public Option<string> Model { get; }

    public Option<string> Out { get; }

    public Option<string> Precision { get; }

    /// <summary>Every option of <c>export</c>, in help order.</summary>
    public IEnumerable<Option> All => [Model, Out, Precision];

    /// <summary>The request the parsed options make.</summary>
    public ExportRequest Request(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return new ExportRequest(parse.GetValue(Model)!, parse.GetValue(Out)!, OnnxPrecisions.Parse(parse.GetValue(Precision)!));
    }

    /// <summary>Rejects an export command without a model or an output file, saying both when both are missing.</summary>
    public void Validate(CommandResult command)
    {
        ArgumentNullException.ThrowIfNull(command);
        string[] missing =
        [
            .. command.GetResult(Model) is null ? new[] { "--model PATH.json, a network saved with --save" } : [],
            .. command.GetResult(Out) is null ? new[] { "--out PATH.onnx, the file to write" } : [],
        ];
        if (missing.Length > 0)
        {
            command.AddError($"export needs {string.Join(" and ", missing)}.");
        }
    }
}
