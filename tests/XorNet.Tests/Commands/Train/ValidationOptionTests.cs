using System.Globalization;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using FluentAssertions;

namespace XorNet.Tests;

/// <summary>
/// <c>--validation</c> on the command line: files refused before training in one line naming the option, standard
/// input for one of the two files, outputs that would overwrite it, and the loss plot's second line.
/// </summary>
public sealed class ValidationOptionTests : IDisposable
{
    private static readonly XNamespace SvgNs = "http://www.w3.org/2000/svg";
    private readonly string _directory = Directory.CreateTempSubdirectory("xornet-validation-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("0,0,0,1\n", "has 4 columns, but the training data xor has 3 (2 inputs and 1 target)")]
    [InlineData("0\n", "line 1, column 1: there is only one column")]
    [InlineData("x1,x2,y\n0,0,1\n0,1,2\n", "line 3, column 3: the target 2 is outside [0, 1]")]
    [InlineData("x1,x2,y\n", "no data rows")]
    [InlineData("0,0,1\n0,1\n", "line 2")]
    [InlineData("0;0;1\n", "semicolon")]
    public void A_validation_file_that_does_not_fit_is_one_line_before_training(string text, string problem)
    {
        string path = Write("v.csv", text);

        (int exitCode, string output, string error) = InProcess.Run("--validation", path);

        exitCode.Should().Be(ExitCodes.BadInput);
        output.Should().BeEmpty("nothing is trained");
        error.Should().StartWith($"XorNet: --validation {path}").And.Contain(problem).And.EndWith("\n");
        error.TrimEnd('\n').Should().NotContain("\n");
    }

    [Fact]
    public void A_missing_validation_file_is_named_with_the_option()
    {
        string path = Path.Combine(_directory, "missing.csv");

        (int exitCode, string output, string error) = InProcess.Run("--validation", path);

        exitCode.Should().Be(ExitCodes.BadInput);
        output.Should().BeEmpty();
        error.Should().Be($"XorNet: --validation {path}: there is no such file.\n");
    }

    [Fact]
    public void A_validation_file_takes_the_targets_of_the_training_data()
    {
        // A half adder has two targets, so a three-column file is one input and two targets: not the data's shape.
        string path = Write("v.csv", "0,0,1\n");

        (int exitCode, _, string error) = InProcess.Run("--dataset", "half-adder", "--validation", path);

        exitCode.Should().Be(ExitCodes.BadInput);
        error.Should().Be($"XorNet: --validation {path} has 3 columns, but the training data half-adder has 4 (2 inputs and 2 targets); give validation rows with the training data's columns.\n");
    }

    [Fact]
    public void Only_one_of_data_and_validation_reads_standard_input()
    {
        (int exitCode, string output, string error) = InProcess.RunWithInput("0,0,0\n", "--data", "-", "--validation", "-");

        exitCode.Should().Be(ExitCodes.BadInput);
        output.Should().BeEmpty();
        error.Should().StartWith("XorNet: --data and --validation cannot both read standard input (-): give one of them a file.");
    }

    [Fact]
    public void The_validation_file_can_come_from_standard_input()
    {
        string file = File.ReadAllText(Fixture.Path("xor-square-200.csv"));
        (int fromFile, string expected, _) = InProcess.Run("--epochs", "2000", "--validation", Fixture.Path("xor-square-200.csv"));

        (int exitCode, string output, string error) = InProcess.RunWithInput(file, "--epochs", "2000", "--validation", "-");

        fromFile.Should().Be(ExitCodes.Success);
        exitCode.Should().Be(ExitCodes.Success, error);
        output.Should().Be(expected).And.Contain("Epoch 1000, Loss: 0.2452, Validation: ");
    }

    [Theory]
    [InlineData("--save")]
    [InlineData("--plot-loss")]
    [InlineData("--plot-boundary")]
    public void An_output_that_is_the_validation_file_is_refused(string option)
    {
        string path = Write("v.csv", "0,0,0\n1,1,0\n");
        string link = Path.Combine(_directory, "link.csv");
        File.CreateSymbolicLink(link, path);

        (int exitCode, string output, string error) = InProcess.Run("--validation", path, option, link);

        exitCode.Should().Be(ExitCodes.BadInput);
        output.Should().BeEmpty();
        error.Should().Be($"XorNet: {option} {link}: is the file --validation {path} reads; write the results to another file.\n");
        File.ReadAllText(path).Should().Be("0,0,0\n1,1,0\n");
    }

    [Fact]
    public void Without_validation_the_log_lines_are_the_notebooks()
    {
        (_, string output, _) = InProcess.Run("--epochs", "10", "--log-every", "5");

        output.Should().StartWith("Epoch 0, Loss: 0.2832\nEpoch 5, Loss: ").And.NotContain("Validation");
    }

    [Fact]
    public void The_loss_plot_draws_the_validation_losses_of_the_logged_epochs_as_a_second_line()
    {
        string path = Path.Combine(_directory, "loss.svg");
        string validation = Fixture.Path("xor-square-200.csv");
        (_, string json, _) = InProcess.Run("--format", "json", "--validation", validation);
        double[] losses = [.. JsonNode.Parse(json)!["log"]!.AsArray().Select(e => e!["validation"]!.GetValue<double>())];

        (int exitCode, _, string error) = InProcess.Run("--plot-loss", path, "--validation", validation);

        exitCode.Should().Be(ExitCodes.Success, error);
        XDocument svg = XDocument.Load(path);
        XElement[] lines = [.. svg.Descendants(SvgNs + "polyline")];
        lines.Should().HaveCount(2);
        lines[0].Attribute("stroke")!.Value.Should().NotBe(lines[1].Attribute("stroke")!.Value);
        lines[0].Attribute("points")!.Value.Split(' ').Length.Should().BeGreaterThan(1000, "the training loss of every epoch, summarised");
        (double X, double Y)[] points = [.. lines[1].Attribute("points")!.Value.Split(' ').Select(p => p.Split(','))
            .Select(p => (double.Parse(p[0], CultureInfo.InvariantCulture), double.Parse(p[1], CultureInfo.InvariantCulture)))];

        // The plot area is 690 pixels wide from x = 80, for epochs 0 to 9999: one point at each logged epoch.
        points.Select(p => p.X).Should().Equal(Enumerable.Range(0, 10).Select(i => 80 + (i * 1000 / 9999.0 * 690)), (a, b) => Math.Abs(a - b) < 0.01);

        // Lower on the page is a smaller loss: the points go up and down as the losses do.
        for (int i = 1; i < losses.Length; i++)
        {
            (points[i].Y > points[i - 1].Y).Should().Be(losses[i] < losses[i - 1], $"epoch {i * 1000}");
        }

        svg.Descendants(SvgNs + "text").Select(t => t.Value).Should().Contain(["training", "validation"]);
    }

    [Fact]
    public void Without_validation_the_loss_plot_has_one_line_and_no_legend()
    {
        string path = Path.Combine(_directory, "loss.svg");

        InProcess.Run("--plot-loss", path).ExitCode.Should().Be(ExitCodes.Success);

        XDocument svg = XDocument.Load(path);
        svg.Descendants(SvgNs + "polyline").Should().ContainSingle();
        svg.Descendants(SvgNs + "text").Select(t => t.Value).Should().NotContain(["training", "validation"]);
    }

    [Fact]
    public void A_validation_loss_that_is_not_a_number_is_printed_as_NumPy_prints_it_and_left_off_the_plot()
    {
        // With seed 2, W1's third column is (-2.14, 0.50) and its fourth (1.63, -1.25): 1.7e308 times the first weight
        // of each overflows, so a row of ±1.7e308 gives inf - inf = nan in a hidden unit, and a nan loss.
        string path = Write("huge.csv", "1.7e308,1.7e308,0\n1.7e308,-1.7e308,1\n");
        string plot = Path.Combine(_directory, "loss.svg");

        (int exitCode, string output, string error) = InProcess.Run("--seed", "2", "--epochs", "1", "--validation", path, "--plot-loss", plot);
        (int jsonExitCode, string json, _) = InProcess.Run("--seed", "2", "--epochs", "1", "--validation", path, "--format", "json");

        exitCode.Should().Be(ExitCodes.Success, error);
        output.Should().MatchRegex(@"^Epoch 0, Loss: 0\.\d{4}, Validation: nan\n");
        jsonExitCode.Should().Be(ExitCodes.Success);
        JsonNode.Parse(json)!["log"]![0]!["validation"]!.GetValue<string>().Should().Be("NaN", "JSON has no NaN number");
        File.ReadAllText(plot).Should().NotContainEquivalentOf("nan");
    }

    private string Write(string name, string text)
    {
        string path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        return path;
    }
}
