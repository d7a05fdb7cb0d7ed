namespace XorNet.Tests;

/// <summary>Runs the command in process and captures what it writes.</summary>
internal static class InProcess
{
    public static (int ExitCode, string Output, string Error) Run(params string[] args) => Run(args, CancellationToken.None);

    public static (int ExitCode, string Output, string Error) Run(string[] args, CancellationToken cancellationToken)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        int exitCode = Program.Run(args, output, error, showProgress: false, cancellationToken);
        return (exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Runs the command with <paramref name="input"/> as its standard input, redirected (not a terminal).</summary>
    public static (int ExitCode, string Output, string Error) RunWithInput(string input, params string[] args)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        using var reader = new StringReader(input);
        int exitCode = Program.Run(args, output, error, showProgress: false, CancellationToken.None, reader, inputIsTerminal: false);
        return (exitCode, output.ToString(), error.ToString());
    }
}
