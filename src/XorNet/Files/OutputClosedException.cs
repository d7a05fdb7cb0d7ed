namespace XorNet.Files;

/// <summary>
/// Standard output (or a pipe an output option writes) was closed by its reader, as when the output goes into
/// <c>head</c>: nothing more the run prints can arrive, so the run stops and exits with
/// status 141 (128 + SIGPIPE), without a message, as a program stopped by SIGPIPE does.
/// </summary>
public sealed class OutputClosedException : IOException
{
    private const int BrokenPipe = 32; // EPIPE, the same on Linux and macOS

    /// <summary>Reports that the reader of the output has gone.</summary>
    public OutputClosedException()
        : base("the reading end of the pipe was closed", BrokenPipe)
    {
    }

    /// <summary>Reports that the reader of the output has gone, keeping the error that said so.</summary>
    public OutputClosedException(Exception innerException)
        : base("the reading end of the pipe was closed", innerException)
    {
        HResult = BrokenPipe;
    }

    /// <summary>Whether <paramref name="exception"/> is a write into a pipe whose reader has gone (EPIPE).</summary>
    public static bool IsBrokenPipe(Exception exception) =>
        exception is OutputClosedException || (exception is IOException { HResult: BrokenPipe } && !OperatingSystem.IsWindows());
}
