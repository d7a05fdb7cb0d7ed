using System.Text.Json.Nodes;
using System.Xml.Linq;
using FluentAssertions;
using XorNet.Network;

namespace XorNet.Tests;

/// <summary>
/// Hidden units are read as 0 or 1 at the middle of their activation's range (sigmoid ≥ 0.5, tanh ≥ 0, ReLU &gt; 0) in
/// --explain, inspect, JSON and the pictures, and the units plot colours each activation over its own range.
/// </summary>
public sealed class UnitReadingTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("xornet-unit-reading-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData(Activation.Sigmoid, 0.5, true)]
    [InlineData(Activation.Sigmoid, 0.49999999999999994, false)]
    [InlineData(Activation.Tanh, 0.0, true)]
    [InlineData(Activation.Tanh, -5e-324, false)]
    [InlineData(Activation.Tanh, 0.26, true)]
    [InlineData(Activation.Tanh, -0.61, false)]
    [InlineData(Activation.Relu, 0.0, false)]
    [InlineData(Activation.Relu, 5e-324, true)]
    [InlineData(Activation.Relu, 0.3, true)]
    public void An_output_reads_as_1_from_the_middle_of_its_activations_range(Activation activation, double output, bool one)
    {
        activation.ReadsAsOne(output).Should().Be(one);
        activation.ReadsAsOne(double.NaN).Should().BeFalse("a NaN has no side");
    }

    [Fact]
    public void A_tanh_unit_that_follows_x2_by_sign_is_named_x2()
    {
        // h1 = tanh(0.12·x1 + 0.87·x2 - 0.7): -0.604 0.168 -0.523 0.282, which is x2 by sign and FALSE at 0.5;
        // h2 = tanh(x1 - 1): -0.762 -0.762 0 0, exactly 0 where x1 is 1, which reads as 1 as z = 0 does for a sigmoid.
        string model = Model("tanh", [[0.12, 1.0], [0.87, 0.0]], [-0.7, -1.0]);

        string[] lines = InProcess.Run("inspect", "--model", model).Output.TrimEnd('\n').Split('\n');
        lines[1].Should().Be("Truth tables over x1 x2 = 00 01 10 11, reading a tanh output ≥ 0 and a sigmoid output ≥ 0.5 as 1.");
        lines[3].Should().EndWith("outputs -0.604 0.168 -0.523 0.282   0101 x2");
        lines[4].Should().EndWith("outputs -0.762 -0.762 0.000 0.000   0011 x1");

        JsonNode explanation = JsonNode.Parse(InProcess.Run("inspect", "--model", model, "--format", "json").Output)!["explanation"]!;
        explanation.AsObject().Select(p => p.Key).Should().NotContain("threshold", "each layer has its own");
        JsonNode hidden = explanation["layers"]![0]!, output = explanation["layers"]![1]!;
        hidden.AsObject().Select(p => p.Key).Should().Equal("layer", "output", "activation", "threshold", "thresholdReadsAsOne", "inputs", "units");
        (hidden["threshold"]!.GetValue<double>(), hidden["thresholdReadsAsOne"]!.GetValue<bool>()).Should().Be((0.0, true));
        (output["threshold"]!.GetValue<double>(), output["thresholdReadsAsOne"]!.GetValue<bool>()).Should().Be((0.5, true));
        hidden["units"]!.AsArray().Select(u => u!["truthTable"]!.GetValue<string>()).Should().Equal("0101", "0011");
    }

    [Fact]
    public void A_relu_unit_reads_1_only_above_0()
    {
        // h1 = relu(0.3·x1 + 0.2·x2 - 0.2): 0 0 0.1 0.3, x1 (FALSE at 0.5); h2 = relu(x1 + x2 - 1): 0 0 0 1, AND, its
        // exact 0s on 01 and 10 reading 0: a ReLU at 0 passes nothing on.
        string model = Model("relu", [[0.3, 1.0], [0.2, 1.0]], [-0.2, -1.0]);

        string[] lines = InProcess.Run("inspect", "--model", model).Output.TrimEnd('\n').Split('\n');
        lines[1].Should().Be("Truth tables over x1 x2 = 00 01 10 11, reading a relu output > 0 and a sigmoid output ≥ 0.5 as 1.");
        lines[3].Should().EndWith("outputs 0.000 0.000 0.100 0.300   0011 x1");
        lines[4].Should().EndWith("outputs 0.000 0.000 0.000 1.000   0001 AND");

        JsonNode hidden = JsonNode.Parse(InProcess.Run("inspect", "--model", model, "--format", "json").Output)!["explanation"]!["layers"]![0]!;
        (hidden["threshold"]!.GetValue<double>(), hidden["thresholdReadsAsOne"]!.GetValue<bool>()).Should().Be((0.0, false));
    }

    [Fact]
    public void The_network_diagram_says_how_each_activation_is_read()
    {
        string model = Model("tanh", [[0.12, 1.0], [0.87, 0.0]], [-0.7, -1.0]), path = Path.Combine(_directory, "n.svg");

        InProcess.Run("--init-from", model, "--epochs", "0", "--plot-network", path).ExitCode.Should().Be(ExitCodes.Success);

        string[] texts = [.. SvgReader.Parse(path).Descendants(SvgReader.Ns + "text").Select(t => t.Value)];
        // The subheading may be wrapped between words over several lines.
        string.Join(' ', texts).Should().Contain("(tanh output ≥ 0 and sigmoid output ≥ 0.5 read as 1)");
        texts.Should().Contain(["x2", "x1"]);
    }

    [Fact]
    public void The_units_plot_draws_tanh_over_minus_1_to_1_centred_on_0()
    {
        string model = Model("tanh", [[0.12, 1.0], [0.87, 0.0]], [-0.7, -1.0]), path = Path.Combine(_directory, "u.svg");

        InProcess.Run("--init-from", model, "--epochs", "0", "--plot-units", path).ExitCode.Should().Be(ExitCodes.Success);

        XDocument svg = SvgReader.Parse(path);
        Unit(svg, "h1").Element(SvgReader.Ns + "text")!.Value.Should().Be("h1: x2");
        Unit(svg, "h2").Element(SvgReader.Ns + "text")!.Value.Should().Be("h2: x1");
        Bar(svg, "colour-scale").Should().Equal("1", "0", "-1");
        Bar(svg, "colour-scale-2").Should().Equal("1", "0.5", "0");

        // Under each training point: red where the unit reads 1, blue where it reads 0, and the point filled black
        // exactly where it reads 1. h2 is 0 at its x1 = 1 points, the middle of tanh's range: drawn near white, not
        // as the end of the scale that a clamp to 0..1 would give it.
        AssertPoints(Unit(svg, "h1"), "0101", nearWhite: null);
        AssertPoints(Unit(svg, "h2"), "0011", nearWhite: "0011");
    }

    [Fact]
    public void The_units_plot_draws_relu_from_0_to_its_largest_output_on_the_plane()
    {
        string model = Model("relu", [[0.3, 1.0], [0.2, 1.0]], [-0.2, -1.0]), path = Path.Combine(_directory, "u.svg");

        InProcess.Run("--init-from", model, "--epochs", "0", "--plot-units", path, "--plot-range", "0,1,0,1").ExitCode.Should().Be(ExitCodes.Success);

        XDocument svg = SvgReader.Parse(path);
        Bar(svg, "colour-scale").Should().Equal("max", "0");
        Bar(svg, "colour-scale-2").Should().Equal("1", "0.5", "0");

        // On 0..1 × 0..1 the largest outputs are at the centre of the top right cell, (119/120, 119/120): h1's
        // 0.5 · 119/120 - 0.2 = 0.2958…, h2's 2 · 119/120 - 1 = 0.9833…. The cells where a ReLU is 0 are white.
        Unit(svg, "h1").Elements(SvgReader.Ns + "text").Select(t => t.Value).Should().Contain(["h1: x1", "max 0.2958"]);
        Unit(svg, "h2").Elements(SvgReader.Ns + "text").Select(t => t.Value).Should().Contain(["h2: AND", "max 0.9833"]);
        Dictionary<(int Row, int Column), string> cells = SvgReader.Cells(Heatmap(Unit(svg, "h2")));
        cells[(59, 0)].Should().Be("#f7f7f7", "h2 is 0 near (0, 0), drawn white");
        SvgReader.Rgb(cells[(0, 59)]).Should().Match<(int R, int G, int B)>(c => c.R > 150 && c.G < 40, "h2 near its max at (1, 1) is red");
        AssertPoints(Unit(svg, "h1"), "0011", nearWhite: null);
        AssertPoints(Unit(svg, "h2"), "0001", nearWhite: null);
    }

    // The 2-2-1 model file of the given hidden weights and biases (the output unit's are a short run's).
    private string Model(string activation, double[][] w1, double[] b1)
    {
        string path = Path.Combine(_directory, $"{activation}.json");
        InProcess.Run("--layers", "2", "--activation", activation, "--epochs", "1", "--save", path).ExitCode.Should().Be(ExitCodes.Success);
        JsonNode model = JsonNode.Parse(File.ReadAllText(path))!;
        model["weights"]!["W1"] = new JsonArray([.. w1.Select(row => new JsonArray([.. row.Select(v => JsonValue.Create(v))]))]);
        model["weights"]!["b1"] = new JsonArray(new JsonArray([.. b1.Select(v => JsonValue.Create(v))]));
        File.WriteAllText(path, model.ToJsonString());
        return path;
    }

    private static XElement Unit(XDocument svg, string name) =>
        svg.Descendants(SvgReader.Ns + "g").Single(g => (string?)g.Attribute("id") == $"unit-{name}");

    private static XElement Heatmap(XElement unit) => unit.Elements(SvgReader.Ns + "g").Single(g => (string?)g.Attribute("class") == "heatmap");

    // A colour bar's tick labels, top to bottom.
    private static string[] Bar(XDocument svg, string id)
    {
        XElement bar = svg.Descendants(SvgReader.Ns + "rect").Single(r => (string?)r.Attribute("id") == id);
        double x = SvgReader.Num((string)bar.Attribute("x")!), top = SvgReader.Num((string)bar.Attribute("y")!), height = SvgReader.Num((string)bar.Attribute("height")!);
        return [.. svg.Descendants(SvgReader.Ns + "text")
            .Where(t => SvgReader.Num((string)t.Attribute("x")!) > x && SvgReader.Num((string)t.Attribute("y")!) is var y && y >= top && y <= top + height + 6)
            .OrderBy(t => SvgReader.Num((string)t.Attribute("y")!))
            .Select(t => t.Value)];
    }

    // The training points of a panel over the rows 00, 01, 10, 11 (the XOR data's order): black exactly where the table
    // has a 1, over a red cell there and a blue or white one elsewhere; near white where nearWhite has a 1.
    private static void AssertPoints(XElement unit, string table, string? nearWhite)
    {
        Dictionary<(int Row, int Column), string> cells = SvgReader.Cells(Heatmap(unit));
        XElement frame = unit.Elements(SvgReader.Ns + "rect").Last();
        double left = SvgReader.Num((string)frame.Attribute("x")!), top = SvgReader.Num((string)frame.Attribute("y")!), cell = SvgReader.Num((string)frame.Attribute("width")!) / 60;
        XElement[] points = [.. unit.Elements(SvgReader.Ns + "circle")];
        points.Should().HaveCount(4);
        for (int row = 0; row < 4; row++)
        {
            bool one = table[row] == '1';
            double x = SvgReader.Num((string)points[row].Attribute("cx")!), y = SvgReader.Num((string)points[row].Attribute("cy")!);
            (int r, int g, int b) = SvgReader.Rgb(cells[((int)Math.Min((y - top) / cell, 59), (int)Math.Min((x - left) / cell, 59))]);
            ((string?)points[row].Attribute("fill")).Should().Be(one ? "black" : "white", "row {0}", row);
            if (nearWhite is not null && nearWhite[row] == '1')
            {
                new[] { r, g, b }.Should().OnlyContain(v => v > 200, "row {0} is at the middle of the range: ({1}, {2}, {3})", row, r, g, b);
            }
            else if (one)
            {
                (r > b).Should().BeTrue("row {0} reads 1: ({1}, {2}, {3})", row, r, g, b);
            }
            else
            {
                (r <= b).Should().BeTrue("row {0} reads 0: ({1}, {2}, {3})", row, r, g, b);
            }
        }
    }
}
