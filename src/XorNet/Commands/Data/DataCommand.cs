using System.Text;
using XorNet.CommandLine;
using XorNet.Data;
using XorNet.Files;

namespace XorNet.Commands.Data;

/// <summary>
/// The <c>data</c> command: a built-in set as CSV, to standard output or a file, for <c>--data</c>,
/// <c>--validation</c>, <c>predict --data</c> or any other program.
/// </summary>
internal static class DataCommand
{
    // Large enough that a million rows go out in a few hundred writes.
    private const int BufferSize = 1 << 16;

    /// <summary>Writes the requested set; returns the exit code (see <see cref="ExitCodes"/>).</summary>
    public static int Run(DataRequest request, CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        (TextWriter output, TextWriter error) = (context.Output, context.Error);
        Dataset data = DatasetNames.Create(request.Name, request.Recipe);
        if (request.Out is not { } file)
        {
            DatasetCsv.Write(data, output);
            return ExitCodes.Success;
        }

        try
        {
            file.Write(stream =>
            {
                using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), BufferSize, leaveOpen: true);
                DatasetCsv.Write(data, writer);
            });
        }
        catch (FileOptionException e)
        {
            // As every other output: a write that fails once the input was good (a full disk) is a failed run.
            return ErrorLine.Fail(error, e.Message, ExitCodes.Failed);
        }

        return ExitCodes.Success;
    }
}
