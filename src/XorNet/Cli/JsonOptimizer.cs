using System.Text.Json.Serialization;
using XorNet.Network;

namespace XorNet.Cli;

/// <summary>
/// The update rule in the <c>--format json</c> report: its name, the settings it reads (momentum for momentum and
/// nesterov, betas for adam), the weight decay, and the batch size (absent for the notebook's full batch).
/// </summary>
internal sealed record JsonOptimizer(
    string Name,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Momentum,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double[]? Betas,
    double WeightDecay,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? BatchSize)
{
    /// <summary>The rule <paramref name="settings"/> train with.</summary>
    public static JsonOptimizer Of(TrainingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Optimizers.OptimizerSettings o = settings.Optimizer;
        return new JsonOptimizer(o.Name, o.UsesMomentum ? o.Momentum : null, o.UsesBetas ? [o.Beta1, o.Beta2] : null, o.WeightDecay, settings.BatchSize);
    }
}
