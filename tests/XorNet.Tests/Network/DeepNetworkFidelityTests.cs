using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using FluentAssertions;

namespace XorNet.Tests;

/// <summary>
/// The generalised notebook against NumPy (deep-transcripts.json, made by make_deep_transcripts.py): layers,
/// activations, initial scales, losses and several outputs, trained through <see cref="DeepNetwork"/> directly.
/// </summary>
public sealed class DeepNetworkFidelityTests
{
    private static readonly FixtureCases Fixtures = new("deep-transcripts.json");

    public static TheoryData<int> Cases() => Fixtures.Indexes();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Prints_what_NumPy_prints(int index)
    {
        JsonNode c = Fixtures[index];
        (string transcript, DeepNetwork network, Matrix predictions) = Train(c);

        transcript.Should().Be(c["transcript"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Ends_with_NumPys_weights_and_predictions(int index)
    {
        // 1e-12: a last-bit difference anywhere in training would grow far past this in thousands of epochs; the
        // weights themselves are of order 1 to 100, so this is a few units in the last place of the largest.
        JsonNode c = Fixtures[index];
        (_, DeepNetwork network, Matrix predictions) = Train(c);

        FixtureCases.Flatten(c["predictions"]!).Should().Equal(predictions.AsSpan().ToArray(), (a, b) => Math.Abs(a - b) <= 1e-12);
        JsonArray layers = c["weights"]!.AsArray();
        for (int l = 0; l < layers.Count; l++)
        {
            FixtureCases.Flatten(layers[l]!["W"]!).Should().Equal(network.Weights[l].AsSpan().ToArray(), (a, b) => Math.Abs(a - b) <= 1e-12);
            FixtureCases.Flatten(layers[l]!["b"]!).Should().Equal(network.Biases[l].AsSpan().ToArray(), (a, b) => Math.Abs(a - b) <= 1e-12);
        }
    }

    private static (string Transcript, DeepNetwork Network, Matrix Predictions) Train(JsonNode c)
    {
        Dataset data = c["dataset"] is { } name ? Dataset.Named(name.GetValue<string>()) : LoadCsv(c["data"]!.GetValue<string>(), c["targets"]!.GetValue<int>());
        int[] hidden = [.. c["layers"]!.AsArray().Select(n => n!.GetValue<int>())];
        var architecture = new Architecture(
            [data.Inputs, .. hidden, data.Targets],
            Enum.Parse<Activation>(c["activation"]!.GetValue<string>(), ignoreCase: true),
            Enum.Parse<Initialization>(c["init"]!.GetValue<string>(), ignoreCase: true),
            Enum.Parse<LossFunction>(c["loss"]!.GetValue<string>(), ignoreCase: true));
        var network = DeepNetwork.Initialize(architecture, new NumPyRandom(c["seed"]!.GetValue<uint>()));
        int epochs = c["epochs"]!.GetValue<int>(), logEvery = c["logEvery"]!.GetValue<int>();
        double lr = c["learningRate"]!.GetValue<double>();
        var text = new StringBuilder();
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            double loss = network.TrainEpoch(data.X, data.Y, lr);
            if (epoch % logEvery == 0)
            {
                text.Append(NotebookTranscript.LogLine(new LogEntry(epoch, loss))).Append('\n');
            }
        }

        Matrix predictions = epochs > 0 ? network.LastOutput() : network.Predict(data.X);
        text.Append('\n').Append(NotebookTranscript.PredictionsHeading).Append('\n').Append(NotebookTranscript.Predictions(predictions)).Append('\n');
        return (text.ToString(), network, predictions);
    }

    private static Dataset LoadCsv(string file, int targets)
    {
        string[] lines = [.. File.ReadAllLines(Fixture.Path(file)).Skip(1)];
        double[][] rows = [.. lines.Select(line => line.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray())];
        int inputs = rows[0].Length - targets;
        return new Dataset(file, Matrix.FromRows([.. rows.Select(r => r[..inputs])]), Matrix.FromRows([.. rows.Select(r => r[inputs..])]));
    }
}
