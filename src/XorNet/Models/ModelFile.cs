using System.Text.Json;
using System.Text.Json.Serialization;
using XorNet.Files;
using XorNet.Network;

namespace XorNet.Models;

/// <summary>
/// Saves a trained network as JSON and reads it back: the format name and version, the layer sizes, the activation,
/// initialisation and loss, the weights W1, b1, … WL, bL (every double round-trip exact) and how the network was trained.
/// </summary>
public static class ModelFile
{
    /// <summary>The format name written to and required in every model file.</summary>
    public const string FormatName = "xornet-model";

    /// <summary>
    /// The format version this program writes: 2, which holds any architecture. Version 1 files (the notebook's
    /// network only) are still read.
    /// </summary>
    public const int Version = 2;

    /// <summary>
    /// Writes <paramref name="network"/> to <paramref name="file"/> whole or not at all (a regular file is replaced
    /// through a temporary file and a rename; see <see cref="OutputFile"/>), so that a failed or interrupted run never
    /// leaves a half-written model.
    /// </summary>
    /// <exception cref="FileOptionException">The file could not be written; the old one is as it was.</exception>
    public static void Save(OutputFile file, INetwork network, ModelTraining training)
    {
        ArgumentNullException.ThrowIfNull(file);
        file.Write(Writer(network, training));
    }

    /// <summary>
    /// What <see cref="Save"/> writes, as a writer for <see cref="OutputFile.WriteAll"/>. The JSON streams into the
    /// file: a large network needs no second copy of itself as text.
    /// </summary>
    public static Action<Stream> Writer(INetwork network, ModelTraining training)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(training);

        Architecture architecture = network.Architecture;
        var document = new ModelDocument(
            FormatName,
            Version,
            architecture.Inputs,
            architecture.HiddenSizes,
            architecture.Outputs,
            Activations.Name(architecture.Activation),
            Initializations.Name(architecture.Initialization),
            Losses.Name(architecture.Loss),
            JsonWeights.Of(network),
            training);
        return stream =>
        {
            JsonSerializer.Serialize(stream, document, ModelJsonContext.Default.ModelDocument);
            stream.WriteByte((byte)'\n');
        };
    }

    /// <summary>Reads the network saved in <paramref name="path"/>.</summary>
    /// <exception cref="ModelFileException">The file is missing, unreadable or not a valid model; the message says why.</exception>
    public static INetwork Load(string path)
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
    /// <exception cref="ModelFileException">
    /// The text is not a valid model; the message says why in words, with the line and column where that is known.
    /// </exception>
    public static INetwork Parse(string text, string name)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrEmpty(name);
        return ModelReader.Read(text, name);
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
    string Format,
    [property: JsonPropertyName("version")] int FormatVersion,
    int Inputs,
    IReadOnlyList<int> Layers,
    int Outputs,
    string Activation,
    string Initialization,
    string Loss,
    Dictionary<string, double[][]> Weights,
    ModelTraining Training);

/// <summary>Source-generated serialisation of model files (trimming and AOT safe).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    RespectRequiredConstructorParameters = false,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(ModelDocument))]
internal sealed partial class ModelJsonContext : JsonSerializerContext;
