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
}
