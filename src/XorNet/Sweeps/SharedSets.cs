using XorNet.Data;

namespace XorNet.Sweeps;

/// <summary>The sets of a list of runs, drawn once each and dropped after their last run (safe on several threads).</summary>
public sealed class SharedSets
{
    private readonly SweepData _data;
    private readonly Dictionary<PlaneRecipe, (Lazy<Dataset> Rows, int Runs)> _sets = [];
    private readonly Lock _gate = new();

    internal SharedSets(SweepData data, IEnumerable<SweepSetting> runs)
    {
        _data = data;
        foreach (SweepSetting setting in runs)
        {
            if (setting.Plane is { } plane)
            {
                _sets[plane] = _sets.TryGetValue(plane, out var set) ? set with { Runs = set.Runs + 1 } : (new Lazy<Dataset>(() => data.For(setting)), 1);
            }
        }
    }

    /// <summary>The rows of a run of <paramref name="setting"/>; call <see cref="Done"/> when that run ends.</summary>
    public Dataset Take(SweepSetting setting)
    {
        ArgumentNullException.ThrowIfNull(setting);
        if (setting.Plane is not { } plane)
        {
            return _data.For(setting);
        }

        Lazy<Dataset> rows;
        lock (_gate)
        {
            rows = _sets.TryGetValue(plane, out var set) ? set.Rows : throw new ArgumentException("The run is not one of the shared runs.", nameof(setting));
        }

        // Drawn outside the lock (a large set takes a while), once: the other runs of the set wait for it.
        return rows.Value;
    }

    /// <summary>Says that a run of <paramref name="setting"/> is done with its rows; after the last run of its set, the set is let go.</summary>
    public void Done(SweepSetting setting)
    {
        ArgumentNullException.ThrowIfNull(setting);
        if (setting.Plane is not { } plane)
        {
            return;
        }

        lock (_gate)
        {
            if (_sets.TryGetValue(plane, out var set))
            {
                if (set.Runs <= 1)
                {
                    _sets.Remove(plane);
                }
                else
                {
                    _sets[plane] = set with { Runs = set.Runs - 1 };
                }
            }
        }
    }
}
