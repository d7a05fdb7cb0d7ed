using System.Globalization;
using System.Xml.Linq;
using FluentAssertions;

namespace XorNet.Tests;

/// <summary>--plot-units and --plot-network: self-contained SVG that shows what --explain says.</summary>
public sealed class ExplainPlotTests : IDisposable
{
    private static readonly XNamespace SvgNs = "http://www.w3.org/2000/svg";
    private readonly string _directory = Directory.CreateTempSubdirectory("xornet-explain-plots-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Units_plot_has_a_heatmap_per_unit_coloured_as_its_truth_table_says()
    {
        string path = Path.Combine(_directory, "units.svg");

        InProcess.Run("--plot-units", path).ExitCode.Should().Be(ExitCodes.Success);

        XDocument svg = Parse(path);
        XElement[] units = [.. svg.Descendants(SvgNs + "g").Where(g => (string?)g.Attribute("class") == "unit")];
        units.Select(u => (string?)u.Attribute("id")).Should().Equal("unit-h1", "unit-h2", "unit-h3", "unit-h4", "unit-y");
        units.Select(u => u.Element(SvgNs + "text")!.Value).Should().Equal("h1: x1 OR NOT x2", "h2: NOT x2", "h3: x2", "h4: OR", "y: XOR");
        svg.Descendants(SvgNs + "g").Where(g => (string?)g.Attribute("class") == "layer").Should().HaveCount(2, "a row for the hidden layer, one for the output");
        svg.Descendants(SvgNs + "rect").Should().Contain(r => (string?)r.Attribute("id") == "colour-scale");

        // The truth tables of the seed-42 units (see ExplainTests): the heatmap under each training point must be red
        // (above 0.5) exactly where the table has a 1, and the point filled black there.
        string[] tables = ["1011", "1010", "0101", "0111", "0110"];
        for (int u = 0; u < units.Length; u++)
        {
            // The heatmap is 60 × 60 cells over the panel's 120 pixels, drawn as runs of one colour (SvgReader.Cells).
            XElement heatmap = units[u].Elements(SvgNs + "g").Single(g => (string?)g.Attribute("class") == "heatmap");
            Dictionary<(int Row, int Column), string> cells = SvgReader.Cells(heatmap);
            cells.Should().HaveCount(60 * 60, "every cell of the 60 × 60 grid is drawn once");
            XElement frame = units[u].Elements(SvgNs + "rect").Last();
            double left = Number(frame, "x"), top = Number(frame, "y"), cell = Number(frame, "width") / 60;
            XElement[] points = [.. units[u].Elements(SvgNs + "circle")];
            points.Should().HaveCount(4);
            for (int row = 0; row < 4; row++)
            {
                bool one = tables[u][row] == '1';
                double x = Number(points[row], "cx"), y = Number(points[row], "cy");
                string fill = cells[((int)((y - top) / cell), (int)((x - left) / cell))];
                int red = Convert.ToInt32(fill[1..3], 16), blue = Convert.ToInt32(fill[5..7], 16);
                (red > blue).Should().Be(one, "unit {0}, row {1}: {2}", u, row, fill);
                ((string?)points[row].Attribute("fill")).Should().Be(one ? "black" : "white");
            }
        }
    }

    [Fact]
    public void Units_plot_needs_two_inputs_and_nothing_is_written_without_them()
    {
        string save = Path.Combine(_directory, "m.json");
        (int exitCode, string output, string error) = InProcess.Run("--dataset", "parity3", "--save", save, "--plot-units", Path.Combine(_directory, "u.svg"));

        exitCode.Should().Be(ExitCodes.BadInput);
        output.Should().BeEmpty();
        error.Should().Be("XorNet: --plot-units draws two-input data; parity3 has 3 inputs.\n");
        Directory.GetFiles(_directory).Should().BeEmpty();
    }

    [Fact]
    public void Network_diagram_draws_every_weight_by_size_and_sign_and_labels_every_unit()
    {
        string path = Path.Combine(_directory, "network.svg");

        InProcess.Run("--plot-network", path).ExitCode.Should().Be(ExitCodes.Success);

        XDocument svg = Parse(path);
        string[] texts = [.. svg.Descendants(SvgNs + "text").Select(t => t.Value)];
        Nodes(svg).Should().Equal("node-x1", "node-x2", "node-h1", "node-h2", "node-h3", "node-h4", "node-y");
        texts.Should().Contain(["x1 OR NOT x2", "NOT x2", "x2", "OR", "XOR"]);

        // NumPy's final weights of the notebook's run: every edge has its sign's colour, and a larger |w| a wider line.
        var final = Fixture.Json("notebook-seed42-weights.json").GetProperty("final");
        double[][] w1 = Fixture.Rows(final.GetProperty("W1")), w2 = Fixture.Rows(final.GetProperty("W2"));
        double[][] b1 = Fixture.Rows(final.GetProperty("b1"));
        var expected = new List<(string Name, double Weight)>();
        for (int u = 0; u < 4; u++)
        {
            expected.Add(($"x1 → h{u + 1}", w1[0][u]));
            expected.Add(($"x2 → h{u + 1}", w1[1][u]));
            texts.Should().Contain($"b = {b1[0][u].ToString("0.000", CultureInfo.InvariantCulture)}");
        }

        expected.AddRange(Enumerable.Range(0, 4).Select(u => ($"h{u + 1} → y", w2[u][0])));
        XElement[] edges = [.. svg.Descendants(SvgNs + "line").Where(l => (string?)l.Attribute("class") == "edge")];
        edges.Should().HaveCount(12);
        var drawn = edges.ToDictionary(e => e.Element(SvgNs + "title")!.Value.Split(':')[0], e => e);
        drawn.Keys.Should().BeEquivalentTo(expected.Select(e => e.Name));
        string positive = (string)drawn[expected.First(e => e.Weight > 0).Name].Attribute("stroke")!;
        string negative = (string)drawn[expected.First(e => e.Weight < 0).Name].Attribute("stroke")!;
        positive.Should().NotBe(negative);
        foreach ((string name, double weight) in expected)
        {
            ((string)drawn[name].Attribute("stroke")!).Should().Be(weight > 0 ? positive : negative, name);
        }

        double[] widthsByMagnitude = [.. expected.OrderBy(e => Math.Abs(e.Weight)).Select(e => Number(drawn[e.Name], "stroke-width"))];
        widthsByMagnitude.Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
    }

    [Fact]
    public void A_wide_layer_is_summarised()
    {
        string path = Path.Combine(_directory, "wide.svg");

        InProcess.Run("--hidden", "40", "--epochs", "10", "--plot-network", path).ExitCode.Should().Be(ExitCodes.Success);

        XDocument svg = Parse(path);
        Nodes(svg).Should().HaveCount(2 + 15 + 1, "the first 15 hidden units, and a note for the other 25");
        svg.Descendants(SvgNs + "text").Select(t => t.Value).Should().Contain("… 25 more");
        svg.Descendants(SvgNs + "line").Count(l => (string?)l.Attribute("class") == "edge").Should().Be((2 * 15) + 15);
    }

    [Fact]
    public void Network_diagram_works_for_any_inputs_and_several_outputs()
    {
        string path = Path.Combine(_directory, "fa.svg");

        InProcess.Run("--dataset", "full-adder", "--layers", "5,4", "--epochs", "100", "--plot-network", path).ExitCode.Should().Be(ExitCodes.Success);

        Nodes(Parse(path)).Should().Equal(
            "node-x1", "node-x2", "node-x3", "node-h1.1", "node-h1.2", "node-h1.3", "node-h1.4", "node-h1.5",
            "node-h2.1", "node-h2.2", "node-h2.3", "node-h2.4", "node-y1", "node-y2");
    }

    [Fact]
    public void The_new_files_are_checked_before_training_like_the_others()
    {
        (int exitCode, string output, string error) = InProcess.Run("--plot-network", _directory);
        exitCode.Should().Be(ExitCodes.BadInput);
        output.Should().BeEmpty();
        error.Should().StartWith($"XorNet: --plot-network {_directory}: is a directory");

        string same = Path.Combine(_directory, "same.svg");
        (exitCode, output, error) = InProcess.Run("--plot-units", same, "--plot-network", same);
        exitCode.Should().Be(ExitCodes.BadInput);
        output.Should().BeEmpty();
        error.Should().Contain("--plot-network").And.Contain("--plot-units");
        Directory.GetFiles(_directory).Should().BeEmpty();
    }

    private static string[] Nodes(XDocument svg) =>
        [.. svg.Descendants(SvgNs + "g").Where(g => (string?)g.Attribute("class") == "node").Select(g => (string)g.Attribute("id")!)];

    private static double Number(XElement element, string attribute) =>
        double.Parse((string)element.Attribute(attribute)!, CultureInfo.InvariantCulture);

    private static XDocument Parse(string path)
    {
        string text = File.ReadAllText(path);
        text.Should().NotContain("<script").And.NotContain("href=\"http").And.NotContain("xlink:href").And.NotContain("<image");
        XDocument svg = XDocument.Parse(text);
        svg.Root!.Name.Should().Be(SvgNs + "svg");
        return svg;
    }
}
