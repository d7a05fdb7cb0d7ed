using XorNet.NumPy;

namespace XorNet.Network;

/// <summary>Makes the network for an architecture: the notebook's own class where it applies, the general one elsewhere.</summary>
/// <remarks>
/// Both compute the same bits for the notebook's architecture (DeepNetworkTests checks it); the choice is only
/// about speed, <see cref="TwoLayerNetwork"/> having kernels tuned for one hidden layer and one output.
/// </remarks>
public static class Networks
{
    /// <summary>A network with weights drawn as the generalised notebook draws them from <c>np.random.seed(seed)</c>.</summary>
    public static INetwork Initialize(Architecture architecture, uint seed) => Initialize(architecture, new NumPyRandom(seed));

    /// <summary>A network with weights drawn as the generalised notebook draws them from <paramref name="random"/>, which goes on from there.</summary>
    public static INetwork Initialize(Architecture architecture, NumPyRandom random)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        ArgumentNullException.ThrowIfNull(random);
        return architecture.IsNotebook
            ? TwoLayerNetwork.Initialize(architecture.Inputs, architecture.Sizes[1], random)
            : DeepNetwork.Initialize(architecture, random);
    }

    /// <summary>A network with the given weights and biases (used as they are, not copied).</summary>
    /// <exception cref="ArgumentException">The matrices do not fit the architecture.</exception>
    public static INetwork FromParameters(Architecture architecture, IReadOnlyList<Matrix> weights, IReadOnlyList<Matrix> biases)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(biases);
        return architecture.IsNotebook && weights.Count == 2 && biases.Count == 2
            ? new TwoLayerNetwork(weights[0], biases[0], weights[1], biases[1])
            : new DeepNetwork(architecture, weights, biases);
    }

    /// <summary>A network with copies of <paramref name="network"/>'s parameters, to run without touching its buffers.</summary>
    public static INetwork Copy(INetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        return FromParameters(network.Architecture, [.. network.Weights.Select(w => w.Clone())], [.. network.Biases.Select(b => b.Clone())]);
    }

    /// <summary>
    /// Every layer's outputs for the rows of <paramref name="x"/>, first hidden layer to output layer (see
    /// <see cref="DeepNetwork.LayerOutputs"/>); the notebook's network is run as the deep one, which computes the same bits.
    /// </summary>
    public static IReadOnlyList<Matrix> LayerOutputs(INetwork network, Matrix x, int maxUnits = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(network);
        DeepNetwork deep = network as DeepNetwork ?? new DeepNetwork(network.Architecture, network.Weights, network.Biases);
        return deep.LayerOutputs(x, maxUnits);
    }

    /// <summary>
    /// About how many bytes training <paramref name="architecture"/> on <paramref name="rows"/> samples needs (the
    /// data itself not counted), in floating point so that it cannot overflow.
    /// </summary>
    /// <remarks>
    /// For the notebook's architecture, <see cref="TwoLayerNetwork.TrainingBytes"/>. Otherwise, counted in doubles:
    /// the parameters, their gradients and the transposed weights (3 · Σ n(l−1)·n(l) + 2 · Σ n(l)), a block of rows
    /// of every layer's activations and two deltas (block · (Σ n(l) + 2 · max n)), and per sample the outputs, the loss
    /// terms, the reported last output, and a column for each one-wide layer.
    /// </remarks>
    public static long TrainingBytes(Architecture architecture, int rows)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        if (architecture.IsNotebook)
        {
            return TwoLayerNetwork.TrainingBytes(architecture.Inputs, architecture.Sizes[1], rows);
        }

        IReadOnlyList<int> n = architecture.Sizes;
        double weights = 0, units = 0, widest = 0, columns = 0;
        for (int l = 1; l < n.Count; l++)
        {
            weights += (double)n[l - 1] * n[l];
            units += n[l];
            widest = Math.Max(widest, n[l]);
            columns += n[l] == 1 ? 1 : 0;
        }

        widest = Math.Max(widest, n[0]);
        double block = DeepNetwork.RowBlock * (units + (2 * widest));
        double perRow = (double)rows * ((3.0 * architecture.Outputs) + columns);
        double bytes = sizeof(double) * ((3 * weights) + (2 * units) + block + perRow);
        return bytes >= long.MaxValue ? long.MaxValue : (long)bytes;
    }

    /// <summary>
    /// The first layer (1-based) whose arrays are larger than .NET allows whatever the memory, or null when every
    /// one fits: a layer's weights, and a block of its activations, are each one array.
    /// </summary>
    public static int? TooLargeLayer(Architecture architecture)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        if (architecture.IsNotebook)
        {
            return architecture.Sizes[1] > TwoLayerNetwork.MaxHidden(architecture.Inputs) ? 1 : null;
        }

        IReadOnlyList<int> n = architecture.Sizes;
        for (int l = 1; l < n.Count; l++)
        {
            if ((long)n[l - 1] * n[l] > Array.MaxLength || (long)DeepNetwork.RowBlock * n[l] > Array.MaxLength)
            {
                return l;
            }
        }

        return null;
    }
}
