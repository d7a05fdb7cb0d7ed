using System.Runtime.CompilerServices;
using XorNet.NumPy;
using XorNet.Network.Optimizers;

namespace XorNet.Network;

/// <summary>
/// The notebook's network: inputs → sigmoid hidden layer → one sigmoid output, trained by full-batch gradient
/// descent on the mean squared error with hand-written backpropagation.
/// </summary>
/// <remarks>
/// One method per notebook step (<c>Forward</c>, <c>Loss</c>, <c>Backward</c>,
/// <c>Update</c>), each doing NumPy's arithmetic in NumPy's order. The intermediate arrays live in a
/// workspace sized once per batch shape, so an epoch allocates nothing.
/// </remarks>
public sealed class TwoLayerNetwork : INetwork
{
    /// <summary>Rows processed together: enough independent sums to keep the CPU busy, few enough to stay in cache.</summary>
    internal const int RowBlock = NotebookKernels.MaxBlockRows;

    private Workspace? _workspace;
    private Workspace? _spare;

    /// <summary>A network with the given weights and biases (the matrices are used as they are, not copied).</summary>
    /// <param name="w1">Input-to-hidden weights, inputs × hidden.</param>
    /// <param name="b1">Hidden biases, 1 × hidden.</param>
    /// <param name="w2">Hidden-to-output weights, hidden × 1.</param>
    /// <param name="b2">Output bias, 1 × 1.</param>
    public TwoLayerNetwork(Matrix w1, Matrix b1, Matrix w2, Matrix b2)
    {
        ArgumentNullException.ThrowIfNull(w1);
        ArgumentNullException.ThrowIfNull(b1);
        ArgumentNullException.ThrowIfNull(w2);
        ArgumentNullException.ThrowIfNull(b2);
        if (w1.Rows < 1 || w1.Columns < 1 || b1.Rows != 1 || b1.Columns != w1.Columns
            || w2.Rows != w1.Columns || w2.Columns != 1 || b2.Rows != 1 || b2.Columns != 1)
        {
            throw new ArgumentException(
                $"Inconsistent shapes: W1 {w1.Shape}, b1 {b1.Shape}, W2 {w2.Shape}, b2 {b2.Shape}; expected (inputs, hidden), (1, hidden), (hidden, 1), (1, 1).");
        }

        W1 = w1;
        B1 = b1;
        W2 = w2;
        B2 = b2;
    }

    /// <summary>Input-to-hidden weights <c>W1</c>, inputs × hidden.</summary>
    public Matrix W1 { get; }

    /// <summary>Hidden-layer biases <c>b1</c>, 1 × hidden.</summary>
    public Matrix B1 { get; }

    /// <summary>Hidden-to-output weights <c>W2</c>, hidden × 1.</summary>
    public Matrix W2 { get; }

    /// <summary>Output bias <c>b2</c>, 1 × 1.</summary>
    public Matrix B2 { get; }

    /// <summary>Number of inputs the network takes.</summary>
    public int Inputs => W1.Rows;

    /// <summary>Number of hidden units.</summary>
    public int HiddenUnits => W1.Columns;

    /// <summary>The notebook's architecture with this network's sizes.</summary>
    public Architecture Architecture => Architecture.Notebook(Inputs, HiddenUnits);

    /// <summary>W1 and W2.</summary>
    public IReadOnlyList<Matrix> Weights => [W1, W2];

    /// <summary>b1 and b2.</summary>
    public IReadOnlyList<Matrix> Biases => [B1, B2];

    /// <summary>
    /// The notebook's initialisation: <c>W1 = randn(inputs, hidden)</c>, then <c>W2 = randn(hidden, 1)</c> from the
    /// same generator, and zero biases.
    /// </summary>
    public static TwoLayerNetwork Initialize(int inputs, int hidden, NumPyRandom random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(hidden, 1);
        ArgumentNullException.ThrowIfNull(random);
        Matrix w1 = Matrix.RandomNormal(inputs, hidden, random);
        Matrix w2 = Matrix.RandomNormal(hidden, 1, random);
        return new TwoLayerNetwork(w1, new Matrix(1, hidden), w2, new Matrix(1, 1));
    }

    /// <summary>
    /// About how many bytes training a network of this shape on <paramref name="rows"/> samples needs, counted in
    /// doubles: the parameters (inputs·hidden + 2·hidden + 1), their gradients (as many), one block of hidden
    /// activations (<see cref="RowBlock"/>·hidden) and four per-sample columns (outputs, squared errors, output
    /// deltas, and the last output the run reports): 8 · (2·(inputs + 2)·hidden + 8·hidden + 10 + 4·rows) bytes.
    /// </summary>
    /// <remarks>
    /// Computed in floating point, so it cannot overflow; the training data itself, already loaded, is not counted.
    /// 300000000 hidden units on two inputs needs about 35.8 GiB.
    /// </remarks>
    public static long TrainingBytes(int inputs, int hidden, int rows)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(inputs);
        ArgumentOutOfRangeException.ThrowIfNegative(hidden);
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        double parameters = ((double)inputs * hidden) + (2.0 * hidden) + 1;
        double activations = ((double)RowBlock * hidden) + RowBlock + (4.0 * rows);
        double bytes = sizeof(double) * ((2 * parameters) + activations);
        return bytes >= long.MaxValue ? long.MaxValue : (long)bytes;
    }

    /// <summary>
    /// The largest hidden size whose arrays .NET can allocate for <paramref name="inputs"/> inputs, whatever the
    /// memory: the hidden activations of a block of rows and the input weights are each one array.
    /// </summary>
    public static int MaxHidden(int inputs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputs, 1);

        // Less a cache line for the padding that keeps rows of A1 and dW1 off the same cache sets.
        return (Array.MaxLength / Math.Max(inputs, RowBlock)) - 8;
    }

    /// <summary>The logistic function <c>1 / (1 + exp(-z))</c>, written as the notebook writes it.</summary>
    public static double Sigmoid(double z) => 1.0 / (1.0 + Math.Exp(-z));

    /// <summary>The network's outputs for the rows of <paramref name="x"/> (a new rows × 1 matrix).</summary>
    public Matrix Predict(Matrix x)
    {
        Workspace w = WorkspaceFor(x);
        for (int start = 0; start < x.Rows; start += RowBlock)
        {
            Forward(x, null, start, w);
        }

        return w.YHat.Clone();
    }

    /// <summary>One epoch of the notebook's loop: forward pass, loss, backpropagation and update.</summary>
    /// <returns>The epoch's loss, measured before the update.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double TrainEpoch(Matrix x, Matrix y, double learningRate) => TrainEpoch(x, y, learningRate, Optimizer.Plain);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double TrainEpoch(Matrix x, Matrix y, double learningRate, Optimizer optimizer)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        Workspace w = WorkspaceFor(x, y);
        ComputeGradients(x, y, w);
        Update(learningRate, optimizer, w);
        return Loss(w);
    }

    /// <summary>The outputs of the most recent forward pass (the notebook's <c>y_hat</c>), as a new matrix.</summary>
    /// <exception cref="InvalidOperationException">No forward pass has run yet.</exception>
    public Matrix LastOutput() =>
        _workspace?.YHat.Clone() ?? throw new InvalidOperationException("No forward pass has run yet.");

    /// <inheritdoc/>
    public ReadOnlySpan<double> LastOutputValues => _workspace is null ? [] : _workspace.YHat.AsSpan();

    /// <summary>The mean squared error of the network on <paramref name="x"/> against <paramref name="y"/>.</summary>
    public double Loss(Matrix x, Matrix y)
    {
        Workspace w = WorkspaceFor(x, y);
        for (int start = 0; start < x.Rows; start += RowBlock)
        {
            Forward(x, y, start, w);
        }

        return Loss(w);
    }

    /// <inheritdoc/>
    public IReadOnlyList<(Matrix DW, Matrix DB)> ComputeGradients(Matrix x, Matrix y)
    {
        Workspace w = WorkspaceFor(x, y);
        ComputeGradients(x, y, w);

        // The workspace's dW1 rows are padded to a vector stride; the gradient has W1's shape.
        var dW1 = new Matrix(Inputs, HiddenUnits);
        for (int k = 0; k < Inputs; k++)
        {
            w.DW1.AsSpan().Slice(k * w.Stride, HiddenUnits).CopyTo(dW1.AsSpan().Slice(k * HiddenUnits, HiddenUnits));
        }

        return [(dW1, w.DB1.Clone()), (w.DW2.Clone(), w.DB2.Clone())];
    }

    // The notebook works on whole matrices; here a block of rows at a time goes forward and back, so that no
    // rows × hidden array is ever stored. Every sum over rows still adds row after row, in NumPy's order.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ComputeGradients(Matrix x, Matrix y, Workspace w)
    {
        w.DW1.AsSpan().Clear();
        w.DB1.AsSpan().Clear();
        w.DW2.AsSpan().Clear();
        for (int start = 0; start < x.Rows; start += RowBlock)
        {
            Forward(x, y, start, w);
            Backward(x, y, start, w);
        }

        // db2 = np.sum(d2, axis=0); with one hidden unit db1 is a single column too, which NumPy sums pairwise.
        w.DB2[0, 0] = NumPySum.Sum(w.D2.AsSpan());
        if (HiddenUnits == 1)
        {
            w.DB1[0, 0] = NumPySum.Sum(w.D1Column.AsSpan());
        }
    }

    // z1 = X @ W1 + b1; a1 = sigmoid(z1); z2 = a1 @ W2 + b2; y_hat = sigmoid(z2)   (for one block of rows)
    // and, given targets, each row's (y - y_hat) ** 2 for the loss.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Forward(Matrix x, Matrix? y, int start, Workspace w)
    {
        int rows = Math.Min(RowBlock, x.Rows - start);
        Span<double> a1 = w.A1.AsSpan()[..(rows * w.Stride)];
        NotebookKernels.HiddenActivations(x.AsSpan().Slice(start * Inputs, rows * Inputs), W1.AsSpan(), B1.AsSpan(), a1, w.Stride);

        // a1 @ W2 sums over the hidden units in order; the rows of a block are interleaved so their sums overlap.
        Span<double> z2 = w.Z2.AsSpan()[..rows];
        LayerKernels.RowDots(a1, w.Stride, W2.AsSpan(), z2);

        double b2 = B2[0, 0];
        for (int j = 0; j < rows; j++)
        {
            z2[j] += b2;
        }

        NumPyExp.SigmoidInPlace(z2);
        z2.CopyTo(w.YHat.AsSpan().Slice(start, rows));

        if (y is not null)
        {
            ReadOnlySpan<double> target = y.AsSpan().Slice(start, rows);
            Span<double> squared = w.SquaredError.AsSpan().Slice(start, rows);
            for (int j = 0; j < rows; j++)
            {
                double residual = target[j] - z2[j];
                squared[j] = residual * residual;
            }
        }
    }

    // d2 = -(y - y_hat) * (y_hat * (1 - y_hat));  dW2 = a1.T @ d2
    // d1 = (d2 @ W2.T) * (a1 * (1 - a1));          dW1 = X.T @ d1; db1 = sum(d1, axis=0)
    // The sigmoid's derivative is formed first, as the notebook does; the other grouping differs in the last bit.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Backward(Matrix x, Matrix y, int start, Workspace w)
    {
        int rows = Math.Min(RowBlock, x.Rows - start);
        ReadOnlySpan<double> target = y.AsSpan().Slice(start, rows), yHat = w.YHat.AsSpan().Slice(start, rows);
        Span<double> d2 = w.D2.AsSpan().Slice(start, rows);
        for (int j = 0; j < rows; j++)
        {
            d2[j] = -(target[j] - yHat[j]) * (yHat[j] * (1 - yHat[j]));
        }

        NotebookKernels.BackwardBlock(
            d2, w.A1.AsSpan()[..(rows * w.Stride)], W2.AsSpan(), x.AsSpan().Slice(start * Inputs, rows * Inputs),
            w.DW2.AsSpan(), w.DW1.AsSpan(), w.DB1.AsSpan(), HiddenUnits == 1 ? w.D1Column.AsSpan().Slice(start, rows) : default, w.Stride);
    }

    // loss = np.mean((y - y_hat) ** 2)
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double Loss(Workspace w) => NumPySum.Sum(w.SquaredError.AsSpan()) / w.SquaredError.Rows;

    // W2 -= lr * dW2; b2 -= lr * db2; W1 -= lr * dW1; b1 -= lr * db1, or the optimiser's rule in place of "-= lr *"
    // (slots 0 W1, 1 b1, 2 W2, 3 b2). Where dW1's rows are padded, W1 goes a row at a time; otherwise the two line up
    // and W1 goes in one call, which on XOR saves Adam about a tenth of its epoch: a call's fixed work and the wait
    // for its divisions and square root do not overlap with the next call's.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Update(double learningRate, Optimizer optimizer, Workspace w)
    {
        optimizer.BeginStep();
        optimizer.Apply(2, 0, W2.AsSpan(), w.DW2.AsSpan(), learningRate);
        optimizer.Apply(3, 0, B2.AsSpan(), w.DB2.AsSpan(), learningRate);
        int rowsPerCall = w.Stride == HiddenUnits ? Inputs : 1;
        for (int k = 0; k < Inputs; k += rowsPerCall)
        {
            int length = rowsPerCall * HiddenUnits;
            optimizer.Apply(0, k * HiddenUnits, W1.AsSpan().Slice(k * HiddenUnits, length), w.DW1.AsSpan().Slice(k * w.Stride, length), learningRate);
        }

        optimizer.Apply(1, 0, B1.AsSpan(), w.DB1.AsSpan(), learningRate);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Workspace WorkspaceFor(Matrix x, Matrix? y = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Columns != Inputs)
        {
            throw new ArgumentException($"The network takes {Inputs} inputs, but X is {x.Shape}.", nameof(x));
        }

        if (y is not null && (y.Rows != x.Rows || y.Columns != 1))
        {
            throw new ArgumentException($"Targets y must be ({x.Rows}, 1) to match X {x.Shape}, not {y.Shape}.", nameof(y));
        }

        if (_workspace is null || _workspace.Rows != x.Rows)
        {
            // Mini-batches alternate between two sizes (a full batch and a shorter last one): keep both.
            (_workspace, _spare) = _spare is not null && _spare.Rows == x.Rows
                ? (_spare, _workspace)
                : (new Workspace(x.Rows, Inputs, HiddenUnits), _workspace);
        }

        return _workspace;
    }

    /// <summary>The arrays one epoch needs, allocated once per batch size and reused, so epochs allocate nothing.</summary>
    private sealed class Workspace(int rows, int inputs, int hidden)
    {
        public int Rows { get; } = rows;

        /// <summary>
        /// The distance between rows of <see cref="A1"/> and <see cref="DW1"/>: the hidden size, one cache line more
        /// when it is a multiple of 64. Rows a multiple of 512 bytes apart compete for the same few cache sets while
        /// the kernels walk them side by side (hidden 1024 ran 5–10 % slower so).
        /// </summary>
        public int Stride { get; } = PaddedStride(hidden);

        // Per block of rows.
        public Matrix A1 { get; } = new(RowBlock, PaddedStride(hidden));

        public Matrix Z2 { get; } = new(1, RowBlock);

        // Per row of the batch.
        public Matrix YHat { get; } = new(rows, 1);

        public Matrix SquaredError { get; } = new(rows, 1);

        public Matrix D2 { get; } = new(rows, 1);

        public Matrix D1Column { get; } = new(hidden == 1 ? rows : 0, 1);

        // Gradients.
        public Matrix DW1 { get; } = new(inputs, PaddedStride(hidden));

        public Matrix DB1 { get; } = new(1, hidden);

        public Matrix DW2 { get; } = new(hidden, 1);

        public Matrix DB2 { get; } = new(1, 1);

        private static int PaddedStride(int hidden) => hidden % 64 == 0 ? hidden + 8 : hidden;
    }
}
