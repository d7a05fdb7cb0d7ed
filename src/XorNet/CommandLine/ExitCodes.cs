namespace XorNet.CommandLine;

/// <summary>The process exit codes XorNet documents.</summary>
public static class ExitCodes
{
    /// <summary>The run finished.</summary>
    public const int Success = 0;

    /// <summary>The run failed (training diverged, or the machine ran out of memory).</summary>
    public const int Failed = 1;

    /// <summary>Something the user supplied is wrong: an option, a value or an argument.</summary>
    public const int BadInput = 2;

    /// <summary>Interrupted by Ctrl+C (128 + SIGINT).</summary>
    public const int Interrupted = 130;

    /// <summary>
    /// Standard output was closed before the run had written everything (a pipe into <c>head</c>): 128 + SIGPIPE,
    /// the status a shell shows for a program that SIGPIPE stopped, with no message.
    /// </summary>
    public const int OutputClosed = 141;
}
