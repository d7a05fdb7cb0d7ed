using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using XorNet.Data;
using XorNet.Network;
using XorNet.Network.Optimizers;
using XorNet.NumPy;

namespace XorNet.Sweeps;

/// <summary>
/// Up to four runs of the notebook's network on a small table, trained side by side, one run in each lane of a
/// vector: a sweep's runs of one setting differ only in their seeds, so each step of the epoch is the same
/// operation on four numbers. Each lane computes exactly what <see cref="TwoLayerNetwork"/> computes for its run,
/// operation for operation (the same sums from 0 in the same order, unfused, the same exp), so every run's result
/// is the single run's to the bit; what is shared is the loop's overhead, most of an epoch's time on four rows. An
/// update rule other than the notebook's is one <see cref="Optimizer"/>, the single run's code, over the four runs'
/// parameters as they lie in the vectors: the rule is element-wise, so each run gets its single run's bits.
/// </summary>
public static class NotebookLanes
{
    /// <summary>How many runs train together.</summary>
    public const int Lanes = 4;

    /// <summary>The most rows lanes train on: NumPy sums fewer than 8 numbers one after the other, which is what the lanes do; longer sums go pairwise.</summary>
    public const int MaxRows = 7;

    /// <summary>Whether runs of <paramref name="architecture"/> on <paramref name="data"/> can train in lanes.</summary>
    public static bool Fits(Architecture architecture, Dataset data) =>
        architecture.IsNotebook && data.Rows is > 0 and <= MaxRows && NumPyExp.IsVectorized;

    /// <summary>
    /// Trains <paramref name="networks"/> (one to four notebook networks for the same table) for up to
    /// <paramref name="epochs"/> epochs each, each stopping as its single run would, updating by
    /// <paramref name="optimizer"/> (null for the notebook's gradient descent) on the whole table; returns each run's
    /// outcome, or null when <paramref name="cancellationToken"/> stopped them first.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static RunOutcome[]? Train(
        Dataset data, IReadOnlyList<TwoLayerNetwork> networks, double learningRate, int epochs, Convergence convergence, bool full,
        OptimizerSettings? optimizer = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(networks);
        ArgumentNullException.ThrowIfNull(convergence);
        int runs = networks.Count;
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(runs, Lanes);
        ArgumentOutOfRangeException.ThrowIfLessThan(epochs, 1);
        int rows = data.Rows, inputs = data.Inputs, hidden = networks[0].HiddenUnits;
        if (!Fits(networks[0].Architecture, data) || networks.Any(n => n.HiddenUnits != hidden || n.Inputs != inputs) || data.Targets != 1)
        {
            throw new ArgumentException("Lanes train notebook networks of one shape on a table of at most 7 rows and one target.", nameof(networks));
        }

        double[] x = data.X.AsSpan().ToArray(), y = data.Y.AsSpan().ToArray();

        // The parameters, lane l holding run l (a missing run repeats run 0, and is ignored).
        var w1 = new Vector256<double>[inputs * hidden];
        var b1 = new Vector256<double>[hidden];
        var w2 = new Vector256<double>[hidden];
        Vector256<double> b2 = Lane(networks, n => n.B2[0, 0]);
        for (int h = 0; h < hidden; h++)
        {
            b1[h] = Lane(networks, n => n.B1[0, h]);
            w2[h] = Lane(networks, n => n.W2[h, 0]);
            for (int k = 0; k < inputs; k++)
            {
                w1[(k * hidden) + h] = Lane(networks, n => n.W1[k, h]);
            }
        }

        var a1 = new Vector256<double>[rows * hidden];
        var yHat = new Vector256<double>[rows];
        var d2 = new Vector256<double>[rows];
        var dW1 = new Vector256<double>[inputs * hidden];
        var dB1 = new Vector256<double>[hidden];
        var dW2 = new Vector256<double>[hidden];
        Vector256<double> one = Vector256<double>.One, rate = Vector256.Create(learningRate);
        Optimizer? rule = optimizer is null || optimizer.IsNotebook ? null : LaneOptimizer(optimizer, networks[0], learningRate);

        var outcomes = new RunOutcome?[runs];
        int?[] converged = new int?[runs];
        Span<double> outputs = stackalloc double[rows];
        int left = runs;
        for (int epoch = 0; epoch < epochs && left > 0; epoch++)
        {
            // Forward: z1 = X @ W1 + b1, a1 = sigmoid(z1), z2 = a1 @ W2 + b2, y_hat = sigmoid(z2); the loss's terms.
            Vector256<double> sum = Vector256<double>.Zero;
            for (int r = 0; r < rows; r++)
            {
                Vector256<double> z2 = Vector256<double>.Zero;
                for (int h = 0; h < hidden; h++)
                {
                    Vector256<double> z = Vector256<double>.Zero;
                    for (int k = 0; k < inputs; k++)
                    {
                        z += Vector256.Create(x[(r * inputs) + k]) * w1[(k * hidden) + h];
                    }

                    Vector256<double> a = one / (one + NumPyExp.Exp(-(z + b1[h])));
                    a1[(r * hidden) + h] = a;
                    z2 += a * w2[h];
                }

                Vector256<double> output = one / (one + NumPyExp.Exp(-(z2 + b2)));
                yHat[r] = output;
                Vector256<double> residual = Vector256.Create(y[r]) - output;
                sum += residual * residual;
                d2[r] = -residual * (output * (one - output));
            }

            Vector256<double> loss = sum / Vector256.Create((double)rows);

            // Backward: dW2 = a1.T @ d2, d1 = (d2 @ W2.T) * (a1 * (1 - a1)), dW1 = X.T @ d1, db1, db2.
            Vector256<double> dB2 = Vector256<double>.Zero;
            for (int r = 0; r < rows; r++)
            {
                dB2 += d2[r];
            }

            for (int h = 0; h < hidden; h++)
            {
                Vector256<double> sumW2 = Vector256<double>.Zero, sumB1 = Vector256<double>.Zero;
                for (int k = 0; k < inputs; k++)
                {
                    dW1[(k * hidden) + h] = Vector256<double>.Zero;
                }

                for (int r = 0; r < rows; r++)
                {
                    Vector256<double> a = a1[(r * hidden) + h];
                    Vector256<double> d1 = (d2[r] * w2[h]) * (a * (one - a));
                    sumW2 += d2[r] * a;
                    sumB1 += d1;
                    for (int k = 0; k < inputs; k++)
                    {
                        dW1[(k * hidden) + h] += Vector256.Create(x[(r * inputs) + k]) * d1;
                    }
                }

                dW2[h] = sumW2;
                dB1[h] = sumB1;
            }

            // Update: W2 -= lr * dW2; b2 -= lr * db2; W1 -= lr * dW1; b1 -= lr * db1, or the runs' rule.
            if (rule is not null)
            {
                // Slots W1, b1, W2, b2 as Optimizer numbers them.
                rule.BeginStep();
                rule.Apply(0, 0, Doubles(w1), Doubles(dW1), learningRate);
                rule.Apply(1, 0, Doubles(b1), Doubles(dB1), learningRate);
                rule.Apply(2, 0, Doubles(w2), Doubles(dW2), learningRate);
                rule.Apply(3, 0, Doubles(new Span<Vector256<double>>(ref b2)), Doubles(new Span<Vector256<double>>(ref dB2)), learningRate);
            }
            else
            {
                for (int h = 0; h < hidden; h++)
                {
                    w2[h] -= rate * dW2[h];
                    b1[h] -= rate * dB1[h];
                    for (int k = 0; k < inputs; k++)
                    {
                        w1[(k * hidden) + h] -= rate * dW1[(k * hidden) + h];
                    }
                }

                b2 -= rate * dB2;
            }

            // Each run still going: does it end with this epoch, as its single run would? It stops when its loss is
            // not finite, when it converges (unless --full), or after its last epoch.
            for (int l = 0; l < runs; l++)
            {
                if (outcomes[l] is not null)
                {
                    continue;
                }

                double lossL = loss[l];
                for (int r = 0; r < rows; r++)
                {
                    outputs[r] = yHat[r][l];
                }

                bool diverged = !double.IsFinite(lossL);
                if (!diverged && converged[l] is null && convergence.IsReached(lossL, outputs, y))
                {
                    converged[l] = epoch;
                }

                if (diverged || (converged[l] == epoch && !full) || epoch == epochs - 1)
                {
                    outcomes[l] = new RunOutcome(converged[l], epoch + 1, lossL, Network.Accuracy.Of(outputs, y, 1));
                    left--;
                }
            }

            if (cancellationToken.IsCancellationRequested && left > 0)
            {
                return null;
            }
        }

        return [.. outcomes.Select(o => o!.Value)];
    }

    // The four lanes of one parameter; a missing run repeats the last one, and its lane is ignored.
    private static Vector256<double> Lane(IReadOnlyList<TwoLayerNetwork> networks, Func<TwoLayerNetwork, double> value) => Vector256.Create(
        value(networks[0]), value(networks[Math.Min(1, networks.Count - 1)]), value(networks[Math.Min(2, networks.Count - 1)]), value(networks[Math.Min(3, networks.Count - 1)]));

    // One rule for the four runs: the vectors' doubles, lane after lane for each element, are its parameter arrays.
    // The rule is element-wise and every run has the same settings, learning rate and step count, so each run's
    // elements and state go through the operations its single run's Optimizer makes, and end with its bits.
    private static Optimizer LaneOptimizer(OptimizerSettings settings, TwoLayerNetwork network, double learningRate) =>
        new(settings, [.. Optimizer.SlotLengths(network).Select(n => n * Lanes)], learningRate);

    // Apply's view of a parameter array or gradient in lanes: element i of lane l is double i * Lanes + l.
    private static Span<double> Doubles(Span<Vector256<double>> vectors) => System.Runtime.InteropServices.MemoryMarshal.Cast<Vector256<double>, double>(vectors);
}
