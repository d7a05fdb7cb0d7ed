using System.Text.Json.Nodes;
using FluentAssertions;

namespace XorNet.Tests;

/// <summary>
/// The cases of a fixture file made by one of the NumPy generators (<c>{"cases": [...]}</c>), and the checks every
/// fidelity test makes of them: the command prints NumPy's transcript, its JSON holds NumPy's numbers.
/// </summary>
internal sealed class FixtureCases
{
    private readonly JsonArray _cases;

    /// <summary>Reads the cases of <paramref name="file"/>, in the fixture folder.</summary>
    public FixtureCases(string file)
    {
        Document = JsonNode.Parse(Fixture.Text(file))!;
        _cases = Document["cases"]!.AsArray();
    }

    /// <summary>The whole fixture file, for what it holds beside its cases.</summary>
    public JsonNode Document { get; }

    /// <summary>The case at <paramref name="index"/>.</summary>
    public JsonNode this[int index] => _cases[index]!;

    /// <summary>Every case's index, as theory data.</summary>
    public TheoryData<int> Indexes() => [.. Enumerable.Range(0, _cases.Count)];

    /// <summary>
    /// Runs <paramref name="args"/> in process and checks that it prints the case's <c>transcript</c>, exits 0, and
    /// says nothing on stderr but, where <paramref name="saturationWarning"/>, the warning about saturated units
    /// (which some cases reach on purpose).
    /// </summary>
    public static void AssertPrintsTranscript(string[] args, JsonNode c, bool saturationWarning = false)
    {
        (int exitCode, string output, string error) = InProcess.Run(args);

        error.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(line => !(saturationWarning && line.StartsWith("XorNet: warning: the units have saturated", StringComparison.Ordinal)))
            .Should().BeEmpty();
        exitCode.Should().Be(ExitCodes.Success);
        output.Should().Be(c["transcript"]!.GetValue<string>());
    }

    /// <summary>
    /// Checks a JSON report's predictions and every layer's weights against the case's <c>predictions</c> and
    /// <c>weights</c>, each pair of numbers with <paramref name="close"/>.
    /// </summary>
    public static void AssertWeightsAndPredictions(JsonNode report, JsonNode c, Func<double, double, bool> close)
    {
        Flatten(report["predictions"]!).Should().Equal(Flatten(c["predictions"]!), close);
        JsonArray layers = c["weights"]!.AsArray();
        report["weights"]!.AsObject().Count.Should().Be(2 * layers.Count);
        for (int l = 0; l < layers.Count; l++)
        {
            Flatten(report["weights"]![$"W{l + 1}"]!).Should().Equal(Flatten(layers[l]!["W"]!), close);
            Flatten(report["weights"]![$"b{l + 1}"]!).Should().Equal(Flatten(layers[l]!["b"]!), close);
        }
    }

    /// <summary>
    /// Runs the case's command line with <c>--format json</c> (without <c>--metrics</c>, which JSON always has) and
    /// checks its predictions, weights and logged losses against the case's, each pair of numbers with <paramref name="close"/>.
    /// </summary>
    public static void AssertReportHolds(JsonNode c, Func<double, double, bool> close)
    {
        string[] args = [.. Arguments(c).Where(a => a != "--metrics"), "--format", "json"];

        (int exitCode, string output, _) = InProcess.Run(args);

        exitCode.Should().Be(ExitCodes.Success);
        JsonNode report = JsonNode.Parse(output)!;
        AssertWeightsAndPredictions(report, c, close);
        double[] losses = [.. report["log"]!.AsArray().Select(e => e!["loss"]!.GetValue<double>())];
        losses.Should().Equal([.. c["log"]!.AsArray().Select(e => e!["loss"]!.GetValue<double>())], close);
    }

    /// <summary>The case's command line from its <c>args</c>, with its CSV files found in the fixture folder.</summary>
    public static string[] Arguments(JsonNode c) =>
        [.. c["args"]!.AsArray().Select(a => a!.GetValue<string>()).Select(a => a.EndsWith(".csv", StringComparison.Ordinal) ? Fixture.Path(a) : a)];

    /// <summary>The numbers of a JSON number or nested array, in row-major order.</summary>
    public static double[] Flatten(JsonNode node) =>
        node is JsonArray array ? [.. array.SelectMany(n => Flatten(n!))] : [node.GetValue<double>()];
}
