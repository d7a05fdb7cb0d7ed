using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using FluentAssertions;

namespace XorNet.Tests;

/// <summary>--animate: the frames chosen, the SMIL timeline, and the last frame against --plot-boundary.</summary>
public sealed class AnimationTests : IDisposable
{
    private static readonly XNamespace Ns = SvgReader.Ns;
    private readonly string _directory = Directory.CreateTempSubdirectory("xornet-animate-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Frames_are_log_spaced_epochs_whose_losses_are_numpys()
    {
        XDocument svg = Animate();

        Frame[] frames = Frames(svg);
        frames.Length.Should().BeInRange(58, 62, "about 60 frames");
        frames[0].Epoch.Should().Be(0);
        frames[^1].Epoch.Should().Be(10000, "the trained network, after the last update");
        frames.Select(f => f.Epoch).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        frames.Count(f => f.Epoch <= 100).Should().BeInRange(24, 36, "log spacing puts about half the frames below sqrt(10000)");

        // A frame is the network an epoch starts from, so its loss is the one NumPy printed for that epoch: exact.
        double[] numpy = Fixture.Losses();
        foreach (Frame frame in frames[..^1])
        {
            frame.Loss.Should().Be(numpy[frame.Epoch], $"epoch {frame.Epoch}");
        }

        frames[^1].Loss.Should().BeLessThan(numpy[^1], "one more update than the last logged epoch lowers the loss a little");
    }

    [Fact]
    public void Exactly_one_frame_shows_at_every_moment_and_each_in_turn()
    {
        XDocument svg = Animate();
        XElement[] groups = [.. FrameGroups(svg)];
        XElement[] animations = [.. groups.Select(g => g.Element(Ns + "animate")!)];
        animations.Should().OnlyContain(a => (string?)a.Attribute("repeatCount") == "indefinite" && (string?)a.Attribute("begin") == "0s");
        double duration = animations.Select(a => Seconds(a.Attribute("dur")!.Value)).Distinct().Should().ContainSingle().Subject;

        // The SMIL rule for calcMode="discrete": the value of the last key time at or before the moment.
        var shown = new List<int>();
        for (double t = 0; t < 2 * duration; t += 0.01)
        {
            double f = (t % duration) / duration;
            int[] visible = [.. Enumerable.Range(0, groups.Length).Where(i => Discrete(animations[i], f) == "visible")];
            visible.Should().ContainSingle($"one frame at {t:0.00} s");
            if (shown.Count == 0 || shown[^1] != visible[0])
            {
                shown.Add(visible[0]);
            }
        }

        int[] once = [.. Enumerable.Range(0, groups.Length)];
        shown.Should().Equal([.. once, .. once], "each frame in order, then again from the start");

        // A viewer that does not animate shows the last frame only.
        groups.Select(g => (string?)g.Attribute("visibility")).Should().Equal([.. Enumerable.Repeat("hidden", groups.Length - 1), "visible"]);
    }

    [Fact]
    public void The_last_frame_is_the_boundary_plot_of_the_same_run_and_the_first_differs()
    {
        string boundaryPath = Path.Combine(_directory, "b.svg");
        XDocument svg = Animate("--plot-boundary", boundaryPath);
        XDocument boundary = SvgReader.Parse(boundaryPath);
        XElement[] groups = [.. FrameGroups(svg)];

        // The boundary plot has 120 cells a side, the frames 60: a frame's cell centre is the corner of four fine
        // cells, so its colour lies within theirs (allowing one step of the 64-step scale for the rounding).
        Dictionary<(int Row, int Column), string> fine = SvgReader.Cells(Heatmap(boundary.Root!));
        Dictionary<(int Row, int Column), string> last = SvgReader.Cells(Heatmap(groups[^1]));
        last.Should().HaveCount(60 * 60);
        int within = last.Count(cell => WithinBlock(cell.Value, fine, cell.Key));
        within.Should().BeGreaterThanOrEqualTo(last.Count * 99 / 100, "the last frame's colours are the boundary plot's");

        // Every piece of the last frame's 0.5 contour lies on the boundary plot's: within 3 pixels (a coarse cell is 8).
        var reference = SvgReader.Segments(boundary.Descendants(Ns + "path").Single(p => (string?)p.Attribute("id") == "contour").Attribute("d")!.Value);
        var contour = SvgReader.Segments(groups[^1].Elements(Ns + "path").Single(p => ((string?)p.Attribute("id"))?.StartsWith("contour", StringComparison.Ordinal) == true).Attribute("d")!.Value);
        contour.Should().HaveCountGreaterThan(50);
        contour.Should().OnlyContain(s => reference.Min(r => Distance(s.A, r)) < 3);

        // The untrained network is another picture: most cells have another colour.
        Dictionary<(int Row, int Column), string> first = SvgReader.Cells(Heatmap(groups[0]));
        first.Count(cell => last[cell.Key] != cell.Value).Should().BeGreaterThan(first.Count * 3 / 4);
    }

    [Fact]
    public void Drawing_frames_leaves_training_exactly_as_it_was()
    {
        foreach (string[] run in new[] { Array.Empty<string>(), ["--layers", "8,4", "--activation", "tanh", "--epochs", "500"] })
        {
            (_, string plain, _) = InProcess.Run([.. run, "--format", "json"]);
            (_, string animated, _) = InProcess.Run([.. run, "--format", "json", "--animate", Path.Combine(_directory, "a.svg")]);

            Without("trainingSeconds", animated).Should().Be(Without("trainingSeconds", plain));
        }
    }

    [Theory]
    [InlineData("0", new[] { 0 })]
    [InlineData("1", new[] { 0, 1 })]
    [InlineData("5", new[] { 0, 1, 2, 3, 4, 5 })]
    public void Short_runs_have_a_frame_for_every_epoch(string epochs, int[] expected)
    {
        XDocument svg = Animate("--epochs", epochs);

        Frames(svg).Select(f => f.Epoch).Should().Equal(expected);
        if (expected.Length == 1)
        {
            FrameGroups(svg).Single().Element(Ns + "animate").Should().BeNull("one frame is a still picture");
            FrameGroups(svg).Single().Attribute("visibility")!.Value.Should().Be("visible");
        }
    }

    [Fact]
    public void A_run_stopped_by_target_loss_ends_with_the_network_it_stopped_with()
    {
        int stopped = Array.FindIndex(Fixture.Losses(), l => l <= 0.1);

        Frame[] frames = Frames(Animate("--target-loss", "0.1"));

        frames[^1].Epoch.Should().Be(stopped + 1, "the network after the update of the epoch that reached the target");
        frames[..^1].Should().OnlyContain(f => f.Epoch <= stopped);
        frames.Length.Should().BeInRange(45, 62);
    }

    [Fact]
    public void An_interrupted_run_writes_the_frames_it_reached()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        string path = Path.Combine(_directory, "a.svg");

        InProcess.Run(["--animate", path], cancelled.Token).ExitCode.Should().Be(ExitCodes.Interrupted);

        Frames(SvgReader.Parse(path)).Select(f => f.Epoch).Should().Equal(0, 1);
    }

    [Fact]
    public void Animate_needs_two_inputs_and_a_file_of_its_own()
    {
        string path = Path.Combine(_directory, "a.svg");
        (int exitCode, string output, string error) = InProcess.Run("--dataset", "parity3", "--animate", path);
        exitCode.Should().Be(ExitCodes.BadInput);
        output.Should().BeEmpty();
        error.Should().Be("XorNet: --animate draws two-input data; parity3 has 3 inputs.\n");

        (exitCode, _, error) = InProcess.Run("--animate", path, "--plot-boundary", path);
        exitCode.Should().Be(ExitCodes.BadInput);
        error.Should().Contain("--plot-boundary").And.Contain("--animate").And.Contain("same file");
        Directory.GetFiles(_directory).Should().BeEmpty();
    }

    [Fact]
    public void The_default_animation_stays_small()
    {
        string path = Path.Combine(_directory, "a.svg");
        InProcess.Run("--animate", path).ExitCode.Should().Be(ExitCodes.Success);

        new FileInfo(path).Length.Should().BeLessThan(1_000_000, "60 frames of 60² cells, a few bytes a run");
    }

    [Fact]
    public void Several_outputs_get_a_panel_each_in_every_frame()
    {
        XDocument svg = Animate("--dataset", "half-adder", "--epochs", "300");

        FrameGroups(svg).Should().OnlyContain(g => g.Elements(Ns + "g").Count(h => (string?)h.Attribute("class") == "heatmap") == 2);
        svg.Descendants(Ns + "circle").Count(c => (string?)c.Attribute("class") == "point").Should().Be(8, "4 points in each of 2 panels");
    }

    [Fact]
    public void Log_spacing_keeps_the_ends_and_its_count()
    {
        Plots.FrameEpochs.LogSpaced(0, 60).Should().Equal(0);
        Plots.FrameEpochs.LogSpaced(59, 60).Should().Equal(Enumerable.Range(0, 60));
        foreach (int epochs in new[] { 60, 61, 100, 1000, 123457, int.MaxValue })
        {
            IReadOnlyList<int> chosen = Plots.FrameEpochs.LogSpaced(epochs, 60);
            chosen.Count.Should().BeInRange(60, 61);
            chosen[0].Should().Be(0);
            chosen[^1].Should().Be(epochs);
            chosen.Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        }
    }

    private readonly record struct Frame(int Epoch, double Loss);

    private XDocument Animate(params string[] args)
    {
        string path = Path.Combine(_directory, "animation.svg");
        (int exitCode, _, string error) = InProcess.Run([.. args, "--animate", path]);
        exitCode.Should().Be(ExitCodes.Success, error);
        return SvgReader.Parse(path);
    }

    private static IEnumerable<XElement> FrameGroups(XDocument svg) => svg.Descendants(Ns + "g").Where(g => (string?)g.Attribute("class") == "frame");

    private static Frame[] Frames(XDocument svg) =>
        [.. FrameGroups(svg).Select(g => new Frame(int.Parse(g.Attribute("data-epoch")!.Value, CultureInfo.InvariantCulture), SvgReader.Num(g.Attribute("data-loss")!.Value)))];

    private static XElement Heatmap(XElement parent) => parent.Descendants(Ns + "g").First(g => (string?)g.Attribute("class") == "heatmap");

    private static string Discrete(XElement animate, double fraction)
    {
        string[] values = animate.Attribute("values")!.Value.Split(';');
        double[] keyTimes = [.. animate.Attribute("keyTimes")!.Value.Split(';').Select(SvgReader.Num)];
        keyTimes.Should().HaveSameCount(values).And.BeInAscendingOrder().And.StartWith(0.0);
        return values[Array.FindLastIndex(keyTimes, k => k <= fraction)];
    }

    private static double Seconds(string text) => SvgReader.Num(text.TrimEnd('s'));

    private static bool WithinBlock(string colour, Dictionary<(int Row, int Column), string> fine, (int Row, int Column) cell)
    {
        // The coarse cell (r, c) covers fine rows 2r, 2r + 1 and columns 2c, 2c + 1.
        (int R, int G, int B)[] block = [.. from dr in Enumerable.Range(0, 2) from dc in Enumerable.Range(0, 2) select SvgReader.Rgb(fine[((2 * cell.Row) + dr, (2 * cell.Column) + dc)])];
        (int r, int g, int b) = SvgReader.Rgb(colour);
        const int Step = 8; // one step of the scale moves a channel by at most about 7
        return r >= block.Min(x => x.R) - Step && r <= block.Max(x => x.R) + Step
            && g >= block.Min(x => x.G) - Step && g <= block.Max(x => x.G) + Step
            && b >= block.Min(x => x.B) - Step && b <= block.Max(x => x.B) + Step;
    }

    private static double Distance((double X, double Y) p, ((double X, double Y) A, (double X, double Y) B) segment)
    {
        (double ax, double ay) = segment.A;
        (double bx, double by) = segment.B;
        double length = ((bx - ax) * (bx - ax)) + ((by - ay) * (by - ay));
        double t = length == 0 ? 0 : Math.Clamp((((p.X - ax) * (bx - ax)) + ((p.Y - ay) * (by - ay))) / length, 0, 1);
        return Math.Sqrt(Math.Pow(p.X - (ax + (t * (bx - ax))), 2) + Math.Pow(p.Y - (ay + (t * (by - ay))), 2));
    }

    private static string Without(string property, string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        return JsonSerializer.Serialize(document.RootElement.EnumerateObject().Where(p => p.Name != property).ToDictionary(p => p.Name, p => p.Value));
    }
}
