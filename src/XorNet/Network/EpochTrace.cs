using System.Globalization;
using XorNet.NumPy;

namespace XorNet.Network;

/// <summary>
/// The arrays of one epoch under the notebook's names, in the order they are printed (<c>--trace</c>), computed from
/// the network's weights before the epoch's update.
/// </summary>
/// <param name="Epoch">The epoch, counted from 0.</param>
/// <param name="Values">The named values in print order.</param>
public sealed record EpochTrace(int Epoch, IReadOnlyList<TracedValue> Values)
{
    /// <summary>With mini-batches, the batch traced (from 1), how many the epoch has and its rows in order; else null.</summary>
    public (int Number, int Count, IReadOnlyList<int> Rows)? Batch { get; init; }

    /// <summary>
    /// The trace of the epoch <paramref name="epoch"/> that <paramref name="network"/> is about to run on <paramref name="x"/>
    /// and <paramref name="y"/>: the notebook's variables for the notebook's network (<see cref="Architecture.IsNotebook"/>),
    /// else <c>z1 a1 … zL y_hat loss</c> and, for l = L … 1, <c>delta{l} dW{l} db{l}</c>.
    /// </summary>
    public static EpochTrace Of(int epoch, INetwork network, Matrix x, Matrix y)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(epoch);
        ArgumentNullException.ThrowIfNull(network);
        BackpropagationSteps steps = ReadableBackpropagation.Run(network, x, y);
        return new EpochTrace(epoch, network.Architecture.IsNotebook ? Notebook(steps) : General(steps));
    }

    // The notebook's variables. Its d2 and d1 are not among them: it prints the factors d2 is made of instead.
    private static List<TracedValue> Notebook(BackpropagationSteps s) =>
    [
        new("z1", s.Z[0]), new("a1", s.A[0]), new("z2", s.Z[1]), new("y_hat", s.YHat), new("loss", null, s.Loss),
        new("d_loss_y_hat", s.LossGradient), new("d_y_hat_z2", s.OutputDerivative), new("dW2", s.DW[1]), new("db2", s.DB[1]),
        new("d_a1_z1", s.Derivatives[0]), new("dW1", s.DW[0]), new("db1", s.DB[0]),
    ];

    private static List<TracedValue> General(BackpropagationSteps s)
    {
        int layers = s.Z.Count;
        var values = new List<TracedValue>();
        for (int l = 1; l <= layers; l++)
        {
            values.Add(new(Numbered("z", l), s.Z[l - 1]));
            if (l < layers)
            {
                values.Add(new(Numbered("a", l), s.A[l - 1]));
            }
        }

        values.Add(new("y_hat", s.YHat));
        values.Add(new("loss", null, s.Loss));
        for (int l = layers; l >= 1; l--)
        {
            values.Add(new(Numbered("delta", l), s.Deltas[l - 1]));
            values.Add(new(Numbered("dW", l), s.DW[l - 1]));
            values.Add(new(Numbered("db", l), s.DB[l - 1]));
        }

        return values;
    }

    private static string Numbered(string name, int layer) => name + layer.ToString(CultureInfo.InvariantCulture);
}
