using System.Text.Json.Serialization;
using XorNet.CommandLine;
using XorNet.Commands.Train.Trace;
using XorNet.Data;
using XorNet.Explain;
using XorNet.Models;
using XorNet.Network;

using XorNet.NumPy;

namespace XorNet.Commands.Train;

/// <summary>The <c>--format json</c> document: the configuration, the log, the predictions and the trained weights.</summary>
internal sealed record JsonReport(
    string Data,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ValidationData,
    uint Seed,
    int Inputs,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Hidden,
    IReadOnlyList<int> Layers,
    int Outputs,
    string Activation,
    string Initialization,
    string Loss,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? InitFrom,
    double LearningRate,
    int Epochs,
    int EpochsRun,
    int LogEvery,
    IReadOnlyList<JsonLogEntry> Log,
    double? FinalLoss,
    double Accuracy,
    double[][] Predictions,
    Dictionary<string, double[][]> Weights,
    double TrainingSeconds,
    int? StoppedAtEpoch,
    bool Interrupted,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<JsonTrace>? Trace = null)
{
    /// <summary>The update rule, its settings and the batch size.</summary>
    public JsonOptimizer? Optimizer { get; init; }

    /// <summary>With <c>--features</c>: the network's inputs, such as <c>["x1", "x2", "x1*x2"]</c>; not written otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Features { get; init; }

    /// <summary>With <c>--explain</c>: what each unit computes on the training rows; not written otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Explanation? Explanation { get; init; }

    /// <summary>
    /// The report of a run on <paramref name="data"/>; <paramref name="initFrom"/> is the <c>--init-from</c> path, if
    /// any, <paramref name="validation"/> the <c>--validation</c> losses, if any, and <paramref name="trace"/> the
    /// traced epochs (<c>--trace</c>), if any.
    /// </summary>
    /// <remarks><c>hidden</c> is written for one hidden layer only, as before there were several.</remarks>
    public static JsonReport From(
        Dataset data, TrainingSettings settings, TrainingResult result, string? initFrom = null, ValidationLosses? validation = null,
        IReadOnlyList<JsonTrace>? trace = null) => new(
        data.Name,
        validation?.Data.Name,
        settings.Seed,
        result.Network.Architecture.Inputs,
        result.Network.Architecture.HiddenSizes is [var hidden] ? hidden : null,
        result.Network.Architecture.HiddenSizes,
        result.Network.Architecture.Outputs,
        Activations.Name(result.Network.Architecture.Activation),
        Initializations.Name(result.Network.Architecture.Initialization),
        Losses.Name(result.Network.Architecture.Loss),
        initFrom,
        settings.LearningRate,
        settings.Epochs,
        result.EpochsRun,
        settings.LogEvery,
        JsonLogEntry.Of(result.Log, validation),
        result.FinalLoss,
        RunMetrics.Accuracy(result, data),
        result.Predictions.ToRows(),
        JsonWeights.Of(result.Network),
        result.TrainingTime.TotalSeconds,
        result.StoppedAtEpoch,
        result.Interrupted,
        trace)
    {
        Optimizer = JsonOptimizer.Of(settings),
        Features = result.Network.Architecture.Features?.Labels,
    };
}

/// <summary>Source-generated serialisation, so JSON output needs no reflection (trimming and AOT safe).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true, Converters = [typeof(ReprJsonNumber), typeof(ReprJsonNumberArray)])]
[JsonSerializable(typeof(JsonReport))]
internal sealed partial class JsonReportContext : JsonSerializerContext;
