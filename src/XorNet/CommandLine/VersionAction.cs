using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;

namespace XorNet.CommandLine;

/// <summary>What <c>--version</c> does: prints the program's version (with the source revision it was built from).</summary>
internal sealed class VersionAction : SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        string? version = typeof(VersionAction).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        parseResult.InvocationConfiguration.Output.WriteLine(version ?? "unknown");
        return ExitCodes.Success;
    }
}
