using System.Globalization;
using System.Text;

namespace XorNet.Plots;

/// <summary>
/// A line chart of losses by epoch in a rectangle of a picture: logarithmic loss axis labelled by AxisTicks (powers of ten, and 2 and 5 or 2..9 times them over few decades),
/// epochs along x. <see cref="LossPlot"/> draws one alone, <see cref="TrainingAnimation"/> one beside the surface,
/// with a marker placed by <see cref="X"/> and <see cref="Y"/>.
/// </summary>
internal sealed class LossChart
{
    private const string TrainingColour = "#1f77b4", ValidationColour = "#ff7f0e";
    private const int MarkedPoints = 100;

    // Room for the loss labels left of the frame, short of the axis's name; room for an epoch label past the frame's ends.
    private const double LabelRoom = 48, EdgeRoom = 20;

    private readonly (int Epoch, double Loss)[] _points;
    private readonly (int Epoch, double Loss)[]? _validation;
    private readonly int _lastEpoch, _lowPower, _highPower;
    private readonly double _left, _top, _width, _height;

    /// <summary>
    /// A chart of <paramref name="points"/> (in epoch order) in the rectangle given, its x axis from 0 to the last
    /// point's epoch. A loss that is not finite (a trained network's weights gone to NaN, validation rows that overflow
    /// the network) has no place on it and is left out. With <paramref name="validation"/> (the <c>--validation</c>
    /// losses of the logged epochs), a second line on the same scale, and a legend naming both.
    /// </summary>
    public LossChart(
        IReadOnlyList<(int Epoch, double Loss)> points, double left, double top, double width, double height,
        IReadOnlyList<(int Epoch, double Loss)>? validation = null)
    {
        ArgumentNullException.ThrowIfNull(points);
        _points = [.. points.Where(p => double.IsFinite(p.Loss))];
        _validation = validation is null ? null : [.. validation.Where(p => double.IsFinite(p.Loss))];
        (_left, _top, _width, _height) = (left, top, width, height);

        // One scale for both lines, so that they can be compared.
        double[] positive = [.. _points.Concat(_validation ?? []).Select(p => p.Loss).Where(l => l > 0)];
        _lowPower = positive.Length == 0 ? -4 : (int)Math.Floor(Math.Log10(positive.Min()));
        _highPower = positive.Length == 0 ? 0 : (int)Math.Ceiling(Math.Log10(positive.Max()));
        if (_highPower == _lowPower)
        {
            _highPower++;
        }

        _lastEpoch = _points.Length == 0 ? 0 : _points[^1].Epoch;
    }

    /// <summary>The x coordinate of <paramref name="epoch"/>; a chart of one point has it in the middle.</summary>
    public double X(double epoch) => _points.Length == 1 || _lastEpoch == 0 ? _left + (_width / 2) : _left + (epoch / _lastEpoch * _width);

    /// <summary>The y coordinate of <paramref name="loss"/>, clamped to the axis's lowest power of ten.</summary>
    public double Y(double loss) =>
        _top + _height - ((Math.Log10(Math.Max(loss, Math.Pow(10, _lowPower))) - _lowPower) / (_highPower - _lowPower) * _height);

    /// <summary>
    /// The frame, grid, ticks, axis labels and the line (a dot when there is one point), with <paramref name="note"/>
    /// written inside the top of the frame when given. No points draws the frame and the note only.
    /// </summary>
    public void Draw(StringBuilder svg, string lossName, string? note)
    {
        ArgumentNullException.ThrowIfNull(svg);
        ArgumentNullException.ThrowIfNull(lossName);
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Svg.N(_left)}\" y=\"{Svg.N(_top)}\" width=\"{Svg.N(_width)}\" height=\"{Svg.N(_height)}\" fill=\"none\" stroke=\"#444\"/>\n");
        Svg.Text(svg, _left + (_width / 2), _top + _height + 45, "epoch");
        double middle = _top + (_height / 2);
        Svg.Text(svg, _left - 66, middle, $"loss ({lossName}, log scale)", extra: $" transform=\"rotate(-90 {Svg.N(_left - 66)} {Svg.N(middle)})\"");
        if (note is not null)
        {
            Svg.Text(svg, _left + (_width / 2), _top + 24, note, size: 13);
        }

        if (_points.Length == 0)
        {
            return;
        }

        AxisTicks losses = AxisTicks.Logarithmic(
            Math.Pow(10, _lowPower), Math.Pow(10, _highPower), Y, horizontal: false, room: LabelRoom);
        foreach ((double loss, string label) in losses.Ticks)
        {
            double y = Y(loss);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Svg.N(_left)}\" y1=\"{Svg.N(y)}\" x2=\"{Svg.N(_left + _width)}\" y2=\"{Svg.N(y)}\" stroke=\"{(IsPowerOfTen(loss) ? "#ddd" : "#f0f0f0")}\"/>\n");
            Svg.Text(svg, _left - 8, y + 4, label, anchor: "end", size: AxisTicks.FontSize);
        }

        IReadOnlyList<(double Value, string Label)> epochs = _points.Length == 1
            ? [(_points[0].Epoch, _points[0].Epoch.ToString(CultureInfo.InvariantCulture))]
            : AxisTicks.Linear(0, Math.Max(1, _lastEpoch), _width, horizontal: true, room: EdgeRoom, wholeNumbers: true).Ticks;
        foreach ((double epoch, string label) in epochs)
        {
            double x = X(epoch);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Svg.N(x)}\" y1=\"{Svg.N(_top + _height)}\" x2=\"{Svg.N(x)}\" y2=\"{Svg.N(_top + _height + 5)}\" stroke=\"#444\"/>\n");
            Svg.Text(svg, x, _top + _height + 20, label, size: AxisTicks.FontSize);
        }

        if (_points.Length == 1)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"loss-point\" cx=\"{Svg.N(X(_points[0].Epoch))}\" cy=\"{Svg.N(Y(_points[0].Loss))}\" r=\"3.5\" fill=\"{TrainingColour}\"/>\n");
        }
        else
        {
            Line(svg, _points, TrainingColour);
        }

        if (_validation is not null)
        {
            Line(svg, _validation, ValidationColour);

            // Logged epochs are few, so each is marked; thousands would only thicken the line.
            if (_validation.Length <= MarkedPoints)
            {
                foreach ((int epoch, double loss) in _validation)
                {
                    svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{Svg.N(X(epoch))}\" cy=\"{Svg.N(Y(loss))}\" r=\"2.5\" fill=\"{ValidationColour}\"/>\n");
                }
            }

            Legend(svg, _left + _width, _top);
        }
    }

    private void Line(StringBuilder svg, (int Epoch, double Loss)[] points, string colour)
    {
        if (points.Length > 0)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"1.5\" points=\"");
            svg.AppendJoin(' ', points.Select(p => $"{Svg.N(X(p.Epoch))},{Svg.N(Y(p.Loss))}"));
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

    private static bool IsPowerOfTen(double value) => Math.Abs(Math.Log10(value) - Math.Round(Math.Log10(value))) < 1e-9;
}
