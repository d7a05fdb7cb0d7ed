using System.Globalization;
using System.Text;

namespace XorNet.Plots;

/// <summary>
/// The loss per epoch as an SVG line chart: logarithmic loss axis with labelled powers of ten, epochs along x.
/// Drawn from a <see cref="LossHistory"/>: every epoch of a short run, else at most 2000 points keeping each
/// bucket's smallest and largest loss so that spikes survive.
/// </summary>
public static class LossPlot
{
    private const int Width = 800, Height = 480, Left = 80, Right = 30, Top = 50, Bottom = 60;
    private const string TrainingColour = "#1f77b4", ValidationColour = "#ff7f0e";
    private const int MarkedPoints = 100;
    private static readonly int[] NiceSteps = [1, 2, 5, 10];

    /// <summary>The chart of the losses summarised in <paramref name="losses"/> titled <paramref name="title"/>.</summary>
    public static string Render(LossHistory losses, string title) => Render(losses, null, title);

    /// <summary>
    /// The chart of the training losses summarised in <paramref name="losses"/> and, when given, a second line of the
    /// <c>--validation</c> losses of the logged epochs (<paramref name="validation"/>), with a legend naming both.
    /// </summary>
    public static string Render(LossHistory losses, LossHistory? validation, string title)
    {
        ArgumentNullException.ThrowIfNull(losses);
        ArgumentNullException.ThrowIfNull(title);
        StringBuilder svg = Svg.Begin(Width, Height, title);
        Svg.Text(svg, Width / 2.0, 28, title, size: 15);
        double plotWidth = Width - Left - Right, plotHeight = Height - Top - Bottom;
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Left}\" y=\"{Top}\" width=\"{plotWidth}\" height=\"{plotHeight}\" fill=\"none\" stroke=\"#444\"/>\n");

        (int Epoch, double Loss)[] points = losses.Points();
        // A validation loss can be NaN (rows that overflow the network); it has no place on the chart.
        (int Epoch, double Loss)[] validationPoints = [.. (validation?.Points() ?? []).Where(p => double.IsFinite(p.Loss))];

        // One scale for both lines, so that they can be compared.
        double[] positive = [.. points.Concat(validationPoints).Select(p => p.Loss).Where(l => l > 0)];
        int lowPower = positive.Length == 0 ? -4 : (int)Math.Floor(Math.Log10(positive.Min()));
        int highPower = positive.Length == 0 ? 0 : (int)Math.Ceiling(Math.Log10(positive.Max()));
        if (highPower == lowPower)
        {
            highPower++;
        }

        int lastEpoch = Math.Max(1, losses.LastEpoch);
        double X(double epoch) => Left + (epoch / lastEpoch * plotWidth);
        double Y(double loss) => Top + plotHeight - ((Math.Log10(Math.Max(loss, Math.Pow(10, lowPower))) - lowPower) / (highPower - lowPower) * plotHeight);

        for (int power = lowPower; power <= highPower; power++)
        {
            double y = Y(Math.Pow(10, power));
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{Svg.N(y)}\" x2=\"{Left + plotWidth}\" y2=\"{Svg.N(y)}\" stroke=\"#ddd\"/>\n");
            Svg.Text(svg, Left - 8, y + 4, string.Create(CultureInfo.InvariantCulture, $"1e{power}"), anchor: "end", size: 12);
        }

        foreach (int epoch in Ticks(lastEpoch))
        {
            double x = X(epoch);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Svg.N(x)}\" y1=\"{Top + plotHeight}\" x2=\"{Svg.N(x)}\" y2=\"{Top + plotHeight + 5}\" stroke=\"#444\"/>\n");
            Svg.Text(svg, x, Top + plotHeight + 20, epoch.ToString(CultureInfo.InvariantCulture), size: 12);
        }

        Svg.Text(svg, Left + (plotWidth / 2), Height - 15, "epoch");
        Svg.Text(svg, 20, Top + (plotHeight / 2), "loss (MSE, log scale)", extra: $" transform=\"rotate(-90 20 {Svg.N(Top + (plotHeight / 2))})\"");
        Line(svg, points, TrainingColour, X, Y);
        if (validation is not null)
        {
            Line(svg, validationPoints, ValidationColour, X, Y);

            // Logged epochs are few, so each is marked; thousands would only thicken the line.
            if (validationPoints.Length <= MarkedPoints)
            {
                foreach ((int epoch, double loss) in validationPoints)
                {
                    svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{Svg.N(X(epoch))}\" cy=\"{Svg.N(Y(loss))}\" r=\"2.5\" fill=\"{ValidationColour}\"/>\n");
                }
            }

            Legend(svg, Left + plotWidth, Top);
        }

        return svg.Append("</svg>\n").ToString();
    }

    private static void Line(StringBuilder svg, (int Epoch, double Loss)[] points, string colour, Func<double, double> x, Func<double, double> y)
    {
        if (points.Length > 0)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"1.5\" points=\"");
            svg.AppendJoin(' ', points.Select(p => $"{Svg.N(x(p.Epoch))},{Svg.N(y(p.Loss))}"));
            svg.Append("\"/>\n");
        }
    }

    // A box in the plot's top right corner, where a falling loss leaves room, naming the two lines.
    private static void Legend(StringBuilder svg, double right, double top)
    {
        double left = right - 120, y = top + 20;
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Svg.N(left)}\" y=\"{Svg.N(top + 6)}\" width=\"110\" height=\"46\" fill=\"white\" fill-opacity=\"0.85\" stroke=\"#bbb\"/>\n");
        foreach ((string name, string colour) in new[] { ("training", TrainingColour), ("validation", ValidationColour) })
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Svg.N(left + 8)}\" y1=\"{Svg.N(y - 4)}\" x2=\"{Svg.N(left + 30)}\" y2=\"{Svg.N(y - 4)}\" stroke=\"{colour}\" stroke-width=\"2\"/>\n");
            Svg.Text(svg, left + 36, y, name, anchor: "start", size: 12);
            y += 18;
        }
    }

    private static IEnumerable<int> Ticks(int last)
    {
        double raw = last / 5.0;
        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(Math.Max(raw, 1))));
        double step = NiceSteps.Select(m => m * magnitude).First(s => s >= raw);
        for (double t = 0; t <= last; t += step)
        {
            yield return (int)t;
        }
    }
}
