using System.Runtime.InteropServices;

namespace XorNet.Cli;

/// <summary>
/// Ctrl+C on the command line: the first asks training to stop after its current epoch and says so at once on
/// standard error; a second ends the process there and then, with the signal's exit code 130.
/// </summary>
internal static class Interruption
{
    /// <summary>What the first Ctrl+C prints.</summary>
    public const string Message = "XorNet: stopping after the current epoch (press Ctrl+C again to quit now)";

    /// <summary>Handles SIGINT until the returned registration is disposed.</summary>
    /// <param name="interrupt">Cancelled by the first Ctrl+C.</param>
    /// <param name="streams">Where the message goes.</param>
    public static PosixSignalRegistration Register(CancellationTokenSource interrupt, ProcessStreams streams)
    {
        ArgumentNullException.ThrowIfNull(interrupt);
        ArgumentNullException.ThrowIfNull(streams);
        int received = 0;
        return PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
        {
            if (Interlocked.Increment(ref received) == 1)
            {
                // The message is written here, on the signal's thread, because an epoch can take minutes; the
                // writers' lock keeps it from tearing a line the training thread is writing.
                context.Cancel = true;
                interrupt.Cancel();
                streams.Announce(Message);
            }
            else
            {
                // Not cancelled: the runtime ends the process as SIGINT does (exit code 130), leaving no progress line.
                streams.TryClearStatus(TimeSpan.FromMilliseconds(100));
            }
        });
    }
}
