using System.Text.Json.Nodes;

namespace XorNet.Tests;

/// <summary>
/// Every case of optimizer-transcripts.json (the generalised notebook under NumPy with each update rule, mini-batches
/// and weight decay, made by make_optimizer_transcripts.py) run through the command line with the case's own options.
/// </summary>
public sealed class OptimizerFidelityTests
{
    private static readonly FixtureCases Fixtures = new("optimizer-transcripts.json");

    public static TheoryData<int> Cases() => Fixtures.Indexes();

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_command_prints_what_NumPy_prints(int index)
    {
        JsonNode c = Fixtures[index];
        FixtureCases.AssertPrintsTranscript(FixtureCases.Arguments(c), c);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_json_report_holds_NumPys_weights_predictions_and_losses(int index) =>

        // Bit for bit (tolerance 0): each rule is NumPy's text operation for operation, and every case agrees exactly.
        // The issue asks for 1e-12, which a regrouped step (lr * m / c1 as lr * (m / c1)) stays within over these
        // runs; exact equality catches that too.
        FixtureCases.AssertReportHolds(Fixtures[index], (a, b) => a.Equals(b));
}
