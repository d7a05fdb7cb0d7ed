namespace XorNet.Sweeps;

/// <summary>
/// Gathers runs as they finish and summarises them per setting. It keeps a number or two per run, not the records,
/// so a sweep of millions of runs summarises in little memory; the summary depends only on the runs added, not on
/// their order.
/// </summary>
public sealed class SummaryBuilder
{
    private readonly Dictionary<SweepSetting, Runs> _settings = [];

    /// <summary>How many runs were added.</summary>
    public long Count { get; private set; }

    /// <summary>How many of them converged.</summary>
    public long Converged { get; private set; }

    /// <summary>Counts one run.</summary>
    public void Add(RunRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!_settings.TryGetValue(record.Setting, out Runs? runs))
        {
            runs = new Runs();
            _settings.Add(record.Setting, runs);
        }

        runs.Count++;
        Count++;
        if (record.Outcome.ConvergedAtEpoch is { } epoch)
        {
            // Epochs to converge: the convergence epoch, which is also how many updates the weights had when they
            // first put every output on its target's side (epoch 0 judges the initial weights).
            runs.Epochs.Add(epoch);
            Converged++;
        }
        else if (record.Outcome.EpochsRun > 0)
        {
            // A run of no epochs has no loss to take the median of.
            runs.NotConvergedLosses.Add(record.Outcome.FinalLoss);
        }
    }

    /// <summary>One summary per setting, in <see cref="SweepSetting.Compare"/> order.</summary>
    public IReadOnlyList<SettingSummary> Summarize()
    {
        var summaries = new List<SettingSummary>(_settings.Count);
        foreach ((SweepSetting setting, Runs runs) in _settings)
        {
            EpochStatistics? epochs = runs.Epochs.Count == 0
                ? null
                : new EpochStatistics(Percentiles.Median(runs.Epochs), Percentiles.Linear(runs.Epochs, 10), Percentiles.Linear(runs.Epochs, 90));
            double? loss = runs.NotConvergedLosses.Count == 0 ? null : Percentiles.Median(runs.NotConvergedLosses);
            summaries.Add(new SettingSummary(setting, runs.Count, runs.Epochs.Count, epochs, loss, [.. runs.Epochs.Order()]));
        }

        summaries.Sort((a, b) => SweepSetting.Compare(a.Setting, b.Setting));
        return summaries;
    }

    private sealed class Runs
    {
        public int Count { get; set; }

        public List<double> Epochs { get; } = [];

        public List<double> NotConvergedLosses { get; } = [];
    }
}
