using XorNet.Network;
using XorNet.NumPy;
using XorNet.Sweeps;


namespace XorNet.Plots;

/// <summary>
/// One of the options a sweep setting is made of (hidden sizes, learning rate, activation, initialisation, loss):
/// how it is named and written, and which settings share a value of it.
/// </summary>
internal sealed class SettingOption
{
    private readonly Func<SweepSetting, string> _name;
    private readonly Func<SweepSetting, string> _value;
    private readonly Func<SweepSetting, SweepSetting, SweepSetting> _copy;
    private readonly string? _heading;

    private SettingOption(Func<SweepSetting, string> name, Func<SweepSetting, string> value, Func<SweepSetting, SweepSetting, SweepSetting> copy, string? heading = null)
    {
        _name = name;
        _value = value;
        _copy = copy;
        _heading = heading;
    }

    /// <summary>Every option, in the order summaries sort settings by.</summary>
    public static IReadOnlyList<SettingOption> All { get; } =
    [
        new(s => s.SizesColumn, s => s.Sizes, (t, s) => t with { SizesColumn = s.SizesColumn, Sizes = s.Sizes }),
        new(_ => "lr", s => NumPyFormat.Repr(s.LearningRate), (t, s) => t with { LearningRate = s.LearningRate }, "learning rate"),
        new(_ => "activation", s => Activations.Name(s.Activation), (t, s) => t with { Activation = s.Activation }),
        new(_ => "init", s => Initializations.Name(s.Initialization), (t, s) => t with { Initialization = s.Initialization }),
        new(_ => "loss", s => Losses.Name(s.Loss), (t, s) => t with { Loss = s.Loss }),
    ];

    /// <summary>The options taking more than one value among <paramref name="settings"/>, in <see cref="All"/> order.</summary>
    public static SettingOption[] Varying(IReadOnlyList<SweepSetting> settings) => [.. All.Where(o => o.Values(settings).Count > 1)];

    /// <summary>This option's value in <paramref name="setting"/> with its name: <c>hidden 4</c>, <c>lr 0.5</c>, <c>init he</c>.</summary>
    public string Label(SweepSetting setting)
    {
        ArgumentNullException.ThrowIfNull(setting);
        return $"{_name(setting)} {_value(setting)}";
    }

    /// <summary>
    /// This option's value in <paramref name="setting"/> under a heading of <paramref name="settings"/>: the value
    /// alone (<c>4</c>) when they all name the option alike, else with its name (<c>layers 4,4</c>).
    /// </summary>
    public string ValueUnder(IReadOnlyList<SweepSetting> settings, SweepSetting setting)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(setting);
        return settings.Select(_name).Distinct().Count() == 1 ? _value(setting) : Label(setting);
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

    /// <summary>This option's distinct values among <paramref name="settings"/> as keys (see <see cref="Key"/>) on the first setting, in summary order.</summary>
    public IReadOnlyList<SweepSetting> Values(IReadOnlyList<SweepSetting> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Count == 0)
        {
            return [];
        }

        SweepSetting template = settings[0];
        return [.. settings.Select(s => Key(template, s)).Distinct().Order(Comparer<SweepSetting>.Create(SweepSetting.Compare))];
    }
}
