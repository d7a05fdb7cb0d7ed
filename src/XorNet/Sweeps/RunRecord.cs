namespace XorNet.Sweeps;

/// <summary>What one run of a sweep produced: a line of the <c>--out</c> file.</summary>
/// <param name="Seed">The run's seed.</param>
/// <param name="Setting">Every other value of the run.</param>
/// <param name="Outcome">What training produced.</param>
/// <param name="Seconds">Wall time of the run (drawing the weights and training).</param>
public sealed record RunRecord(uint Seed, SweepSetting Setting, RunOutcome Outcome, double Seconds)
{
    /// <summary>The run's identity: its seed and setting.</summary>
    public (uint Seed, SweepSetting Setting) Key => (Seed, Setting);
}

/// <summary>What a run produced, independent of the machine (so equal for every <c>--jobs</c> and shard).</summary>
/// <param name="ConvergedAtEpoch">The first epoch that met the convergence test, or null.</param>
/// <param name="EpochsRun">How many epochs ran: the convergence epoch + 1 unless <c>--full</c>, else all.</param>
/// <param name="FinalLoss">The last epoch's loss (NaN or infinite when training diverged).</param>
/// <param name="Accuracy">The share of rows whose outputs are all within 0.5 of their targets, on the last forward pass.</param>
public readonly record struct RunOutcome(int? ConvergedAtEpoch, int EpochsRun, double FinalLoss, double Accuracy)
{
    /// <summary>Whether the run converged.</summary>
    public bool Converged => ConvergedAtEpoch is not null;

    /// <summary>Equal outcomes, comparing losses by their bits so that NaN equals NaN.</summary>
    public bool SameAs(RunOutcome other) =>
        ConvergedAtEpoch == other.ConvergedAtEpoch && EpochsRun == other.EpochsRun
        && BitConverter.DoubleToInt64Bits(FinalLoss) == BitConverter.DoubleToInt64Bits(other.FinalLoss)
        && BitConverter.DoubleToInt64Bits(Accuracy) == BitConverter.DoubleToInt64Bits(other.Accuracy);
}
