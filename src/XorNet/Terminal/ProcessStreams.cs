using XorNet.Files;

namespace XorNet.Terminal;

/// <summary>
/// The process's standard output and error as the command line writes them: when standard error is a terminal,
/// its bottom line is lent to the progress display, and every other write to that terminal erases the display first.
/// </summary>
internal sealed class ProcessStreams : IDisposable
{
    private readonly StatusLine? _status;

    private ProcessStreams(TextWriter output, TextWriter error, StatusLine? status)
    {
        Output = output;
        Error = error;
        _status = status;
    }

    /// <summary>Standard output: results.</summary>
    public TextWriter Output { get; }

    /// <summary>Standard error: messages. Safe to write from any thread, as Ctrl+C does.</summary>
    public TextWriter Error { get; }

    /// <summary>Whether standard error is a terminal, where a progress line belongs.</summary>
    public bool ErrorIsTerminal => _status is not null;

    /// <summary>Opens standard output and error.</summary>
    public static ProcessStreams Open()
    {
        TextWriter output = StandardStreams.Output();
        TextWriter error = StandardStreams.Error();
        if (Console.IsErrorRedirected)
        {
            // No progress line, so nothing to step around; the lock is for Ctrl+C's message, written from its own thread.
            return new ProcessStreams(output, TextWriter.Synchronized(error), null);
        }

        // Standard output is only shared when it is a terminal too (taken to be the same one): into a file or a pipe,
        // its lines cannot land on the progress line, and pay nothing for it.
        var status = new StatusLine(error);
        return new ProcessStreams(Console.IsOutputRedirected ? output : status.Share(output), status.Share(error), status);
    }

    /// <summary>Writes <paramref name="message"/> on a line of its own on standard error, from any thread.</summary>
    public void Announce(string message)
    {
        if (_status is null)
        {
            Error.WriteLine(message);
        }
        else
        {
            _status.Announce(message);
        }
    }

    /// <summary>Erases the progress line, if the terminal is free within <paramref name="timeout"/>; for a process about to end.</summary>
    public void TryClearStatus(TimeSpan timeout) => _status?.TryClear(timeout);

    /// <summary>Flushes and closes both writers.</summary>
    public void Dispose()
    {
        try
        {
            Output.Dispose();
        }
        catch (OutputClosedException)
        {
            // Already reported by the exit code of the write that found the pipe closed.
        }

        Error.Dispose();
    }
}
