using System.Text.Json.Serialization;
using XorNet.Network;

namespace XorNet.Cli;

/// <summary>The <c>--format json</c> document: the configuration, the log, the predictions and the trained weights.</summary>
internal sealed record JsonReport(
    string Data,
    uint Seed,
    int Hidden,
    double LearningRate,
    int Epochs,
    int EpochsRun,
    int LogEvery,
    IReadOnlyList<LogEntry> Log,
    double? FinalLoss,
    double[][] Predictions,
    JsonWeights Weights,
    double TrainingSeconds,
    int? StoppedAtEpoch,
    bool Interrupted)
{
    public static JsonReport From(string data, TrainingSettings settings, TrainingResult result) => new(
        data,
        settings.Seed,
        settings.Hidden,
        settings.LearningRate,
        settings.Epochs,
        result.EpochsRun,
        settings.LogEvery,
        result.Log,
        result.FinalLoss,
        result.Predictions.ToRows(),
        JsonWeights.Of(result.Network),
        result.TrainingTime.TotalSeconds,
        result.StoppedAtEpoch,
        result.Interrupted);
}

/// <summary>The trained parameters under the notebook's names, each as an array of rows.</summary>
internal sealed record JsonWeights(
    [property: JsonPropertyName("W1")] double[][] W1,
    [property: JsonPropertyName("b1")] double[][] B1,
    [property: JsonPropertyName("W2")] double[][] W2,
    [property: JsonPropertyName("b2")] double[][] B2)
{
    public static JsonWeights Of(TwoLayerNetwork network) =>
        new(network.W1.ToRows(), network.B1.ToRows(), network.W2.ToRows(), network.B2.ToRows());
}

/// <summary>The <c>predict --format json</c> document: unrounded outputs, and MSE and accuracy when targets were given.</summary>
internal sealed record JsonPrediction(
    double[][] Predictions,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Mse,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Accuracy);

/// <summary>Source-generated serialisation, so JSON output needs no reflection (trimming and AOT safe).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(JsonReport))]
[JsonSerializable(typeof(JsonPrediction))]
internal sealed partial class XorNetJsonContext : JsonSerializerContext;
