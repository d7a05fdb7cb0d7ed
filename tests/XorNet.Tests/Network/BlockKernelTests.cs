using FluentAssertions;

namespace XorNet.Tests;

/// <summary>
/// The fused block kernels against the notebook's algebra written with <see cref="Matrix"/>'s readable operators,
/// an independent implementation of the same cells. They must agree to the bit (tolerance 0): both do NumPy's
/// operations in NumPy's order, so any difference is a bug, not rounding.
/// </summary>
public sealed class BlockKernelTests
{
    public static TheoryData<int, int, int> Shapes => new()
    {
        // inputs, hidden, rows: the notebook's shape; hidden sizes that pad the workspace rows (multiples of 64)
        // and ones that do not; one to four inputs (two kernel paths); blocks of eight rows with and without a tail;
        // one hidden unit (summed pairwise).
        { 2, 4, 4 }, { 2, 64, 4 }, { 2, 128, 13 }, { 1, 65, 9 }, { 3, 130, 17 }, { 4, 64, 8 }, { 2, 1, 5 }, { 2, 1024, 4 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Three_epochs_give_the_bits_of_the_readable_algebra(int inputs, int hidden, int rows)
    {
        var random = new NumPyRandom((uint)((inputs * 1000) + hidden + rows));
        Matrix x = Matrix.RandomNormal(rows, inputs, random);
        Matrix y = new Matrix(rows, 1).Map(_ => random.NextDouble());
        var network = TwoLayerNetwork.Initialize(inputs, hidden, random);
        (Matrix w1, Matrix b1, Matrix w2, Matrix b2) = (network.W1.Clone(), network.B1.Clone(), network.W2.Clone(), network.B2.Clone());
        const double lr = 0.7;

        for (int epoch = 0; epoch < 3; epoch++)
        {
            // The notebook's cells, one operator at a time.
            Matrix a1 = (x * w1 + b1).Map(TwoLayerNetwork.Sigmoid);
            Matrix yHat = (a1 * w2 + b2).Map(TwoLayerNetwork.Sigmoid);
            double loss = (y - yHat).Map(r => r * r).Mean();
            Matrix d2 = (y - yHat).Map(r => -r).Hadamard(yHat.Map(v => v * (1 - v)));
            Matrix dW2 = a1.Transpose() * d2, db2 = d2.ColumnSums();
            Matrix d1 = (d2 * w2.Transpose()).Hadamard(a1.Map(v => v * (1 - v)));
            Matrix dW1 = x.Transpose() * d1, db1 = d1.ColumnSums();
            (w1, b1, w2, b2) = (w1 - lr * dW1, b1 - lr * db1, w2 - lr * dW2, b2 - lr * db2);

            network.TrainEpoch(x, y, lr).Should().Be(loss, "the loss of epoch {0}", epoch);
        }

        network.W1.AsSpan().ToArray().Should().Equal(w1.AsSpan().ToArray());
        network.B1.AsSpan().ToArray().Should().Equal(b1.AsSpan().ToArray());
        network.W2.AsSpan().ToArray().Should().Equal(w2.AsSpan().ToArray());
        network.B2.AsSpan().ToArray().Should().Equal(b2.AsSpan().ToArray());
    }
}
