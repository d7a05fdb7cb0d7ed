using System.Globalization;
using System.Text.RegularExpressions;
using FluentAssertions;
using XorNet.NumPy;

namespace XorNet.Tests;

/// <summary>
/// One number style everywhere, the transcript's (Python's): JSON numbers as Python's repr writes them, losses in
/// pictures as Python's <c>.4g</c>, and huge weights in scientific notation wherever they are shown for reading.
/// </summary>
public sealed partial class NumberStyleTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("xornet-numbers-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Json_numbers_are_written_as_python_repr_writes_them_and_read_back_exactly()
    {
        // A learning rate of 1e308 drives the weights to about 1e306, where .NET's own text has "E+".
        string model = Path.Combine(_directory, "big.json");
        InProcess.Run("--lr", "1e308", "--save", model).ExitCode.Should().Be(0);
        string report = InProcess.Run("--lr", "1e308", "--format", "json").Output;

        foreach (string json in new[] { File.ReadAllText(model), report })
        {
            MatchCollection numbers = JsonNumber().Matches(json);
            numbers.Count.Should().BeGreaterThan(10);
            foreach (Match number in numbers)
            {
                double value = double.Parse(number.Value, CultureInfo.InvariantCulture);
                string text = number.Value;
                // Integers (epochs, sizes) are written as integers; every other number as Python's repr.
                if (text.Contains('.', StringComparison.Ordinal) || text.Contains('e', StringComparison.OrdinalIgnoreCase))
                {
                    text.Should().Be(NumPyFormat.Repr(value));
                }
            }
        }
    }

    [Fact]
    public void Huge_weights_are_shown_in_scientific_notation_in_text_and_pictures()
    {
        string model = Path.Combine(_directory, "big.json");
        string picture = Path.Combine(_directory, "net.svg");
        string explained = InProcess.Run("--lr", "1e308", "--save", model, "--explain", "--plot-network", picture).Output;
        string inspected = InProcess.Run("inspect", "--model", model).Output;

        foreach (string text in new[] { explained, inspected, File.ReadAllText(picture) })
        {
            LongDigitRun().IsMatch(text).Should().BeFalse("no number is written out to more than a few digits: {0}", LongDigitRun().Match(text).Value);
            text.Should().Contain("e+30");
        }
    }

    [Fact]
    public void The_animation_labels_its_frames_in_python_style()
    {
        string picture = Path.Combine(_directory, "a.svg");
        InProcess.Run("--lr", "5", "--animate", picture).ExitCode.Should().Be(0);
        string svg = File.ReadAllText(picture);

        MatchCollection losses = DataLoss().Matches(svg);
        losses.Count.Should().BeGreaterThan(10);
        foreach (Match m in losses)
        {
            double loss = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            m.Groups[1].Value.Should().Be(NumPyFormat.Repr(loss));
            svg.Should().Contain($"loss {NumPyFormat.General(loss, 4)}<");
        }

        svg.Should().NotContainAny("E-0", "E+0").And.Contain("e-05");
    }

    [GeneratedRegex(@"-?\d+(\.\d+)?([eE][+-]?\d+)?")]
    private static partial Regex JsonNumber();

    [GeneratedRegex(@"\d{12,}")]
    private static partial Regex LongDigitRun();

    [GeneratedRegex("data-loss=\"([^\"]+)\"")]
    private static partial Regex DataLoss();
}
