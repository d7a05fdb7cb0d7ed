using System.Text.Json.Serialization;
using XorNet.Text;
using XorNet.Network;
using XorNet.NumPy;
using XorNet.Network.Optimizers;

namespace XorNet.Models;

/// <summary>
/// A model file's <c>"optimizer"</c> object (version 3): the update rule with the settings it reads, as the
/// <c>--format json</c> report's <see cref="JsonOptimizer"/> names them, then the updates made, and each state array of the rule under the name the
/// rule's formula gives it (<c>v</c>; Adam's <c>m</c> and <c>v</c>; Rprop's <c>step</c> and
/// <c>previousGradient</c>), holding one matrix per parameter (W1, b1, …) shaped as that parameter.
/// </summary>
internal sealed record ModelOptimizer : JsonOptimizer
{
    private ModelOptimizer(JsonOptimizer rule, long steps, Dictionary<string, Dictionary<string, double[][]>> state)
        : base(rule)
    {
        Steps = steps;
        State = state;
    }

    /// <summary>The updates made so far (Adam's <c>t</c>).</summary>
    [JsonPropertyOrder(1)] // after the rule's settings, which come first in the file as in the report
    public long Steps { get; }

    /// <summary>Each state array of the rule by name, holding one matrix per parameter.</summary>
    [JsonPropertyOrder(2)]
    public Dictionary<string, Dictionary<string, double[][]>> State { get; }

    /// <summary>The names of a rule's first and second state arrays, null where it keeps none.</summary>
    public static (string? First, string? Second) StateNames(OptimizerKind kind) => kind switch
    {
        OptimizerKind.Sgd => (null, null),
        OptimizerKind.Momentum or OptimizerKind.Nesterov or OptimizerKind.RmsProp => ("v", null),
        OptimizerKind.Adam => ("m", "v"),
        OptimizerKind.Rprop => ("step", "previousGradient"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown update rule."),
    };

    /// <summary>The object for <paramref name="state"/> of <paramref name="network"/>'s parameters.</summary>
    public static ModelOptimizer Of(TrainingState state, int? batchSize, INetwork network)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(network);
        var arrays = new Dictionary<string, Dictionary<string, double[][]>>(StringComparer.Ordinal);
        (string? first, string? second) = StateNames(state.Settings.Kind);
        if (first is not null)
        {
            arrays[first] = Shaped(state.First, network);
        }

        if (second is not null)
        {
            arrays[second] = Shaped(state.Second, network);
        }

        return new ModelOptimizer(JsonOptimizer.Of(state.Settings, batchSize), state.Steps, arrays);
    }

    // Slot 2l is W(l+1), slot 2l+1 is b(l+1): each flat state array in its parameter's rows.
    private static Dictionary<string, double[][]> Shaped(IReadOnlyList<double[]> slots, INetwork network)
    {
        var shaped = new Dictionary<string, double[][]>(StringComparer.Ordinal);
        for (int l = 0; l < network.Weights.Count; l++)
        {
            shaped[$"W{l + 1}"] = Rows(slots[2 * l], network.Weights[l].Columns);
            shaped[$"b{l + 1}"] = Rows(slots[(2 * l) + 1], network.Biases[l].Columns);
        }

        return shaped;
    }

    private static double[][] Rows(double[] flat, int columns) =>
        [.. Enumerable.Range(0, flat.Length / columns).Select(r => flat.AsSpan(r * columns, columns).ToArray())];
}

/// <summary>
/// A model file's <c>"random"</c> object (version 3, with <c>--batch-size</c>): the generator's state under the names
/// of NumPy's <c>np.random.get_state()</c>, so <c>np.random.set_state(("MT19937", key, pos, hasGauss, cachedGaussian))</c>
/// continues the same stream.
/// </summary>
internal sealed record ModelRandom(uint[] Key, int Pos, int HasGauss, double CachedGaussian)
{
    /// <summary>The object for <paramref name="state"/>.</summary>
    public static ModelRandom Of(NumPyRandomState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new ModelRandom([.. state.Words], state.Position, state.HasGauss ? 1 : 0, state.Gauss);
    }
}
