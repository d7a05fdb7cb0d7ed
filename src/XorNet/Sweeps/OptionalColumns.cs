using System.Globalization;
using XorNet.Data;
using XorNet.Network.Optimizers;
using XorNet.NumPy;

namespace XorNet.Sweeps;

/// <summary>
/// The record columns of a setting that only some sweeps have, between a record's <c>loss</c> and its outcome: how
/// runs update their weights (<c>optimizer</c>, <c>momentum</c>, <c>betas</c>, <c>weightDecay</c>, <c>batchSize</c>)
/// and which generated set they learn (<c>samples</c>, <c>noise</c>, <c>dataSeed</c>). A file has each only when one
/// of its runs uses it (a rule other than sgd, a rule reading a momentum or betas, a weight decay, a batch size, a
/// generated set), so that a sweep of the notebook's update on a truth table or a file writes the columns it always wrote.
/// </summary>
public static class OptionalColumns
{
    /// <summary>The update rule's name; sgd when the file has no such column.</summary>
    public const string Optimizer = "optimizer";

    /// <summary>The momentum of momentum and nesterov; empty for other rules.</summary>
    public const string Momentum = "momentum";

    /// <summary>Adam's betas as <c>B1,B2</c>; empty for other rules.</summary>
    public const string Betas = "betas";

    /// <summary>The weight decay; 0 when the file has no such column.</summary>
    public const string WeightDecay = "weightDecay";

    /// <summary>The rows per update; empty (or no such column) for the whole data in order.</summary>
    public const string BatchSize = "batchSize";

    /// <summary>The rows of the generated set the run learns (<c>--samples</c>); a set's three columns come together.</summary>
    public const string Samples = "samples";

    /// <summary>The standard deviation of the generated set's noise (<c>--noise</c>).</summary>
    public const string Noise = "noise";

    /// <summary>The seed of the generated set's own generator (<c>--data-seed</c>).</summary>
    public const string DataSeed = "dataSeed";

    /// <summary>Every such column, in the order a record has them.</summary>
    public static IReadOnlyList<string> All { get; } = [Optimizer, Momentum, Betas, WeightDecay, BatchSize, Samples, Noise, DataSeed];

    /// <summary>
    /// Whether a run of <paramref name="setting"/> needs <paramref name="column"/> to be told apart from the notebook's
    /// update on a table that is not generated.
    /// </summary>
    public static bool IsUsedBy(string column, SweepSetting setting)
    {
        ArgumentNullException.ThrowIfNull(setting);
        return column switch
        {
            Optimizer => setting.Optimizer.Kind != OptimizerKind.Sgd,
            Momentum => setting.Optimizer.UsesMomentum,
            Betas => setting.Optimizer.UsesBetas,
            WeightDecay => setting.Optimizer.WeightDecay != 0,
            BatchSize => setting.BatchSize is not null,
            Samples or Noise or DataSeed => setting.Plane is not null,
            _ => throw new ArgumentException($"'{column}' is not an optional column.", nameof(column)),
        };
    }

    /// <summary>The columns that runs of <paramref name="settings"/> need, in record order.</summary>
    public static IReadOnlyList<string> UsedBy(IEnumerable<SweepSetting> settings)
    {
        SweepSetting[] all = [.. settings];
        return [.. All.Where(column => all.Any(setting => IsUsedBy(column, setting)))];
    }

    /// <summary>The text of <paramref name="column"/> for <paramref name="setting"/>, or null where it has no such value (a rule that does not read it, no generated set).</summary>
    public static string? Cell(string column, SweepSetting setting)
    {
        ArgumentNullException.ThrowIfNull(setting);
        OptimizerSettings rule = setting.Optimizer;
        return column switch
        {
            Optimizer => rule.Name,
            Momentum => rule.UsesMomentum ? NumPyFormat.Repr(rule.Momentum) : null,
            Betas => rule.UsesBetas ? $"{NumPyFormat.Repr(rule.Beta1)},{NumPyFormat.Repr(rule.Beta2)}" : null,
            WeightDecay => NumPyFormat.Repr(rule.WeightDecay),
            BatchSize => setting.BatchSize?.ToString(CultureInfo.InvariantCulture),
            Samples => setting.Plane?.Samples.ToString(CultureInfo.InvariantCulture),
            Noise => setting.Plane is { } plane ? NumPyFormat.Repr(plane.Noise) : null,
            DataSeed => setting.Plane?.DataSeed.ToString(CultureInfo.InvariantCulture),
            _ => throw new ArgumentException($"'{column}' is not an optional column.", nameof(column)),
        };
    }

    /// <summary>
    /// <paramref name="setting"/> with the update and generated set the cells of a record give (column name to text,
    /// null for an empty cell; a column the file lacks is absent).
    /// </summary>
    /// <exception cref="FormatException">A cell is not valid, a rule lacks a value it reads or has one it does not, or a set lacks one of its columns.</exception>
    public static SweepSetting Read(SweepSetting setting, IReadOnlyDictionary<string, string?> cells)
    {
        ArgumentNullException.ThrowIfNull(setting);
        ArgumentNullException.ThrowIfNull(cells);
        string? Cell(string column) => cells.TryGetValue(column, out string? text) ? text : null;
        string? name = Cell(Optimizer);
        if (cells.ContainsKey(Optimizer) && name is null)
        {
            throw new FormatException($"its {Optimizer} is empty");
        }

        OptimizerKind kind = name is null ? OptimizerKind.Sgd
            : OptimizerSettings.Parse(name) ?? throw new FormatException($"its {Optimizer} '{name}' is not one of {string.Join(", ", OptimizerSettings.Names)}");
        var rule = new OptimizerSettings(kind);
        if (Expected(Cell(Momentum), Momentum, rule.UsesMomentum, rule.Name) is { } momentum)
        {
            rule = rule with { Momentum = Number(momentum, Momentum, OptimizerValues.IsFraction) };
        }

        if (Expected(Cell(Betas), Betas, rule.UsesBetas, rule.Name) is { } betas)
        {
            string[] pair = betas.Split(',');
            if (pair.Length != 2)
            {
                throw new FormatException($"its {Betas} '{betas}' is not two numbers B1,B2");
            }

            rule = rule with { Beta1 = Number(pair[0], Betas, OptimizerValues.IsFraction), Beta2 = Number(pair[1], Betas, OptimizerValues.IsFraction) };
        }

        if (cells.ContainsKey(WeightDecay))
        {
            rule = rule with { WeightDecay = Number(Cell(WeightDecay) ?? throw new FormatException($"its {WeightDecay} is empty"), WeightDecay, OptimizerValues.IsWeightDecay) };
        }

        int? batch = null;
        if (Cell(BatchSize) is { } size)
        {
            batch = int.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out int rows) && rows >= 1
                ? rows
                : throw new FormatException($"its {BatchSize} '{size}' is not a whole number from 1");
        }

        return setting with { Optimizer = rule, BatchSize = batch, Plane = Plane(cells) };
    }

    // The generated set of a record's cells: none without its columns, else all three filled.
    private static PlaneRecipe? Plane(IReadOnlyDictionary<string, string?> cells)
    {
        string[] columns = [Samples, Noise, DataSeed];
        if (!columns.Any(cells.ContainsKey))
        {
            return null;
        }

        string Cell(string column) => cells.TryGetValue(column, out string? text) && text is not null ? text : throw new FormatException($"its {column} is empty, which a generated set needs");
        string samples = Cell(Samples), seed = Cell(DataSeed);
        int rows = int.TryParse(samples, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n is >= 1 and <= PlaneRecipe.MaxSamples
            ? n
            : throw new FormatException($"its {Samples} '{samples}' is not a whole number from 1 to {PlaneRecipe.MaxSamples}");
        double noise = Number(Cell(Noise), Noise, v => double.IsFinite(v) && v >= 0);
        uint dataSeed = uint.TryParse(seed, NumberStyles.None, CultureInfo.InvariantCulture, out uint k)
            ? k
            : throw new FormatException($"its {DataSeed} '{seed}' is not a whole number from 0 to {uint.MaxValue}");
        return new PlaneRecipe(rows, noise, dataSeed);
    }

    // The cell of a value the rule reads (required) or does not (must be empty).
    private static string? Expected(string? cell, string column, bool used, string rule) => (used, cell) switch
    {
        (true, null) => throw new FormatException($"its {column} is empty, which optimizer {rule} needs"),
        (false, not null) => throw new FormatException($"it has a {column} '{cell}', which optimizer {rule} does not use"),
        _ => cell,
    };

    private static double Number(string text, string column, Func<double, bool> valid) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && valid(value)
            ? value
            : throw new FormatException($"its {column} '{text}' is not valid");
}
