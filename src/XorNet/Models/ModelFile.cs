using System.Text.Json;
using System.Text.Json.Serialization;
using XorNet.Cli;
using XorNet.Files;
using XorNet.Network;
using XorNet.Optimizers;

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
    /// The format version of a model without training state: 2, which holds any architecture. Version 1 files (the
    /// notebook's network only) are still read.
    /// </summary>
    public const int Version = 2;

    /// <summary>
    /// The format version of a model saved with its training state (<see cref="Version"/> 2 plus the
    /// <c>"optimizer"</c> object and, with mini-batches, the <c>"random"</c> one): written only when there is state
    /// beyond the weights, so the notebook's <c>--save</c> file stays version 2, and a reader that knows only
    /// version 2 refuses the file rather than resuming without its state.
    /// </summary>
    public const int StateVersion = 3;

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

    /// <summary>Reads the network saved in <paramref name="path"/> and the training state saved with it, if any.</summary>
    /// <exception cref="ModelFileException">The file is missing, unreadable or not a valid model; the message says why.</exception>
    public static SavedModel LoadWithState(string path) => ModelReader.Read(ReadText(path), path);

    /// <summary>
    /// What <see cref="Save"/> writes, as a writer for <see cref="OutputFile.WriteAll"/>. The JSON streams into the
    /// file: a large network needs no second copy of itself as text.
    /// </summary>
    /// <param name="network">The trained network.</param>
    /// <param name="training">How it was trained.</param>
    /// <param name="state">The optimiser's state and the random stream to resume from, or null for none (version 2).</param>
    /// <param name="batchSize">The batch size the state was trained with, or null for the full batch.</param>
    public static Action<Stream> Writer(INetwork network, ModelTraining training, TrainingState? state = null, int? batchSize = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(training);

        Architecture architecture = network.Architecture;
        var document = new ModelDocument(
            FormatName,
            state is null ? Version : StateVersion,
            architecture.Inputs,
            architecture.Hidden,
            architecture.Outputs,
            Architectures.ActivationName(architecture.Activation),
            Architectures.InitializationName(architecture.Initialization),
            Architectures.LossName(architecture.Loss),
            JsonWeights.Of(network),
            training)
        {
            Optimizer = state is null ? null : ModelOptimizer.Of(state, batchSize, network),
            Random = state?.Random is { } random ? ModelRandom.Of(random) : null,
        };
        return stream =>
        {
            JsonSerializer.Serialize(stream, document, ModelJsonContext.Default.ModelDocument);
            stream.WriteByte((byte)'\n');
        };
    }

    /// <summary>Reads the network saved in <paramref name="path"/>.</summary>
    /// <exception cref="ModelFileException">The file is missing, unreadable or not a valid model; the message says why.</exception>
    public static INetwork Load(string path) => ModelReader.Read(ReadText(path), path).Network;

    private static string ReadText(string path)
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

        return text;
    }

    /// <summary>Reads a network from model JSON; <paramref name="name"/> is used in messages.</summary>
    /// <exception cref="ModelFileException">
    /// The text is not a valid model; the message says why in words, with the line and column where that is known.
    /// </exception>
    public static INetwork Parse(string text, string name)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrEmpty(name);
        return ModelReader.Read(text, name).Network;
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
    ModelTraining Training)
{
    /// <summary>The optimiser and its state (version 3), or null.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ModelOptimizer? Optimizer { get; init; }

    /// <summary>The mini-batches' random stream (version 3, with a batch size), or null.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ModelRandom? Random { get; init; }
}

/// <summary>What a model file holds: the network and, in version 3, the state to resume its training from.</summary>
/// <param name="Network">The saved network.</param>
/// <param name="State">The optimiser's state and random stream, or null (versions 1 and 2).</param>
public sealed record SavedModel(INetwork Network, TrainingState? State);

/// <summary>Source-generated serialisation of model files (trimming and AOT safe).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    RespectRequiredConstructorParameters = false,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(ModelDocument))]
internal sealed partial class ModelJsonContext : JsonSerializerContext;
