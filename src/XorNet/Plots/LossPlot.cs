using System.Globalization;
using System.Text;
using XorNet.NumPy;
using XorNet.Network;

namespace XorNet.Plots;

/// <summary>
/// The loss per epoch as an SVG line chart: logarithmic loss axis with labelled powers of ten, epochs along x.
/// Drawn from a <see cref="LossHistory"/>: every epoch of a short run, else at most 2000 points keeping each
/// bucket's smallest and largest loss so that spikes survive.
/// </summary>
public static class LossPlot
{
    private const int Width = 800, Height = 480, Left = 80, Right = 30, Top = 50, Bottom = 60;

    /// <summary>What the axis calls <paramref name="loss"/>: "MSE" or "cross-entropy".</summary>
    public static string NameOf(LossFunction loss) => loss == LossFunction.Mse ? "MSE" : "cross-entropy";

    /// <summary>The chart of the losses summarised in <paramref name="losses"/> titled <paramref name="title"/>.</summary>
    /// <param name="losses">The losses of the epochs run.</param>
    /// <param name="title">The heading, wrapped or squeezed to the picture's width when long.</param>
    /// <param name="lossName">What the loss is, for the axis label ("MSE", "cross-entropy").</param>
    public static string Render(LossHistory losses, string title, string lossName = "MSE") => Render(losses, null, title, lossName);

    /// <summary>
    /// The chart of the training losses summarised in <paramref name="losses"/> and, when given, a second line of the
    /// <c>--validation</c> losses of the logged epochs (<paramref name="validation"/>), with a legend naming both.
    /// </summary>
    public static string Render(LossHistory losses, LossHistory? validation, string title, string lossName = "MSE")
    {
        ArgumentNullException.ThrowIfNull(losses);
        ArgumentNullException.ThrowIfNull(title);
        var heading = PlotTitle.Layout(title, Width, Width / 2.0);
        int top = Top + heading.ExtraHeight;
        StringBuilder svg = Svg.Begin(Width, Height + heading.ExtraHeight, title);
        heading.Draw(svg, BoundaryPlot.TitleY);
        (int Epoch, double Loss)[] points = losses.Points();
        string? note = points.Length switch
        {
            0 => "No epochs ran: there is no loss to draw.",
            1 => string.Create(CultureInfo.InvariantCulture, $"1 epoch: loss {NumPyFormat.General(points[0].Loss, 4)} at epoch {points[0].Epoch}"),
            _ => null,
        };
        new LossChart(points, Left, top, Width - Left - Right, Height - Top - Bottom, validation?.Points()).Draw(svg, lossName, note);
        return svg.Append("</svg>\n").ToString();
    }
}
