using XorNet.NumPy;


namespace XorNet.Network;

/// <summary>What a training run produced.</summary>
/// <param name="Network">The network after its last update.</param>
/// <param name="Log">The logged epochs, in order.</param>
/// <param name="FinalLoss">The last epoch's loss, or null when no epoch ran.</param>
/// <param name="Predictions">The last forward pass's outputs (the notebook's <c>y_hat</c>), unrounded.</param>
/// <param name="EpochsRun">How many epochs completed.</param>
/// <param name="Interrupted">Whether training stopped early on request.</param>
/// <param name="TrainingTime">Wall time of the epoch loop alone.</param>
/// <param name="StoppedAtEpoch">The epoch at which training stopped because it converged (reached the target loss), or null.</param>
/// <param name="ConvergedAtEpoch">The first epoch that met the convergence test, or null (also when there was none).</param>
public sealed record TrainingResult(
    INetwork Network,
    IReadOnlyList<LogEntry> Log,
    double? FinalLoss,
    Matrix Predictions,
    int EpochsRun,
    bool Interrupted,
    TimeSpan TrainingTime,
    int? StoppedAtEpoch = null,
    int? ConvergedAtEpoch = null)
{
    /// <summary>The update rule and its state after the last epoch, to save with the model.</summary>
    public Optimizers.Optimizer? Optimizer { get; init; }

    /// <summary>The mini-batches' random stream after the last epoch, or null without <c>--batch-size</c>.</summary>
    public NumPy.NumPyRandom? Random { get; init; }

    /// <summary>What a model file keeps to resume this run exactly, or null when there is nothing beyond the weights.</summary>
    public XorNet.Network.Optimizers.TrainingState? State => Optimizer is { } optimizer
        && (!optimizer.Settings.IsNotebook || Random is not null)
        ? XorNet.Network.Optimizers.TrainingState.Of(optimizer, Random)
        : null;
}
