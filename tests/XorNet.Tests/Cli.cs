namespace XorNet.Tests;

/// <summary>Runs the command in process and captures what it writes.</summary>
internal static class Cli
{
    public static (int ExitCode, string Output, string Error) Run(params string[] args) => Run(args, CancellationToken.None);

    public static (int ExitCode, string Output, string Error) Run(string[] args, CancellationToken cancellationToken)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        int exitCode = Program.Run(args, output, error, showProgress: false, cancellationToken);
        return (exitCode, output.ToString(), error.ToString());
    }
}
