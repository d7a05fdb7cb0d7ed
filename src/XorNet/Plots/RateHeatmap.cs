using System.Globalization;
using System.Text;
using XorNet.Sweeps;

namespace XorNet.Plots;

/// <summary>
/// The convergence rate of every setting of a sweep in which two options vary, as a grid: one row per value of the
/// option with more values, one column per value of the other, each cell coloured by its rate with the percentage
/// written in it, and a colour scale beside. A combination no run had (summaries of partial record files) is an
/// empty cell marked "no runs".
/// </summary>
internal sealed class RateHeatmap
{
    private const int CellWidth = 84, CellHeight = 36, HeadingHeight = 38, LegendGap = 30, LegendWidth = 16, LegendMinHeight = 120;
    private static readonly ColourMap Scale = ColourMap.PaleToDark;
    private readonly IReadOnlyList<SettingSummary> _summaries;
    private readonly SweepSetting[] _settings;
    private readonly SettingOption _rows, _columns;
    private readonly IReadOnlyList<SweepSetting> _rowValues, _columnValues;
    private readonly double _rowHeaderWidth;

    /// <summary>The grid of <paramref name="summaries"/> over the two options in <paramref name="varying"/>.</summary>
    public RateHeatmap(IReadOnlyList<SettingSummary> summaries, IReadOnlyList<SettingOption> varying)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        ArgumentNullException.ThrowIfNull(varying);
        if (varying.Count != 2 || summaries.Count == 0)
        {
            throw new ArgumentException("A rate heatmap needs two varying options and a setting.", nameof(varying));
        }

        _summaries = summaries;
        _settings = [.. summaries.Select(s => s.Setting)];
        // The option with more values down the side keeps the picture narrow.
        (_rows, _columns) = varying[1].Values(_settings).Count > varying[0].Values(_settings).Count ? (varying[1], varying[0]) : (varying[0], varying[1]);
        _rowValues = _rows.Values(_settings);
        _columnValues = _columns.Values(_settings);
        _rowHeaderWidth = SweepPlot.TextWidth(_rowValues.Max(v => _rows.ValueUnder(_settings, v).Length));
    }

    /// <summary>The width it takes.</summary>
    public double Width => GridLeft(0) + (_columnValues.Count * CellWidth) + LegendGap + LegendWidth + 50;

    /// <summary>The height it takes.</summary>
    public double Height => HeadingHeight + Math.Max(_rowValues.Count * CellHeight, LegendMinHeight) + 8;

    /// <summary>Draws the grid with its top left corner at (<paramref name="left"/>, <paramref name="top"/>).</summary>
    public void Draw(StringBuilder svg, double left, double top)
    {
        ArgumentNullException.ThrowIfNull(svg);
        double gridLeft = GridLeft(left), gridTop = top + HeadingHeight;
        double gridWidth = _columnValues.Count * CellWidth, gridHeight = _rowValues.Count * CellHeight;
        Svg.Text(svg, gridLeft + (gridWidth / 2), top + 12, _columns.Heading(_settings));
        Svg.Text(svg, left + 12, gridTop + (gridHeight / 2), _rows.Heading(_settings), extra: $" transform=\"rotate(-90 {Svg.N(left + 12)} {Svg.N(gridTop + (gridHeight / 2))})\"");
        for (int c = 0; c < _columnValues.Count; c++)
        {
            Svg.Text(svg, gridLeft + ((c + 0.5) * CellWidth), gridTop - 8, _columns.ValueUnder(_settings, _columnValues[c]), size: 12);
        }

        IReadOnlyList<SettingOption> options = SettingOption.For(_settings);
        var bySetting = _summaries.ToDictionary(s => (_rows.Key(_settings[0], s.Setting), _columns.Key(_settings[0], s.Setting)));
        for (int r = 0; r < _rowValues.Count; r++)
        {
            double y = gridTop + (r * CellHeight);
            Svg.Text(svg, gridLeft - 8, y + (CellHeight / 2.0) + 4, _rows.ValueUnder(_settings, _rowValues[r]), anchor: "end", size: 12);
            for (int c = 0; c < _columnValues.Count; c++)
            {
                Cell(svg, bySetting.GetValueOrDefault((_rowValues[r], _columnValues[c])), options, gridLeft + (c * CellWidth), y);
            }
        }

        Legend(svg, gridLeft + gridWidth + LegendGap, gridTop, Math.Max(gridHeight, LegendMinHeight));
    }

    private double GridLeft(double left) => left + 24 + _rowHeaderWidth + 8;

    private static void Cell(StringBuilder svg, SettingSummary? summary, IReadOnlyList<SettingOption> options, double x, double y)
    {
        double centre = x + (CellWidth / 2.0);
        if (summary is null)
        {
            svg.Append(CultureInfo.InvariantCulture,
                $"<g class=\"cell missing\"><rect x=\"{Svg.N(x + 1)}\" y=\"{Svg.N(y + 1)}\" width=\"{CellWidth - 2}\" height=\"{CellHeight - 2}\" fill=\"#f4f4f4\" stroke=\"#bbb\" stroke-dasharray=\"3 3\"/>\n");
            Svg.Text(svg, centre, y + (CellHeight / 2.0) + 4, "no runs", size: 11, extra: " fill=\"#777\" font-style=\"italic\"");
            svg.Append("</g>\n");
            return;
        }

        double rate = SweepPlot.Rate(summary);
        string ink = Scale.IsDark(rate) ? " fill=\"white\"" : "";
        svg.Append(CultureInfo.InvariantCulture, $"<g class=\"cell\"><title>{Svg.Escape(SweepPlot.Describe(summary, options))}</title>");
        svg.Append(CultureInfo.InvariantCulture,
            $"<rect x=\"{Svg.N(x)}\" y=\"{Svg.N(y)}\" width=\"{CellWidth}\" height=\"{CellHeight}\" fill=\"{Scale.Colour(rate)}\" stroke=\"white\" stroke-width=\"2\"/>\n");
        Svg.Text(svg, centre, y + 16, SweepPlot.Percent(summary), size: 13, extra: ink + " font-weight=\"bold\"");
        Svg.Text(svg, centre, y + 29, $"{summary.Converged} of {summary.Runs}", size: 10, extra: ink);
        svg.Append("</g>\n");
    }

    private static void Legend(StringBuilder svg, double x, double y, double height)
    {
        Scale.AppendGradient(svg, "rate-scale");
        svg.Append(CultureInfo.InvariantCulture,
            $"<rect id=\"rate-scale-legend\" x=\"{Svg.N(x)}\" y=\"{Svg.N(y)}\" width=\"{LegendWidth}\" height=\"{Svg.N(height)}\" fill=\"url(#rate-scale)\" stroke=\"#444\"/>\n");
        for (int percent = 0; percent <= 100; percent += 25)
        {
            Svg.Text(svg, x + LegendWidth + 5, y + ((1 - (percent / 100.0)) * height) + 4, $"{percent}%", anchor: "start", size: 11);
        }

        Svg.Text(svg, x + (LegendWidth / 2.0), y - 8, "converged", size: 11);
    }
}
