namespace XorNet.Sweeps;

/// <summary>How the runs of one setting went.</summary>
/// <param name="Setting">The setting (every value but the seed).</param>
/// <param name="Runs">How many runs it had.</param>
/// <param name="Converged">How many of them converged.</param>
/// <param name="Epochs">Epochs to converge over the converged runs (the convergence epochs: the updates made before the forward pass that converged), or null when none converged.</param>
/// <param name="MedianFinalLossNotConverged">The median final loss of the runs that did not converge, or null when all did (or none ran an epoch).</param>
/// <param name="ConvergenceEpochs">The convergence epoch of every converged run, ascending (what a plot shows the distribution of).</param>
public sealed record SettingSummary(
    SweepSetting Setting, int Runs, int Converged, EpochStatistics? Epochs, double? MedianFinalLossNotConverged, IReadOnlyList<double> ConvergenceEpochs)
{
    /// <summary>The share of runs that converged.</summary>
    public double ConvergedRate => (double)Converged / Runs;
}

/// <summary>The median and 10th and 90th percentiles of epochs to converge, interpolated as <c>np.percentile</c>.</summary>
/// <param name="Median">The median.</param>
/// <param name="P10">The 10th percentile.</param>
/// <param name="P90">The 90th percentile.</param>
public readonly record struct EpochStatistics(double Median, double P10, double P90);
