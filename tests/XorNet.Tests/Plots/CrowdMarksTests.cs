using System.Xml.Linq;
using FluentAssertions;

namespace XorNet.Tests;

/// <summary>
/// Pictures of a generated set of hundreds of points: every point small and coloured by its target over the heatmap
/// (the Playground's look), in --plot-boundary, --animate and --plot-units; a truth table keeps its large black and
/// white marks.
/// </summary>
public sealed class CrowdMarksTests : IDisposable
{
    private static readonly XNamespace SvgNs = "http://www.w3.org/2000/svg";
    private readonly string _directory = Directory.CreateTempSubdirectory("xornet-crowd-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Every_point_of_a_plane_is_a_small_dot_in_its_targets_colour_ringed_in_white()
    {
        string boundary = Path.Combine(_directory, "b.svg"), animation = Path.Combine(_directory, "a.svg"), units = Path.Combine(_directory, "u.svg");
        string csv = InProcess.Run("data", "circle", "--samples", "150").Output;
        int[] targets = [.. csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(line => line[^1] - '0')];

        InProcess.Run("--dataset", "circle", "--samples", "150", "--epochs", "50", "--layers", "4,3", "--plot-boundary", boundary, "--animate", animation, "--plot-units", units)
            .ExitCode.Should().Be(ExitCodes.Success);

        // The plot range is fitted to the data, so every point is inside it and drawn in row order.
        foreach (string picture in new[] { boundary, animation })
        {
            XElement[] points = Points(XDocument.Load(picture));
            points.Select(p => (string?)p.Attribute("fill")).Should().Equal(targets.Select(t => t == 1 ? "#b50526" : "#3a4cbf"), picture);
            points.Should().OnlyContain(p => (string?)p.Attribute("stroke") == "white" && (string?)p.Attribute("r") == "3");
        }

        XElement[] dots = Points(XDocument.Load(units));
        dots.Should().HaveCount(150 * (4 + 3 + 1), "every unit's panel shows the points");
        dots.Take(150).Select(p => (string?)p.Attribute("fill")).Should().Equal(targets.Select(t => t == 1 ? "#b50526" : "#3a4cbf"));
    }

    [Fact]
    public void The_four_corners_keep_their_large_black_and_white_marks()
    {
        string boundary = Path.Combine(_directory, "b.svg");

        InProcess.Run("--epochs", "50", "--plot-boundary", boundary).ExitCode.Should().Be(ExitCodes.Success);

        XElement[] points = Points(XDocument.Load(boundary));
        points.Select(p => (string?)p.Attribute("fill")).Should().Equal("white", "black", "black", "white");
        points.Should().OnlyContain(p => (string?)p.Attribute("stroke") == "black" && (string?)p.Attribute("r") == "7");
    }

    private static XElement[] Points(XDocument svg) => [.. svg.Descendants(SvgNs + "circle").Where(c => (string?)c.Attribute("class") == "point")];
}
