using XorNet.Sweeps;

namespace XorNet.Plots;

/// <summary>The picture of a sweep's summary (placeholder until drawn properly).</summary>
public static class SweepPlot
{
    /// <summary>An SVG document of <paramref name="summaries"/>.</summary>
    public static string Render(IReadOnlyList<SettingSummary> summaries)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>\n";
    }
}
