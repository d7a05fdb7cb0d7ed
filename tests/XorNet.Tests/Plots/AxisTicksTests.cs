using System.Globalization;
using System.Xml.Linq;
using FluentAssertions;
using XorNet.Plots;

namespace XorNet.Tests;

/// <summary>
/// One tick algorithm for every axis, checked by property over random ranges: labels never overlap, never leave
/// the room they have, are never repeated, read the value they stand at, and there are at least three of them.
/// </summary>
public sealed class AxisTicksTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("xornet-ticks-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Linear_ticks_are_readable_apart_and_inside_for_random_ranges(bool horizontal)
    {
        var random = new Random(15);
        const double Length = 480, Room = 30;
        for (int i = 0; i < 3000; i++)
        {
            // Centres from 0 to ±1e12, widths from 1e-12 to 1e12 of either sign's scale.
            double centre = (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-3, 13)) * (random.Next(4) == 0 ? 0 : 1);
            double width = Math.Pow(10, (random.NextDouble() * 24) - 12) * Math.Max(1, Math.Abs(centre) * (random.Next(3) == 0 ? 1 : 0));
            double low = centre - (width * random.NextDouble()), high = low + width;
            // A window only a few representable doubles wide has no room for distinct ticks (or a picture).
            if (!(low < high) || width < Math.Abs(centre) * 1e-12)
            {
                continue;
            }

            AxisTicks ticks = AxisTicks.Linear(low, high, Length, horizontal, Room);
            string context = string.Create(CultureInfo.InvariantCulture, $"[{low:R}, {high:R}] {(horizontal ? "horizontal" : "vertical")}: {string.Join(" | ", ticks.Ticks.Select(t => t.Label))} named {ticks.Name("x")}");
            ticks.Ticks.Count.Should().BeGreaterThanOrEqualTo(3, context);

            double previousEnd = double.NegativeInfinity;
            string? previous = null;
            foreach ((double value, string label) in ticks.Ticks)
            {
                value.Should().BeInRange(low - (width * 1e-6), high + (width * 1e-6), context);
                double at = (value - low) / width * Length, labelWidth = AxisTicks.LabelWidth(label);
                if (horizontal)
                {
                    (at - (labelWidth / 2)).Should().BeGreaterThanOrEqualTo(previousEnd + AxisTicks.Gap, context);
                    (at - (labelWidth / 2)).Should().BeGreaterThanOrEqualTo(-Room, context);
                    (at + (labelWidth / 2)).Should().BeLessThanOrEqualTo(Length + Room, context);
                    previousEnd = at + (labelWidth / 2);
                }
                else
                {
                    labelWidth.Should().BeLessThanOrEqualTo(Room, context);
                    if (!double.IsNegativeInfinity(previousEnd))
                    {
                        (at - previousEnd).Should().BeGreaterThanOrEqualTo(AxisTicks.LabelHeight, context);
                    }

                    previousEnd = at;
                }

                label.Should().NotBe(previous, context);
                previous = label;

                // The label, counted from the offset in the unit, reads the tick's value to well within a step.
                double read = ticks.Offset + (double.Parse(label, CultureInfo.InvariantCulture) * ticks.Unit);
                double step = width / ticks.Ticks.Count;
                // (plus the rounding of the offset's addition, a few units in the last place)
                Math.Abs(read - value).Should().BeLessThanOrEqualTo((step * 0.01) + (8 * (Math.BitIncrement(Math.Abs(value)) - Math.Abs(value))), context);
            }
        }
    }

    [Fact]
    public void Logarithmic_ticks_label_the_values_within_a_decade_and_stay_apart()
    {
        var random = new Random(16);
        for (int i = 0; i < 500; i++)
        {
            int low = random.Next(-300, 300), decades = random.Next(1, 12);
            double height = random.Next(150, 500);
            double Y(double v) => (Math.Log10(v) - low) / decades * height;
            AxisTicks ticks = AxisTicks.Logarithmic(Math.Pow(10, low), Math.Pow(10, low + decades), Y, horizontal: false, room: 48);
            string context = $"1e{low} to 1e{low + decades} over {height} px: {string.Join(" | ", ticks.Ticks.Select(t => t.Label))}";
            ticks.Ticks.Count.Should().BeGreaterThanOrEqualTo(decades == 1 ? 4 : 2, context);
            for (int t = 1; t < ticks.Ticks.Count; t++)
            {
                (Y(ticks.Ticks[t].Value) - Y(ticks.Ticks[t - 1].Value)).Should().BeGreaterThanOrEqualTo(AxisTicks.LabelHeight, context);
            }

            foreach ((double value, string label) in ticks.Ticks)
            {
                AxisTicks.LabelWidth(label).Should().BeLessThanOrEqualTo(48, context);
                double.Parse(label, CultureInfo.InvariantCulture).Should().BeApproximately(value, value * 1e-9, context);
            }
        }
    }

    [Theory]
    [InlineData("0.3,0.30000001,0.3,0.30000001")]
    [InlineData("999999.9,1000000.3,-1e-7,1e-7")]
    [InlineData("-1e300,1e300,1e-300,2e-300")]
    public void A_boundary_plot_of_any_window_keeps_its_labels_in_the_picture_and_apart(string range)
    {
        string path = Path.Combine(_directory, "b.svg");
        InProcess.Run("--epochs", "5", "--plot-boundary", path, "--plot-range", range).ExitCode.Should().Be(ExitCodes.Success);

        XDocument svg = SvgReader.Parse(path);
        double pictureWidth = SvgReader.Num(svg.Root!.Attribute("width")!.Value);
        XElement[] labels = [.. svg.Descendants(SvgReader.Ns + "text").Where(t => (string?)t.Attribute("font-size") == "12")];
        var yLabels = labels.Where(t => (string?)t.Attribute("text-anchor") == "end").ToArray();
        yLabels.Length.Should().BeGreaterThanOrEqualTo(3);
        foreach (XElement label in yLabels)
        {
            (SvgReader.Num(label.Attribute("x")!.Value) - AxisTicks.LabelWidth(label.Value)).Should().BeGreaterThan(17, "{0} clear of the x2 name and the edge", label.Value);
        }

        var xLabels = labels.Where(t => t.Attribute("text-anchor")?.Value == "middle" && SvgReader.Num(t.Attribute("y")!.Value) > 540 && SvgReader.Num(t.Attribute("y")!.Value) < 560)
            .OrderBy(t => SvgReader.Num(t.Attribute("x")!.Value)).ToArray();
        xLabels.Length.Should().BeGreaterThanOrEqualTo(3);
        for (int i = 1; i < xLabels.Length; i++)
        {
            double gap = SvgReader.Num(xLabels[i].Attribute("x")!.Value) - SvgReader.Num(xLabels[i - 1].Attribute("x")!.Value);
            gap.Should().BeGreaterThan((AxisTicks.LabelWidth(xLabels[i].Value) + AxisTicks.LabelWidth(xLabels[i - 1].Value)) / 2, "{0} and {1} apart", xLabels[i - 1].Value, xLabels[i].Value);
        }

        xLabels.All(t => SvgReader.Num(t.Attribute("x")!.Value) + (AxisTicks.LabelWidth(t.Value) / 2) < pictureWidth).Should().BeTrue();
    }

    [Theory]
    [InlineData("--seed", "0", "--hidden", "2")]
    [InlineData("--epochs", "3")]
    public void A_loss_curve_within_a_decade_gets_labels_between_its_powers_of_ten(params string[] args)
    {
        string path = Path.Combine(_directory, "l.svg");
        InProcess.Run([.. args, "--plot-loss", path]).ExitCode.Should().Be(ExitCodes.Success);

        string[] yLabels = [.. SvgReader.Parse(path).Descendants(SvgReader.Ns + "text").Where(t => (string?)t.Attribute("text-anchor") == "end").Select(t => t.Value)];
        yLabels.Should().Contain(["0.1", "0.2", "0.5", "1"]);
    }
}
