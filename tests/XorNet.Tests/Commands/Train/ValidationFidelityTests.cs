using System.Text.Json.Nodes;
using FluentAssertions;

namespace XorNet.Tests;

/// <summary>
/// <c>--validation</c> and <c>--metrics</c> against validation-transcripts.json: the generalised notebook under
/// NumPy with a validation table evaluated at each logged epoch, and the metrics lines, made by
/// make_validation_transcripts.py.
/// </summary>
public sealed class ValidationFidelityTests
{
    private static readonly FixtureCases Fixtures = new("validation-transcripts.json");

    public static TheoryData<int> Cases() => Fixtures.Indexes();

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_transcript_with_validation_and_metrics_is_what_NumPy_prints(int index)
    {
        JsonNode c = Fixtures[index];
        FixtureCases.AssertPrintsTranscript(Arguments(c), c);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_json_log_holds_NumPys_validation_losses_and_the_report_its_accuracy(int index)
    {
        // Exact: the validation loss is one forward pass with the weights of that epoch's training loss, which the
        // transcripts show to be NumPy's to the bit (a difference in any weight would show in the losses' last bits).
        JsonNode c = Fixtures[index];

        (int exitCode, string output, _) = InProcess.Run([.. Arguments(c), "--format", "json"]);

        exitCode.Should().Be(ExitCodes.Success);
        JsonNode report = JsonNode.Parse(output)!;
        JsonArray log = report["log"]!.AsArray(), expected = c["log"]!.AsArray();
        log.Select(e => e!["epoch"]!.GetValue<int>()).Should().Equal(expected.Select(e => e!["epoch"]!.GetValue<int>()));
        log.Select(e => e!["loss"]!.GetValue<double>()).Should().Equal(expected.Select(e => e!["loss"]!.GetValue<double>()));
        if (c["validation"] is { } validation)
        {
            log.Select(e => e!["validation"]!.GetValue<double>()).Should().Equal(expected.Select(e => e!["validation"]!.GetValue<double>()));
            report["validationData"]!.GetValue<string>().Should().Be(validation.GetValue<string>());
        }
        else
        {
            log.Should().OnlyContain(e => e!.AsObject().ContainsKey("validation") == false);
            report.AsObject().ContainsKey("validationData").Should().BeFalse();
        }

        report["accuracy"]!.GetValue<double>().Should().Be(c["accuracy"]!.GetValue<double>());
    }

    private static string[] Arguments(JsonNode c)
    {
        string[] args = [.. CliDeepFidelityTests.Arguments(c), "--metrics"];
        return c["validation"] is { } validation ? [.. args, "--validation", Fixture.Path(validation.GetValue<string>())] : args;
    }
}
