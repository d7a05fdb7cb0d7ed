using XorNet.CommandLine;
using XorNet.Data;
using XorNet.Network;


namespace XorNet.Commands.Train;

/// <summary><c>--check-gradients</c>: the check at the initial weights, its line on stderr, and what ends the run.</summary>
internal static class GradientCheckStep
{
    /// <summary>
    /// Checks the gradients of the network training would start from and reports them on <paramref name="error"/>;
    /// returns the exit code when the run must stop here (a failed check 1, inputs that overflow the network 1,
    /// Ctrl+C 130), or null to go on training.
    /// </summary>
    public static int? Run(Dataset data, TrainingSettings settings, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            INetwork initial = settings.InitialNetworkFor(data);
            GradientErrors errors = GradientCheck.Run(initial, data, cancellationToken);
            error.WriteLine(TrainingMessages.GradientCheckLine(errors));
            if (!errors.Passed)
            {
                error.WriteLine($"XorNet: {TrainingMessages.GradientCheckFailed()}");
                return ExitCodes.Failed;
            }

            return null;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            error.WriteLine("XorNet: interrupted during the gradient check, before training.");
            return ExitCodes.Interrupted;
        }
        catch (TrainingDivergedException diverged)
        {
            error.WriteLine($"XorNet: {TrainingMessages.Diverged(diverged, data, settings)}");
            return ExitCodes.Failed;
        }
    }
}
