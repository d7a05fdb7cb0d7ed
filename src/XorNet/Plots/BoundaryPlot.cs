using System.Text;
using XorNet.Data;
using XorNet.Network;

namespace XorNet.Plots;

/// <summary>
/// A two-input network's output over a <see cref="PlotWindow"/> as an SVG heatmap, with its 0.5 contour, the
/// training points marked by their target, and a colour scale.
/// </summary>
public static class BoundaryPlot
{
    /// <summary>Cells along each side of the heatmap.</summary>
    internal const int Cells = 120;

    /// <summary>Where the first line of a picture's heading sits, and the plot area's top under a one-line heading.</summary>
    internal const int TitleY = 28, Top = 50;

    /// <summary>
    /// The plot of <paramref name="network"/> over the plane with the points of <paramref name="data"/>: one panel per
    /// output, side by side, each with its own 0.5 contour and the points marked by that output's target.
    /// </summary>
    /// <param name="network">A network with two inputs and as many outputs as the data has targets.</param>
    /// <param name="data">The training points.</param>
    /// <param name="title">The heading, wrapped or squeezed to the picture's width when long.</param>
    /// <param name="window">The part of the plane to show; <see cref="PlotWindow.For"/> the data when null.</param>
    /// <exception cref="ArgumentException">The network or data does not have exactly two inputs, or their outputs differ.</exception>
    public static string Render(INetwork network, Dataset data, string title, PlotWindow? window = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(title);
        RequireFits(network, data);
        window ??= PlotWindow.For(data);
        int outputs = network.Architecture.Outputs;
        OutputGrid grid = OutputGrid.Of(network, window, Cells);

        int width = outputs * BoundaryPanel.Width;
        // Centred over the plot with one panel (as before there were several), over all the panels otherwise.
        var heading = PlotTitle.Layout(title, width, outputs == 1 ? BoundaryPanel.Left + (BoundaryPanel.Size / 2.0) : width / 2.0);
        int top = Top + heading.ExtraHeight;
        StringBuilder svg = Svg.Begin(width, top + BoundaryPanel.Size + BoundaryPanel.Below, title);
        heading.Draw(svg, TitleY);
        ColourScale.Definitions(svg);
        for (int k = 0; k < outputs; k++)
        {
            string suffix = outputs == 1 ? "" : $"-{k + 1}";
            int left = (k * BoundaryPanel.Width) + BoundaryPanel.Left;
            if (outputs > 1)
            {
                svg.Append(System.Globalization.CultureInfo.InvariantCulture, $"<g class=\"panel\" id=\"output-{k + 1}\">\n");
                Svg.Text(svg, left + (BoundaryPanel.Size / 2.0), top - 8, $"output {k + 1}", size: 13);
            }

            BoundaryPanel.Surface(svg, grid, k, left, top, $"contour{suffix}");
            BoundaryPanel.Overlay(svg, data, k, window, left, top, suffix);
            if (outputs > 1)
            {
                svg.Append("</g>\n");
            }
        }

        return svg.Append("</svg>\n").ToString();
    }

    /// <summary>Throws unless <paramref name="network"/> and <paramref name="data"/> both have two inputs and the same outputs.</summary>
    internal static void RequireFits(INetwork network, Dataset data)
    {
        if (network.Architecture.RawInputs != 2 || data.Inputs != 2)
        {
            throw new ArgumentException($"A decision-boundary plot needs two inputs; this data has {data.Inputs}.", nameof(data));
        }

        if (data.Targets != network.Architecture.Outputs)
        {
            throw new ArgumentException($"The network has {network.Architecture.Outputs} outputs but the data {data.Targets} targets.", nameof(data));
        }
    }
}
