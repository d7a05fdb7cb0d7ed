using System.Diagnostics;
using XorNet.Data;
using XorNet.Network;

namespace XorNet.Sweeps;

/// <summary>
/// Trains a sweep's runs on several threads and hands their records over in run order, each as soon as it and every
/// run before it are done. Each run is the single run with its values (the same <see cref="Trainer"/>), so the
/// records do not depend on how many threads there are.
/// </summary>
public static class SweepRunner
{
    /// <summary>Trains the runs <paramref name="indices"/> of <paramref name="grid"/> on <paramref name="data"/>.</summary>
    /// <param name="data">The training table every run learns.</param>
    /// <param name="grid">The sweep's runs.</param>
    /// <param name="indices">The runs to train, in the order their records are handed over.</param>
    /// <param name="training">Epochs, convergence test and whether runs stop at convergence.</param>
    /// <param name="jobs">How many runs train at once.</param>
    /// <param name="onRecord">Called with each record in order, on one thread at a time.</param>
    /// <param name="cancellationToken">
    /// When cancelled, no run starts, runs in flight stop after their epoch and are dropped, and the call returns once
    /// every thread has stopped; the records handed over are then those before the first dropped run.
    /// </param>
    /// <returns>How many records were handed over.</returns>
    public static long Run(
        Dataset data, SweepGrid grid, IReadOnlyList<long> indices, SweepTraining training, int jobs, Action<RunRecord> onRecord,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(indices);
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(onRecord);
        ArgumentOutOfRangeException.ThrowIfLessThan(jobs, 1);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var done = new Dictionary<long, RunRecord?>();
        var gate = new object();
        long next = -1, handedOver = 0;
        bool blocked = false;
        Exception? failure = null;

        void Work()
        {
            try
            {
                while (!stop.IsCancellationRequested)
                {
                    long position = Interlocked.Increment(ref next);
                    if (position >= indices.Count)
                    {
                        return;
                    }

                    RunRecord? record = Train(data, grid, indices[(int)position], training, stop.Token);
                    lock (gate)
                    {
                        done[position] = record;

                        // Hand over every record now in order; a dropped run (null) ends the sequence for good.
                        while (!blocked && done.TryGetValue(handedOver, out RunRecord? ready))
                        {
                            done.Remove(handedOver);
                            if (ready is null)
                            {
                                blocked = true;
                                break;
                            }

                            onRecord(ready);
                            handedOver++;
                        }
                    }
                }
            }
            catch (Exception e)
            {
                // A record that cannot be written, or memory running out: stop everything and report it once.
                Interlocked.CompareExchange(ref failure, e, null);
                stop.Cancel();
            }
        }

        int threads = (int)Math.Min(jobs, Math.Max(indices.Count, 1));
        Thread[] workers = [.. Enumerable.Range(0, threads).Select(i => new Thread(Work) { IsBackground = true, Name = $"sweep {i + 1}" })];
        foreach (Thread worker in workers)
        {
            worker.Start();
        }

        foreach (Thread worker in workers)
        {
            worker.Join();
        }

        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }

        return handedOver;
    }

    /// <summary>Trains run <paramref name="index"/> of <paramref name="grid"/>; null when it was stopped before it ended.</summary>
    public static RunRecord? Train(Dataset data, SweepGrid grid, long index, SweepTraining training, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(training);
        (uint seed, SweepSetting setting) = grid[index];
        long start = Stopwatch.GetTimestamp();
        TrainingResult result = Trainer.Train(
            data, setting.TrainingSettings(seed, training.Epochs, training.Convergence, training.Full), cancellationToken: cancellationToken);
        if (result.Interrupted)
        {
            return null;
        }

        double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var outcome = new RunOutcome(result.ConvergedAtEpoch, result.EpochsRun, result.FinalLoss ?? double.NaN, Accuracy.Of(result.Predictions, data.Y));
        return new RunRecord(seed, setting, outcome, seconds);
    }
}

/// <summary>What every run of a sweep shares.</summary>
/// <param name="Epochs">The most epochs a run trains.</param>
/// <param name="Convergence">When a run has converged.</param>
/// <param name="Full">Whether runs go on after they converge (<c>--full</c>).</param>
public sealed record SweepTraining(int Epochs, Convergence Convergence, bool Full);
