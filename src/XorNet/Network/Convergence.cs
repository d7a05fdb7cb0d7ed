namespace XorNet.Network;

/// <summary>When a run has learned its data: the test applied after every epoch to that epoch's forward pass.</summary>
/// <remarks>One sealed class rather than a hierarchy, so that the test costs the training loop no virtual call.</remarks>
public sealed class Convergence
{
    // The loss bound of --target-loss, or NaN for the test on the outputs.
    private readonly double _lossBound;

    private Convergence(double lossBound) => _lossBound = lossBound;

    /// <summary>
    /// Every output on its target's side of 0.5, <c>|ŷ − y| &lt; 0.5</c> for every row and output: the criterion of
    /// Rumelhart, Hinton and Williams (1986).
    /// </summary>
    public static Convergence OutputsOnTargetSide { get; } = new(double.NaN);

    /// <summary>Whether the test reads the epoch's outputs (else only its loss).</summary>
    public bool ReadsOutputs => double.IsNaN(_lossBound);

    /// <summary>The epoch's loss at most <paramref name="loss"/> (<c>--target-loss</c>).</summary>
    public static Convergence LossAtMost(double loss)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(loss);
        return new(loss);
    }

    /// <summary>Whether an epoch with this loss and these outputs (<paramref name="yHat"/>, against <paramref name="y"/>) has converged.</summary>
    public bool IsReached(double loss, ReadOnlySpan<double> yHat, ReadOnlySpan<double> y) =>
        ReadsOutputs ? Accuracy.AllOnTargetSide(yHat, y) : loss <= _lossBound;

    /// <inheritdoc/>
    public override string ToString() => ReadsOutputs ? "every output within 0.5 of its target" : $"loss at most {_lossBound}";
}
