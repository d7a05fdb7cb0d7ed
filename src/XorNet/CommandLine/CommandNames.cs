using System.CommandLine.Parsing;

namespace XorNet.CommandLine;

/// <summary>The program's name, which starts every message, and the names of its commands as typed.</summary>
internal static class CommandNames
{
    /// <summary>The program's name, which starts every message.</summary>
    public const string Program = "XorNet";

    /// <summary>The words that name a command as typed: <c>XorNet</c>, <c>XorNet predict</c>, <c>XorNet sweep summarize</c>.</summary>
    public static string Path(CommandResult command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var names = new List<string>();
        for (SymbolResult? result = command; result is CommandResult { Command: var c }; result = result.Parent)
        {
            names.Insert(0, c.Name);
        }

        return string.Join(' ', names);
    }
}
