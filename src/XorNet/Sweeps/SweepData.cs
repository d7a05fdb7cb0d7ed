using XorNet.Data;
using XorNet.Network;

namespace XorNet.Sweeps;

/// <summary>
/// What a sweep's runs learn: one table for every run (a truth table or a file), or a generated set drawn by each
/// run's <see cref="SweepSetting.Plane"/>, with the sweep's <c>--features</c> computed from it.
/// </summary>
public sealed class SweepData
{
    private readonly Dataset? _table;
    private readonly string? _set;
    private readonly InputFeatures? _features;

    private SweepData(Dataset? table, string? set, InputFeatures? features)
    {
        _table = table;
        _set = set;
        _features = features;
    }

    /// <summary>The one table every run learns, its features already computed.</summary>
    public static SweepData Table(Dataset table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return new SweepData(table, null, null);
    }

    /// <summary>The generated set <paramref name="name"/>, drawn for each run by its setting, with <paramref name="features"/> (null for the raw inputs).</summary>
    /// <exception cref="ArgumentException">The name is not one of <see cref="PlaneSets.Names"/>.</exception>
    public static SweepData Generated(string name, InputFeatures? features)
    {
        ArgumentNullException.ThrowIfNull(name);
        return PlaneSets.Contains(name)
            ? new SweepData(null, name, features)
            : throw new ArgumentException($"'{name}' is not a generated set.", nameof(name));
    }

    /// <summary>
    /// The rows a run of <paramref name="setting"/> learns: the table, or its set drawn now (each call draws anew;
    /// <see cref="Share"/> draws each set once for many runs).
    /// </summary>
    /// <exception cref="ArgumentException">The setting has a generated set and the sweep a table, or the other way round.</exception>
    public Dataset For(SweepSetting setting)
    {
        ArgumentNullException.ThrowIfNull(setting);
        if (setting.Plane is not { } plane)
        {
            return _table ?? throw new ArgumentException("A run of a generated set needs its set's recipe.", nameof(setting));
        }

        if (_set is null)
        {
            throw new ArgumentException("A sweep of one table has no generated sets.", nameof(setting));
        }

        Dataset rows = PlaneSets.Generate(_set, plane);
        return _features?.Of(rows) ?? rows;
    }

    /// <summary>
    /// The sets of <paramref name="runs"/> (each run's setting, in any order), each drawn once when its first run asks
    /// for it and let go when its last run is done, so that a sweep over many sets holds only those of the runs in
    /// flight.
    /// </summary>
    public SharedSets Share(IEnumerable<SweepSetting> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        return new SharedSets(this, runs);
    }
}
