using System.Text.Json;
using System.Text.Json.Serialization;
using XorNet.Files;
using XorNet.Network;
using XorNet.Network.Optimizers;

using XorNet.NumPy;

namespace XorNet.Models;

/// <summary>
/// Saves a trained network as JSON and reads it back: the format name and version, the layer sizes, the activation,
/// initialisation and loss, the weights W1, b1, … WL, bL (every double round-trip exact), how the network was trained
/// and, for a network with feature inputs, the features (a field older files do not have, and older readers refuse).
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
    public static SavedModel LoadWithState(string path) => LoadWithState(path, out _);

    /// <summary>Reads the network saved in <paramref name="path"/> with its training state, and in <paramref name="training"/> how it was trained.</summary>
    /// <exception cref="ModelFileException">The file is missing, unreadable or not a valid model; the message says why.</exception>
    public static SavedModel LoadWithState(string path, out ModelTraining? training) => ModelReader.ReadSaved(ReadText(path), path, out training);

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
            architecture.HiddenSizes,
            architecture.Outputs,
            Activations.Name(architecture.Activation),
            Initializations.Name(architecture.Initialization),
            Losses.Name(architecture.Loss),
            JsonWeights.Of(network),
            training)
        {
            Features = architecture.Features?.Labels,
            Optimizer = state is null ? null : ModelOptimizer.Of(state, batchSize, network),
            Random = state?.Random is { } random ? ModelRandom.Of(random) : null,
        };
        return stream =>
        {
            JsonSerializer.Serialize(stream, document, ModelJsonContext.Default.ModelDocument);
            stream.WriteByte((byte)'\n');
        };
    }

    /// <summary>
    /// The largest model file read: 64 MiB, about two million weights as --save writes them (some 30 bytes each),
    /// a network far beyond what full-batch training here is for, while reading it stays within a few hundred
    /// megabytes (the file, its text and the weights).
    /// </summary>
    public const long MaxBytes = 64L << 20;

    /// <summary>Reads the network saved in <paramref name="path"/>.</summary>
    /// <remarks>
    /// A device, FIFO or directory, a file over <see cref="MaxBytes"/>, and a file whose first bytes are not the
    /// start of a JSON object are refused before the rest is read.
    /// </remarks>
    /// <exception cref="ModelFileException">The file is missing, unreadable or not a valid model; the message says why.</exception>
    public static INetwork Load(string path) => Load(path, out _);

    /// <summary>Reads the network saved in <paramref name="path"/>, and in <paramref name="training"/> how it was trained (null when the file does not say).</summary>
    /// <exception cref="ModelFileException">The file is missing, unreadable or not a valid model; the message says why.</exception>
    public static INetwork Load(string path, out ModelTraining? training) => ModelReader.Read(ReadText(path), path, out training);

    // The file's text, read within MaxBytes and refused from its first bytes when it cannot be a model.
    private static string ReadText(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string text;
        try
        {
            byte[] bytes = BoundedFile.ReadRegular(
                path, MaxBytes, (start, whole) => CheckStart(start, whole, path), problem => new ModelFileException($"{path}: {problem}; expected a model written by XorNet --save"));
            text = Decode(bytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new ModelFileException($"cannot read {path}: {FileErrors.Describe(e, path)}.", e);
        }

        return text;
    }

    // A model is a JSON object: a start that is anything else (NUL bytes, text, a CSV file) is refused from there,
    // with the message the whole file would get.
    private static void CheckStart(ReadOnlySpan<byte> start, bool whole, string path)
    {
        string text = Decode(start);
        int first = text.AsSpan().TrimStart('\uFEFF').IndexOfAnyExcept(" \t\r\n");
        if (whole || first < 0 || text.TrimStart('\uFEFF')[first] is '{' or '[')
        {
            return;
        }

        _ = Parse(text, path);
        throw new ModelFileException($"{path}: not a model file; write one with XorNet --save");
    }

    // The text of the bytes as File.ReadAllText reads it: UTF-8 unless a byte-order mark says UTF-16 or UTF-32.
    private static string Decode(ReadOnlySpan<byte> bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes.ToArray()), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
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

/// <summary>How a saved network was trained: by one run, and, when that run went on from a saved model, by the runs before.</summary>
/// <param name="Data">The dataset name or data file name.</param>
/// <param name="Seed">
/// The seed the first weights were drawn with: this run's, or for a run that went on from a saved model that model's
/// (null when it does not say); a continued run draws nothing.
/// </param>
/// <param name="LearningRate">The learning rate.</param>
/// <param name="Epochs">The epochs this run ran (its log numbers them from 0).</param>
/// <param name="FinalLoss">The last epoch's loss, or null when none ran.</param>
public sealed record ModelTraining(string Data, uint? Seed, double LearningRate, int Epochs, double? FinalLoss)
{
    /// <summary>The model file this run started from, as given to <c>--init-from</c>; null when its weights were drawn.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? InitFrom { get; init; }

    /// <summary>The epochs the starting weights had been trained before this run, over every earlier run; null when drawn or not known.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? EpochsBefore { get; init; }

    /// <summary>The earlier runs of a continued network, oldest first, each as it recorded itself (without its own list).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<ModelTraining>? Earlier { get; init; }

    /// <summary>
    /// The record of a run that trained <paramref name="epochs"/> more epochs from the model saved in <paramref name="path"/>
    /// (how that model was trained: <paramref name="start"/>, null when its file does not say).
    /// </summary>
    public static ModelTraining Continuing(
        string path, ModelTraining? start, string data, double learningRate, int epochs, double? finalLoss) =>
        new(data, start?.Seed, learningRate, epochs, finalLoss)
        {
            InitFrom = path,
            EpochsBefore = start is null ? null : start.InitFrom is null ? start.Epochs : start.EpochsBefore + start.Epochs,
            Earlier = start is null ? null : [.. start.Earlier ?? [], start with { Earlier = null }],
        };
}

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
    /// <summary>The features the inputs are computed as from each raw row (<c>--features</c>), or null for the rows themselves.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Features { get; init; }

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
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    NumberHandling = JsonNumberHandling.Strict,
    Converters = [typeof(ReprJsonNumber), typeof(ReprJsonNumberArray)])]
[JsonSerializable(typeof(ModelDocument))]
internal sealed partial class ModelJsonContext : JsonSerializerContext;
