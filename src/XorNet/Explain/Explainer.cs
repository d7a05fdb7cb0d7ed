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
        if (x is not null && x.Columns != architecture.RawInputs)
        {
            throw new ArgumentException($"The network takes {architecture.RawInputs} inputs, but the rows have {x.Columns}.", nameof(x));
        }

        // Units are computed on the features of the rows; truth tables are read over the raw rows, x1 and x2.
        IReadOnlyList<Matrix>? outputs = x is null || x.Rows == 0 ? null : DeepNetwork.Of(network).LayerOutputs(architecture.InputsOf(x));
        BinaryRows? binary = outputs is null ? null : BinaryRows.Of(x!);
        IReadOnlyList<string> inputs = architecture.InputNames;
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

            layers[l] = new LayerExplanation(l + 1, isOutput, activation, inputs, units) { IdenticalUnits = IdenticalGroups(weights, biases, names) };
            inputs = names;
        }

        return new Explanation(rowSource, x?.ToRows() ?? [], binary?.Labels, layers);
    }

    /// <summary>The inputs' names, <c>x1</c> … <c>xn</c>.</summary>
    public static IReadOnlyList<string> InputNames(int inputs) => Architecture.RawInputNames(inputs);

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

    // The groups of units whose weight columns and biases are equal bit for bit, each in unit order; null for none.
    private static List<IReadOnlyList<string>>? IdenticalGroups(Matrix weights, Matrix biases, IReadOnlyList<string> names)
    {
        var groups = new List<IReadOnlyList<string>>();
        var grouped = new bool[names.Count];
        for (int u = 0; u < names.Count; u++)
        {
            var group = new List<string> { names[u] };
            for (int v = u + 1; v < names.Count; v++)
            {
                if (!grouped[v] && SameUnit(weights, biases, u, v))
                {
                    grouped[v] = true;
                    group.Add(names[v]);
                }
            }

            if (!grouped[u] && group.Count > 1)
            {
                groups.Add(group);
            }
        }

        return groups.Count == 0 ? null : groups;
    }

    private static bool SameUnit(Matrix weights, Matrix biases, int u, int v)
    {
        for (int i = 0; i < weights.Rows; i++)
        {
            if (!weights[i, u].Equals(weights[i, v]))
            {
                return false;
            }
        }

        return biases[0, u].Equals(biases[0, v]);
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
