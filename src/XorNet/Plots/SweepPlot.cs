using System.Globalization;
using System.Text;
using XorNet.Sweeps;

using XorNet.NumPy;

namespace XorNet.Plots;

/// <summary>
/// The picture of a sweep's summary: how often each setting converged (a heatmap when two options vary, else one
/// horizontal bar per setting) and how many epochs its converged runs took (one row per setting on a shared
/// logarithmic axis). The options that do not vary are named under the title; the height grows with the settings.
/// </summary>
public static class SweepPlot
{
    private const int Margin = 20, RowHeight = 24, LabelGap = 10, BarsWidth = 200, ColumnGap = 50, DistributionWidth = 480, Top = 64, NoteSize = 12;
    private const double CharWidth = 6.8;

    /// <summary>An SVG document of <paramref name="summaries"/> (in the order given, one row each); a note saying so when there are none.</summary>
    public static string Render(IReadOnlyList<SettingSummary> summaries)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        if (summaries.Count == 0)
        {
            const string Nothing = "No run finished, so there is nothing to draw.";
            StringBuilder empty = Svg.Begin(480, 80, Nothing);
            Svg.Text(empty, 240, 45, Nothing);
            return empty.Append("</svg>\n").ToString();
        }

        SweepSetting[] settings = [.. summaries.Select(s => s.Setting)];
        IReadOnlyList<SettingOption> options = SettingOption.For(settings);
        SettingOption[] varying = SettingOption.Varying(settings);
        SettingOption[] named = varying.Length == 0 ? [.. options] : varying;
        string[] labels = [.. settings.Select(s => Labels(named, s))];

        // A fixed value is named once, from the first setting that has one (a momentum only momentum's rules have).
        string? fixedOptions = varying.Length == 0 ? null
            : string.Join(" · ", options.Except(varying).Select(o => settings.Select(o.Label).FirstOrDefault(l => l is not null)).OfType<string>());
        long runs = summaries.Sum(s => (long)s.Runs), converged = summaries.Sum(s => (long)s.Converged);
        string title = string.Create(CultureInfo.InvariantCulture,
            $"{runs} runs over {summaries.Count} setting{(summaries.Count == 1 ? "" : "s")}: {converged} converged ({Percent(converged, runs)})");

        // A grid of two options needs each setting in a cell: a value of both.
        RateHeatmap? heatmap = varying.Length == 2 && settings.All(s => varying.All(o => o.Applies(s))) ? new RateHeatmap(summaries, varying) : null;
        double barsLeft = Margin + TextWidth(labels.Max(l => l.Length)) + LabelGap;
        double distributionLeft = heatmap is null ? barsLeft + BarsWidth + ColumnGap : barsLeft;
        double width = new[]
        {
            distributionLeft + DistributionWidth + 30, EpochDistribution.KeyWidth + (2 * Margin), (heatmap?.Width ?? 0) + (2 * Margin),
            (TextWidth(title.Length) * 1.25) + (2 * Margin),
        }.Max();
        var heading = PlotTitle.Layout(title, width, width / 2);
        PlotTitle? note = fixedOptions is null ? null : PlotTitle.Layout(fixedOptions, width, width / 2, NoteSize);
        int contentTop = Top + heading.ExtraHeight + (note?.ExtraHeight ?? 0);
        double rowsTop = contentTop + (heatmap is null ? 0 : heatmap.Height + 24) + 24, rowsBottom = rowsTop + (summaries.Count * RowHeight);
        double height = rowsBottom + 78;
        StringBuilder svg = Svg.Begin((int)Math.Ceiling(width), (int)Math.Ceiling(height), title);
        heading.Draw(svg, 28);
        note?.Draw(svg, 47 + heading.ExtraHeight, " fill=\"#555\"");

        heatmap?.Draw(svg, Math.Max(Margin, (width - heatmap.Width) / 2), contentTop);
        for (int i = 1; i < summaries.Count; i += 2)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Margin}\" y=\"{Svg.N(rowsTop + (i * RowHeight))}\" width=\"{Svg.N(width - (2 * Margin))}\" height=\"{RowHeight}\" fill=\"#f4f4f4\"/>\n");
        }

        if (heatmap is null)
        {
            Svg.Text(svg, barsLeft + (BarsWidth / 2.0), rowsTop - 8, "convergence rate");
            RateBars.DrawAxis(svg, barsLeft, BarsWidth, rowsTop, rowsBottom);
        }

        var axis = new EpochAxis([.. summaries.SelectMany(s => s.ConvergenceEpochs)], distributionLeft, DistributionWidth);
        Svg.Text(svg, distributionLeft + (DistributionWidth / 2.0), rowsTop - 8, "epochs to converge, per setting");
        DrawEpochAxis(svg, axis, rowsTop, rowsBottom, distributionLeft);
        for (int i = 0; i < summaries.Count; i++)
        {
            double top = rowsTop + (i * RowHeight);
            svg.Append(CultureInfo.InvariantCulture, $"<g class=\"setting\"><title>{Svg.Escape(Describe(summaries[i], options))}</title>\n");
            Svg.Text(svg, barsLeft - LabelGap, top + (RowHeight / 2.0) + 4, labels[i], anchor: "end", size: 12, extra: " class=\"label\"");
            if (heatmap is null)
            {
                RateBars.DrawRow(svg, summaries[i], barsLeft, BarsWidth, top, RowHeight);
            }

            EpochDistribution.DrawRow(svg, summaries[i], axis, top + (RowHeight / 2.0), (RowHeight / 2.0) - 3);
            svg.Append("</g>\n");
        }

        EpochDistribution.DrawKey(svg, Math.Max(Margin, distributionLeft + DistributionWidth - EpochDistribution.KeyWidth), rowsBottom + 62);
        return svg.Append("</svg>\n").ToString();
    }

    /// <summary>The share of runs that converged as a percentage to a tenth, never rounded to 0% or 100% when that is not exact.</summary>
    internal static string Percent(SettingSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return Percent(summary.Converged, summary.Runs);
    }

    /// <summary>The share of runs that converged, 0 when there were none (rather than NaN).</summary>
    internal static double Rate(SettingSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return summary.Runs == 0 ? 0 : summary.ConvergedRate;
    }

    /// <summary>A sentence on <paramref name="summary"/> with each of <paramref name="options"/> it has and every statistic, for a tooltip.</summary>
    internal static string Describe(SettingSummary summary, IReadOnlyList<SettingOption> options)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(options);
        string setting = Labels(options, summary.Setting);
        string epochs = summary.Epochs is { } e
            ? $"epochs to converge: median {NumPyFormat.General(e.Median, 6)}, 10th percentile {NumPyFormat.General(e.P10, 6)}, 90th percentile {NumPyFormat.General(e.P90, 6)}"
            : "none converged";
        return $"{setting}: {summary.Converged} of {summary.Runs} runs converged ({Percent(summary)}); {epochs}";
    }

    // The options' labels of a setting, those it has a value of.
    private static string Labels(IEnumerable<SettingOption> options, SweepSetting setting) => string.Join(" · ", options.Select(o => o.Label(setting)).OfType<string>());

    /// <summary>About how wide <paramref name="characters"/> characters of 12-pixel text are.</summary>
    internal static double TextWidth(int characters) => Math.Ceiling(characters * CharWidth);

    private static string Percent(long converged, long runs)
    {
        if (runs == 0)
        {
            return "no runs";
        }

        double percent = 100.0 * converged / runs;
        string text = percent.ToString("0.#", CultureInfo.InvariantCulture);
        return (text, converged) switch
        {
            ("100", _) when converged < runs => ">99.9%",
            ("0", > 0) => "<0.1%",
            _ => text + "%",
        };
    }

    // Lines up through the rows at the labelled epochs, their labels under the rows, and what the axis shows.
    private static void DrawEpochAxis(StringBuilder svg, EpochAxis axis, double top, double bottom, double left)
    {
        foreach ((double epoch, string label) in axis.Ticks())
        {
            double x = axis.X(epoch);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Svg.N(x)}\" y1=\"{Svg.N(top)}\" x2=\"{Svg.N(x)}\" y2=\"{Svg.N(bottom + 4)}\" stroke=\"#ddd\"/>\n");
            Svg.Text(svg, x, bottom + 17, label, size: 11);
        }

        Svg.Text(svg, left + (DistributionWidth / 2.0), bottom + 35, "epochs to converge (log scale of epoch + 1, so that epoch 0 fits)");
    }
}
