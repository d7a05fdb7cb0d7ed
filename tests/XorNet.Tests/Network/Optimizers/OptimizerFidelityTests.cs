using System.Text.Json.Nodes;
using FluentAssertions;

namespace XorNet.Tests;

/// <summary>
/// Every case of optimizer-transcripts.json (the generalised notebook under NumPy with each update rule, mini-batches
/// and weight decay, made by make_optimizer_transcripts.py) run through the command line with the case's own options.
/// </summary>
public sealed class OptimizerFidelityTests
{
    private static readonly JsonNode Fixtures = JsonNode.Parse(Fixture.Text("optimizer-transcripts.json"))!;

    public static TheoryData<int> Cases() => [.. Enumerable.Range(0, Fixtures["cases"]!.AsArray().Count)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_command_prints_what_NumPy_prints(int index) => PrintsTranscript(Fixtures["cases"]![index]!);

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_json_report_holds_NumPys_weights_predictions_and_losses(int index) =>

        // Bit for bit (tolerance 0): each rule is NumPy's text operation for operation, and every case agrees exactly.
        // The issue asks for 1e-12, which a regrouped step (lr * m / c1 as lr * (m / c1)) stays within over these
        // runs; exact equality catches that too.
        ReportHolds(Fixtures["cases"]![index]!, (a, b) => a.Equals(b));

    /// <summary>Runs a case's command line and checks that it prints the case's transcript, and nothing on stderr.</summary>
    internal static void PrintsTranscript(JsonNode c)
    {
        (int exitCode, string output, string error) = InProcess.Run(Arguments(c));

        error.Should().BeEmpty();
        exitCode.Should().Be(ExitCodes.Success);
        output.Should().Be(c["transcript"]!.GetValue<string>());
    }

    /// <summary>Runs a case's command line with <c>--format json</c> and compares its predictions, weights and logged losses by <paramref name="close"/>.</summary>
    internal static void ReportHolds(JsonNode c, Func<double, double, bool> close)
    {
        string[] args = [.. Arguments(c).Where(a => a != "--metrics"), "--format", "json"];

        (int exitCode, string output, _) = InProcess.Run(args);

        exitCode.Should().Be(ExitCodes.Success);
        JsonNode report = JsonNode.Parse(output)!;
        CliDeepFidelityTests.Flatten(report["predictions"]!).Should().Equal(CliDeepFidelityTests.Flatten(c["predictions"]!), close);
        JsonArray layers = c["weights"]!.AsArray();
        report["weights"]!.AsObject().Count.Should().Be(2 * layers.Count);
        for (int l = 0; l < layers.Count; l++)
        {
            CliDeepFidelityTests.Flatten(report["weights"]![$"W{l + 1}"]!).Should().Equal(CliDeepFidelityTests.Flatten(layers[l]!["W"]!), close);
            CliDeepFidelityTests.Flatten(report["weights"]![$"b{l + 1}"]!).Should().Equal(CliDeepFidelityTests.Flatten(layers[l]!["b"]!), close);
        }

        double[] losses = [.. report["log"]!.AsArray().Select(e => e!["loss"]!.GetValue<double>())];
        losses.Should().Equal([.. c["log"]!.AsArray().Select(e => e!["loss"]!.GetValue<double>())], close);
    }

    /// <summary>The case's command line, with its CSV files found in the fixture folder.</summary>
    internal static string[] Arguments(JsonNode c) =>
        [.. c["args"]!.AsArray().Select(a => a!.GetValue<string>()).Select(a => a.EndsWith(".csv", StringComparison.Ordinal) ? Fixture.Path(a) : a)];
}
