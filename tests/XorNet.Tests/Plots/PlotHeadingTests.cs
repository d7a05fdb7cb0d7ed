using System.Xml.Linq;
using FluentAssertions;
using XorNet.Plots;

namespace XorNet.Tests;

/// <summary>Headings and subheadings of every picture fit its width, whatever the inputs, layers or settings.</summary>
public sealed class PlotHeadingTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("xornet-heading-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("--dataset", "full-adder", "--layers", "8", "--plot-network")]
    [InlineData("--dataset", "parity3", "--plot-network")]
    [InlineData("--dataset", "full-adder", "--layers", "8,8,8", "--activation", "tanh", "--plot-network")]
    [InlineData("--dataset", "half-adder", "--layers", "3", "--plot-units")]
    [InlineData("--plot-range", "0.3,0.30000001,0.3000000000000001,0.30000001000000003", "--plot-units")]
    public void Every_line_at_the_top_of_a_picture_is_inside_it(params string[] args)
    {
        string path = Path.Combine(_directory, "p.svg");
        InProcess.Run([.. args, path, "--epochs", "5"]).ExitCode.Should().Be(ExitCodes.Success);

        XDocument svg = SvgReader.Parse(path);
        double width = SvgReader.Num(svg.Root!.Attribute("width")!.Value);
        XElement[] top = [.. svg.Descendants(SvgReader.Ns + "text").Where(t => SvgReader.Num(t.Attribute("y")!.Value) < 60 && (string?)t.Attribute("text-anchor") == "middle")];
        top.Length.Should().BeGreaterThanOrEqualTo(2, "a heading and a subheading");
        foreach (XElement line in top)
        {
            double x = SvgReader.Num(line.Attribute("x")!.Value);
            double drawn = line.Attribute("textLength") is { } length
                ? SvgReader.Num(length.Value)
                : PlotTitle.EstimatedWidth(line.Value, (int)SvgReader.Num(line.Attribute("font-size")!.Value));
            (x - (drawn / 2)).Should().BeGreaterThanOrEqualTo(0, "\"{0}\" starts inside a picture {1} px wide", line.Value, width);
            (x + (drawn / 2)).Should().BeLessThanOrEqualTo(width, "\"{0}\" ends inside a picture {1} px wide", line.Value, width);
        }
    }

    [Fact]
    public void Long_text_wraps_between_words_and_at_commas_into_lines_that_fit()
    {
        var random = new Random(8);
        string[] words = ["Under", "each", "unit:", "000", "001", "010", "the", "Boolean", "function", "(output", "≥", "0.5", "read", "as", "1),", "lr", "0.1,", "seed", "42,"];
        for (int i = 0; i < 500; i++)
        {
            string text = string.Join(' ', Enumerable.Range(0, random.Next(1, 60)).Select(_ => words[random.Next(words.Length)]));
            int size = random.Next(2) == 0 ? 12 : 15;
            double width = random.Next(300, 1300);
            PlotTitle title = PlotTitle.Layout(text, width, width / 2, size);
            string.Join(' ', title.Lines).Should().Be(text, "the lines hold the text, nothing dropped");
            title.Lines.Should().OnlyContain(l => PlotTitle.EstimatedWidth(l, size) <= title.MaxWidth || !l.Contains(' '), "\"{0}\" at {1} px in {2} px", text, size, width);
        }
    }
}
