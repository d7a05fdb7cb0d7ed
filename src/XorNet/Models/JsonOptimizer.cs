using System.Text.Json.Serialization;
using XorNet.Network;

namespace XorNet.Models;

/// <summary>
/// The update rule in the <c>--format json</c> report: its name, the settings it reads (momentum for momentum and
/// nesterov, betas for adam), the weight decay, and the batch size (absent for the notebook's full batch).
/// </summary>
/// <remarks>Not sealed: a model file's <c>"optimizer"</c> object is this one with the rule's state added.</remarks>
internal record JsonOptimizer(
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
        return Of(settings.Optimizer, settings.BatchSize);
    }

    /// <summary>The rule <paramref name="o"/> with <paramref name="batchSize"/> rows a batch (null for the full batch).</summary>
    public static JsonOptimizer Of(XorNet.Network.Optimizers.OptimizerSettings o, int? batchSize)
    {
        ArgumentNullException.ThrowIfNull(o);
        return new JsonOptimizer(o.Name, o.UsesMomentum ? o.Momentum : null, o.UsesBetas ? [o.Beta1, o.Beta2] : null, o.WeightDecay, batchSize);
    }
}
