using System.Runtime.CompilerServices;
using XorNet.NumPy;
using XorNet.Network.Optimizers;

namespace XorNet.Network;

/// <summary>
/// The generalised notebook: any number of hidden layers with a chosen activation, a sigmoid output layer of any
/// width, MSE or cross-entropy, trained by the same full-batch gradient descent with the same arithmetic in the same
/// order as the notebook's NumPy code written for L layers.
/// </summary>
/// <remarks>
/// Rows stream through in blocks, forward and back, so no rows × width array is ever stored and an epoch allocates
/// nothing; every sum over rows still adds row after row, in NumPy's order.
/// </remarks>
public sealed class DeepNetwork : INetwork
{
    /// <summary>Rows a block takes: enough for the weight-gradient kernel to reuse what it loads, few enough for cache.</summary>
    internal const int RowBlock = 32;

    private readonly Matrix[] _weights;
    private readonly Matrix[] _biases;
    private Workspace? _workspace;
    private Workspace? _spare;

    /// <summary>A network with the given weights <c>W[l]</c> (n(l−1) × n(l)) and biases <c>b[l]</c> (1 × n(l)), used as they are.</summary>
    public DeepNetwork(Architecture architecture, IReadOnlyList<Matrix> weights, IReadOnlyList<Matrix> biases)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(biases);
        architecture.Validate();
        if (weights.Count != architecture.LayerCount || biases.Count != architecture.LayerCount)
        {
            throw new ArgumentException($"Expected {architecture.LayerCount} weight matrices and bias rows, not {weights.Count} and {biases.Count}.");
        }

        for (int l = 0; l < architecture.LayerCount; l++)
        {
            int fanIn = architecture.Sizes[l], fanOut = architecture.Sizes[l + 1];
            if (weights[l].Rows != fanIn || weights[l].Columns != fanOut || biases[l].Rows != 1 || biases[l].Columns != fanOut)
            {
                throw new ArgumentException(
                    $"Layer {l + 1}: W {weights[l].Shape} and b {biases[l].Shape} do not fit ({fanIn}, {fanOut}) and (1, {fanOut}).");
            }
        }

        Architecture = architecture;
        _weights = [.. weights];
        _biases = [.. biases];
    }

    /// <summary>The layer sizes and choices.</summary>
    public Architecture Architecture { get; }

    /// <summary>The weights <c>W[1]</c> … <c>W[L]</c>, each n(l−1) × n(l).</summary>
    public IReadOnlyList<Matrix> Weights => _weights;

    /// <summary>The biases <c>b[1]</c> … <c>b[L]</c>, each 1 × n(l).</summary>
    public IReadOnlyList<Matrix> Biases => _biases;

    /// <summary>
    /// The generalised notebook's initialisation: for each layer in order <c>W = np.random.randn(n(l−1), n(l))</c>
    /// times the architecture's scale, from one generator (or <c>np.zeros</c>, drawing nothing), and zero biases.
    /// </summary>
    public static DeepNetwork Initialize(Architecture architecture, NumPyRandom random)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        ArgumentNullException.ThrowIfNull(random);
        architecture.Validate();
        var weights = new Matrix[architecture.LayerCount];
        var biases = new Matrix[architecture.LayerCount];
        for (int l = 0; l < architecture.LayerCount; l++)
        {
            int fanIn = architecture.Sizes[l];
            weights[l] = Initializations.Draws(architecture.Initialization)
                ? Matrix.RandomNormal(fanIn, architecture.Sizes[l + 1], random)
                : new Matrix(fanIn, architecture.Sizes[l + 1]);
            if (Initializations.Scale(architecture.Initialization, fanIn) is { } scale)
            {
                weights[l] = scale * weights[l];
            }

            biases[l] = new Matrix(1, architecture.Sizes[l + 1]);
        }

        return new DeepNetwork(architecture, weights, biases);
    }

    /// <summary>
    /// <paramref name="network"/> as a deep network, to run what only <see cref="DeepNetwork"/> offers (such as
    /// <see cref="LayerOutputs"/>): itself, or the notebook's network seen as the deep one, which computes the same
    /// bits; its matrices are shared, not copied.
    /// </summary>
    public static DeepNetwork Of(INetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        return network as DeepNetwork ?? new DeepNetwork(network.Architecture, network.Weights, network.Biases);
    }

    /// <summary>The network's outputs for the rows of <paramref name="x"/> (a new rows × outputs matrix).</summary>
    public Matrix Predict(Matrix x) => ForwardAll(x, null).YHat.Clone();

    /// <summary>One epoch: forward pass, loss, backpropagation and the update of every layer.</summary>
    /// <returns>The epoch's loss, measured before the update.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double TrainEpoch(Matrix x, Matrix y, double learningRate) => TrainEpoch(x, y, learningRate, Optimizer.Plain);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double TrainEpoch(Matrix x, Matrix y, double learningRate, Optimizer optimizer)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        Workspace w = Backpropagate(x, y);
        Update(learningRate, optimizer, w);
        return Loss(w);
    }

    /// <summary>The outputs of the most recent forward pass (the notebook's <c>y_hat</c>), as a new matrix.</summary>
    /// <exception cref="InvalidOperationException">No forward pass has run yet.</exception>
    public Matrix LastOutput() =>
        _workspace?.YHat.Clone() ?? throw new InvalidOperationException("No forward pass has run yet.");

    /// <inheritdoc/>
    public ReadOnlySpan<double> LastOutputValues => _workspace is null ? [] : _workspace.YHat.AsSpan();

    /// <summary>The loss of the network on <paramref name="x"/> against <paramref name="y"/>.</summary>
    public double Loss(Matrix x, Matrix y) => Loss(ForwardAll(x, y));

    /// <summary>The gradients <c>dW[l]</c> and <c>db[l]</c> at the current weights, as new matrices (for checks, not training).</summary>
    public IReadOnlyList<(Matrix DW, Matrix DB)> ComputeGradients(Matrix x, Matrix y)
    {
        Workspace w = Backpropagate(x, y);
        return [.. Enumerable.Range(0, Architecture.LayerCount).Select(l => (w.DW[l].Clone(), w.DB[l].Clone()))];
    }

    // The forward and backward passes over every block of rows: the workspace then holds y_hat, the loss terms and
    // every layer's dW and db.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Workspace Backpropagate(Matrix x, Matrix y)
    {
        Workspace w = WorkspaceFor(x, y);
        for (int l = 0; l < Architecture.LayerCount; l++)
        {
            w.DW[l].AsSpan().Clear();
            w.DB[l].AsSpan().Clear();
            if (l > 0)
            {
                // d @ W.T runs as d times the transpose, with the weights from before this epoch's update.
                Matrix.Transpose(_weights[l], w.WT[l]);
            }
        }

        for (int start = 0; start < x.Rows; start += RowBlock)
        {
            Forward(x, y, start, w);
            Backward(x, y, start, w);
        }

        // A one-wide layer's db sums one contiguous column, which NumPy does pairwise.
        for (int l = 0; l < Architecture.LayerCount; l++)
        {
            if (w.Column[l] is { } column)
            {
                w.DB[l][0, 0] = NumPySum.Sum(column.AsSpan());
            }
        }

        return w;
    }

    /// <summary>
    /// Every layer's outputs for the rows of <paramref name="x"/>: <c>a[1]</c> … <c>a[L]</c>, each a new
    /// rows × n(l) matrix, the last one <see cref="Predict"/>'s. What the hidden units compute, for explaining them.
    /// </summary>
    /// <param name="x">The input rows.</param>
    /// <param name="maxUnits">How many of each layer's first units to keep (the others are computed, not stored).</param>
    public IReadOnlyList<Matrix> LayerOutputs(Matrix x, int maxUnits = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxUnits, 1);
        var layers = new Matrix[Architecture.LayerCount];
        for (int l = 0; l < layers.Length; l++)
        {
            layers[l] = new Matrix(x.Rows, Math.Min(Architecture.Sizes[l + 1], maxUnits));
        }

        ForwardAll(x, null, layers);
        return layers;
    }

    // The forward pass alone, over every block of rows, for predictions and the loss; each block's layer outputs
    // are copied into 'layers' when given.
    private Workspace ForwardAll(Matrix x, Matrix? y, Matrix[]? layers = null)
    {
        Workspace w = WorkspaceFor(x, y);
        for (int start = 0; start < x.Rows; start += RowBlock)
        {
            Forward(x, y, start, w);
            for (int l = 0; l < (layers?.Length ?? 0); l++)
            {
                int width = Architecture.Sizes[l + 1], kept = layers![l].Columns;
                for (int r = 0; r < Math.Min(RowBlock, x.Rows - start); r++)
                {
                    w.A[l].AsSpan().Slice(r * width, kept).CopyTo(layers[l].Row(start + r));
                }
            }
        }

        return w;
    }

    // a[0] = X;  z[l] = a[l-1] @ W[l] + b[l];  a[l] = act(z[l]), or sigmoid(z[L]) at the output;  y_hat = a[L]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Forward(Matrix x, Matrix? y, int start, Workspace w)
    {
        int rows = Math.Min(RowBlock, x.Rows - start);
        ReadOnlySpan<double> input = x.AsSpan().Slice(start * Architecture.Inputs, rows * Architecture.Inputs);
        for (int l = 0; l < Architecture.LayerCount; l++)
        {
            Span<double> a = w.A[l].AsSpan()[..(rows * Architecture.Sizes[l + 1])];
            LayerKernels.Affine(input, rows, Architecture.Sizes[l], Architecture.Sizes[l + 1], _weights[l].AsSpan(), _biases[l].AsSpan(), a, Architecture.Sizes[l + 1]);
            Activations.ApplyInPlace(l < Architecture.LayerCount - 1 ? Architecture.Activation : Activation.Sigmoid, a);
            input = a;
        }

        int outputs = Architecture.Outputs;
        input.CopyTo(w.YHat.AsSpan().Slice(start * outputs, rows * outputs));
        if (y is not null)
        {
            Losses.Terms(Architecture.Loss, y.AsSpan().Slice(start * outputs, rows * outputs), input, w.Terms.AsSpan().Slice(start * outputs, rows * outputs));
        }
    }

    // d = the loss's output delta; for l = L … 1: dW[l] = a[l-1].T @ d; db[l] = sum(d, axis=0);
    // then, below the first layer, d = (d @ W[l].T) * act_derivative(a[l-1]).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Backward(Matrix x, Matrix y, int start, Workspace w)
    {
        int rows = Math.Min(RowBlock, x.Rows - start);
        int outputs = Architecture.Outputs;
        Span<double> d = w.Delta.AsSpan()[..(rows * outputs)];
        Losses.OutputDelta(Architecture.Loss, y.AsSpan().Slice(start * outputs, rows * outputs), w.YHat.AsSpan().Slice(start * outputs, rows * outputs), d);
        bool inDelta = true;
        for (int l = Architecture.LayerCount - 1; l >= 0; l--)
        {
            int fanIn = Architecture.Sizes[l];
            ReadOnlySpan<double> below = l > 0
                ? w.A[l - 1].AsSpan()[..(rows * fanIn)]
                : x.AsSpan().Slice(start * fanIn, rows * fanIn);
            LayerKernels.AccumulateOuter(below, rows, d, w.DW[l].AsSpan());
            if (w.Column[l] is { } column)
            {
                d.CopyTo(column.AsSpan().Slice(start, rows));
            }
            else
            {
                LayerKernels.AddRows(d, rows, w.DB[l].AsSpan());
            }

            if (l > 0)
            {
                // The two delta buffers take turns: the layer below's delta is made from this one.
                Span<double> previous = (inDelta ? w.NextDelta : w.Delta).AsSpan()[..(rows * fanIn)];
                LayerKernels.Affine(d, rows, Architecture.Sizes[l + 1], fanIn, w.WT[l].AsSpan(), default, previous, fanIn);
                Activations.MultiplyByDerivative(Architecture.Activation, previous, below);
                d = previous;
                inDelta = !inDelta;
            }
        }
    }

    // loss = np.mean(terms), negated for cross-entropy
    private double Loss(Workspace w) => Losses.FromSum(Architecture.Loss, NumPySum.Sum(w.Terms.AsSpan()), w.Terms.AsSpan().Length);

    // W[l] -= lr * dW[l]; b[l] -= lr * db[l], from the last layer to the first, or the optimiser's rule in place
    // of "-= lr *" (slot 2l for W[l+1], 2l+1 for b[l+1]).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Update(double learningRate, Optimizer optimizer, Workspace w)
    {
        optimizer.BeginStep();
        for (int l = Architecture.LayerCount - 1; l >= 0; l--)
        {
            optimizer.Apply(2 * l, 0, _weights[l].AsSpan(), w.DW[l].AsSpan(), learningRate);
            optimizer.Apply((2 * l) + 1, 0, _biases[l].AsSpan(), w.DB[l].AsSpan(), learningRate);
        }
    }

    private Workspace WorkspaceFor(Matrix x, Matrix? y)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Columns != Architecture.Inputs)
        {
            throw new ArgumentException($"The network takes {Architecture.Inputs} inputs, but X is {x.Shape}.", nameof(x));
        }

        if (y is not null && (y.Rows != x.Rows || y.Columns != Architecture.Outputs))
        {
            throw new ArgumentException($"Targets y must be ({x.Rows}, {Architecture.Outputs}) to match X {x.Shape}, not {y.Shape}.", nameof(y));
        }

        if (_workspace is null || _workspace.Rows != x.Rows)
        {
            // Mini-batches alternate between two sizes (a full batch and a shorter last one): keep both.
            (_workspace, _spare) = _spare is not null && _spare.Rows == x.Rows
                ? (_spare, _workspace)
                : (new Workspace(x.Rows, Architecture), _workspace);
        }

        return _workspace;
    }

    /// <summary>The arrays one epoch needs, allocated once per batch size and reused, so epochs allocate nothing.</summary>
    private sealed class Workspace
    {
        public Workspace(int rows, Architecture architecture)
        {
            Rows = rows;
            IReadOnlyList<int> n = architecture.Sizes;
            int layers = architecture.LayerCount;
            int widest = n.Max();
            A = [.. Enumerable.Range(1, layers).Select(l => new Matrix(RowBlock, n[l]))];
            Delta = new Matrix(RowBlock, widest);
            NextDelta = new Matrix(RowBlock, widest);
            YHat = new Matrix(rows, architecture.Outputs);
            Terms = new Matrix(rows, architecture.Outputs);
            DW = [.. Enumerable.Range(0, layers).Select(l => new Matrix(n[l], n[l + 1]))];
            DB = [.. Enumerable.Range(0, layers).Select(l => new Matrix(1, n[l + 1]))];
            WT = [.. Enumerable.Range(0, layers).Select(l => l == 0 ? new Matrix(0, 0) : new Matrix(n[l + 1], n[l]))];
            Column = [.. Enumerable.Range(0, layers).Select(l => n[l + 1] == 1 ? new Matrix(rows, 1) : null)];
        }

        public int Rows { get; }

        // Per block of rows: each layer's activations and two deltas in turn.
        public Matrix[] A { get; }

        public Matrix Delta { get; }

        public Matrix NextDelta { get; }

        // Per row of the batch.
        public Matrix YHat { get; }

        public Matrix Terms { get; }

        public Matrix?[] Column { get; }

        // Per layer: the gradients, and the transposed weights for the backward product.
        public Matrix[] DW { get; }

        public Matrix[] DB { get; }

        public Matrix[] WT { get; }
    }
}
