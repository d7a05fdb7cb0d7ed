using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using FluentAssertions;

namespace XorNet.Tests;

/// <summary>Reads the pictures back: parsing, the self-contained check, and the heatmap's cells.</summary>
internal static partial class SvgReader
{
    public static readonly XNamespace Ns = "http://www.w3.org/2000/svg";

    /// <summary>The file parsed as SVG, after checking it has no script and no external reference.</summary>
    public static XDocument Parse(string path)
    {
        string text = File.ReadAllText(path);
        text.Should().NotContain("<script").And.NotContain("href=\"http").And.NotContain("xlink:href").And.NotContain("url(http");
        XDocument svg = XDocument.Parse(text);
        svg.Root!.Name.Should().Be(Ns + "svg");
        return svg;
    }

    /// <summary>A run of cells of one colour along a row, as the heatmap's paths give it: "M column row.5 h length".</summary>
    public readonly record struct Run(int Column, int Row, int Length);

    public static IEnumerable<Run> Runs(string d) =>
        RunPattern().Matches(d).Select(m => new Run(Int(m.Groups[1].Value), Int(m.Groups[2].Value), Int(m.Groups[3].Value)));

    /// <summary>The colour of every cell of a heatmap group, by row and column.</summary>
    public static Dictionary<(int Row, int Column), string> Cells(XElement heatmap)
    {
        var cells = new Dictionary<(int, int), string>();
        foreach (XElement path in heatmap.Elements(Ns + "path"))
        {
            foreach (Run run in Runs(path.Attribute("d")!.Value))
            {
                for (int c = run.Column; c < run.Column + run.Length; c++)
                {
                    cells.Add((run.Row, c), path.Attribute("stroke")!.Value);
                }
            }
        }

        return cells;
    }

    /// <summary>"#rrggbb" as its three channels.</summary>
    public static (int R, int G, int B) Rgb(string colour) => (
        int.Parse(colour.AsSpan(1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
        int.Parse(colour.AsSpan(3, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
        int.Parse(colour.AsSpan(5, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));

    /// <summary>The end points of the segments of a contour path ("Mx,yLx,y…").</summary>
    public static List<((double X, double Y) A, (double X, double Y) B)> Segments(string d) =>
        [.. SegmentPattern().Matches(d).Select(m => ((Num(m.Groups[1].Value), Num(m.Groups[2].Value)), (Num(m.Groups[3].Value), Num(m.Groups[4].Value))))];

    public static double Num(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    private static int Int(string text) => int.Parse(text, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"M(\d+) (\d+)\.5h(\d+)")]
    private static partial Regex RunPattern();

    [GeneratedRegex(@"M([-\d.]+),([-\d.]+)L([-\d.]+),([-\d.]+)")]
    private static partial Regex SegmentPattern();
}
