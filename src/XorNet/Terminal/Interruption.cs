using System.Runtime.InteropServices;
using XorNet.CommandLine;
using XorNet.Files;

namespace XorNet.Terminal;

/// <summary>
/// Ctrl+C on the command line: the first asks training (or the gradient check) to stop after its current step and
/// says so at once on standard error; a second ends the process there and then, with exit code 130. SIGTERM ends
/// it at once with exit code 143. Either way, a temporary output file being written is removed first.
/// </summary>
internal static class Interruption
{
    /// <summary>What the first Ctrl+C prints.</summary>
    public const string Message = "XorNet: stopping after this epoch or check (press Ctrl+C again to quit now)";

    /// <summary>What the first Ctrl+C prints now: <see cref="Message"/>, unless the command has its own (a sweep's).</summary>
    public static string Notice { get; set; } = Message;

    /// <summary>Handles SIGINT and SIGTERM until the returned registrations are disposed.</summary>
    /// <param name="interrupt">Cancelled by the first Ctrl+C.</param>
    /// <param name="streams">Where the message goes.</param>
    public static IDisposable Register(CancellationTokenSource interrupt, ProcessStreams streams)
    {
        ArgumentNullException.ThrowIfNull(interrupt);
        ArgumentNullException.ThrowIfNull(streams);
        return new Registrations(SigInt(interrupt, streams), PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => Quit(streams, 143)));
    }

    private static PosixSignalRegistration SigInt(CancellationTokenSource interrupt, ProcessStreams streams)
    {
        int received = 0;
        return PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
        {
            if (Interlocked.Increment(ref received) == 1)
            {
                // The message is written here, on the signal's thread, because an epoch can take minutes; the
                // writers' lock keeps it from tearing a line the training thread is writing.
                // Said before training is told to stop, so that the notice comes before what the stopped run prints.
                context.Cancel = true;
                streams.Announce(Notice);
                interrupt.Cancel();
            }
            else
            {
                Quit(streams, ExitCodes.Interrupted);
            }
        });
    }

    // Ends the process now: no half-written output file left behind, no progress line left on the terminal.
    private static void Quit(ProcessStreams streams, int exitCode)
    {
        OutputFile.DiscardPending();
        streams.TryClearStatus(TimeSpan.FromMilliseconds(100));
        Environment.Exit(exitCode);
    }

    private sealed class Registrations(params IDisposable[] registrations) : IDisposable
    {
        public void Dispose()
        {
            foreach (IDisposable registration in registrations)
            {
                registration.Dispose();
            }
        }
    }
}
