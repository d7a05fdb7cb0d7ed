using XorNet.CommandLine;
using XorNet.Files;
using XorNet.Models;
using XorNet.Network;
using XorNet.Text;


namespace XorNet.Commands.Train;

/// <summary>
/// <c>--init-from PATH.json</c>: training starts from a saved model's weights. The file gives the architecture, so an
/// explicit <c>--layers</c>, <c>--hidden</c>, <c>--activation</c>, <c>--init</c> or <c>--features</c> must agree with it; the loss is the
/// file's unless <c>--loss</c> is given; <c>--seed</c>, which would draw nothing, is refused. A model saved after
/// such a run records the file it went on from and the runs before (see <see cref="ModelTraining.Continuing"/>). A
/// file saved with training state (version 3) also gives the optimiser's moments, continued when the run uses the
/// same rule, and the random stream that mini-batches go on drawing from.
/// </summary>
internal static class InitialModel
{
    /// <summary>The architecture options as given on the command line, each null (false) when not given.</summary>
    public sealed record Given(int[]? Layers, int? Hidden, string? Activation, string? Initialization, bool Loss, bool Seed)
    {
        /// <summary>The <c>--features</c> given, or null.</summary>
        public InputFeatures? Features { get; init; }
    }

    /// <summary>The model a run starts from: the path as given, and how that model was trained (null when its file does not say).</summary>
    public sealed record Start(string Path, ModelTraining? Training);

    /// <summary>
    /// <paramref name="settings"/> starting from the model in <paramref name="path"/>, with its architecture; in
    /// <paramref name="start"/>, the file and how its model was trained.
    /// </summary>
    /// <exception cref="FileOptionException">The path is empty, a directory or missing.</exception>
    /// <exception cref="ModelFileException">The file is not a valid model.</exception>
    /// <exception cref="FormatException">An option contradicts the model's architecture, or --seed is given.</exception>
    public static TrainingSettings Apply(TrainingSettings settings, string path, Given given, out Start start)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(given);
        if (given.Seed)
        {
            // Refused rather than recorded: a seed that draws nothing, saved beside the weights, would be a false history.
            throw new FormatException($"--seed draws the initial weights, which --init-from {path} gives; drop --seed (the saved model keeps the seed its first weights were drawn with).");
        }

        InputFile.Check("--init-from", path, "model.json", acceptsStandardInput: false);
        INetwork network;
        ModelTraining? training;
        XorNet.Network.Optimizers.TrainingState? state;
        try
        {
            (network, state) = ModelFile.LoadWithState(path, out training);
        }
        catch (ModelFileException e)
        {
            // The reader's messages start with the path; the option in front says which file it was.
            throw new ModelFileException($"--init-from {e.Message}", e);
        }

        Architecture saved = network.Architecture;
        string layers = HiddenSizesText.Of(saved.HiddenSizes);
        if (given.Layers is { } asked && !asked.SequenceEqual(saved.HiddenSizes))
        {
            Contradiction($"--layers {HiddenSizesText.Of(asked)}", path, $"hidden layers are {layers}", "--layers");
        }

        if (given.Hidden is { } hidden && !saved.HiddenSizes.SequenceEqual([hidden]))
        {
            Contradiction($"--hidden {hidden}", path, saved.HiddenSizes.Count == 1 ? $"hidden size is {layers}" : $"hidden layers are {layers}", "--hidden");
        }

        string activation = Activations.Name(saved.Activation);
        if (given.Activation is { } a && a != activation)
        {
            Contradiction($"--activation {a}", path, $"activation is {activation}", "--activation");
        }

        string initialization = Initializations.Name(saved.Initialization);
        if (given.Initialization is { } i && i != initialization)
        {
            Contradiction($"--init {i}", path, $"weights were initialised with {initialization}", "--init");
        }

        if (given.Features is { } features && !features.Equals(saved.Features))
        {
            Contradiction($"--features {features}", path, saved.Features is null ? "inputs are the data's own" : $"features are {saved.Features}", "--features");
        }

        start = new Start(path, training);
        return settings with
        {
            // The seed the weights were first drawn with, for the report and the pictures' titles: this run draws none.
            Seed = training?.Seed ?? settings.Seed,
            InitialNetwork = network,
            ResumeState = state,
            Activation = saved.Activation,
            Initialization = saved.Initialization,
            Features = saved.Features,
            Loss = given.Loss ? settings.Loss : saved.Loss,
        };
    }

    /// <summary>
    /// What to tell the user when the run's update rule is not the one whose moments the file saved (which then
    /// start from zero), or null when the saved state is continued or there was none.
    /// </summary>
    public static string? DroppedState(TrainingSettings settings, string path)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.ResumeState is { } state && state.IsDroppedBy(settings.Optimizer)
            ? $"note: --init-from {path} holds the state of --optimizer {state.Settings.Name}; --optimizer {settings.Optimizer.Name} starts its own from zero."
            : null;
    }

    /// <summary>Null when <paramref name="data"/> (the raw rows) fits the model's inputs and outputs, else why not.</summary>
    public static string? Mismatch(INetwork network, string path, XorNet.Data.Dataset data)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(data);
        Architecture a = network.Architecture;
        return a.RawInputs == data.Inputs && a.Outputs == data.Targets
            ? null
            : $"--init-from {path} takes {Words.Count(a.RawInputs, "input")} and gives {Words.Count(a.Outputs, "output")}, but {data.Name} has {Words.Count(data.Inputs, "input")} and {Words.Count(data.Targets, "target")}; train on data of the model's shape.";
    }

    private static void Contradiction(string option, string path, string what, string name) =>
        throw new FormatException($"{option} contradicts --init-from {path}, whose {what}; the architecture comes from the file, so drop {name}.");
}
