using FluentAssertions;
using XorNet.Network.Optimizers;

namespace XorNet.Tests;

/// <summary>
/// Adam past the step after which the optimiser no longer calls pow (t = 395 for 0.9, 41,569 for 0.999), which the
/// NumPy fixtures' runs do not reach for 0.999: the optimiser against the rule's text with pow at every step.
/// </summary>
public sealed class AdamCorrectionTests
{
    [Theory]
    [InlineData(0.9, 0.999, 45_000)]
    [InlineData(0.5, 0.9, 2_000)]
    [InlineData(0.0, 0.3, 200)]
    public void Every_step_is_the_text_with_pow_at_every_step(double beta1, double beta2, int steps)
    {
        const double Rate = 0.01;
        var optimizer = new Optimizer(new OptimizerSettings(OptimizerKind.Adam, Beta1: beta1, Beta2: beta2), [3], Rate);
        double[] parameters = [0.5, -1.25, 2.0], expected = [.. parameters], m = new double[3], v = new double[3], gradient = new double[3];
        for (int t = 1; t <= steps; t++)
        {
            gradient[0] = Math.Sin(t);
            gradient[1] = 1e-3 * Math.Cos(0.7 * t);
            gradient[2] = -0.25 / t;
            optimizer.BeginStep();
            optimizer.Apply(0, 0, parameters, gradient, Rate);
            for (int i = 0; i < 3; i++)
            {
                double g = gradient[i];
                m[i] = (beta1 * m[i]) + ((1 - beta1) * g);
                v[i] = (beta2 * v[i]) + ((1 - beta2) * (g * g));
                double mHat = m[i] / (1 - Math.Pow(beta1, t)), vHat = v[i] / (1 - Math.Pow(beta2, t));
                expected[i] -= Rate * mHat / (Math.Sqrt(vHat) + 1e-8);
            }
        }

        // Tolerance 0: the rule is the text operation for operation, so any correction that differs shows in the bits.
        parameters.Should().Equal(expected);
    }
}
