using System.Text.Json;
using System.Text.Json.Serialization;
using XorNet.Cli;
using XorNet.Files;
using XorNet.Network;

namespace XorNet.Models;

/// <summary>
/// Saves a trained network as JSON and reads it back: the format name and version, the layer sizes, the activation,
/// the weights (every double round-trip exact) and how the network was trained.
/// </summary>
public static class ModelFile
{
    /// <summary>The format name written to and required in every model file.</summary>
    public const string FormatName = "xornet-model";

    /// <summary>The format version this program writes and reads.</summary>
    public const int Version = 1;

    /// <summary>
    /// Writes <paramref name="network"/> to <paramref name="file"/> whole or not at all (a regular file is replaced
    /// through a temporary file and a rename; see <see cref="OutputFile"/>), so that a failed or interrupted run never
    /// leaves a half-written model.
    /// </summary>
    /// <exception cref="FileOptionException">The file could not be written; the old one is as it was.</exception>
    public static void Save(OutputFile file, TwoLayerNetwork network, ModelTraining training)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(training);

        var document = new ModelDocument(
            FormatName,
            Version,
            network.Inputs,
            network.Hidden,
            1,
            "sigmoid",
            JsonWeights.Of(network),
            training);
        file.WriteAllText(JsonSerializer.Serialize(document, ModelJsonContext.Default.ModelDocument) + "\n");
    }

    /// <summary>Reads the network saved in <paramref name="path"/>.</summary>
    /// <exception cref="ModelFileException">The file is missing, unreadable or not a valid model; the message says why.</exception>
    public static TwoLayerNetwork Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new ModelFileException($"cannot read {path}: {FileErrors.Describe(e, path)}.", e);
        }

        return Parse(text, path);
    }

    /// <summary>Reads a network from model JSON; <paramref name="name"/> is used in messages.</summary>
    /// <exception cref="ModelFileException">The text is not a valid model; the message says why.</exception>
    public static TwoLayerNetwork Parse(string text, string name)
    {
        ArgumentNullException.ThrowIfNull(text);
        ModelDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(text, ModelJsonContext.Default.ModelDocument);
        }
        catch (JsonException e)
        {
            throw new ModelFileException($"{name} is not a model file: {e.Message}", e);
        }

        if (document is null)
        {
            throw new ModelFileException($"{name} is not a model file: it holds null.");
        }

        foreach ((string field, bool present) in new[]
        {
            ("format", document.Format is not null), ("version", document.FormatVersion is not null),
            ("inputs", document.Inputs is not null), ("hidden", document.Hidden is not null),
            ("outputs", document.Outputs is not null), ("activation", document.Activation is not null),
            ("weights", document.Weights is not null),
        })
        {
            Require(present, name, $"it has no '{field}'");
        }

        Require(document.Format == FormatName, name, $"its format is '{document.Format}', not '{FormatName}'");
        Require(document.FormatVersion == Version, name, $"it is version {document.FormatVersion}; this program reads version {Version}");
        Require(document.Activation == "sigmoid", name, $"its activation is '{document.Activation}'; only 'sigmoid' is supported");
        Require(document.Inputs >= 1 && document.Hidden >= 1 && document.Outputs == 1
            && (long)document.Inputs * document.Hidden <= Array.MaxLength, name,
            $"its sizes (inputs {document.Inputs}, hidden {document.Hidden}, outputs {document.Outputs}) are not a network this program runs");
        int inputs = document.Inputs!.Value, hidden = document.Hidden!.Value;
        JsonWeights weights = document.Weights!;
        Matrix w1 = Weights(weights.W1, "W1", inputs, hidden, name);
        Matrix b1 = Weights(weights.B1, "b1", 1, hidden, name);
        Matrix w2 = Weights(weights.W2, "W2", hidden, 1, name);
        Matrix b2 = Weights(weights.B2, "b2", 1, 1, name);
        return new TwoLayerNetwork(w1, b1, w2, b2);
    }

    private static Matrix Weights(double[][]? rows, string field, int expectedRows, int expectedColumns, string name)
    {
        Require(rows is not null, name, $"it has no '{field}'");
        Require(rows!.Length == expectedRows && rows.All(r => r is not null && r.Length == expectedColumns), name,
            $"{field} should be {expectedRows} × {expectedColumns} for its sizes");
        Require(rows.All(r => r.All(double.IsFinite)), name, $"{field} holds a number that is not finite");
        return Matrix.FromRows(rows);
    }

    private static void Require(bool condition, string name, string problem)
    {
        if (!condition)
        {
            throw new ModelFileException($"{name} is not a usable model: {problem}.");
        }
    }
}

/// <summary>How a saved network was trained.</summary>
/// <param name="Data">The dataset name or data file name.</param>
/// <param name="Seed">The seed its initial weights were drawn with.</param>
/// <param name="LearningRate">The learning rate.</param>
/// <param name="Epochs">The epochs that ran.</param>
/// <param name="FinalLoss">The last epoch's loss, or null when none ran.</param>
public sealed record ModelTraining(string Data, uint Seed, double LearningRate, int Epochs, double? FinalLoss);

/// <summary>The model file's JSON document.</summary>
internal sealed record ModelDocument(
    string? Format,
    [property: JsonPropertyName("version")] int? FormatVersion,
    int? Inputs,
    int? Hidden,
    int? Outputs,
    string? Activation,
    JsonWeights? Weights,
    ModelTraining? Training);

/// <summary>Source-generated serialisation of model files (trimming and AOT safe).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    RespectRequiredConstructorParameters = false,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(ModelDocument))]
internal sealed partial class ModelJsonContext : JsonSerializerContext;
