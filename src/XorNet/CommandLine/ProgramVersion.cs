using System.Reflection;

namespace XorNet.CommandLine;

/// <summary>The program's version as <c>--version</c> prints it (with the source revision it was built from).</summary>
internal static class ProgramVersion
{
    /// <summary>The informational version, such as <c>1.0.0+0123abc</c>, or <c>unknown</c>.</summary>
    public static string Text { get; } =
        typeof(ProgramVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
}
