using XorNet.NumPy;


namespace XorNet.Network;

/// <summary>
/// A network the command line trains, runs, checks and saves, whatever its architecture:
/// <see cref="TwoLayerNetwork"/> (the notebook's, the fast path) or <see cref="DeepNetwork"/> (any other).
/// </summary>
public interface INetwork
{
    /// <summary>The layer sizes and choices.</summary>
    Architecture Architecture { get; }

    /// <summary>The weights <c>W1</c> … <c>WL</c>, each n(l−1) × n(l); the network's own matrices, not copies.</summary>
    IReadOnlyList<Matrix> Weights { get; }

    /// <summary>The biases <c>b1</c> … <c>bL</c>, each 1 × n(l); the network's own matrices, not copies.</summary>
    IReadOnlyList<Matrix> Biases { get; }

    /// <summary>One epoch of full-batch gradient descent; returns the loss measured before the update.</summary>
    double TrainEpoch(Matrix x, Matrix y, double learningRate);

    /// <summary>
    /// One forward pass, backward pass and update on the rows of <paramref name="x"/> by <paramref name="optimizer"/>'s
    /// rule; returns the loss measured before the update.
    /// </summary>
    double TrainEpoch(Matrix x, Matrix y, double learningRate, Optimizers.Optimizer optimizer);

    /// <summary>The outputs for the rows of <paramref name="x"/>, as a new rows × outputs matrix.</summary>
    Matrix Predict(Matrix x);

    /// <summary>The outputs of the most recent forward pass (the notebook's <c>y_hat</c>), as a new matrix.</summary>
    Matrix LastOutput();

    /// <summary>
    /// The outputs of the most recent forward pass, rows × outputs in row order, as a view of the network's own
    /// buffer (valid until the next pass; empty before the first): what convergence is judged on, without a copy.
    /// </summary>
    ReadOnlySpan<double> LastOutputValues { get; }

    /// <summary>The loss of the network on <paramref name="x"/> against <paramref name="y"/>.</summary>
    double Loss(Matrix x, Matrix y);

    /// <summary>The gradients <c>dW[l]</c> and <c>db[l]</c> at the current weights, as new matrices, in layer order.</summary>
    /// <remarks>
    /// As the notebook's: not divided by the rows. With the mean squared error, its <c>-(y - y_hat) * y_hat * (1 - y_hat)</c>
    /// differentiates half the summed squared error, ½·Σ(y − ŷ)², which is rows / 2 times the loss it logs.
    /// </remarks>
    IReadOnlyList<(Matrix DW, Matrix DB)> ComputeGradients(Matrix x, Matrix y);
}
