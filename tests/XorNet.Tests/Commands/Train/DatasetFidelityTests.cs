using System.Text.Json.Nodes;
using FluentAssertions;

namespace XorNet.Tests;

/// <summary>
/// Training on a generated set (<c>--dataset circle|gauss|xor-plane|spiral</c> with <c>--samples</c>, <c>--noise</c>,
/// <c>--data-seed</c>) against the generalised notebook under NumPy on the same set (dataset-transcripts.json, made
/// by make_dataset_transcripts.py): the transcript byte for byte, the JSON report's numbers within 1e-12.
/// </summary>
public sealed class DatasetFidelityTests
{
    private static readonly FixtureCases Fixtures = new("dataset-transcripts.json");

    public static TheoryData<int> Cases() => Fixtures.Indexes();

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_transcript_is_what_NumPy_prints(int index)
    {
        JsonNode c = Fixtures[index];

        (int exitCode, string output, string error) = Run(c);

        error.Should().BeEmpty();
        exitCode.Should().Be(ExitCodes.Success);
        output.Should().Be(c["transcript"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_json_report_holds_NumPys_log_predictions_and_weights(int index)
    {
        // 1e-12, as for the other generalised-notebook fixtures: weights of order 1 to 100 after thousands of epochs,
        // where any last-bit difference would have grown far past this; the log's losses must be exact.
        JsonNode c = Fixtures[index];

        (int exitCode, string output, _) = Run(c, "--format", "json");

        exitCode.Should().Be(ExitCodes.Success);
        JsonNode report = JsonNode.Parse(output)!;
        report["log"]!.AsArray().Select(e => e!["loss"]!.GetValue<double>())
            .Should().Equal(c["log"]!.AsArray().Select(e => e!["loss"]!.GetValue<double>()));
        FixtureCases.AssertWeightsAndPredictions(report, c, (a, b) => Math.Abs(a - b) <= 1e-12);

        report["data"]!.GetValue<string>().Should().StartWith(c["args"]![1]!.GetValue<string>() + " (");
    }

    // Runs the case with its options and 'extra'. A validation set is first written by 'XorNet data --out' to a file
    // that --validation reads, so that the CSV's numbers are checked to read back as the very doubles NumPy used.
    private static (int ExitCode, string Output, string Error) Run(JsonNode c, params string[] extra)
    {
        string[] args = [.. c["args"]!.AsArray().Select(a => a!.GetValue<string>()), .. extra];
        if (c["validation"] is not { } validation)
        {
            return InProcess.Run(args);
        }

        string directory = Directory.CreateTempSubdirectory("xornet-validation-").FullName;
        try
        {
            string file = Path.Combine(directory, "validation.csv");
            string[] set = [.. validation.AsArray().Select(a => a!.GetValue<string>())];
            InProcess.Run(["data", set[0], .. set[1..], "--out", file]).ExitCode.Should().Be(ExitCodes.Success);
            return InProcess.Run([.. args, "--validation", file]);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
