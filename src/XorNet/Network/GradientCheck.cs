using XorNet.Data;
using XorNet.NumPy;


namespace XorNet.Network;

/// <summary>
/// Compares the network's backpropagation with central finite differences of the objective it differentiates,
/// parameter by parameter, with PyTorch <c>gradcheck</c>'s criterion:
/// |analytic − numeric| ≤ <see cref="AbsoluteTolerance"/> + <see cref="RelativeTolerance"/> · |numeric|.
/// </summary>
/// <remarks>
/// <para>
/// Neither loss's output delta is divided by the number of elements, as the notebook's is not, so the gradients are
/// those of a sum: half the summed squared error for MSE (the mean times elements / 2), the summed cross-entropy for
/// bce (the mean times elements).
/// </para>
/// <para>
/// ReLU has a kink at 0, where backpropagation takes its derivative as 0 (<c>(a &gt; 0) * 1.0</c>), the slope of one
/// side. Zero biases put every unit whose inputs are zero exactly there (a row of zeros, or a layer below that is all
/// dead), and the central difference then averages the two sides. So for ReLU networks a gradient also passes when it
/// agrees with the forward or the backward difference; their truncation error, about h·|f''|/2, stays below atol.
/// </para>
/// <para>
/// The absolute term lets tiny gradients pass, whose relative error is all rounding (XOR scaled to ±50 has hidden-bias
/// gradients near 1e-5); the relative term lets large ones pass, whose finite difference carries a truncation error
/// in proportion. A wrong backpropagation is off by far more than either.
/// </para>
/// </remarks>
public static class GradientCheck
{
    /// <summary>The absolute part of the tolerance: PyTorch gradcheck's default <c>atol</c>.</summary>
    public const double AbsoluteTolerance = 1e-5;

    /// <summary>The relative part of the tolerance: PyTorch gradcheck's default <c>rtol</c>.</summary>
    public const double RelativeTolerance = 1e-3;

    // PyTorch gradcheck's default eps. The central difference's truncation error is about h²·|f'''|/6 and its
    // rounding error about 1e-16·|f| / h: with |f| at most a few times the number of elements, both stay far below
    // atol for thousands of rows and inputs up to hundreds, where a larger h would start to show curvature.
    private const double Step = 1e-6;

    /// <summary>
    /// For each of W1, b1, …, WL, bL, the largest ratio of |analytic − numeric| to the tolerance allowed for that
    /// gradient element: the check passes when every ratio is at most 1.
    /// </summary>
    /// <remarks>The network's weights are perturbed one at a time and restored exactly.</remarks>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled (checked per weight).</exception>
    /// <exception cref="TrainingDivergedException">
    /// The loss at the given weights is not finite (the inputs overflow the network), so there is no gradient to check:
    /// reported as training would report its epoch 0.
    /// </exception>
    public static GradientErrors Run(INetwork network, Dataset data, CancellationToken cancellationToken = default)
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

    /// <summary>As <see cref="Run(INetwork, Dataset, CancellationToken)"/>, against the given analytic gradients (tests break one).</summary>
    internal static GradientErrors Run(
        INetwork network, Dataset data, IReadOnlyList<(Matrix DW, Matrix DB)> analytic, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(analytic);
        bool kinks = network.Architecture.Activation == Activation.Relu && network.Architecture.LayerCount > 1;
        var weights = new double[network.Weights.Count];
        var biases = new double[network.Biases.Count];
        for (int l = 0; l < weights.Length; l++)
        {
            weights[l] = Largest(network, data, network.Weights[l], analytic[l].DW, kinks, cancellationToken);
            biases[l] = Largest(network, data, network.Biases[l], analytic[l].DB, kinks, cancellationToken);
        }

        return new GradientErrors(weights, biases);
    }

    /// <summary>The tolerance for a gradient element whose finite difference is <paramref name="numeric"/>.</summary>
    public static double Allowed(double numeric) => AbsoluteTolerance + (RelativeTolerance * Math.Abs(numeric));

    private static double Largest(INetwork network, Dataset data, Matrix parameter, Matrix gradient, bool kinks, CancellationToken cancellationToken)
    {
        double at = kinks ? Objective(network, data) : 0;
        Span<double> p = parameter.AsSpan();
        ReadOnlySpan<double> g = gradient.AsSpan();
        double largest = 0;
        for (int i = 0; i < p.Length; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            double saved = p[i];
            p[i] = saved + Step;
            double plus = Objective(network, data);
            p[i] = saved - Step;
            double minus = Objective(network, data);
            p[i] = saved;
            double numeric = (plus - minus) / (2 * Step);
            double ratio = Math.Abs(g[i] - numeric) / Allowed(numeric);
            if (kinks)
            {
                double forward = (plus - at) / Step, backward = (at - minus) / Step;
                ratio = Math.Min(ratio, Math.Min(Math.Abs(g[i] - forward) / Allowed(forward), Math.Abs(g[i] - backward) / Allowed(backward)));
            }

            // NaN (an overflowing network) must count as a failure, which Math.Max alone would not guarantee.
            largest = double.IsNaN(ratio) ? double.PositiveInfinity : Math.Max(largest, ratio);
        }

        return largest;
    }

    // What backpropagation differentiates: the summed loss, halved for the squared error.
    private static double Objective(INetwork network, Dataset data)
    {
        double elements = (double)data.Rows * data.Targets;
        double loss = network.Loss(data.X, data.Y);
        return network.Architecture.Loss == LossFunction.Mse ? loss * elements / 2 : loss * elements;
    }
}

/// <summary>
/// For each parameter, the largest ratio of gradient error to the tolerance allowed
/// (<see cref="GradientCheck.Allowed"/>); a ratio above 1 is a failure.
/// </summary>
/// <param name="Weights">For W1 … WL, in layer order.</param>
/// <param name="Biases">For b1 … bL, in layer order.</param>
public sealed record GradientErrors(IReadOnlyList<double> Weights, IReadOnlyList<double> Biases)
{
    /// <summary>Each parameter's name (<c>W1</c>, <c>b1</c>, …, <c>WL</c>, <c>bL</c>) with its ratio, in that order.</summary>
    public IEnumerable<(string Name, double Ratio)> Named =>
        Weights.SelectMany((w, l) => new[] { ($"W{l + 1}", w), ($"b{l + 1}", Biases[l]) });

    /// <summary>The largest ratio.</summary>
    public double Largest => Weights.Concat(Biases).DefaultIfEmpty(0).Max();

    /// <summary>Whether every gradient element is within its tolerance.</summary>
    public bool Passed => Largest <= 1;

    /// <summary>The ratio of the parameter called <paramref name="name"/> (<c>W1</c>, <c>b2</c>, …).</summary>
    public double Of(string name) => Named.First(p => p.Name == name).Ratio;
}
