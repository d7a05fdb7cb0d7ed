namespace XorNet.Network;

/// <summary>
/// What training an architecture needs of memory, for the network <see cref="Networks"/> makes for it: about how many
/// bytes, and whether .NET's array limit rules it out whatever the memory.
/// </summary>
public static class TrainingMemory
{
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
    public static long Bytes(Architecture architecture, int rows)
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
