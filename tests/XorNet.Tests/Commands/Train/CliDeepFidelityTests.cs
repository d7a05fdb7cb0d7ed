using System.Globalization;
using System.Text.Json.Nodes;
using FluentAssertions;

namespace XorNet.Tests;

/// <summary>
/// Every case of deep-transcripts.json (the generalised notebook under NumPy, made by make_deep_transcripts.py) run
/// through the command line, as a user would: the options alone must select the architecture and the data.
/// </summary>
public sealed class CliDeepFidelityTests
{
    private static readonly FixtureCases Fixtures = new("deep-transcripts.json");

    public static TheoryData<int> Cases() => Fixtures.Indexes();

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_command_prints_what_NumPy_prints(int index)
    {
        JsonNode c = Fixtures[index];
        FixtureCases.AssertPrintsTranscript(Arguments(c), c, saturationWarning: true);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_json_report_holds_NumPys_weights_and_predictions(int index)
    {
        // 1e-12: a last-bit difference anywhere in training would grow far past this in thousands of epochs; the
        // weights themselves are of order 1 to 100, so this is a few units in the last place of the largest.
        JsonNode c = Fixtures[index];

        (int exitCode, string output, _) = InProcess.Run([.. Arguments(c), "--format", "json"]);

        exitCode.Should().Be(ExitCodes.Success);
        JsonNode report = JsonNode.Parse(output)!;
        FixtureCases.AssertWeightsAndPredictions(report, c, (a, b) => Math.Abs(a - b) <= 1e-12);
        report["layers"]!.AsArray().Select(n => n!.GetValue<int>()).Should().Equal(c["layers"]!.AsArray().Select(n => n!.GetValue<int>()));
        report["outputs"]!.GetValue<int>().Should().Be(FixtureCases.Flatten(c["predictions"]![0]!).Length);
        report["activation"]!.GetValue<string>().Should().Be(c["activation"]!.GetValue<string>());
        report["initialization"]!.GetValue<string>().Should().Be(c["init"]!.GetValue<string>());
        report["loss"]!.GetValue<string>().Should().Be(c["loss"]!.GetValue<string>());
    }

    /// <summary>The command line for a fixture case: its options, and the data as a built-in name or a CSV file.</summary>
    internal static string[] Arguments(JsonNode c)
    {
        var args = new List<string>
        {
            "--seed", c["seed"]!.GetValue<uint>().ToString(CultureInfo.InvariantCulture),
            "--layers", string.Join(',', c["layers"]!.AsArray().Select(n => n!.GetValue<int>())),
            "--activation", c["activation"]!.GetValue<string>(),
            "--init", c["init"]!.GetValue<string>(),
            "--loss", c["loss"]!.GetValue<string>(),
            "--lr", c["learningRate"]!.GetValue<double>().ToString("R", CultureInfo.InvariantCulture),
            "--epochs", c["epochs"]!.GetValue<int>().ToString(CultureInfo.InvariantCulture),
            "--log-every", c["logEvery"]!.GetValue<int>().ToString(CultureInfo.InvariantCulture),
        };
        if (c["dataset"] is { } name)
        {
            args.AddRange(["--dataset", name.GetValue<string>()]);
        }
        else
        {
            args.AddRange(["--data", Fixture.Path(c["data"]!.GetValue<string>()), "--targets", c["targets"]!.GetValue<int>().ToString(CultureInfo.InvariantCulture)]);
        }

        return [.. args];
    }
}
