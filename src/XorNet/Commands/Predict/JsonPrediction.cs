using System.Text.Json.Serialization;

using XorNet.NumPy;

namespace XorNet.Commands.Predict;

/// <summary>The <c>predict --format json</c> document: unrounded outputs, and MSE and accuracy when targets were given.</summary>
internal sealed record JsonPrediction(
    double[][] Predictions,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Mse,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Accuracy);

/// <summary>Source-generated serialisation, so JSON output needs no reflection (trimming and AOT safe).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true, Converters = [typeof(ReprJsonNumber), typeof(ReprJsonNumberArray)])]
[JsonSerializable(typeof(JsonPrediction))]
internal sealed partial class PredictionJsonContext : JsonSerializerContext;
