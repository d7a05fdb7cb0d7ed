using XorNet.NumPy;

namespace XorNet.Network.Optimizers;

/// <summary>
/// What training needs besides the weights to go on exactly where it stopped: the optimiser's state and, with
/// mini-batches, the random stream the permutations come from. A model file keeps it.
/// </summary>
/// <param name="Settings">The rule the state belongs to, and the settings it ran with.</param>
/// <param name="Steps">How many updates the optimiser has made (Adam's <c>t</c>).</param>
/// <param name="First">Each parameter array's first state array, in slot order (W1, b1, W2, b2, …); empty where none is kept.</param>
/// <param name="Second">Each parameter array's second state array, likewise.</param>
/// <param name="Random">The random stream's state after the last epoch, or null when no epoch drew from it.</param>
public sealed record TrainingState(
    OptimizerSettings Settings, long Steps, IReadOnlyList<double[]> First, IReadOnlyList<double[]> Second, NumPyRandomState? Random)
{
    /// <summary>The state of <paramref name="optimizer"/> (copied) and of <paramref name="random"/>, if any.</summary>
    public static TrainingState Of(Optimizer optimizer, NumPyRandom? random)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        return new TrainingState(
            optimizer.Settings,
            optimizer.Steps,
            [.. optimizer.FirstState.Select(a => (double[])a.Clone())],
            [.. optimizer.SecondState.Select(a => (double[])a.Clone())],
            random?.State);
    }

    /// <summary>
    /// Whether a run with <paramref name="settings"/> goes on from this optimiser state: the same rule (its settings
    /// may differ, as a learning-rate schedule changes them). Another rule starts with zero state.
    /// </summary>
    public bool Continues(OptimizerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.Kind == Settings.Kind;
    }

    /// <summary>Whether a run with <paramref name="settings"/> drops saved moments (another rule, where this one kept some).</summary>
    public bool IsDroppedBy(OptimizerSettings settings) => !Continues(settings) && Settings.Kind != OptimizerKind.Sgd;
}
