using System.Runtime.CompilerServices;
using XorNet.Network;

namespace XorNet.Network.Optimizers;

/// <summary>
/// An update rule with its state for one network: each parameter array (every <c>W[l]</c> and <c>b[l]</c>) has its
/// own moment arrays, zero at the start, so that one step is the NumPy text, operation for operation.
/// </summary>
/// <remarks>
/// Parameter arrays are numbered as slots: <c>2·l</c> for <c>W[l+1]</c>, <c>2·l + 1</c> for <c>b[l+1]</c>. Networks
/// call <see cref="BeginStep"/> once per update and then <see cref="Apply"/> for every array (or for pieces of one,
/// at an offset), in any order: the rule is element-wise, so order does not change a bit. All state is allocated
/// here, once, so an epoch allocates nothing.
/// </remarks>
public sealed class Optimizer
{
    private const double NegligiblePower = 1.0 / (1L << 60);

    // The first and second state arrays of each slot: momentum's v; Adam's m and v; RMSprop's v; Rprop's step and
    // previous gradient. Empty for plain gradient descent.
    private readonly double[][] _first;
    private readonly double[][] _second;
    private double _correction1 = 1, _correction2 = 1;

    // Whether b1 ** t and b2 ** t have become too small to change 1 - b ** t at any later step (see Correction).
    private bool _settled1, _settled2;

    /// <summary>A rule with zero state for arrays of the given lengths, in slot order.</summary>
    /// <param name="settings">The rule and its settings.</param>
    /// <param name="lengths">The length of each parameter array, in slot order.</param>
    /// <param name="learningRate">The learning rate, Rprop's initial step.</param>
    public Optimizer(OptimizerSettings settings, IReadOnlyList<int> lengths, double learningRate)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(lengths);
        Settings = settings;
        bool first = settings.Kind != OptimizerKind.Sgd;
        bool second = settings.Kind is OptimizerKind.Adam or OptimizerKind.Rprop;
        _first = [.. lengths.Select(n => first ? new double[n] : [])];
        _second = [.. lengths.Select(n => second ? new double[n] : [])];
        if (settings.Kind == OptimizerKind.Rprop)
        {
            // step = np.full_like(p, lr)
            foreach (double[] step in _first)
            {
                Array.Fill(step, learningRate);
            }
        }
    }

    /// <summary>The notebook's plain gradient descent, which keeps no state: one instance serves every network.</summary>
    public static Optimizer Plain { get; } = new(OptimizerSettings.Default, [], 0);

    /// <summary>The rule and its settings.</summary>
    public OptimizerSettings Settings { get; }

    /// <summary>How many updates have been made (Adam's <c>t</c>).</summary>
    public long Steps { get; private set; }

    /// <summary>A rule with zero state for every parameter array of <paramref name="network"/>.</summary>
    public static Optimizer For(OptimizerSettings settings, INetwork network, double learningRate)
    {
        ArgumentNullException.ThrowIfNull(network);
        return new Optimizer(settings, SlotLengths(network), learningRate);
    }

    /// <summary>The lengths of a network's parameter arrays in slot order: W1, b1, W2, b2, ….</summary>
    public static int[] SlotLengths(INetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        return [.. network.Weights.Zip(network.Biases).SelectMany(p => new[] { p.First.AsSpan().Length, p.Second.AsSpan().Length })];
    }

    /// <summary>The state arrays of each slot, first then second (empty where the rule keeps none): for saving.</summary>
    public IReadOnlyList<double[]> FirstState => _first;

    /// <inheritdoc cref="FirstState"/>
    public IReadOnlyList<double[]> SecondState => _second;

    /// <summary>Puts back a saved state: the step count and each slot's arrays, which must have the lengths of this one's.</summary>
    /// <exception cref="ArgumentException">An array's length differs.</exception>
    public void Restore(long steps, IReadOnlyList<double[]> first, IReadOnlyList<double[]> second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        ArgumentOutOfRangeException.ThrowIfNegative(steps);
        if (first.Count != _first.Length || second.Count != _second.Length
            || Enumerable.Range(0, _first.Length).Any(i => first[i].Length != _first[i].Length || second[i].Length != _second[i].Length))
        {
            throw new ArgumentException("The saved optimiser state does not fit the network's parameters.");
        }

        for (int i = 0; i < _first.Length; i++)
        {
            first[i].CopyTo(_first[i], 0);
            second[i].CopyTo(_second[i], 0);
        }

        Steps = steps;
        _settled1 = _settled2 = false;
    }

    /// <summary>Starts one update of every array: Adam's <c>t += 1</c> and its bias corrections <c>1 - b ** t</c>.</summary>
    public void BeginStep()
    {
        if (ReferenceEquals(this, Plain))
        {
            return; // shared between threads, and stateless
        }

        Steps++;
        if (Settings.Kind == OptimizerKind.Adam)
        {
            _correction1 = Correction(Settings.Beta1, Steps, ref _settled1);
            _correction2 = Correction(Settings.Beta2, Steps, ref _settled2);
        }
    }

    // 1 - b ** t, with Python's float power, which is the C library's pow, as Math.Pow is. Once |b ** t| is at most
    // 2^-60 it stays far below 2^-54 for every later t (|b| < 1, so the exact power only falls, and pow is within an
    // ulp of it), and 1 - x rounds to exactly 1 for such x: from then on the correction is 1 and pow, a large part
    // of a small network's step, is not called. With b = 0.9 that is from t = 395 on, with 0.999 from t = 41,569.
    private static double Correction(double beta, long steps, ref bool settled)
    {
        if (settled)
        {
            return 1;
        }

        double power = Math.Pow(beta, steps);
        settled = Math.Abs(power) <= NegligiblePower;
        return 1 - power;
    }

    /// <summary>
    /// Updates <paramref name="parameters"/>, the elements from <paramref name="offset"/> of slot
    /// <paramref name="slot"/>, by their gradient <paramref name="gradient"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The gradient's length differs from the parameters'.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Apply(int slot, int offset, Span<double> parameters, ReadOnlySpan<double> gradient, double learningRate)
    {
        // g = dW + wd * W for the weights (even slots) only.
        double decay = (slot & 1) == 0 ? Settings.WeightDecay : 0;
        switch (Settings.Kind)
        {
            case OptimizerKind.Sgd:
                Run(new SgdStep(learningRate), slot, offset, parameters, gradient, decay);
                break;
            case OptimizerKind.Momentum:
            case OptimizerKind.Nesterov:
                Run(new MomentumStep(learningRate, Settings.Momentum, Settings.Kind == OptimizerKind.Nesterov), slot, offset, parameters, gradient, decay);
                break;
            case OptimizerKind.Adam:
                Run(new AdamStep(learningRate, Settings.Beta1, Settings.Beta2, _correction1, _correction2), slot, offset, parameters, gradient, decay);
                break;
            case OptimizerKind.RmsProp:
                Run(new RmsPropStep(learningRate), slot, offset, parameters, gradient, decay);
                break;
            case OptimizerKind.Rprop:
                Run(default(RpropStep), slot, offset, parameters, gradient, decay);
                break;
            default:
                throw new InvalidOperationException($"Unknown update rule {Settings.Kind}.");
        }
    }

    // The slot's state for these elements (none where the rule keeps none), and the rule's step over them.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Run<TStep>(TStep step, int slot, int offset, Span<double> parameters, ReadOnlySpan<double> gradient, double decay)
        where TStep : struct, IUpdateStep
    {
        int n = parameters.Length;
        Span<double> first = TStep.StateArrays > 0 ? _first[slot].AsSpan(offset, n) : default;
        Span<double> second = TStep.StateArrays > 1 ? _second[slot].AsSpan(offset, n) : default;
        ElementwiseUpdate.Run(ref step, parameters, gradient, first, second, decay);
    }
}
