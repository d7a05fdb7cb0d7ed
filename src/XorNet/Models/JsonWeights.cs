using XorNet.Network;

namespace XorNet.Models;

/// <summary>The trained parameters under the notebook's names, W1, b1, W2, b2, … WL, bL, each as an array of rows.</summary>
internal static class JsonWeights
{
    public static Dictionary<string, double[][]> Of(INetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var weights = new Dictionary<string, double[][]>(StringComparer.Ordinal);
        for (int l = 0; l < network.Weights.Count; l++)
        {
            weights[$"W{l + 1}"] = network.Weights[l].ToRows();
            weights[$"b{l + 1}"] = network.Biases[l].ToRows();
        }

        return weights;
    }
}
