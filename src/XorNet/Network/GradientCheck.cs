using XorNet.Data;

namespace XorNet.Network;

/// <summary>
/// Compares the network's backpropagation with central finite differences of the loss it differentiates
/// (half the summed squared error), parameter by parameter.
/// </summary>
public static class GradientCheck
{
    /// <summary>The largest relative error <see cref="Run"/> accepts.</summary>
    public const double Tolerance = 1e-5;

    // Step 1e-5: truncation error (~h²) and rounding error (~1e-16 / h) both stay near 1e-10.
    private const double Step = 1e-5;

    /// <summary>The largest relative error between analytic and numeric gradient for each of W1, b1, W2 and b2.</summary>
    /// <remarks>The network's weights are perturbed one at a time and restored exactly.</remarks>
    public static GradientErrors Run(TwoLayerNetwork network, Dataset data)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(data);
        Gradients analytic = network.ComputeGradients(data.X, data.Y);
        return new GradientErrors(
            Largest(network, data, network.W1, analytic.W1),
            Largest(network, data, network.B1, analytic.B1),
            Largest(network, data, network.W2, analytic.W2),
            Largest(network, data, network.B2, analytic.B2));
    }

    private static double Largest(TwoLayerNetwork network, Dataset data, Matrix parameter, Matrix gradient)
    {
        Span<double> p = parameter.AsSpan();
        ReadOnlySpan<double> g = gradient.AsSpan();
        double largest = 0;
        for (int i = 0; i < p.Length; i++)
        {
            double saved = p[i];
            p[i] = saved + Step;
            double plus = HalfSquaredError(network, data);
            p[i] = saved - Step;
            double minus = HalfSquaredError(network, data);
            p[i] = saved;
            double numeric = (plus - minus) / (2 * Step);
            largest = Math.Max(largest, Math.Abs(numeric - g[i]) / Math.Max(1e-8, Math.Abs(numeric) + Math.Abs(g[i])));
        }

        return largest;
    }

    private static double HalfSquaredError(TwoLayerNetwork network, Dataset data) => network.Loss(data.X, data.Y) * data.Rows / 2;
}

/// <summary>The largest relative gradient error found for each parameter.</summary>
/// <param name="W1">For W1.</param>
/// <param name="B1">For b1.</param>
/// <param name="W2">For W2.</param>
/// <param name="B2">For b2.</param>
public sealed record GradientErrors(double W1, double B1, double W2, double B2)
{
    /// <summary>The largest of the four.</summary>
    public double Largest => Math.Max(Math.Max(W1, B1), Math.Max(W2, B2));
}
