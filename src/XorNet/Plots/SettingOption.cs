using XorNet.Data;
using XorNet.Network;
using XorNet.NumPy;
using XorNet.Sweeps;


namespace XorNet.Plots;

/// <summary>
/// One of the options a sweep setting is made of (hidden sizes, learning rate, activation, initialisation, loss, and
/// when a sweep uses them the update rule, its momentum or betas, weight decay, batch size and the generated set's
/// samples, noise and data seed): how it is named and
/// written, and which settings share a value of it. A rule's momentum or betas have no value in a setting whose rule
/// does not read them.
/// </summary>
internal sealed class SettingOption
{
    private readonly Func<SweepSetting, string> _name;
    private readonly Func<SweepSetting, string?> _value;
    private readonly Func<SweepSetting, SweepSetting, SweepSetting> _copy;
    private readonly string? _heading;

    private SettingOption(Func<SweepSetting, string> name, Func<SweepSetting, string?> value, Func<SweepSetting, SweepSetting, SweepSetting> copy, string? heading = null)
    {
        _name = name;
        _value = value;
        _copy = copy;
        _heading = heading;
    }

    /// <summary>The options every setting names, in the order summaries sort settings by.</summary>
    public static IReadOnlyList<SettingOption> All { get; } =
    [
        new(s => s.SizesColumn, s => s.Sizes, (t, s) => t with { SizesColumn = s.SizesColumn, Sizes = s.Sizes }),
        new(_ => "lr", s => NumPyFormat.Repr(s.LearningRate), (t, s) => t with { LearningRate = s.LearningRate }, "learning rate"),
        new(_ => "activation", s => Activations.Name(s.Activation), (t, s) => t with { Activation = s.Activation }),
        new(_ => "init", s => Initializations.Name(s.Initialization), (t, s) => t with { Initialization = s.Initialization }),
        new(_ => "loss", s => Losses.Name(s.Loss), (t, s) => t with { Loss = s.Loss }),
    ];

    // The optional options, each with its record column: shown only where some setting uses that column. A value that
    // a rule does not read is keyed as NaN, which no setting that reads it has.
    private static readonly (string Column, SettingOption Option)[] OptionalOptions =
    [
        (OptionalColumns.Optimizer, new(_ => "optimizer", s => s.Optimizer.Name, (t, s) => t with { Optimizer = t.Optimizer with { Kind = s.Optimizer.Kind } })),
        (OptionalColumns.Momentum, new(
            _ => "momentum",
            s => OptionalColumns.Cell(OptionalColumns.Momentum, s),
            (t, s) => t with { Optimizer = t.Optimizer with { Momentum = s.Optimizer.UsesMomentum ? s.Optimizer.Momentum : double.NaN } })),
        (OptionalColumns.Betas, new(
            _ => "betas",
            s => OptionalColumns.Cell(OptionalColumns.Betas, s),
            (t, s) => t with { Optimizer = t.Optimizer with { Beta1 = s.Optimizer.UsesBetas ? s.Optimizer.Beta1 : double.NaN, Beta2 = s.Optimizer.UsesBetas ? s.Optimizer.Beta2 : double.NaN } })),
        (OptionalColumns.WeightDecay, new(
            _ => "wd", s => NumPyFormat.Repr(s.Optimizer.WeightDecay), (t, s) => t with { Optimizer = t.Optimizer with { WeightDecay = s.Optimizer.WeightDecay } }, "weight decay")),
        (OptionalColumns.BatchSize, new(
            _ => "batch", s => s.BatchSize?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "all", (t, s) => t with { BatchSize = s.BatchSize }, "batch size")),
        (OptionalColumns.Samples, Plane(OptionalColumns.Samples, "samples", (t, s) => new PlaneRecipe(s.Samples, t.Noise, t.DataSeed))),
        (OptionalColumns.Noise, Plane(OptionalColumns.Noise, "noise", (t, s) => new PlaneRecipe(t.Samples, s.Noise, t.DataSeed))),
        (OptionalColumns.DataSeed, Plane(OptionalColumns.DataSeed, "data seed", (t, s) => new PlaneRecipe(t.Samples, t.Noise, s.DataSeed))),
    ];

    // A value of the generated set, named as the options name it (its record column's text); keyed by copying it
    // into the template's set (a setting without a set has no value of it).
    private static SettingOption Plane(string column, string name, Func<PlaneRecipe, PlaneRecipe, PlaneRecipe> copy) => new(
        _ => name,
        s => OptionalColumns.Cell(column, s),
        (t, s) => t with { Plane = t.Plane is { } template && s.Plane is { } plane ? copy(template, plane) : s.Plane });

    /// <summary>
    /// The options <paramref name="settings"/> name: <see cref="All"/>, then the optional options some of them use (as
    /// their records have those columns), in the order summaries sort settings by.
    /// </summary>
    public static IReadOnlyList<SettingOption> For(IReadOnlyList<SweepSetting> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return [.. All, .. OptionalOptions.Where(u => settings.Any(s => OptionalColumns.IsUsedBy(u.Column, s))).Select(u => u.Option)];
    }

    /// <summary>The options taking more than one value among <paramref name="settings"/>, in <see cref="For"/> order.</summary>
    public static SettingOption[] Varying(IReadOnlyList<SweepSetting> settings) => [.. For(settings).Where(o => o.Values(settings).Count > 1)];

    /// <summary>Whether <paramref name="setting"/> has a value of this option (a rule's momentum or betas only where it reads them).</summary>
    public bool Applies(SweepSetting setting)
    {
        ArgumentNullException.ThrowIfNull(setting);
        return _value(setting) is not null;
    }

    /// <summary>
    /// This option's value in <paramref name="setting"/> with its name: <c>hidden 4</c>, <c>lr 0.5</c>, <c>init he</c>;
    /// null when the setting has no value of it.
    /// </summary>
    public string? Label(SweepSetting setting)
    {
        ArgumentNullException.ThrowIfNull(setting);
        return _value(setting) is { } value ? $"{_name(setting)} {value}" : null;
    }

    /// <summary>
    /// This option's value in <paramref name="setting"/> under a heading of <paramref name="settings"/>: the value
    /// alone (<c>4</c>) when they all name the option alike, else with its name (<c>layers 4,4</c>).
    /// </summary>
    public string ValueUnder(IReadOnlyList<SweepSetting> settings, SweepSetting setting)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(setting);
        return (settings.Select(_name).Distinct().Count() == 1 ? _value(setting) : Label(setting)) ?? "-";
    }

    /// <summary>What the option is called over <paramref name="settings"/>: <c>learning rate</c>, <c>hidden</c>, or <c>hidden/layers</c> when both occur.</summary>
    public string Heading(IReadOnlyList<SweepSetting> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return _heading ?? string.Join('/', settings.Select(_name).Distinct());
    }

    /// <summary>
    /// <paramref name="template"/> with this option's value taken from <paramref name="setting"/>: two settings
    /// give equal keys exactly when they agree on this option.
    /// </summary>
    public SweepSetting Key(SweepSetting template, SweepSetting setting)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(setting);
        return _copy(template, setting);
    }

    /// <summary>
    /// This option's distinct values among <paramref name="settings"/> (those that have one) as keys (see
    /// <see cref="Key"/>) on the first setting, in summary order.
    /// </summary>
    public IReadOnlyList<SweepSetting> Values(IReadOnlyList<SweepSetting> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Count == 0)
        {
            return [];
        }

        SweepSetting template = settings[0];
        return [.. settings.Where(Applies).Select(s => Key(template, s)).Distinct().Order(Comparer<SweepSetting>.Create(SweepSetting.Compare))];
    }
}
