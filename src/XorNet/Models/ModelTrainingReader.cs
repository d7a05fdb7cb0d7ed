using System.Text.Json;

namespace XorNet.Models;

/// <summary>
/// Reads how a saved network was trained (the model file's <c>training</c> object: data, seed, learning rate, epochs,
/// final loss), for reports about the model such as an export's metadata.
/// </summary>
/// <remarks>
/// The network itself is read by <see cref="ModelFile"/>, which checks everything it needs and ignores this part; so
/// a file without it, or with it in another shape, is not refused here either: the training is then unknown (null).
/// </remarks>
public static class ModelTrainingReader
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64 };

    /// <summary>The training recorded in the model file at <paramref name="path"/>, or null when it records none.</summary>
    public static ModelTraining? Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        try
        {
            using FileStream stream = File.OpenRead(path);
            using JsonDocument document = JsonDocument.Parse(stream, Options);
            return Of(document.RootElement);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    /// <summary>The training recorded in a model document's root object, or null when it records none.</summary>
    public static ModelTraining? Of(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("training", out JsonElement training) || training.ValueKind != JsonValueKind.Object
            || !training.TryGetProperty("data", out JsonElement data) || data.ValueKind != JsonValueKind.String
            || !training.TryGetProperty("seed", out JsonElement seed) || !seed.TryGetUInt32OrFalse(out uint seedValue)
            || !training.TryGetProperty("learningRate", out JsonElement rate) || !rate.TryGetFiniteDouble(out double rateValue)
            || !training.TryGetProperty("epochs", out JsonElement epochs) || !epochs.TryGetInt32OrFalse(out int epochsValue))
        {
            return null;
        }

        double? finalLoss = training.TryGetProperty("finalLoss", out JsonElement loss) && loss.TryGetFiniteDouble(out double lossValue) ? lossValue : null;
        return new ModelTraining(data.GetString()!, seedValue, rateValue, epochsValue, finalLoss);
    }

    private static bool TryGetUInt32OrFalse(this JsonElement element, out uint value)
    {
        value = 0;
        return element.ValueKind == JsonValueKind.Number && element.TryGetUInt32(out value);
    }

    private static bool TryGetInt32OrFalse(this JsonElement element, out int value)
    {
        value = 0;
        return element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out value) && value >= 0;
    }

    private static bool TryGetFiniteDouble(this JsonElement element, out double value)
    {
        value = 0;
        return element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out value) && double.IsFinite(value);
    }
}
