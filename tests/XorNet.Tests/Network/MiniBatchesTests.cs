using FluentAssertions;
using XorNet.Network.Optimizers;

namespace XorNet.Tests;

/// <summary>
/// <see cref="MiniBatches.Outputs"/> holds, for every row, the network's output for it in the batch it was in (the
/// weights before that batch's update), in row order: checked against a forward pass of each batch made just before
/// it trains, over several epochs, read after some epochs and not others, with a ragged last batch and two outputs.
/// </summary>
public sealed class MiniBatchesTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(4, 1)]
    [InlineData(4, 2)]
    [InlineData(64, 2)]
    public void Outputs_are_each_rows_output_in_its_batch_in_row_order(int batchSize, int outputs)
    {
        var random = new NumPyRandom(7);
        const int Rows = 10;
        var x = new Matrix(Rows, 2);
        var y = new Matrix(Rows, outputs);
        for (int i = 0; i < Rows; i++)
        {
            x[i, 0] = random.NextDouble();
            x[i, 1] = random.NextDouble();
            for (int o = 0; o < outputs; o++)
            {
                y[i, o] = random.NextDouble() < 0.5 ? 0 : 1;
            }
        }

        INetwork network = DeepNetwork.Initialize(new Architecture([2, 3, outputs]), new NumPyRandom(1));
        var batches = new MiniBatches(x, y, batchSize, new NumPyRandom(2));
        var expected = new double[Rows * outputs];
        void Record(int epoch, int batch, ReadOnlyMemory<int> rows, Matrix bx, Matrix by, INetwork before)
        {
            ReadOnlySpan<double> predicted = before.Predict(bx).AsSpan();
            for (int r = 0; r < rows.Length; r++)
            {
                predicted.Slice(r * outputs, outputs).CopyTo(expected.AsSpan(rows.Span[r] * outputs, outputs));
            }
        }

        for (int epoch = 0; epoch < 5; epoch++)
        {
            batches.TrainEpoch(network, 0.5, Optimizer.Plain, epoch, Record);
            if (epoch is 0 or 3 or 4)
            {
                // Exact: the same forward pass on the same rows and weights.
                batches.Outputs.ToArray().Should().Equal(expected, $"epoch {epoch}, batches of {batchSize}");
                batches.Outputs.ToArray().Should().Equal(expected, "read a second time");
            }
        }
    }
}
