using XorNet.Data;
using XorNet.Network;


namespace XorNet.Sweeps;

/// <summary>
/// The runs of a sweep: the Cartesian product of its value lists, seeds varying fastest, then sizes, learning
/// rates, activations, initialisations, losses and updates (see <see cref="SweepUpdate.Expand"/>); run i is found by
/// counting in that mixed radix. The generated sets vary slowest of all, so that the runs of one set are neighbours
/// and the set is drawn once for them.
/// </summary>
public sealed class SweepGrid
{
    /// <summary>The most runs one sweep may have.</summary>
    public const long MaxRuns = 10_000_000;

    private readonly uint[] _seeds;
    private readonly string[] _sizes;
    private readonly double[] _learningRates;
    private readonly Activation[] _activations;
    private readonly Initialization[] _initializations;
    private readonly LossFunction[] _losses;
    private readonly SweepUpdate[] _updates;
    private readonly PlaneRecipe?[] _planes;

    /// <summary>A grid of the given lists, each non-empty, each value once.</summary>
    /// <param name="seeds">The seeds.</param>
    /// <param name="sizesColumn"><see cref="SweepSetting.HiddenColumn"/> or <see cref="SweepSetting.LayersColumn"/>.</param>
    /// <param name="sizes">The hidden sizes, each as <c>4</c> or <c>8,4</c>.</param>
    /// <param name="learningRates">The learning rates.</param>
    /// <param name="activations">The activations.</param>
    /// <param name="initializations">The initialisations.</param>
    /// <param name="losses">The losses.</param>
    /// <param name="updates">The update rules and batch sizes; null for the notebook's alone.</param>
    /// <param name="planes">How the generated sets the runs learn are drawn; null for the one table every run learns.</param>
    /// <exception cref="ArgumentException">A list is empty, or the product exceeds <see cref="MaxRuns"/>.</exception>
    public SweepGrid(
        IReadOnlyList<uint> seeds, string sizesColumn, IReadOnlyList<string> sizes, IReadOnlyList<double> learningRates,
        IReadOnlyList<Activation> activations, IReadOnlyList<Initialization> initializations, IReadOnlyList<LossFunction> losses,
        IReadOnlyList<SweepUpdate>? updates = null, IReadOnlyList<PlaneRecipe>? planes = null)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        ArgumentNullException.ThrowIfNull(sizes);
        ArgumentNullException.ThrowIfNull(learningRates);
        ArgumentNullException.ThrowIfNull(activations);
        ArgumentNullException.ThrowIfNull(initializations);
        ArgumentNullException.ThrowIfNull(losses);
        _seeds = [.. seeds];
        SizesColumn = sizesColumn;
        _sizes = [.. sizes];
        _learningRates = [.. learningRates];
        _activations = [.. activations];
        _initializations = [.. initializations];
        _losses = [.. losses];
        _updates = [.. updates ?? [SweepUpdate.Notebook]];
        _planes = planes is null ? [null] : [.. planes];
        long? count = Product(
            _seeds.Length, _sizes.Length, _learningRates.Length, _activations.Length, _initializations.Length, _losses.Length, _updates.Length, _planes.Length);
        if (count is not { } runs || runs > MaxRuns || runs == 0)
        {
            throw new ArgumentException($"A grid needs from 1 to {MaxRuns} runs.", nameof(seeds));
        }

        Count = runs;
    }

    /// <summary>Which option the sizes came from: <c>hidden</c> or <c>layers</c>.</summary>
    public string SizesColumn { get; }

    /// <summary>
    /// A setting of each update and of each generated set (the first run's other values): between them, every value
    /// that decides which <see cref="OptionalColumns"/> the runs use.
    /// </summary>
    public IEnumerable<SweepSetting> Variants
    {
        get
        {
            SweepSetting first = this[0].Setting;
            return [.. _updates.Select(u => first with { Optimizer = u.Optimizer, BatchSize = u.BatchSize }), .. _planes.Select(p => first with { Plane = p })];
        }
    }

    /// <summary>How many runs the grid has.</summary>
    public long Count { get; }

    /// <summary>How many settings (runs per seed) the grid has.</summary>
    public long Settings => Count / _seeds.Length;

    /// <summary>The number of runs a product of list lengths gives, or null when it does not fit a long.</summary>
    public static long? Product(params long[] lengths)
    {
        ArgumentNullException.ThrowIfNull(lengths);
        long product = 1;
        foreach (long length in lengths)
        {
            if (length != 0 && product > long.MaxValue / length)
            {
                return null;
            }

            product *= length;
        }

        return product;
    }

    /// <summary>Run <paramref name="index"/> (from 0): its seed and setting.</summary>
    public (uint Seed, SweepSetting Setting) this[long index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            long rest = Math.DivRem(index, _seeds.Length, out long seed);
            rest = Math.DivRem(rest, _sizes.Length, out long size);
            rest = Math.DivRem(rest, _learningRates.Length, out long rate);
            rest = Math.DivRem(rest, _activations.Length, out long activation);
            rest = Math.DivRem(rest, _initializations.Length, out long initialization);
            rest = Math.DivRem(rest, _losses.Length, out long loss);
            long plane = Math.DivRem(rest, _updates.Length, out long update);
            return (_seeds[seed], new SweepSetting(
                SizesColumn, _sizes[size], _learningRates[rate], _activations[activation], _initializations[initialization], _losses[loss])
            {
                Optimizer = _updates[update].Optimizer,
                BatchSize = _updates[update].BatchSize,
                Plane = _planes[plane],
            });
        }
    }

    /// <summary>The indices of shard <paramref name="shard"/> of <paramref name="shards"/>: runs K, K + N, K + 2N, … counted from 1.</summary>
    public IEnumerable<long> Shard(int shard, int shards)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shards, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(shard, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(shard, shards);
        for (long index = shard - 1; index < Count; index += shards)
        {
            yield return index;
        }
    }
}
