using XorNet.Data;

namespace XorNet.Plots;

/// <summary>
/// How training points are marked over a heatmap. A few points (the truth tables) are large, filled black for
/// target 1 and white for 0; a crowd of them (the generated planes, CSV files of hundreds of rows) is drawn as the
/// Playground draws it: small dots in the target's own colour on the output's scale, ringed in white, so that a
/// point sits unseen in its own colour where the network fits it and stands out where it does not.
/// </summary>
internal static class PointMarks
{
    /// <summary>The most rows drawn as large black and white marks.</summary>
    public const int FewRows = 100;

    /// <summary>The ring of a point in a crowd.</summary>
    public const string CrowdStroke = "white";

    /// <summary>Whether <paramref name="data"/> has too many rows for large marks.</summary>
    public static bool Crowded(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return data.Rows > FewRows;
    }

    /// <summary>The fill of a point of a crowd with target <paramref name="target"/>: its colour on the output's scale.</summary>
    public static string CrowdFill(double target) => ColourScale.Colour(target);
}
