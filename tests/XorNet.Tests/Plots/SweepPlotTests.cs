using System.Globalization;
using System.Xml.Linq;
using FluentAssertions;

namespace XorNet.Tests;

/// <summary>The sweep picture: the convergence rate per setting as a heatmap or bars, and the epochs to converge per setting.</summary>
public sealed class SweepPlotTests : IDisposable
{
    private static readonly XNamespace SvgNs = "http://www.w3.org/2000/svg";
    private static readonly string[] Sizes = ["2", "4"];
    private static readonly double[] Rates = [0.5, 1.0];
    private static readonly Activation[] Activations = [Activation.Sigmoid, Activation.Tanh];
    private readonly string _directory = Directory.CreateTempSubdirectory("xornet-sweepplot-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Two_varying_options_give_a_heatmap_cell_per_setting_with_its_percentage()
    {
        SettingSummary[] summaries =
        [
            Summary("2", 0.1, runs: 4, 10, 20, 30),
            Summary("2", 1.0, runs: 4, 5),
            Summary("4", 0.1, runs: 4, 10, 20, 30, 40),
            Summary("4", 1.0, runs: 4),
        ];

        XDocument svg = Parse(SweepPlot.Render(summaries));

        XElement[] cells = [.. Groups(svg, "cell")];
        cells.Should().HaveCount(4);
        Cell(cells, "hidden 2 · lr 0.1").Should().Contain("75%").And.Contain("3 of 4");
        Cell(cells, "hidden 2 · lr 1.0").Should().Contain("25%");
        Cell(cells, "hidden 4 · lr 0.1").Should().Contain("100%");
        Cell(cells, "hidden 4 · lr 1.0").Should().Contain("0%");
        // Rows are one option (hidden), columns the other (learning rate).
        (double X, double Y) a = Corner(cells, "hidden 2 · lr 0.1"), b = Corner(cells, "hidden 2 · lr 1.0"), c = Corner(cells, "hidden 4 · lr 0.1");
        b.Y.Should().Be(a.Y);
        b.X.Should().BeGreaterThan(a.X);
        c.X.Should().Be(a.X);
        c.Y.Should().BeGreaterThan(a.Y);
        Fill(cells, "hidden 4 · lr 0.1").Should().NotBe(Fill(cells, "hidden 4 · lr 1.0"), "the colour follows the rate");
        svg.Descendants(SvgNs + "rect").Should().Contain(r => (string?)r.Attribute("id") == "rate-scale-legend");
        Texts(svg).Should().Contain(["hidden", "learning rate", "0.1", "1.0", "0%", "100%"]);
        svg.Descendants(SvgNs + "rect").Should().NotContain(r => (string?)r.Attribute("class") == "rate", "no bars beside a heatmap");
    }

    [Fact]
    public void A_setting_missing_from_the_grid_is_an_empty_cell_saying_no_runs()
    {
        SettingSummary[] summaries = [Summary("2", 0.1, runs: 4, 10), Summary("2", 1.0, runs: 4, 5), Summary("4", 0.1, runs: 4, 10)];

        XElement[] cells = [.. Groups(Parse(SweepPlot.Render(summaries)), "cell missing")];

        cells.Should().ContainSingle().Which.Value.Should().Be("no runs");
    }

    [Fact]
    public void One_varying_option_gives_a_bar_per_value_as_long_as_its_rate()
    {
        SettingSummary[] summaries = [Summary("4", 0.1, runs: 10, 1, 2), Summary("4", 0.5, runs: 10, 1, 2, 3, 4, 5, 6, 7, 8), Summary("4", 1.0, runs: 10)];

        XDocument svg = Parse(SweepPlot.Render(summaries));

        XElement[] bars = [.. svg.Descendants(SvgNs + "rect").Where(r => (string?)r.Attribute("class") == "rate")];
        bars.Select(r => Number(r, "width") / Number(bars[1], "width") * 0.8).Should().Equal([0.2, 0.8, 0], (x, y) => Math.Abs(x - y) < 1e-9);
        Groups(svg, "setting").Select(g => string.Join(" | ", g.Elements(SvgNs + "text").Take(2).Select(t => t.Value))).Should().Equal(
            "lr 0.1 | 20%", "lr 0.5 | 80%", "lr 1.0 | 0%");
        Groups(svg, "cell").Should().BeEmpty();
        Texts(svg).Should().Contain("hidden 4 · activation sigmoid · init normal · loss mse", "the options that stay the same are named once");
    }

    [Fact]
    public void A_single_setting_is_one_bar_labelled_with_every_option()
    {
        XDocument svg = Parse(SweepPlot.Render([Summary("4", 0.1, runs: 3, 100)]));

        svg.Descendants(SvgNs + "rect").Where(r => (string?)r.Attribute("class") == "rate").Should().ContainSingle();
        Labels(svg).Should().Equal("hidden 4 · lr 0.1 · activation sigmoid · init normal · loss mse");
        svg.Root!.Element(SvgNs + "title")!.Value.Should().Contain("3 runs over 1 setting");
    }

    [Fact]
    public void Three_varying_options_give_one_labelled_bar_per_setting()
    {
        SettingSummary[] summaries =
        [
            .. from sizes in Sizes
               from rate in Rates
               from activation in Activations
               select Summary(sizes, rate, runs: 2, [7], activation),
        ];

        XDocument svg = Parse(SweepPlot.Render(summaries));

        svg.Descendants(SvgNs + "rect").Where(r => (string?)r.Attribute("class") == "rate").Should().HaveCount(8);
        Labels(svg).Should().HaveCount(8).And.Contain("hidden 4 · lr 0.5 · activation tanh");
        Groups(svg, "cell").Should().BeEmpty();
    }

    [Fact]
    public void Settings_where_no_run_converged_say_so_and_the_others_show_their_spread()
    {
        SettingSummary[] summaries = [Summary("1", 0.1, runs: 5), Summary("2", 0.1, runs: 5, 0, 3, 40, 500), Summary("4", 0.1, runs: 5)];

        XDocument svg = Parse(SweepPlot.Render(summaries));

        XElement[] rows = [.. Groups(svg, "setting")];
        rows.Select(r => r.Descendants(SvgNs + "text").Any(t => t.Value == "none converged")).Should().Equal(true, false, true);
        rows.Select(r => r.Elements(SvgNs + "path").Count(p => (string?)p.Attribute("class") == "density")).Should().Equal(0, 1, 0);
        rows[1].Elements(SvgNs + "line").Select(l => (string?)l.Attribute("class")).Should().BeEquivalentTo(["p10-p90", "median"]);
        // Epoch 0 is on the log axis (at epoch + 1), left of epoch 1, and the axis says how.
        Texts(svg).Should().Contain(["0", "1", "10", "100", "1000"]).And.Contain(t => t.Contains("log scale", StringComparison.Ordinal) && t.Contains("epoch + 1", StringComparison.Ordinal));
        string start = rows[1].Elements(SvgNs + "path").Single().Attribute("d")!.Value.Split('L')[0];
        double firstX = double.Parse(start[1..].Split(',')[0], CultureInfo.InvariantCulture);
        firstX.Should().BeApproximately(TickX(svg, "0"), 0.01, "the strip starts in the first bin, where the run that converged at epoch 0 is");
    }

    [Fact]
    public void Thousands_of_runs_are_binned_and_fifty_settings_grow_the_picture_downwards()
    {
        var random = new Random(1);
        SettingSummary[] Many(int count) =>
        [
            .. Enumerable.Range(1, count).Select(i => Summary(
                i.ToString(CultureInfo.InvariantCulture), 0.1, runs: 4000, [.. Enumerable.Range(0, 3000).Select(_ => Math.Round(Math.Exp(random.NextDouble() * 9)))])),
        ];

        string fifty = SweepPlot.Render(Many(50)), ten = SweepPlot.Render(Many(10));

        fifty.Length.Should().BeLessThan(300_000, "150,000 converged runs drawn as binned strips, not one mark each");
        XDocument svg = Parse(fifty);
        svg.Root!.Element(SvgNs + "title")!.Value.Should().StartWith("200000 runs over 50 settings");
        Labels(svg).Should().HaveCount(50);
        Number(svg.Root, "height").Should().BeGreaterThan(Number(Parse(ten).Root!, "height") + (40 * 20));
    }

    [Fact]
    public void A_rate_is_never_rounded_to_all_or_nothing()
    {
        XDocument svg = Parse(SweepPlot.Render([Summary("4", 0.1, runs: 10000, [.. Enumerable.Repeat(50.0, 9999)]), Summary("4", 0.5, runs: 10000, 50)]));

        Groups(svg, "setting").Select(g => g.Elements(SvgNs + "text").Last().Value).Should().Equal(">99.9%", "<0.1%");
    }

    [Fact]
    public void No_summaries_still_make_a_picture()
    {
        Texts(Parse(SweepPlot.Render([]))).Should().Contain("No run finished, so there is nothing to draw.");
    }

    [Fact]
    public void Sweep_and_summarize_draw_the_plot_they_are_asked_for()
    {
        string plot = Path.Combine(_directory, "sweep.svg"), records = Path.Combine(_directory, "runs.csv"), again = Path.Combine(_directory, "again.svg");

        (int exitCode, string output, string error) = InProcess.Run(
            "sweep", "--seed", "0-3", "--hidden", "2,4", "--learning-rate", "0.5,1", "--epochs", "3000", "--out", records, "--plot", plot);

        exitCode.Should().Be(ExitCodes.Success, error);
        output.Should().Contain("hidden");
        XDocument svg = Parse(File.ReadAllText(plot));
        svg.Root!.Element(SvgNs + "title")!.Value.Should().StartWith("16 runs over 4 settings");
        Groups(svg, "cell").Should().HaveCount(4);
        InProcess.Run("sweep", "summarize", records, "--plot", again).ExitCode.Should().Be(ExitCodes.Success);
        File.ReadAllText(again).Should().Be(File.ReadAllText(plot), "the records hold everything the picture shows");
    }

    private static SettingSummary Summary(string sizes, double rate, int runs, double[] epochs, Activation activation = Activation.Sigmoid)
    {
        double[] sorted = [.. epochs.Order()];
        EpochStatistics? statistics = sorted.Length == 0 ? null : new EpochStatistics(sorted[sorted.Length / 2], sorted[0], sorted[^1]);
        var setting = new SweepSetting(SweepSetting.HiddenColumn, sizes, rate, activation, Initialization.Normal, LossFunction.Mse);
        return new SettingSummary(setting, runs, sorted.Length, statistics, sorted.Length == runs ? null : 0.125, sorted);
    }

    private static SettingSummary Summary(string sizes, double rate, int runs, params double[] epochs) => Summary(sizes, rate, runs, epochs, Activation.Sigmoid);

    private static XDocument Parse(string text)
    {
        text.Should().NotContain("<script").And.NotContain("href").And.NotContain("http://www.w3.org/1999/xlink").And.NotContain("url(http");
        XDocument svg = XDocument.Parse(text);
        svg.Root!.Name.Should().Be(SvgNs + "svg");
        return svg;
    }

    private static IEnumerable<XElement> Groups(XDocument svg, string kind) =>
        svg.Descendants(SvgNs + "g").Where(g => (string?)g.Attribute("class") == kind);

    private static string[] Texts(XDocument svg) => [.. svg.Descendants(SvgNs + "text").Select(t => t.Value)];

    private static string[] Labels(XDocument svg) =>
        [.. svg.Descendants(SvgNs + "text").Where(t => (string?)t.Attribute("class") == "label").Select(t => t.Value)];

    private static XElement CellOf(XElement[] cells, string setting) =>
        cells.Single(c => c.Element(SvgNs + "title")!.Value.StartsWith(setting + " · ", StringComparison.Ordinal));

    private static string Cell(XElement[] cells, string setting) => string.Join(" ", CellOf(cells, setting).Elements(SvgNs + "text").Select(t => t.Value));

    private static (double X, double Y) Corner(XElement[] cells, string setting)
    {
        XElement rect = CellOf(cells, setting).Element(SvgNs + "rect")!;
        return (Number(rect, "x"), Number(rect, "y"));
    }

    private static string Fill(XElement[] cells, string setting) => CellOf(cells, setting).Element(SvgNs + "rect")!.Attribute("fill")!.Value;

    private static double TickX(XDocument svg, string label) =>
        Number(svg.Descendants(SvgNs + "text").Last(t => t.Value == label), "x");

    private static double Number(XElement element, string attribute) =>
        double.Parse(element.Attribute(attribute)!.Value, CultureInfo.InvariantCulture);
}
