using XorNet.NumPy;

namespace XorNet.Explain;

/// <summary>How an explanation's units are read as 0 or 1, in words, for the lines and pictures that say so.</summary>
public static class Readings
{
    /// <summary>The comparison that reads one of the layer's outputs as 1: <c>≥ 0.5</c>, <c>≥ 0</c> or <c>&gt; 0</c>.</summary>
    public static string Comparison(LayerExplanation layer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        return $"{(layer.ThresholdReadsAsOne ? "≥" : ">")} {NumPyFormat.General(layer.Threshold, 6)}";
    }

    /// <summary>
    /// What reads as 1, with <paramref name="article"/> (such as <c>an</c>, or empty) before each part:
    /// <c>an output ≥ 0.5</c> when every layer is read alike, else each activation's in layer order, such as
    /// <c>a tanh output ≥ 0 and a sigmoid output ≥ 0.5</c>.
    /// </summary>
    public static string Outputs(Explanation explanation, bool article)
    {
        ArgumentNullException.ThrowIfNull(explanation);
        var parts = explanation.Layers
            .Select(l => (l.Activation, Comparison: Comparison(l)))
            .Distinct()
            .ToList();
        if (parts.Select(p => p.Comparison).Distinct().Count() == 1)
        {
            return $"{(article ? "an " : "")}output {parts[0].Comparison}";
        }

        return string.Join(" and ", parts.Select(p => $"{(article ? "a " : "")}{p.Activation} output {p.Comparison}"));
    }
}
