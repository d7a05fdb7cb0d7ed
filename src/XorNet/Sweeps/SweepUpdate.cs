using XorNet.Network.Optimizers;

namespace XorNet.Sweeps;

/// <summary>How a sweep's run updates its weights: the rule with its settings, and the rows per update.</summary>
/// <param name="Optimizer">The update rule, its momentum or betas when it reads them, and the weight decay.</param>
/// <param name="BatchSize">The rows per update, or null for the whole data in order (the notebook).</param>
public readonly record struct SweepUpdate(OptimizerSettings Optimizer, int? BatchSize)
{
    /// <summary>The notebook's update: plain gradient descent on the whole data.</summary>
    public static SweepUpdate Notebook { get; } = new(OptimizerSettings.Default, null);

    /// <summary>
    /// Every combination of the lists, in this order (the last varying slowest): rules, each with the momenta when it
    /// reads a momentum and the betas when it reads betas (one setting otherwise, its defaults kept, so that a rule is
    /// not run again for values it ignores), then weight decays, then batch sizes.
    /// </summary>
    /// <param name="kinds">The rules.</param>
    /// <param name="momenta">The momenta of momentum and nesterov.</param>
    /// <param name="betas">Adam's pairs of betas.</param>
    /// <param name="weightDecays">The weight decays (every rule reads one).</param>
    /// <param name="batchSizes">The batch sizes, null for the whole data.</param>
    public static IReadOnlyList<SweepUpdate> Expand(
        IReadOnlyList<OptimizerKind> kinds, IReadOnlyList<double> momenta, IReadOnlyList<(double, double)> betas,
        IReadOnlyList<double> weightDecays, IReadOnlyList<int?> batchSizes)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        ArgumentNullException.ThrowIfNull(momenta);
        ArgumentNullException.ThrowIfNull(betas);
        ArgumentNullException.ThrowIfNull(weightDecays);
        ArgumentNullException.ThrowIfNull(batchSizes);
        var rules = new List<OptimizerSettings>();
        foreach (OptimizerKind kind in kinds)
        {
            var rule = new OptimizerSettings(kind);
            if (rule.UsesMomentum)
            {
                rules.AddRange(momenta.Select(mu => rule with { Momentum = mu }));
            }
            else if (rule.UsesBetas)
            {
                rules.AddRange(betas.Select(pair => rule with { Beta1 = pair.Item1, Beta2 = pair.Item2 }));
            }
            else
            {
                rules.Add(rule);
            }
        }

        return [.. from batch in batchSizes from decay in weightDecays from rule in rules select new SweepUpdate(rule with { WeightDecay = decay }, batch)];
    }
}
