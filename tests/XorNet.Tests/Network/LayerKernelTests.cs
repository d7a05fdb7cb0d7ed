using FluentAssertions;

namespace XorNet.Tests;

/// <summary>
/// The shared layer kernels against the plain loops they stand for, to the bit: each sum from 0 in ascending order,
/// one multiply and one add a term. The shapes reach every path: 4 × 8 register blocks, leftover rows, four-wide and
/// one-wide columns, sixteen-input runs, padded strides. And every architecture's epoch allocates nothing.
/// </summary>
public sealed class LayerKernelTests
{
    public static TheoryData<int, int, int> Shapes() => new()
    {
        { 1, 1, 1 }, { 4, 2, 4 }, { 32, 64, 64 }, { 7, 13, 21 }, { 5, 64, 1 }, { 9, 17, 2 }, { 33, 3, 12 }, { 6, 40, 9 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Affine_gives_the_bits_of_the_plain_loop(int rows, int inputs, int width)
    {
        var random = new Random((rows * 1000) + (inputs * 10) + width);
        double[] x = Random(random, rows * inputs), w = Random(random, inputs * width), bias = Random(random, width);
        foreach (int stride in new[] { width, width + 3 })
        {
            var z = new double[rows * stride];
            LayerKernels.Affine(x, rows, inputs, width, w, bias, z, stride);
            var product = new double[rows * stride];
            LayerKernels.Affine(x, rows, inputs, width, w, default, product, stride);
            for (int r = 0; r < rows; r++)
            {
                for (int h = 0; h < width; h++)
                {
                    double sum = 0;
                    for (int k = 0; k < inputs; k++)
                    {
                        sum += x[(r * inputs) + k] * w[(k * width) + h];
                    }

                    Bits(z[(r * stride) + h]).Should().Be(Bits(sum + bias[h]), $"z[{r}, {h}] with stride {stride}");
                    Bits(product[(r * stride) + h]).Should().Be(Bits(sum), $"the product without bias at [{r}, {h}]");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void AccumulateOuter_and_AddRows_give_the_bits_of_the_plain_loops(int rows, int inputs, int width)
    {
        var random = new Random((rows * 7) + (inputs * 31) + width);
        double[] a = Random(random, rows * inputs), d = Random(random, rows * width);
        double[] dW = Random(random, inputs * width), sums = Random(random, width);
        double[] expectedW = (double[])dW.Clone(), expectedSums = (double[])sums.Clone();
        for (int r = 0; r < rows; r++)
        {
            for (int k = 0; k < inputs; k++)
            {
                for (int h = 0; h < width; h++)
                {
                    expectedW[(k * width) + h] += a[(r * inputs) + k] * d[(r * width) + h];
                }
            }

            for (int h = 0; h < width; h++)
            {
                expectedSums[h] += d[(r * width) + h];
            }
        }

        LayerKernels.AccumulateOuter(a, rows, d, dW);
        LayerKernels.AddRows(d, rows, sums);

        dW.Select(Bits).Should().Equal(expectedW.Select(Bits));
        sums.Select(Bits).Should().Equal(expectedSums.Select(Bits));
    }

    [Fact]
    public void Affine_refuses_a_stride_narrower_than_the_layer() =>
        FluentActions.Invoking(() => LayerKernels.Affine(new double[8], 4, 2, 4, new double[8], default, new double[12], 3))
            .Should().Throw<ArgumentException>();

    [Fact]
    public void AddRows_refuses_rows_that_do_not_fit() =>
        FluentActions.Invoking(() => LayerKernels.AddRows(new double[10], 3, new double[4])).Should().Throw<ArgumentException>();

    public static TheoryData<string, string, string> Architectures() => new()
    {
        { "2,4,1", "sigmoid", "mse" },
        { "2,64,64,1", "sigmoid", "mse" },
        { "3,16,9,2", "tanh", "bce" },
        { "5,8,3,7,1", "relu", "mse" },
        { "2,1,2", "relu", "bce" },
        { "4,33,17,3", "tanh", "mse" },
    };

    // A few epochs first, so that the workspace exists and every method has reached its final code: what is measured
    // is the steady state a long run spends its time in. The rows are not a multiple of a block.
    [Theory]
    [MemberData(nameof(Architectures))]
    public void Every_architecture_trains_without_allocating(string sizes, string activation, string loss)
    {
        int[] n = [.. sizes.Split(',').Select(int.Parse)];
        var architecture = new Architecture(
            n, Enum.Parse<Activation>(activation, ignoreCase: true), Loss: Enum.Parse<LossFunction>(loss, ignoreCase: true));
        var random = new Random(n.Sum());
        var x = new Matrix(75, n[0]);
        var y = new Matrix(75, n[^1]);
        Random(random, x.AsSpan().Length).CopyTo(x.AsSpan());
        for (int i = 0; i < y.AsSpan().Length; i++)
        {
            y.AsSpan()[i] = random.Next(2);
        }

        var network = DeepNetwork.Initialize(architecture, new NumPyRandom(3));

        Allocations.PerWindow(() =>
        {
            for (int epoch = 0; epoch < 100; epoch++)
            {
                network.TrainEpoch(x, y, 0.1);
            }
        }).Should().Be(0);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(64)]
    public void The_notebooks_network_trains_without_allocating(int hidden)
    {
        var network = TwoLayerNetwork.Initialize(2, hidden, new NumPyRandom(42));
        Dataset xor = Dataset.Xor; // (a new table each time it is asked for)

        Allocations.PerWindow(() =>
        {
            for (int epoch = 0; epoch < 1000; epoch++)
            {
                network.TrainEpoch(xor.X, xor.Y, 0.1);
            }
        }).Should().Be(0);
    }

    private static long Bits(double value) => BitConverter.DoubleToInt64Bits(value);

    private static double[] Random(Random random, int count) => [.. Enumerable.Range(0, count).Select(_ => (random.NextDouble() * 4) - 2)];
}
