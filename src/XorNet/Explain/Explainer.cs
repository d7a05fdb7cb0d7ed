using System.Globalization;
using XorNet.Network;
using XorNet.NumPy;

namespace XorNet.Explain;

/// <summary>Works out what each unit of a network computes on given input rows (see <see cref="Explanation"/>).</summary>
public static class Explainer
{
    /// <summary>
    /// The explanation of <paramref name="network"/> on the rows of <paramref name="x"/> (none when null), which
    /// <paramref name="rowSource"/> names in words.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="x"/> does not have the network's inputs.</exception>
    public static Explanation Explain(INetwork network, Matrix? x, string rowSource)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentException.ThrowIfNullOrEmpty(rowSource);
        Architecture architecture = network.Architecture;
        if (x is not null && x.Columns != architecture.Inputs)
        {
            throw new ArgumentException($"The network takes {architecture.Inputs} inputs, but the rows have {x.Columns}.", nameof(x));
        }

        IReadOnlyList<Matrix>? outputs = x is null || x.Rows == 0 ? null : DeepNetwork.Of(network).LayerOutputs(x);
        BinaryRows? binary = outputs is null ? null : BinaryRows.Of(x!);
        IReadOnlyList<string> inputs = InputNames(architecture.Inputs);
        var layers = new LayerExplanation[architecture.LayerCount];
        for (int l = 0; l < architecture.LayerCount; l++)
        {
            bool isOutput = l == architecture.LayerCount - 1;
            Activation activation = isOutput ? Activation.Sigmoid : architecture.Activation;
            IReadOnlyList<string> names = UnitNames(architecture, l);
            Matrix weights = network.Weights[l], biases = network.Biases[l];
            var units = new UnitExplanation[names.Count];
            for (int u = 0; u < units.Length; u++)
            {
                double[] values = outputs is null ? [] : Column(outputs[l], u);
                string? table = binary?.TruthTable(values, activation);
                units[u] = new UnitExplanation(
                    names[u], Column(weights, u), biases[0, u], values, table, binary is { AreAllTwoInputRows: true } ? BooleanNames.Of(table!) : null);
            }

            layers[l] = new LayerExplanation(l + 1, isOutput, activation, inputs, units);
            inputs = names;
        }

        return new Explanation(rowSource, x?.ToRows() ?? [], binary?.Labels, layers);
    }

    /// <summary>The inputs' names, <c>x1</c> … <c>xn</c>.</summary>
    public static IReadOnlyList<string> InputNames(int inputs) =>
        [.. Enumerable.Range(1, inputs).Select(i => string.Create(CultureInfo.InvariantCulture, $"x{i}"))];

    /// <summary>
    /// The names of the units of weight layer <paramref name="layer"/> (0-based): <c>h1</c> … with one hidden layer,
    /// <c>h{layer}.{unit}</c> with several, and <c>y</c> or <c>y1</c>, <c>y2</c>, … at the output.
    /// </summary>
    public static IReadOnlyList<string> UnitNames(Architecture architecture, int layer)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        ArgumentOutOfRangeException.ThrowIfNegative(layer);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(layer, architecture.LayerCount);
        int count = architecture.Sizes[layer + 1];
        string prefix = layer == architecture.LayerCount - 1 ? "y" : architecture.LayerCount == 2 ? "h" : string.Create(CultureInfo.InvariantCulture, $"h{layer + 1}.");
        return prefix == "y" && count == 1
            ? ["y"]
            : [.. Enumerable.Range(1, count).Select(i => string.Create(CultureInfo.InvariantCulture, $"{prefix}{i}"))];
    }

    private static double[] Column(Matrix matrix, int column)
    {
        var values = new double[matrix.Rows];
        for (int r = 0; r < values.Length; r++)
        {
            values[r] = matrix[r, column];
        }

        return values;
    }
}
