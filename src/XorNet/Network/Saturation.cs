using XorNet.NumPy;

namespace XorNet.Network;

/// <summary>
/// Whether a trained network has a hidden layer that passes nothing on: every unit of it at a bound of its activation
/// (0 or 1 for the sigmoid, -1 or 1 for tanh, 0 for a ReLU that never fires) on every row. Such a layer's output is
/// the same for every row and its gradient is zero, so the network's output no longer depends on its inputs and
/// training has stopped learning; a learning rate far too large is the usual cause.
/// </summary>
public static class Saturation
{
    /// <summary>How close to a bound an output must be on every row for its unit to count as saturated.</summary>
    public const double Tolerance = 1e-6;

    /// <summary>
    /// The most layer outputs (rows × units of one layer, counting at least one 32-row block) examined: 16 Mi doubles,
    /// 128 MiB. The check is advice for networks a learner looks at; a larger one is not examined rather than risk
    /// running out of memory (or past an array's length) after its training has succeeded.
    /// </summary>
    public const long MaxOutputs = 1L << 24;

    /// <summary>
    /// The first hidden layer (counted from 1) all of whose units are saturated on the rows of <paramref name="x"/>,
    /// or null (also when a layer's outputs would be more than <see cref="MaxOutputs"/>).
    /// </summary>
    public static int? SaturatedLayer(INetwork network, Matrix x)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(x);
        if (x.Rows == 0 || network.Architecture.Sizes.Any(size => (long)Math.Max(x.Rows, 32) * size > MaxOutputs))
        {
            return null;
        }

        IReadOnlyList<Matrix> layers = DeepNetwork.Of(network).LayerOutputs(x);
        Activation activation = network.Architecture.Activation;
        for (int l = 0; l < layers.Count - 1; l++)
        {
            if (AllSaturated(layers[l], activation))
            {
                return l + 1;
            }
        }

        return null;
    }

    private static bool AllSaturated(Matrix outputs, Activation activation)
    {
        for (int u = 0; u < outputs.Columns; u++)
        {
            for (int r = 0; r < outputs.Rows; r++)
            {
                if (!AtBound(outputs[r, u], activation))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool AtBound(double value, Activation activation) => activation switch
    {
        Activation.Sigmoid => value <= Tolerance || value >= 1 - Tolerance,
        Activation.Tanh => value <= -1 + Tolerance || value >= 1 - Tolerance,
        _ => value <= 0,
    };
}
