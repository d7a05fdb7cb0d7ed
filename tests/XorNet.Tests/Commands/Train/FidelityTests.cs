using System.Globalization;
using System.Text.Json;
using FluentAssertions;

namespace XorNet.Tests;

/// <summary>XorNet against NumPy's own run of the notebook.</summary>
public sealed class FidelityTests
{
    private static readonly JsonElement Transcripts = Fixture.Json("transcripts.json");

    public static TheoryData<int> TranscriptCases => [.. Enumerable.Range(0, Transcripts.GetProperty("cases").GetArrayLength())];

    [Fact]
    public void Default_run_prints_the_notebook_transcript_exactly()
    {
        (int exitCode, string output, string error) = InProcess.Run();

        exitCode.Should().Be(ExitCodes.Success);
        error.Should().BeEmpty();
        output.Should().Be(Fixture.Text("notebook-transcript.txt").TrimEnd('\n') + "\n");
    }

    [Fact]
    public void Every_epoch_loss_at_seed_42_matches_numpy()
    {
        // Tolerance 1e-12: the run reproduces NumPy's arithmetic, so only last-bit differences (~1e-16) could
        // remain; a real change in the math moves the loss by far more than 1e-12 within a few epochs.
        double[] expected = Fixture.Losses();
        var network = TwoLayerNetwork.Initialize(2, 4, new NumPyRandom(42));
        Dataset xor = Dataset.Xor;

        for (int epoch = 0; epoch < expected.Length; epoch++)
        {
            double loss = network.TrainEpoch(xor.X, xor.Y, 0.1);
            loss.Should().BeApproximately(expected[epoch], 1e-12, "epoch {0}", epoch);
        }
    }

    [Fact]
    public void Every_epoch_loss_at_seed_42_is_numpys_to_the_bit()
    {
        // Stronger than the tolerance above: the same operations in the same order give the same doubles.
        // NumPy's record was made with the C library's exp, which Math.Exp calls here too.
        double[] expected = Fixture.Losses();
        var network = TwoLayerNetwork.Initialize(2, 4, new NumPyRandom(42));
        Dataset xor = Dataset.Xor;

        double[] actual = [.. expected.Select(_ => network.TrainEpoch(xor.X, xor.Y, 0.1))];

        actual.Select(BitConverter.DoubleToInt64Bits).Should().Equal(expected.Select(BitConverter.DoubleToInt64Bits));
    }

    [Fact]
    public void Final_weights_and_predictions_at_seed_42_match_numpy()
    {
        // Tolerance 1e-10 on values of order 1 to 10: ten thousand updates of last-bit noise stay below 1e-13.
        JsonElement expected = Fixture.Json("notebook-seed42-weights.json");

        TrainingResult result = Trainer.Train(Dataset.Xor, new TrainingSettings());

        ShouldBeClose(result.Network.Weights[0], expected.GetProperty("final").GetProperty("W1"));
        ShouldBeClose(result.Network.Biases[0], expected.GetProperty("final").GetProperty("b1"));
        ShouldBeClose(result.Network.Weights[1], expected.GetProperty("final").GetProperty("W2"));
        ShouldBeClose(result.Network.Biases[1], expected.GetProperty("final").GetProperty("b2"));
        ShouldBeClose(result.Predictions, expected.GetProperty("predictions"));
        result.FinalLoss.Should().BeApproximately(expected.GetProperty("finalLoss").GetDouble(), 1e-12);
    }

    [Theory]
    [MemberData(nameof(TranscriptCases))]
    public void Other_configurations_print_what_numpy_prints(int index)
    {
        JsonElement c = Transcripts.GetProperty("cases")[index];
        string[] data =
            c.TryGetProperty("dataset", out JsonElement dataset) ? ["--dataset", dataset.GetString()!]
            : c.TryGetProperty("data", out JsonElement file) ? ["--data", Fixture.Path(file.GetString()!)]
            : [];
        string[] args =
        [
            .. data,
            "--seed", c.GetProperty("seed").GetUInt32().ToString(CultureInfo.InvariantCulture),
            "--hidden", c.GetProperty("hidden").GetInt32().ToString(CultureInfo.InvariantCulture),
            "--lr", c.GetProperty("learningRate").GetDouble().ToString("R", CultureInfo.InvariantCulture),
            "--epochs", c.GetProperty("epochs").GetInt32().ToString(CultureInfo.InvariantCulture),
            "--log-every", c.GetProperty("logEvery").GetInt32().ToString(CultureInfo.InvariantCulture),
        ];

        (int exitCode, string output, _) = InProcess.Run(args);

        exitCode.Should().Be(ExitCodes.Success);
        output.Should().Be(c.GetProperty("transcript").GetString(), "NumPy's transcript for {0}", string.Join(' ', args));
    }

    [Fact]
    public void Zero_epochs_print_only_the_initial_networks_predictions()
    {
        (int exitCode, string output, _) = InProcess.Run("--epochs", "0");

        exitCode.Should().Be(ExitCodes.Success);
        output.Should().StartWith("\nPredictions after training:\n[[");
        output.Should().NotContain("Epoch");
    }

    private static void ShouldBeClose(Matrix actual, JsonElement expected)
    {
        double[][] rows = Fixture.Rows(expected);
        actual.Rows.Should().Be(rows.Length);
        for (int r = 0; r < rows.Length; r++)
        {
            for (int c = 0; c < rows[r].Length; c++)
            {
                actual[r, c].Should().BeApproximately(rows[r][c], 1e-10, "element ({0}, {1})", r, c);
            }
        }
    }
}
