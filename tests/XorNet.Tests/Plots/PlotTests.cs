using System.Xml.Linq;
using FluentAssertions;

namespace XorNet.Tests;

/// <summary>The SVG pictures: well-formed, self-contained, with the elements a reader needs.</summary>
public sealed class PlotTests : IDisposable
{
    private static readonly XNamespace SvgNs = "http://www.w3.org/2000/svg";
    private readonly string _directory = Directory.CreateTempSubdirectory("xornet-plots-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Loss_plot_is_a_log_scale_line_chart_of_every_epoch()
    {
        string path = Path.Combine(_directory, "loss.svg");

        InProcess.Run("--plot-loss", path).ExitCode.Should().Be(ExitCodes.Success);

        XDocument svg = Parse(path);
        svg.Root!.Element(SvgNs + "title")!.Value.Should().Contain("hidden 4").And.Contain("lr 0.1").And.Contain("seed 42");
        string[] points = svg.Descendants(SvgNs + "polyline").Single().Attribute("points")!.Value.Split(' ');
        points.Length.Should().BeInRange(1000, 2000, "10000 epochs reduced to at most 2000 points");
        string[] labels = [.. svg.Descendants(SvgNs + "text").Select(t => t.Value)];
        labels.Should().Contain(["0.001", "0.01", "0.1", "1", "epoch", "0", "8000"]);
    }

    [Fact]
    public void Boundary_plot_has_heatmap_contour_points_and_colour_scale()
    {
        string path = Path.Combine(_directory, "boundary.svg");

        InProcess.Run("--plot-boundary", path).ExitCode.Should().Be(ExitCodes.Success);

        XDocument svg = Parse(path);
        // Runs of equal colour along a row are strokes one cell high ("M c r.5 h length") in one path per colour.
        XElement[] colours = [.. svg.Descendants(SvgNs + "g").Single(g => (string?)g.Attribute("class") == "heatmap").Elements(SvgNs + "path")];
        SvgReader.Run[] runs = [.. colours.SelectMany(p => SvgReader.Runs(p.Attribute("d")!.Value))];
        runs.Sum(r => r.Length).Should().Be(120 * 120, "120 rows of 120 cells, each cell in exactly one run");
        runs.GroupBy(r => r.Row).Should().HaveCount(120).And.OnlyContain(row => row.Sum(r => r.Length) == 120);
        colours.Select(p => p.Attribute("stroke")!.Value).Distinct().Should().HaveCount(colours.Length).And.HaveCountGreaterThan(20, "a graded heatmap");
        svg.Descendants(SvgNs + "path").Single(p => (string?)p.Attribute("id") == "contour").Attribute("d")!.Value.Should().StartWith("M");
        svg.Descendants(SvgNs + "circle").Where(c => (string?)c.Attribute("class") == "point").Should().HaveCount(4);
        svg.Descendants(SvgNs + "rect").Should().Contain(r => (string?)r.Attribute("id") == "colour-scale");
        svg.Descendants(SvgNs + "linearGradient").Should().ContainSingle();
    }

    [Fact]
    public void Boundary_plot_needs_two_inputs()
    {
        (int exitCode, string output, string error) = InProcess.Run("--dataset", "parity3", "--plot-boundary", Path.Combine(_directory, "b.svg"));

        exitCode.Should().Be(ExitCodes.BadInput);
        output.Should().BeEmpty();
        error.Should().Contain("--plot-boundary").And.Contain("3 inputs");
        Directory.GetFiles(_directory).Should().BeEmpty();
    }

    [Fact]
    public void An_interrupted_run_still_writes_its_model_and_plots()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        string[] files = [Path.Combine(_directory, "m.json"), Path.Combine(_directory, "l.svg"), Path.Combine(_directory, "b.svg")];

        (int exitCode, _, _) = InProcess.Run(["--save", files[0], "--plot-loss", files[1], "--plot-boundary", files[2]], cancelled.Token);

        exitCode.Should().Be(ExitCodes.Interrupted);
        files.Should().OnlyContain(f => File.Exists(f));
    }

    private static XDocument Parse(string path) => SvgReader.Parse(path);
}
