using System.CommandLine;
using System.CommandLine.Invocation;

namespace XorNet.CommandLine;

/// <summary>What <c>--version</c> does: prints the program's version (with the source revision it was built from).</summary>
internal sealed class VersionAction : SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        parseResult.InvocationConfiguration.Output.WriteLine(ProgramVersion.Text);
        return ExitCodes.Success;
    }
}
