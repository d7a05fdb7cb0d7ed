using FluentAssertions;

namespace XorNet.Tests;

public sealed class TrainerTests
{
    [Fact]
    public void Logs_every_epoch_divisible_by_the_interval()
    {
        var logged = new List<int>();

        TrainingResult result = Trainer.Train(Dataset.Xor, new TrainingSettings(Epochs: 25, LogEvery: 10), e => logged.Add(e.Epoch));

        logged.Should().Equal(0, 10, 20);
        result.Log.Select(e => e.Epoch).Should().Equal(logged);
        result.EpochsRun.Should().Be(25);
    }

    [Fact]
    public void A_non_finite_loss_stops_training_at_that_epoch()
    {
        // A NaN target makes the very first loss NaN.
        var data = new Dataset("nan", Dataset.Xor.X, Matrix.FromRows([0], [1], [double.NaN], [0]));

        Action train = () => Trainer.Train(data, new TrainingSettings(Epochs: 10));

        train.Should().Throw<TrainingDivergedException>().Which.Epoch.Should().Be(0);
    }

    [Fact]
    public void Predictions_are_the_last_forward_pass_before_the_final_update()
    {
        TrainingResult result = Trainer.Train(Dataset.Xor, new TrainingSettings(Epochs: 1));
        Matrix initial = TwoLayerNetwork.Initialize(2, 4, new NumPyRandom(42)).Predict(Dataset.Xor.X);

        result.Predictions.ToRows().Should().BeEquivalentTo(initial.ToRows(), o => o.WithStrictOrdering());
        result.Network.Predict(Dataset.Xor.X)[0, 0].Should().NotBe(initial[0, 0]);
    }

    [Fact]
    public void Training_learns_xor()
    {
        TrainingResult result = Trainer.Train(Dataset.Xor, new TrainingSettings());

        result.Predictions.AsSpan().ToArray().Select(p => p > 0.5 ? 1.0 : 0.0).Should().Equal(0, 1, 1, 0);
    }
}
