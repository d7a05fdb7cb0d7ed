using System.Globalization;
using System.Text;
using XorNet.NumPy;
using XorNet.Data;

namespace XorNet.Plots;

/// <summary>
/// Training as one SVG that plays by itself and loops: the network's output over the plane frame by frame (as
/// <see cref="BoundaryPlot"/> draws it) beside the loss curve with a marker at each frame's epoch. It is animated
/// with SMIL alone (no script, no external reference); a viewer that does not animate shows the last frame.
/// </summary>
internal static class TrainingAnimation
{
    /// <summary>How long each frame shows, and how long the last one stays before the loop starts again.</summary>
    public const double FrameSeconds = 0.12, HoldSeconds = 2.0;

    // The loss chart to the right of the panels: room for its axis labels, the plot, and a margin.
    private const int ChartLeft = 80, ChartWidth = 420, ChartRight = 30;

    /// <summary>
    /// The animation of <paramref name="frames"/> (in epoch order, the trained network last) over the points of
    /// <paramref name="data"/>, with the loss curve <paramref name="losses"/> (the loss of each epoch before its
    /// update, and the trained network's at the end).
    /// </summary>
    public static string Render(
        IReadOnlyList<TrainingFrames.Frame> frames, IReadOnlyList<(int Epoch, double Loss)> losses, Dataset data, string title, string lossName)
    {
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(losses);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(title);
        if (frames.Count == 0)
        {
            throw new ArgumentException("An animation needs at least the trained network's frame.", nameof(frames));
        }

        int outputs = frames[0].Grid.Outputs;
        PlotWindow window = frames[0].Grid.Window;
        int panels = outputs * BoundaryPanel.Width;
        int width = panels + ChartLeft + ChartWidth + ChartRight;
        var heading = PlotTitle.Layout(title, width, width / 2.0);
        int top = BoundaryPlot.Top + heading.ExtraHeight;
        StringBuilder svg = Svg.Begin(width, top + BoundaryPanel.Size + BoundaryPanel.Below, title);
        heading.Draw(svg, BoundaryPlot.TitleY);
        ColourScale.Definitions(svg);

        var chart = new LossChart(losses, panels + ChartLeft, top, ChartWidth, BoundaryPanel.Size);
        chart.Draw(svg, lossName, null);

        double duration = (frames.Count * FrameSeconds) + HoldSeconds;
        for (int i = 0; i < frames.Count; i++)
        {
            TrainingFrames.Frame frame = frames[i];
            bool last = i == frames.Count - 1;
            svg.Append(CultureInfo.InvariantCulture, $"<g class=\"frame\" id=\"frame-{i}\" data-epoch=\"{frame.Epoch}\" data-loss=\"{NumPyFormat.Repr(frame.Loss)}\" visibility=\"{(last ? "visible" : "hidden")}\">\n");
            if (frames.Count > 1)
            {
                svg.Append(Visibility(i, frames.Count, duration)).Append('\n');
            }

            for (int k = 0; k < outputs; k++)
            {
                BoundaryPanel.Surface(svg, frame.Grid, k, (k * BoundaryPanel.Width) + BoundaryPanel.Left, top, $"contour-{i}-{k + 1}");
            }

            if (double.IsFinite(frame.Loss))
            {
                svg.Append(CultureInfo.InvariantCulture,
                    $"<circle class=\"marker\" cx=\"{Svg.N(chart.X(frame.Epoch))}\" cy=\"{Svg.N(chart.Y(frame.Loss))}\" r=\"6\" fill=\"#d62728\" stroke=\"white\" stroke-width=\"1.5\"/>\n");
            }

            string label = string.Create(
                CultureInfo.InvariantCulture, $"after {(frame.Epoch == 1 ? "1 epoch" : $"{frame.Epoch} epochs")}{(last && frame.Epoch > 0 ? " (trained)" : "")}, loss {NumPyFormat.General(frame.Loss, 4)}");
            Svg.Text(svg, panels + ChartLeft + ChartWidth - 10, top + 22, label, anchor: "end", size: 14);
            svg.Append("</g>\n");
        }

        for (int k = 0; k < outputs; k++)
        {
            int left = (k * BoundaryPanel.Width) + BoundaryPanel.Left;
            if (outputs > 1)
            {
                Svg.Text(svg, left + (BoundaryPanel.Size / 2.0), top - 8, $"output {k + 1}", size: 13);
            }

            BoundaryPanel.Overlay(svg, data, k, window, left, top, outputs == 1 ? "" : $"-{k + 1}");
        }

        return svg.Append("</svg>\n").ToString();
    }

    /// <summary>
    /// The SMIL animation that shows frame <paramref name="i"/> of <paramref name="count"/> in its slot of a loop of
    /// <paramref name="duration"/> seconds. Every frame's animation starts at 0 with the same duration, so they stay
    /// in step on one timeline; "discrete" holds each value until the next key time.
    /// </summary>
    private static string Visibility(int i, int count, double duration)
    {
        string Time(double seconds) => (seconds / duration).ToString("0.######", CultureInfo.InvariantCulture);
        string start = Time(i * FrameSeconds), end = Time((i + 1) * FrameSeconds);
        (string values, string keyTimes) = i == 0 ? ("visible;hidden", $"0;{end}")
            : i == count - 1 ? ("hidden;visible", $"0;{start}")
            : ("hidden;visible;hidden", $"0;{start};{end}");
        return string.Create(CultureInfo.InvariantCulture,
            $"<animate attributeName=\"visibility\" calcMode=\"discrete\" values=\"{values}\" keyTimes=\"{keyTimes}\" dur=\"{duration:0.##}s\" begin=\"0s\" repeatCount=\"indefinite\"/>");
    }
}
