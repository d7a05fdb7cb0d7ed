using FluentAssertions;

namespace XorNet.Tests;

/// <summary>The hand-written backpropagation against central finite differences of the loss it differentiates.</summary>
public sealed class BackpropTests
{
    public static TheoryData<uint, int> Networks => new()
    {
        { 0u, 1 }, { 1u, 2 }, { 42u, 4 }, { 7u, 5 }, { 123u, 16 },
    };

    [Theory]
    [MemberData(nameof(Networks))]
    public void Analytic_gradients_match_central_differences(uint seed, int hidden)
    {
        // Random weights and biases, and random data, so no gradient is trivially zero.
        var random = new NumPyRandom(seed);
        var network = new TwoLayerNetwork(
            Matrix.RandomNormal(3, hidden, random), Matrix.RandomNormal(1, hidden, random),
            Matrix.RandomNormal(hidden, 1, random), Matrix.RandomNormal(1, 1, random));
        Matrix x = Matrix.RandomNormal(6, 3, random);
        Matrix y = new Matrix(6, 1).Map(_ => random.NextDouble());

        IReadOnlyList<(Matrix DW, Matrix DB)> analytic = network.ComputeGradients(x, y);

        // The notebook's gradients are those of half the summed squared error: rows / 2 × the mean it logs.
        double Objective() => network.Loss(x, y) * x.Rows / 2;
        foreach ((Matrix parameter, Matrix gradient) in new[]
        {
            (network.W1, analytic[0].DW), (network.B1, analytic[0].DB), (network.W2, analytic[1].DW), (network.B2, analytic[1].DB),
        })
        {
            Span<double> p = parameter.AsSpan();
            Span<double> g = gradient.AsSpan();
            for (int i = 0; i < p.Length; i++)
            {
                // h = 1e-5 balances truncation error (~h²) against rounding error (~1e-16 / h) near 1e-10,
                // far inside the 1e-6 relative tolerance.
                const double h = 1e-5;
                double saved = p[i];
                p[i] = saved + h;
                double plus = Objective();
                p[i] = saved - h;
                double minus = Objective();
                p[i] = saved;
                double numeric = (plus - minus) / (2 * h);

                double relative = Math.Abs(numeric - g[i]) / Math.Max(1e-8, Math.Abs(numeric) + Math.Abs(g[i]));
                relative.Should().BeLessThanOrEqualTo(1e-6, "parameter element {0} (analytic {1}, numeric {2})", i, g[i], numeric);
            }
        }
    }

    [Fact]
    public void A_training_epoch_moves_each_parameter_against_its_gradient()
    {
        var network = TwoLayerNetwork.Initialize(2, 4, new NumPyRandom(42));
        Dataset xor = Dataset.Xor;
        Matrix dW2 = network.ComputeGradients(xor.X, xor.Y)[1].DW;
        double before = network.W2[0, 0];

        network.TrainEpoch(xor.X, xor.Y, 0.1);

        network.W2[0, 0].Should().Be(before - (0.1 * dW2[0, 0]));
    }
}
