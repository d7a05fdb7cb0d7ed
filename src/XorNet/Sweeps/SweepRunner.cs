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
    /// <param name="data">What the runs learn: one table, or each run's generated set, drawn once for all its runs.</param>
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
        SweepData data, SweepGrid grid, IReadOnlyList<long> indices, SweepTraining training, int jobs, Action<RunRecord> onRecord,
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
        long handedOver = 0;
        bool blocked = false;
        Exception? failure = null;

        // The work, in order: a run alone, or up to four consecutive runs of one setting trained in lanes.
        SharedSets sets = data.Share(indices.Select(index => grid[index].Setting));
        List<(int Start, int Count)> chunks = Chunks(sets, grid, indices, training);
        long nextChunk = -1;

        void Work()
        {
            try
            {
                while (!stop.IsCancellationRequested)
                {
                    long chunk = Interlocked.Increment(ref nextChunk);
                    if (chunk >= chunks.Count)
                    {
                        return;
                    }

                    (int start, int count) = chunks[(int)chunk];
                    SweepSetting setting = grid[indices[start]].Setting;
                    Dataset rows = sets.Take(setting);
                    RunRecord?[] records = count == 1
                        ? [Train(rows, grid, indices[start], training, stop.Token)]
                        : TrainInLanes(rows, grid, indices, start, count, training, stop.Token);
                    for (int i = 0; i < count; i++)
                    {
                        sets.Done(setting);
                    }

                    lock (gate)
                    {
                        for (int i = 0; i < count; i++)
                        {
                            done[start + i] = records[i];
                        }

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

    // Runs of the notebook's network on a small table, on the whole of it, go four at a time when they share a setting
    // (seeds vary fastest, so neighbours do); every other run goes alone.
    private static List<(int Start, int Count)> Chunks(SharedSets sets, SweepGrid grid, IReadOnlyList<long> indices, SweepTraining training)
    {
        var chunks = new List<(int, int)>();
        var fits = new Dictionary<SweepSetting, bool>();
        for (int start = 0; start < indices.Count;)
        {
            SweepSetting setting = grid[indices[start]].Setting;
            if (!fits.TryGetValue(setting, out bool lanes))
            {
                // Mini-batches shuffle each run's rows by its own seed, so its lanes would see different rows.
                // A generated set small enough for lanes is drawn here (a few rows), a larger one only when its first
                // run starts, so that the sets of runs not yet in flight take no memory.
                lanes = training.Epochs > 0 && setting.BatchSize is null && setting.Plane is not { Samples: > NotebookLanes.MaxRows }
                    && sets.Take(setting) is var data
                    && NotebookLanes.Fits(setting.TrainingSettings(0, training.Epochs, training.Convergence, training.Full).ArchitectureFor(data), data);
                fits[setting] = lanes;
            }

            int count = 1;
            while (lanes && count < NotebookLanes.Lanes && start + count < indices.Count && grid[indices[start + count]].Setting == setting)
            {
                count++;
            }

            chunks.Add((start, count));
            start += count;
        }

        return chunks;
    }

    // Runs start … start + count − 1 of the list, in lanes; all null when they were stopped before they ended. Each
    // run's seconds are its share of the lanes' time.
    private static RunRecord?[] TrainInLanes(
        Dataset data, SweepGrid grid, IReadOnlyList<long> indices, int start, int count, SweepTraining training, CancellationToken cancellationToken)
    {
        long begin = Stopwatch.GetTimestamp();
        var runs = new (uint Seed, SweepSetting Setting)[count];
        var networks = new TwoLayerNetwork[count];
        for (int i = 0; i < count; i++)
        {
            runs[i] = grid[indices[start + i]];
            TrainingSettings settings = runs[i].Setting.TrainingSettings(runs[i].Seed, training.Epochs, training.Convergence, training.Full);
            networks[i] = (TwoLayerNetwork)settings.InitialNetworkFor(data);
        }

        RunOutcome[]? outcomes = NotebookLanes.Train(
            data, networks, runs[0].Setting.LearningRate, training.Epochs, training.Convergence, training.Full, runs[0].Setting.Optimizer, cancellationToken);
        if (outcomes is null)
        {
            return new RunRecord?[count];
        }

        double seconds = Stopwatch.GetElapsedTime(begin).TotalSeconds / count;
        return [.. Enumerable.Range(0, count).Select(i => new RunRecord(runs[i].Seed, runs[i].Setting, outcomes[i], seconds))];
    }

    /// <summary>Trains run <paramref name="index"/> of <paramref name="grid"/> on <paramref name="data"/>, its rows; null when it was stopped before it ended.</summary>
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
