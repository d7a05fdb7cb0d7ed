using XorNet.NumPy;


namespace XorNet.Network;

/// <summary>
/// One epoch's forward pass, loss and backpropagation written on <see cref="Matrix"/> line for line as the
/// generalised notebook writes them in NumPy, keeping every intermediate array: the readable twin of the fast
/// kernels, for looking inside an epoch (<c>--trace</c>). It changes nothing in the network.
/// </summary>
/// <remarks>
/// Whole matrices, a new one per step, so it costs memory and time the training loop never spends; it is only run
/// for the epochs asked for. Its arithmetic is NumPy's in NumPy's order, so its results equal the kernels' to the bit
/// (TraceTests checks it).
/// </remarks>
public static class ReadableBackpropagation
{
    /// <summary>The epoch's arrays for <paramref name="network"/>'s current weights on the rows <paramref name="x"/> and targets <paramref name="y"/>.</summary>
    public static BackpropagationSteps Run(INetwork network, Matrix x, Matrix y)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        Architecture architecture = network.Architecture;
        int layers = architecture.LayerCount;
        if (x.Columns != architecture.Inputs || y.Columns != architecture.Outputs || y.Rows != x.Rows)
        {
            throw new ArgumentException($"X {x.Shape} and y {y.Shape} do not fit a network of {architecture.Inputs} inputs and {architecture.Outputs} outputs.");
        }

        // Forward: a[0] = X;  z[l] = a[l-1] @ W[l] + b[l];  a[l] = act(z[l]), the sigmoid at the output.
        var z = new Matrix[layers];
        var a = new Matrix[layers + 1];
        a[0] = x;
        for (int l = 1; l <= layers; l++)
        {
            z[l - 1] = (a[l - 1] * network.Weights[l - 1]) + network.Biases[l - 1];
            a[l] = Activate(l < layers ? architecture.Activation : Activation.Sigmoid, z[l - 1]);
        }

        Matrix yHat = a[layers];

        // The loss, and the error at the output's pre-activation.
        double loss;
        Matrix? lossGradient = null, outputDerivative = null;
        Matrix delta;
        if (architecture.Loss == LossFunction.Mse)
        {
            Matrix residual = y - yHat;
            loss = residual.Hadamard(residual).Mean();      // np.mean((y - y_hat) ** 2)
            lossGradient = -(y - yHat);                      // d_loss_y_hat
            outputDerivative = yHat.Hadamard(1 - yHat);      // d_y_hat_z2
            delta = lossGradient.Hadamard(outputDerivative); // d2 = d_loss_y_hat * d_y_hat_z2
        }
        else
        {
            // -np.mean(y * np.maximum(np.log(y_hat), -100) + (1 - y) * np.maximum(np.log(1 - y_hat), -100))
            Matrix terms = y.Hadamard(ClampedLog(yHat)) + (1 - y).Hadamard(ClampedLog(1 - yHat));
            loss = -terms.Mean();
            delta = yHat - y;                                // formed directly: no d_loss_y_hat, no d_y_hat_z2
        }

        // Backward: dW[l] = a[l-1].T @ d;  db[l] = np.sum(d, axis=0, keepdims=True);
        // below the first layer  d = (d @ W[l].T) * act_derivative(a[l-1]).
        var deltas = new Matrix[layers];
        var derivatives = new Matrix[layers - 1];
        var dW = new Matrix[layers];
        var db = new Matrix[layers];
        for (int l = layers; l >= 1; l--)
        {
            deltas[l - 1] = delta;
            dW[l - 1] = a[l - 1].Transpose() * delta;
            db[l - 1] = delta.ColumnSums();
            if (l > 1)
            {
                derivatives[l - 2] = Derivative(architecture.Activation, a[l - 1]);
                delta = (delta * network.Weights[l - 1].Transpose()).Hadamard(derivatives[l - 2]);
            }
        }

        return new BackpropagationSteps(z, a[1..], yHat, loss, lossGradient, outputDerivative, deltas, derivatives, dW, db);
    }

    // act(z): 1 / (1 + np.exp(-z)), np.tanh(z) or np.maximum(z, 0), element by element.
    private static Matrix Activate(Activation activation, Matrix z) => activation switch
    {
        Activation.Sigmoid => z.Map(TwoLayerNetwork.Sigmoid),
        Activation.Tanh => z.Map(NumPyTanh.Tanh),
        Activation.Relu => z.Map(v => v >= 0 || double.IsNaN(v) ? v : 0.0), // np.maximum keeps a NaN
        _ => throw new ArgumentOutOfRangeException(nameof(activation)),
    };

    // act_derivative(a): a * (1 - a), 1 - a ** 2 or (a > 0) * 1.0, written from the activation.
    private static Matrix Derivative(Activation activation, Matrix a) => activation switch
    {
        Activation.Sigmoid => a.Hadamard(1 - a),
        Activation.Tanh => 1 - a.Hadamard(a),
        Activation.Relu => a.Map(v => v > 0 ? 1.0 : 0.0),
        _ => throw new ArgumentOutOfRangeException(nameof(activation)),
    };

    // np.maximum(np.log(p), -100): Math.Max, as np.maximum, keeps a NaN.
    private static Matrix ClampedLog(Matrix p) => p.Map(v => Math.Max(Math.Log(v), -100));
}
