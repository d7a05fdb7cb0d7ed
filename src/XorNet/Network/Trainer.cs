using System.Diagnostics;
using System.Runtime;
using System.Runtime.CompilerServices;
using XorNet.Data;
using XorNet.NumPy;

namespace XorNet.Network;

/// <summary>The notebook's training loop: seed, initialise, then full-batch gradient descent, logging as it goes.</summary>
public static class Trainer
{
    /// <summary>Trains a fresh network on <paramref name="data"/> exactly as the notebook does.</summary>
    /// <param name="data">The training table.</param>
    /// <param name="settings">Seed, hidden size, learning rate, epochs and logging interval.</param>
    /// <param name="onLog">Called with each logged epoch as soon as it is known.</param>
    /// <param name="onEpoch">Called after every epoch with its number and loss (for a progress display).</param>
    /// <param name="cancellationToken">Stops training after the epoch in progress when cancelled.</param>
    /// <exception cref="TrainingDivergedException">An epoch's loss was NaN or infinite.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static TrainingResult Train(
        Dataset data,
        TrainingSettings settings,
        Action<LogEntry>? onLog = null,
        Action<int, double>? onEpoch = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfNegative(settings.Epochs);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.LogEvery, 1);

        var network = TwoLayerNetwork.Initialize(data.Inputs, settings.Hidden, new NumPyRandom(settings.Seed));
        if (JitInfo.GetCompiledMethodCount() > 0)
        {
            CompileEpochCode(data, settings);
        }

        var log = new List<LogEntry>();
        double? finalLoss = null;
        int epochsRun = 0;
        bool interrupted = false;
        int? stoppedAtEpoch = null;

        long start = Stopwatch.GetTimestamp();
        for (int epoch = 0; epoch < settings.Epochs; epoch++)
        {
            double loss = network.TrainEpoch(data.X, data.Y, settings.LearningRate);
            if (!double.IsFinite(loss))
            {
                throw new TrainingDivergedException(epoch, loss);
            }

            epochsRun = epoch + 1;
            finalLoss = loss;
            onEpoch?.Invoke(epoch, loss);
            if (epoch % settings.LogEvery == 0)
            {
                var entry = new LogEntry(epoch, loss);
                log.Add(entry);
                onLog?.Invoke(entry);
            }

            if (loss <= settings.TargetLoss)
            {
                stoppedAtEpoch = epoch;
                break;
            }

            if (cancellationToken.IsCancellationRequested)
            {
                interrupted = true;
                break;
            }
        }

        TimeSpan elapsed = Stopwatch.GetElapsedTime(start);

        // The notebook prints the y_hat of its last forward pass; with no epochs that is the initial network's.
        Matrix predictions = epochsRun > 0 ? network.LastOutput() : network.Predict(data.X);
        return new TrainingResult(network, log, finalLoss, predictions, epochsRun, interrupted, elapsed, stoppedAtEpoch);
    }

    // Under the JIT (not in the native program), one throwaway epoch of a small network on a copy of the first rows
    // compiles the epoch's code before the clock starts, so the training time measures training. It touches neither
    // the real network nor its random stream.
    private static void CompileEpochCode(Dataset data, TrainingSettings settings)
    {
        int rows = Math.Min(data.Rows, 2 * TwoLayerNetwork.RowBlock);
        int hidden = Math.Min(settings.Hidden, 2 * TwoLayerNetwork.RowBlock);
        var x = Matrix.FromArray(rows, data.Inputs, data.X.AsSpan()[..(rows * data.Inputs)].ToArray());
        var y = Matrix.FromArray(rows, 1, data.Y.AsSpan()[..rows].ToArray());
        var scratch = new TwoLayerNetwork(new Matrix(data.Inputs, hidden), new Matrix(1, hidden), new Matrix(hidden, 1), new Matrix(1, 1));
        scratch.TrainEpoch(x, y, settings.LearningRate);
    }
}
