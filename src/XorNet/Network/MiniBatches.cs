using System.Runtime.CompilerServices;
using XorNet.NumPy;
using XorNet.Network.Optimizers;

namespace XorNet.Network;

/// <summary>
/// Mini-batch epochs (<c>--batch-size</c>): each epoch draws <c>perm = np.random.permutation(n)</c> and makes one
/// step per slice of <see cref="BatchSize"/> rows of it, the last one possibly shorter.
/// </summary>
/// <remarks>
/// The batches' rows are gathered into buffers made once (one of the full size, one for a shorter last batch), so an
/// epoch allocates nothing. The epoch's loss is NumPy's <c>total / n</c> with <c>total += batch_loss * len(idx)</c>
/// in batch order; its outputs are each row's output in the batch it was in, kept in batch order and put back in row
/// order when they are first read (most epochs nobody reads them).
/// </remarks>
public sealed class MiniBatches
{
    private readonly Matrix _x, _y;
    private readonly int[] _order;
    private readonly Matrix _batchX, _batchY, _lastX, _lastY;
    private readonly Matrix _outputs, _outputsInBatchOrder;
    private bool _outputsInRowOrder = true;

    /// <summary>Batches of the rows of <paramref name="x"/> and <paramref name="y"/>, shuffled by <paramref name="random"/>.</summary>
    /// <param name="x">The inputs, one row per sample.</param>
    /// <param name="y">The targets, one row per sample.</param>
    /// <param name="batchSize">Rows per batch, at least 1; more than the rows makes one shuffled batch.</param>
    /// <param name="random">The stream the weights were drawn from, continued.</param>
    public MiniBatches(Matrix x, Matrix y, int batchSize, NumPyRandom random)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        if (y.Rows != x.Rows)
        {
            throw new ArgumentException($"X {x.Shape} and y {y.Shape} differ in rows.", nameof(y));
        }

        _x = x;
        _y = y;
        Random = random;
        BatchSize = batchSize;
        int n = x.Rows, full = Math.Min(batchSize, Math.Max(n, 1)), last = n % full;
        _order = new int[n];
        _batchX = new Matrix(full, x.Columns);
        _batchY = new Matrix(full, y.Columns);
        _lastX = new Matrix(last, x.Columns);
        _lastY = new Matrix(last, y.Columns);
        _outputs = new Matrix(n, y.Columns);
        _outputsInBatchOrder = new Matrix(n, y.Columns);
    }

    /// <summary>The rows per batch asked for.</summary>
    public int BatchSize { get; }

    /// <summary>The random stream the permutations are drawn from (its state is what a checkpoint saves).</summary>
    public NumPyRandom Random { get; }

    /// <summary>The last epoch's outputs, rows × outputs in row order: each row's output in the batch it was in.</summary>
    public ReadOnlySpan<double> Outputs
    {
        get
        {
            if (!_outputsInRowOrder)
            {
                ReadOnlySpan<double> inBatchOrder = _outputsInBatchOrder.AsSpan();
                Span<double> inRowOrder = _outputs.AsSpan();
                for (int i = 0; i < _order.Length; i++)
                {
                    CopyRow(inBatchOrder, i, inRowOrder, _order[i], _outputs.Columns);
                }

                _outputsInRowOrder = true;
            }

            return _outputs.AsSpan();
        }
    }

    /// <summary>The last epoch's permutation: the rows in the order they were taken.</summary>
    public ReadOnlySpan<int> Order => _order;

    /// <summary>How many batches an epoch has.</summary>
    public int Count => _x.Rows == 0 ? 0 : ((_x.Rows - 1) / _batchX.Rows) + 1;

    /// <summary>One epoch: a new permutation, then a forward pass, backward pass and update per batch.</summary>
    /// <param name="network">The network to train.</param>
    /// <param name="learningRate">The step size.</param>
    /// <param name="optimizer">The update rule and its state.</param>
    /// <param name="epoch">The epoch's number, passed on to <paramref name="beforeBatch"/>.</param>
    /// <param name="beforeBatch">
    /// When given, called before each batch with the epoch, the batch's number (from 0), its rows, inputs and
    /// targets, and the network with its weights before the batch's update: for the trace.
    /// </param>
    /// <returns>The epoch's loss: the batches' losses weighted by their rows, over the rows.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double TrainEpoch(INetwork network, double learningRate, Optimizer optimizer, int epoch = 0, Action<int, int, ReadOnlyMemory<int>, Matrix, Matrix, INetwork>? beforeBatch = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(optimizer);
        Random.Permutation(_order);
        int n = _x.Rows, size = _batchX.Rows, inputs = _x.Columns, outputs = _y.Columns;
        ReadOnlySpan<double> x = _x.AsSpan(), y = _y.AsSpan();
        Span<double> inBatchOrder = _outputsInBatchOrder.AsSpan();
        _outputsInRowOrder = false;
        double total = 0.0;
        for (int start = 0, batch = 0; start < n; start += size, batch++)
        {
            int rows = Math.Min(size, n - start);
            Matrix bx = rows == size ? _batchX : _lastX, by = rows == size ? _batchY : _lastY;
            Span<double> xs = bx.AsSpan(), ys = by.AsSpan();
            for (int r = 0; r < rows; r++)
            {
                int row = _order[start + r];
                CopyRow(x, row, xs, r, inputs);
                CopyRow(y, row, ys, r, outputs);
            }

            beforeBatch?.Invoke(epoch, batch, _order.AsMemory(start, rows), bx, by, network);
            double loss = network.TrainEpoch(bx, by, learningRate, optimizer);
            total += loss * rows;
            network.LastOutputValues[..(rows * outputs)].CopyTo(inBatchOrder.Slice(start * outputs));
        }

        return total / n;
    }

    // Row `from` of a table `width` wide to row `to` of another, element by element: rows are a few numbers wide,
    // and a call to copy each cost more than the copying (65536 rows in batches of 64 at hidden 64 went from 1.40× to
    // 1.30× the full batch's epoch).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CopyRow(ReadOnlySpan<double> source, int from, Span<double> destination, int to, int width)
    {
        ReadOnlySpan<double> row = source.Slice(from * width, width);
        Span<double> target = destination.Slice(to * width, width);
        for (int k = 0; k < row.Length; k++)
        {
            target[k] = row[k];
        }
    }
}
