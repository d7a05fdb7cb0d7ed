using System.Diagnostics;
using System.Runtime;
using System.Runtime.CompilerServices;
using XorNet.Data;
using XorNet.NumPy;
using XorNet.Network.Optimizers;

namespace XorNet.Network;

/// <summary>The notebook's training loop: seed, initialise, then an epoch at a time by the chosen update rule, on the whole data or in mini-batches, logging as it goes.</summary>
public static class Trainer
{
    // The kinds of network whose epoch code has been compiled in this process (see CompileEpochCode): once is enough,
    // which matters to a sweep of thousands of short runs.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(Type, Activation, LossFunction), bool> Compiled = new();

    /// <summary>
    /// Trains a network on <paramref name="data"/> exactly as the generalised notebook does: a fresh one drawn from the
    /// seed, or a copy of <see cref="TrainingSettings.InitialNetwork"/>.
    /// </summary>
    /// <param name="data">The training table.</param>
    /// <param name="settings">Architecture or initial network, seed, learning rate, epochs and logging interval.</param>
    /// <param name="onLog">Called with each logged epoch as soon as it is known.</param>
    /// <param name="onEpoch">Called after every epoch with its number and loss (for a progress display).</param>
    /// <param name="beforeEpoch">
    /// Called before every epoch with its number and the network as the epoch finds it (its pre-update weights): for
    /// looking inside without touching the fast path.
    /// </param>
    /// <param name="beforeBatch">
    /// With mini-batches, called before every batch with the epoch, the batch's number (from 0), its rows, inputs
    /// and targets, and the network before the batch's update (for the trace).
    /// </param>
    /// <param name="cancellationToken">Stops training after the epoch in progress when cancelled.</param>
    /// <exception cref="TrainingDivergedException">An epoch's loss was NaN or infinite.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static TrainingResult Train(
        Dataset data,
        TrainingSettings settings,
        Action<LogEntry>? onLog = null,
        Action<int, double>? onEpoch = null,
        Action<int, INetwork>? beforeEpoch = null,
        Action<int, int, ReadOnlyMemory<int>, Matrix, Matrix, INetwork>? beforeBatch = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfNegative(settings.Epochs);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.LogEvery, 1);

        (INetwork network, NumPy.NumPyRandom random) = settings.StartFor(data);
        Optimizer optimizer = Optimizer.For(settings.Optimizer, network, settings.LearningRate);
        if (settings.ResumeState is { } resume && resume.Continues(settings.Optimizer))
        {
            optimizer.Restore(resume.Steps, resume.First, resume.Second);
        }

        MiniBatches? batches = settings.BatchSize is { } batchSize ? new MiniBatches(data.X, data.Y, batchSize, random) : null;
        if (JitInfo.GetCompiledMethodCount() > 0 && Compiled.TryAdd((network.GetType(), network.Architecture.Activation, network.Architecture.Loss), true))
        {
            CompileEpochCode(data, network.Architecture, settings.LearningRate, settings.Optimizer);
        }

        var log = new List<LogEntry>();
        double? finalLoss = null;
        int epochsRun = 0;
        bool interrupted = false;
        int? stoppedAtEpoch = null;
        int? convergedAtEpoch = null;
        Convergence? convergence = settings.ConvergenceTest;

        // The loop reads only locals: a sweep runs it for millions of four-row epochs, where every load shows.
        Matrix x = data.X, y = data.Y;
        ReadOnlySpan<double> targets = y.AsSpan();
        int epochs = settings.Epochs, logEvery = settings.LogEvery, untilLog = 0;
        double learningRate = settings.LearningRate;
        bool throwOnDivergence = settings.ThrowOnDivergence, stopAtConvergence = settings.StopAtConvergence;
        bool testOutputs = convergence is { ReadsOutputs: true };

        long start = Stopwatch.GetTimestamp();
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            beforeEpoch?.Invoke(epoch, network);
            double loss = batches is null
                ? network.TrainEpoch(x, y, learningRate, optimizer)
                : batches.TrainEpoch(network, learningRate, optimizer, epoch, beforeBatch);
            if (!double.IsFinite(loss) && throwOnDivergence)
            {
                throw new TrainingDivergedException(epoch, loss);
            }

            epochsRun = epoch + 1;
            finalLoss = loss;
            if (!double.IsFinite(loss))
            {
                break;
            }

            onEpoch?.Invoke(epoch, loss);
            if (--untilLog < 0)
            {
                // Every epoch divisible by logEvery, counted down rather than divided.
                untilLog = logEvery - 1;
                var entry = new LogEntry(epoch, loss);
                log.Add(entry);
                onLog?.Invoke(entry);
            }

            if (convergence is not null && convergedAtEpoch is null
                && convergence.IsReached(loss, !testOutputs ? [] : batches is null ? network.LastOutputValues : batches.Outputs, testOutputs ? targets : []))
            {
                convergedAtEpoch = epoch;
                if (stopAtConvergence)
                {
                    stoppedAtEpoch = epoch;
                    break;
                }
            }

            if (cancellationToken.IsCancellationRequested)
            {
                interrupted = true;
                break;
            }
        }

        TimeSpan elapsed = Stopwatch.GetElapsedTime(start);

        // The notebook prints the y_hat of its last forward pass; with no epochs that is the initial network's, and
        // with mini-batches a forward pass of every row with the final weights.
        Matrix predictions = epochsRun > 0 && batches is null ? network.LastOutput() : network.Predict(data.X);
        return new TrainingResult(network, log, finalLoss, predictions, epochsRun, interrupted, elapsed, stoppedAtEpoch, convergedAtEpoch)
        {
            Optimizer = optimizer,
            Random = batches?.Random,
        };
    }

    // Under the JIT (not in the native program), one throwaway epoch of a small network of the same kind on a copy of
    // the first rows compiles the epoch's code before the clock starts, so the training time measures training. It
    // touches neither the real network nor its random stream.
    private static void CompileEpochCode(Dataset data, Architecture architecture, double learningRate, OptimizerSettings optimizer)
    {
        const int Cap = 2 * TwoLayerNetwork.RowBlock;
        int rows = Math.Min(data.Rows, Cap);
        var x = Matrix.FromArray(rows, data.Inputs, data.X.AsSpan()[..(rows * data.Inputs)].ToArray());
        var y = Matrix.FromArray(rows, data.Targets, data.Y.AsSpan()[..(rows * data.Targets)].ToArray());
        int[] sizes = [.. architecture.Sizes.Select((n, l) => l == 0 || l == architecture.LayerCount ? n : Math.Min(n, Cap))];
        Architecture small = architecture with { Sizes = sizes };
        INetwork scratch = Networks.FromParameters(
            small,
            [.. Enumerable.Range(1, small.LayerCount).Select(l => new Matrix(sizes[l - 1], sizes[l]))],
            [.. Enumerable.Range(1, small.LayerCount).Select(l => new Matrix(1, sizes[l]))]);
        scratch.TrainEpoch(x, y, learningRate, Optimizer.For(optimizer, scratch, learningRate));
    }
}
