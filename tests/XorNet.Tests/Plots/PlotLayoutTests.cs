using System.Globalization;
using System.Xml.Linq;
using FluentAssertions;

namespace XorNet.Tests;

/// <summary>What a new user met in the pictures: the window, long headings, the legend, soft targets, short runs.</summary>
public sealed class PlotLayoutTests : IDisposable
{
    private static readonly XNamespace Ns = SvgReader.Ns;
    private readonly string _directory = Directory.CreateTempSubdirectory("xornet-plot-layout-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Truth_tables_keep_the_quarter_margin_and_other_data_get_their_extent_plus_a_tenth()
    {
        PlotWindow.For(Dataset.Xor).Should().Be(new PlotWindow(-0.25, 1.25, -0.25, 1.25));
        PlotWindow.For(Dataset.Named("half-adder")).Should().Be(PlotWindow.TruthTable);

        var data = new Dataset("points", Matrix.FromArray(3, 2, [-3, 10, 5, 30, 1, 20]), Matrix.FromArray(3, 1, [0, 1, 0]));
        PlotWindow window = PlotWindow.For(data);
        window.XMin.Should().BeApproximately(-3.8, 1e-12);
        window.XMax.Should().BeApproximately(5.8, 1e-12);
        window.YMin.Should().BeApproximately(8, 1e-12);
        window.YMax.Should().BeApproximately(32, 1e-12);

        // A column with one value gets half a unit either side; a --plot-range window is taken as it is.
        var flat = new Dataset("flat", Matrix.FromArray(2, 2, [2, 0.5, 2, 0.7]), Matrix.FromArray(2, 1, [0, 1]));
        PlotWindow.For(flat).XMin.Should().Be(1.5);
        PlotWindow.For(flat).XMax.Should().Be(2.5);
        PlotWindow.For(data, new PlotWindow(0, 1, 2, 3)).Should().Be(new PlotWindow(0, 1, 2, 3));
    }

    [Fact]
    public void Points_of_a_csv_file_far_from_the_unit_square_are_all_inside_the_plot()
    {
        string csv = Path.Combine(_directory, "far.csv");
        File.WriteAllText(csv, "x1,x2,y\n-3,10,0\n5,30,1\n1,20,0\n4,12,1\n");
        string path = Path.Combine(_directory, "b.svg");

        InProcess.Run("--data", csv, "--epochs", "10", "--plot-boundary", path).ExitCode.Should().Be(ExitCodes.Success);

        XDocument svg = SvgReader.Parse(path);
        (double X, double Y)[] points = [.. Points(svg).Select(c => (SvgReader.Num(c.Attribute("cx")!.Value), SvgReader.Num(c.Attribute("cy")!.Value)))];
        points.Should().HaveCount(4);

        // The plot area is x 60–540, y 50–530; the extremes sit a tenth of the extent (480 / 1.2 · 0.1 = 40 px) inside.
        points.Min(p => p.X).Should().BeApproximately(100, 0.01);
        points.Max(p => p.X).Should().BeApproximately(500, 0.01);
        points.Min(p => p.Y).Should().BeApproximately(90, 0.01);
        points.Max(p => p.Y).Should().BeApproximately(490, 0.01);
        Texts(svg).Should().Contain(["-2", "0", "2", "4", "10", "20", "30"]);
    }

    [Fact]
    public void Plot_range_chooses_the_window()
    {
        string path = Path.Combine(_directory, "b.svg");

        InProcess.Run("--plot-boundary", path, "--plot-range", "-1,2,-1,2", "--epochs", "10").ExitCode.Should().Be(ExitCodes.Success);

        XDocument svg = SvgReader.Parse(path);
        Texts(svg).Should().Contain(["-1", "-0.5", "0", "0.5", "1", "1.5", "2"]);
        Points(svg).Select(c => SvgReader.Num(c.Attribute("cx")!.Value)).Should().BeEquivalentTo([220.0, 220, 380, 380], "x = 0 and 1 a third and two thirds across");
    }

    [Theory]
    [InlineData("1,0,0,1")]
    [InlineData("0,1,1,1")]
    [InlineData("0,1,0")]
    [InlineData("0,1,0,1,2")]
    [InlineData("a,1,0,1")]
    [InlineData("NaN,1,0,1")]
    [InlineData("0,Infinity,0,1")]
    [InlineData("-1e308,1e308,0,1")]
    [InlineData("")]
    public void Plot_range_that_is_not_a_window_is_refused_in_one_line(string value)
    {
        (int exitCode, string output, string error) = InProcess.Run("--plot-boundary", Path.Combine(_directory, "b.svg"), "--plot-range", value);

        exitCode.Should().Be(ExitCodes.BadInput);
        output.Should().BeEmpty();
        error.Should().StartWith($"XorNet: --plot-range does not accept '{value}': expected four finite numbers").And.EndWith("\n");
        error.TrimEnd('\n').Should().NotContain("\n");
        Directory.GetFiles(_directory).Should().BeEmpty();
    }

    [Fact]
    public void Plot_range_without_a_picture_over_the_plane_is_refused()
    {
        (int exitCode, _, string error) = InProcess.Run("--plot-range", "0,1,0,1", "--plot-loss", Path.Combine(_directory, "l.svg"));

        exitCode.Should().Be(ExitCodes.BadInput);
        error.Should().Contain("--plot-range").And.Contain("--plot-boundary").And.Contain("--animate");
    }

    [Fact]
    public void A_long_heading_wraps_to_the_picture_instead_of_being_cut()
    {
        string csv = Path.Combine(_directory, "a-rather-long-file-name-for-the-points-of-the-xor-problem-with-soft-targets.csv");
        File.WriteAllText(csv, "0,0,0\n0,1,1\n1,0,1\n1,1,0\n");
        string path = Path.Combine(_directory, "b.svg");

        InProcess.Run("--data", csv, "--layers", "16,16,16", "--epochs", "10", "--plot-boundary", path).ExitCode.Should().Be(ExitCodes.Success);

        XDocument svg = SvgReader.Parse(path);
        double width = SvgReader.Num(svg.Root!.Attribute("width")!.Value);
        XElement[] heading = [.. svg.Root.Elements(Ns + "text").Where(t => (string?)t.Attribute("font-size") == "15")];
        heading.Length.Should().BeGreaterThan(1);
        string.Join(' ', heading.Select(t => t.Value)).Should().Be(svg.Root.Element(Ns + "title")!.Value, "the lines are the whole title");

        // Centred lines no wider than the picture less 10 px a side, at 0.6 em a character (DejaVu Sans is about that wide).
        heading.Should().OnlyContain(t => SvgReader.Num(t.Attribute("x")!.Value) == width / 2);
        heading.Should().OnlyContain(t => t.Value.Length * 15 * 0.6 <= width - 20 || t.Attribute("textLength") != null);

        // The plot moved down by the extra lines, and nothing is drawn over the heading.
        double lastLine = heading.Max(t => SvgReader.Num(t.Attribute("y")!.Value));
        svg.Descendants(Ns + "rect").Where(r => (string?)r.Attribute("fill") == "none").Min(r => SvgReader.Num(r.Attribute("y")!.Value)).Should().BeGreaterThan(lastLine + 10);
    }

    [Fact]
    public void The_x1_label_has_a_row_of_its_own_above_the_legend()
    {
        string path = Path.Combine(_directory, "b.svg");
        InProcess.Run("--plot-boundary", path, "--epochs", "10").ExitCode.Should().Be(ExitCodes.Success);

        XDocument svg = SvgReader.Parse(path);
        double x1 = Y(svg.Descendants(Ns + "text").Single(t => t.Value == "x1"));
        double[] legend = [.. svg.Descendants(Ns + "text").Where(t => t.Value is "target 1" or "target 0" or "output 0.5").Select(Y)];

        legend.Should().HaveCount(3).And.OnlyContain(y => y >= x1 + 16, "a 13 px label and the legend's 12 px text do not share a row");
    }

    [Fact]
    public void Soft_targets_are_drawn_in_their_colour_on_the_scale()
    {
        string csv = Path.Combine(_directory, "soft.csv");
        File.WriteAllText(csv, "x1,x2,y\n0,0,0.3\n0,1,0.7\n1,0,0.7\n1,1,0.3\n");
        string path = Path.Combine(_directory, "b.svg");

        InProcess.Run("--data", csv, "--epochs", "10", "--plot-boundary", path).ExitCode.Should().Be(ExitCodes.Success);

        XDocument svg = SvgReader.Parse(path);
        Dictionary<string, string> stops = svg.Descendants(Ns + "stop").ToDictionary(s => s.Attribute("offset")!.Value, s => s.Attribute("stop-color")!.Value);
        Points(svg).Select(c => c.Attribute("fill")!.Value).Should().Equal(stops["0.3"], stops["0.7"], stops["0.7"], stops["0.3"]);
        Texts(svg).Should().NotContain(["target 0", "target 1"]).And.Contain("target, on the colour scale");
    }

    [Fact]
    public void A_one_epoch_loss_plot_shows_its_point_and_says_so()
    {
        string path = Path.Combine(_directory, "l.svg");
        InProcess.Run("--plot-loss", path, "--epochs", "1").ExitCode.Should().Be(ExitCodes.Success);

        XDocument svg = SvgReader.Parse(path);
        XElement point = svg.Descendants(Ns + "circle").Single();
        SvgReader.Num(point.Attribute("cx")!.Value).Should().Be(80 + (690 / 2.0), "one epoch sits in the middle of the axis");
        Texts(svg).Should().Contain(t => t.StartsWith("1 epoch: loss 0.2832", StringComparison.Ordinal));
        string[] epochLabels = [.. svg.Descendants(Ns + "text").Where(t => (string?)t.Attribute("font-size") == "12" && (string?)t.Attribute("text-anchor") == "middle").Select(t => t.Value)];
        epochLabels.Should().Equal(["0"], "there is no epoch 1 to label");
    }

    [Fact]
    public void A_zero_epoch_loss_plot_says_there_is_nothing_to_draw()
    {
        string path = Path.Combine(_directory, "l.svg");
        InProcess.Run("--plot-loss", path, "--epochs", "0").ExitCode.Should().Be(ExitCodes.Success);

        XDocument svg = SvgReader.Parse(path);
        Texts(svg).Should().Contain("No epochs ran: there is no loss to draw.");
        svg.Descendants(Ns + "polyline").Should().BeEmpty();
        svg.Descendants(Ns + "circle").Should().BeEmpty();
        Texts(svg).Should().NotContain(t => t.StartsWith("1e", StringComparison.Ordinal), "no loss axis without losses");
    }

    [Fact]
    public void The_loss_axis_names_the_loss_trained_on()
    {
        string path = Path.Combine(_directory, "l.svg");
        InProcess.Run("--plot-loss", path, "--loss", "bce", "--epochs", "10").ExitCode.Should().Be(ExitCodes.Success);

        Texts(SvgReader.Parse(path)).Should().Contain("loss (cross-entropy, log scale)");
    }

    [Fact]
    public void Axis_ticks_are_round_and_readable_for_any_range()
    {
        Labels(-0.25, 1.25).Should().Equal("-0.25", "0", "0.25", "0.5", "0.75", "1", "1.25");
        Labels(-3.8, 5.8).Should().Equal("-2", "0", "2", "4");
        // Full labels ("-1e+300") would reach past the picture's edges: the labels count in a unit the name states.
        Labels(-1e300, 1e300).Should().Equal("-10", "-5", "0", "5", "10");
        AxisTicks.Linear(-1e300, 1e300, BoundaryPanel.Size, horizontal: true, room: 24).Name("x1").Should().Be("x1 (×1e+299)");
        Labels(0.5, 0.5000001).Should().Equal("0", "2", "4", "6", "8", "10");
        AxisTicks.Linear(0.5, 0.5000001, BoundaryPanel.Size, horizontal: true, room: 24).Name("x1").Should().Be("x1 − 0.5 (×1e-08)");

        static string[] Labels(double low, double high) => [.. AxisTicks.Linear(low, high, BoundaryPanel.Size, horizontal: true, room: 24).Ticks.Select(t => t.Label)];
    }

    private static IEnumerable<XElement> Points(XDocument svg) => svg.Descendants(Ns + "circle").Where(c => (string?)c.Attribute("class") == "point");

    private static string[] Texts(XDocument svg) => [.. svg.Descendants(Ns + "text").Select(t => t.Value)];

    private static double Y(XElement text) => double.Parse(text.Attribute("y")!.Value, CultureInfo.InvariantCulture);
}
