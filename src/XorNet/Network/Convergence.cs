namespace XorNet.Network;

/// <summary>When a run has learned its data: the test applied after every epoch to that epoch's forward pass.</summary>
public abstract class Convergence
{
    /// <summary>
    /// Every output on its target's side of 0.5, <c>|ŷ − y| &lt; 0.5</c> for every row and output: the criterion of
    /// Rumelhart, Hinton and Williams (1986).
    /// </summary>
    public static Convergence OutputsOnTargetSide { get; } = new TargetSide();

    /// <summary>The epoch's loss at most <paramref name="loss"/> (<c>--target-loss</c>).</summary>
    public static Convergence LossAtMost(double loss) => new LossBound(loss);

    /// <summary>Whether an epoch with this loss and these outputs (<paramref name="yHat"/>, against <paramref name="y"/>) has converged.</summary>
    public abstract bool IsReached(double loss, ReadOnlySpan<double> yHat, ReadOnlySpan<double> y);

    private sealed class TargetSide : Convergence
    {
        public override bool IsReached(double loss, ReadOnlySpan<double> yHat, ReadOnlySpan<double> y) => Accuracy.AllOnTargetSide(yHat, y);

        public override string ToString() => "every output within 0.5 of its target";
    }

    private sealed class LossBound(double bound) : Convergence
    {
        public double Bound { get; } = bound;

        public override bool IsReached(double loss, ReadOnlySpan<double> yHat, ReadOnlySpan<double> y) => loss <= Bound;

        public override string ToString() => $"loss at most {Bound}";
    }
}
