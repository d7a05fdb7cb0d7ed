using XorNet.Data;

namespace XorNet.Network;

/// <summary>
/// Compares the network's backpropagation with central finite differences of the loss it differentiates
/// (half the summed squared error), parameter by parameter, with PyTorch <c>gradcheck</c>'s criterion:
/// |analytic − numeric| ≤ <see cref="AbsoluteTolerance"/> + <see cref="RelativeTolerance"/> · |numeric|.
/// </summary>
/// <remarks>
/// The absolute term lets tiny gradients pass, whose relative error is all rounding (XOR scaled to ±50 has hidden-bias
/// gradients near 1e-5); the relative term lets large ones pass, whose finite difference carries a truncation error
/// in proportion. A wrong backpropagation is off by far more than either.
/// </remarks>
public static class GradientCheck
{
    /// <summary>The absolute part of the tolerance: PyTorch gradcheck's default <c>atol</c>.</summary>
    public const double AbsoluteTolerance = 1e-5;

    /// <summary>The relative part of the tolerance: PyTorch gradcheck's default <c>rtol</c>.</summary>
    public const double RelativeTolerance = 1e-3;

    // PyTorch gradcheck's default eps. The central difference's truncation error is about h²·|f'''|/6 and its
    // rounding error about 1e-16·|f| / h: with |f| (half the summed squared error) at most rows / 2, both stay far
    // below atol for thousands of rows and inputs up to hundreds, where a larger h would start to show curvature.
    private const double Step = 1e-6;

    /// <summary>
    /// For each of W1, b1, W2 and b2, the largest ratio of |analytic − numeric| to the tolerance allowed for that
    /// gradient element: the check passes when every ratio is at most 1.
    /// </summary>
    /// <remarks>The network's weights are perturbed one at a time and restored exactly.</remarks>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled (checked per weight).</exception>
    /// <exception cref="TrainingDivergedException">
    /// The loss at the given weights is not finite (the inputs overflow the network), so there is no gradient to check:
    /// reported as training would report its epoch 0.
    /// </exception>
    public static GradientErrors Run(TwoLayerNetwork network, Dataset data, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(data);
        double loss = network.Loss(data.X, data.Y);
        if (!double.IsFinite(loss))
        {
            throw new TrainingDivergedException(0, loss);
        }

        return Run(network, data, network.ComputeGradients(data.X, data.Y), cancellationToken);
    }

    /// <summary>As <see cref="Run(TwoLayerNetwork, Dataset, CancellationToken)"/>, against the given analytic gradients (tests break one).</summary>
    internal static GradientErrors Run(TwoLayerNetwork network, Dataset data, Gradients analytic, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(analytic);
        return new GradientErrors(
            Largest(network, data, network.W1, analytic.W1, cancellationToken),
            Largest(network, data, network.B1, analytic.B1, cancellationToken),
            Largest(network, data, network.W2, analytic.W2, cancellationToken),
            Largest(network, data, network.B2, analytic.B2, cancellationToken));
    }

    /// <summary>The tolerance for a gradient element whose finite difference is <paramref name="numeric"/>.</summary>
    public static double Allowed(double numeric) => AbsoluteTolerance + (RelativeTolerance * Math.Abs(numeric));

    private static double Largest(TwoLayerNetwork network, Dataset data, Matrix parameter, Matrix gradient, CancellationToken cancellationToken)
    {
        Span<double> p = parameter.AsSpan();
        ReadOnlySpan<double> g = gradient.AsSpan();
        double largest = 0;
        for (int i = 0; i < p.Length; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            double saved = p[i];
            p[i] = saved + Step;
            double plus = HalfSquaredError(network, data);
            p[i] = saved - Step;
            double minus = HalfSquaredError(network, data);
            p[i] = saved;
            double numeric = (plus - minus) / (2 * Step);
            double ratio = Math.Abs(g[i] - numeric) / Allowed(numeric);

            // NaN (an overflowing network) must count as a failure, which Math.Max alone would not guarantee.
            largest = double.IsNaN(ratio) ? double.PositiveInfinity : Math.Max(largest, ratio);
        }

        return largest;
    }

    private static double HalfSquaredError(TwoLayerNetwork network, Dataset data) => network.Loss(data.X, data.Y) * data.Rows / 2;
}

/// <summary>
/// For each parameter, the largest ratio of gradient error to the tolerance allowed
/// (<see cref="GradientCheck.Allowed"/>); a ratio above 1 is a failure.
/// </summary>
/// <param name="W1">For W1.</param>
/// <param name="B1">For b1.</param>
/// <param name="W2">For W2.</param>
/// <param name="B2">For b2.</param>
public sealed record GradientErrors(double W1, double B1, double W2, double B2)
{
    /// <summary>The largest of the four.</summary>
    public double Largest => Math.Max(Math.Max(W1, B1), Math.Max(W2, B2));

    /// <summary>Whether every gradient element is within its tolerance.</summary>
    public bool Passed => Largest <= 1;
}
