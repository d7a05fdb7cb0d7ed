using System.Runtime.InteropServices;
using XorNet.CommandLine;
using XorNet.Files;

namespace XorNet.Terminal;

/// <summary>
/// Ctrl+C on the command line: while training (or its gradient check) or a sweep runs, the first asks it to stop
/// after its current step and says so at once on standard error, and a second ends the process there and then, with
/// exit code 130; for every other command (reading and writing files: predict, data, export, …) the first already
/// does. SIGTERM ends it at once with exit code 143. Either way, a temporary output file being written is removed first.
/// </summary>
internal static class Interruption
{
    /// <summary>What the first Ctrl+C prints.</summary>
    public const string Message = "XorNet: stopping after this epoch or check (press Ctrl+C again to quit now)";

    /// <summary>
    /// What the first Ctrl+C prints while a command that can stop after a step runs (<see cref="Message"/> for
    /// training, a sweep's own); null, until such a command sets it, for the first Ctrl+C to end the process at once.
    /// </summary>
    public static string? Notice { get; set; }

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
            if (Interlocked.Increment(ref received) == 1 && Notice is { } notice)
            {
                // The message is written here, on the signal's thread, because an epoch can take minutes; the
                // writers' lock keeps it from tearing a line the training thread is writing.
                // Said before training is told to stop, so that the notice comes before what the stopped run prints.
                context.Cancel = true;
                streams.Announce(notice);
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
