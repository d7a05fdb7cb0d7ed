using System.Globalization;
using XorNet.Data;
using XorNet.Network;
using XorNet.Network.Optimizers;

namespace XorNet.Sweeps;

/// <summary>
/// One setting of a sweep: every value of a run but its seed. The hidden sizes are kept as the option gave them,
/// <c>--hidden 4</c> (column <c>hidden</c>) or <c>--layers 4,4</c> (column <c>layers</c>).
/// </summary>
/// <param name="SizesColumn"><c>hidden</c> or <c>layers</c>: which option the sizes came from.</param>
/// <param name="Sizes">The hidden layer sizes, separated by commas (<c>4</c>, <c>8,4</c>), or <c>none</c> for no hidden layer.</param>
/// <param name="LearningRate">The gradient-descent step size.</param>
/// <param name="Activation">The hidden layers' activation.</param>
/// <param name="Initialization">How the initial weights are scaled.</param>
/// <param name="Loss">What training minimises.</param>
public sealed record SweepSetting(string SizesColumn, string Sizes, double LearningRate, Activation Activation, Initialization Initialization, LossFunction Loss)
{
    /// <summary>The column of the sizes when they came from <c>--hidden</c>.</summary>
    public const string HiddenColumn = "hidden";

    /// <summary>The column of the sizes when they came from <c>--layers</c>.</summary>
    public const string LayersColumn = "layers";

    /// <summary>
    /// The update rule with its settings (<c>--optimizer</c>, <c>--momentum</c>, <c>--betas</c>,
    /// <c>--weight-decay</c>); a rule's unused settings keep their defaults, so that equal runs are equal settings.
    /// </summary>
    public OptimizerSettings Optimizer { get; init; } = OptimizerSettings.Default;

    /// <summary>The rows per update (<c>--batch-size</c>), or null for the whole data in order, as the notebook trains.</summary>
    public int? BatchSize { get; init; }

    /// <summary>
    /// How the generated set the run learns is drawn (<c>--samples</c>, <c>--noise</c>, <c>--data-seed</c>), or null
    /// when the sweep learns a truth table or a file, the same rows for every run.
    /// </summary>
    public PlaneRecipe? Plane { get; init; }

    /// <summary>The hidden layer sizes as numbers (none for <c>none</c>).</summary>
    public int[] HiddenSizes() => Sizes == HiddenSizesText.None ? [] : [.. Sizes.Split(',').Select(s => int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture))];

    /// <summary>The single run's settings for this setting and <paramref name="seed"/>.</summary>
    public TrainingSettings TrainingSettings(uint seed, int epochs, Convergence convergence, bool full)
    {
        int[] sizes = HiddenSizes();
        return new TrainingSettings(seed, sizes.Length > 0 ? sizes[0] : Network.TrainingSettings.DefaultHiddenUnits, LearningRate, epochs, LogEvery: int.MaxValue)
        {
            ExplicitHiddenSizes = SizesColumn == LayersColumn ? sizes : null,
            Activation = Activation,
            Initialization = Initialization,
            Loss = Loss,
            Optimizer = Optimizer,
            BatchSize = BatchSize,
            Convergence = convergence,
            StopAtConvergence = !full,
            ThrowOnDivergence = false,
        };
    }

    /// <summary>
    /// The order summaries list settings in, whatever order runs were recorded in: by sizes, learning rate,
    /// activation, initialisation, loss, update rule and its settings, weight decay, batch size, then the generated
    /// set's samples, noise and data seed, each ascending (the choices in the order the options list them, the whole
    /// data before any batch size).
    /// </summary>
    public static int Compare(SweepSetting? a, SweepSetting? b)
    {
        if (a is null || b is null)
        {
            return a is null ? (b is null ? 0 : -1) : 1;
        }

        int order = string.CompareOrdinal(a.SizesColumn, b.SizesColumn);
        if (order == 0)
        {
            int[] x = a.HiddenSizes(), y = b.HiddenSizes();
            for (int i = 0; i < Math.Min(x.Length, y.Length) && order == 0; i++)
            {
                order = x[i].CompareTo(y[i]);
            }

            order = order != 0 ? order : x.Length.CompareTo(y.Length);
        }

        order = order != 0 ? order : a.LearningRate.CompareTo(b.LearningRate);
        order = order != 0 ? order : a.Activation.CompareTo(b.Activation);
        order = order != 0 ? order : a.Initialization.CompareTo(b.Initialization);
        order = order != 0 ? order : a.Loss.CompareTo(b.Loss);
        return order != 0 ? order : CompareUpdates(a, b);
    }

    // The update rule, its momentum and betas, weight decay, then batch size (null, the whole data, first).
    private static int CompareUpdates(SweepSetting a, SweepSetting b)
    {
        OptimizerSettings x = a.Optimizer, y = b.Optimizer;
        int order = x.Kind.CompareTo(y.Kind);
        order = order != 0 ? order : x.Momentum.CompareTo(y.Momentum);
        order = order != 0 ? order : x.Beta1.CompareTo(y.Beta1);
        order = order != 0 ? order : x.Beta2.CompareTo(y.Beta2);
        order = order != 0 ? order : x.WeightDecay.CompareTo(y.WeightDecay);
        order = order != 0 ? order : Nullable.Compare(a.BatchSize, b.BatchSize);
        return order != 0 ? order : ComparePlanes(a.Plane, b.Plane);
    }

    // No generated set first, then by samples, noise and data seed.
    private static int ComparePlanes(PlaneRecipe? x, PlaneRecipe? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        int order = x.Samples.CompareTo(y.Samples);
        order = order != 0 ? order : x.Noise.CompareTo(y.Noise);
        return order != 0 ? order : x.DataSeed.CompareTo(y.DataSeed);
    }
}
