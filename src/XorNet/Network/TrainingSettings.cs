namespace XorNet.Network;

/// <summary>The notebook's hyper-parameters; the defaults are the notebook's own.</summary>
/// <param name="Seed">The <c>np.random.seed</c> value the weights are drawn from.</param>
/// <param name="HiddenUnits">Number of hidden units of the one hidden layer (<c>--hidden</c>).</param>
/// <param name="LearningRate">Step size of the update (Rprop's first step).</param>
/// <param name="Epochs">Number of epochs: passes over the data.</param>
/// <param name="LogEvery">The loss is reported for every epoch divisible by this.</param>
/// <param name="TargetLoss">When set, training stops after the first epoch whose loss is at most this.</param>
public sealed record TrainingSettings(
    uint Seed = TrainingSettings.DefaultSeed,
    int HiddenUnits = TrainingSettings.DefaultHiddenUnits,
    double LearningRate = TrainingSettings.DefaultLearningRate,
    int Epochs = TrainingSettings.DefaultEpochs,
    int LogEvery = TrainingSettings.DefaultLogEvery,
    double? TargetLoss = null)
{
    /// <summary>The hidden layer sizes (<c>--layers</c>; empty for none), or null for one layer of <see cref="HiddenUnits"/> units.</summary>
    public IReadOnlyList<int>? ExplicitHiddenSizes { get; init; }

    /// <summary>The hidden layers' activation.</summary>
    public Activation Activation { get; init; } = Activation.Sigmoid;

    /// <summary>How the initial weights are scaled.</summary>
    public Initialization Initialization { get; init; } = Initialization.Normal;

    /// <summary>The features the network's inputs are computed as from each row (<c>--features</c>), or null for the rows themselves.</summary>
    public InputFeatures? Features { get; init; }

    /// <summary>What training minimises.</summary>
    public LossFunction Loss { get; init; } = LossFunction.Mse;

    /// <summary>
    /// The network to start from instead of drawing weights (<c>--init-from</c>): its sizes, activation and
    /// initialisation are used, its parameters copied; <see cref="Loss"/> still applies. Null to draw the weights.
    /// </summary>
    public INetwork? InitialNetwork { get; init; }

    /// <summary>The update rule and its settings (<c>--optimizer</c> and the options that go with it).</summary>
    public Optimizers.OptimizerSettings Optimizer { get; init; } = Optimizers.OptimizerSettings.Default;

    /// <summary>Rows per mini-batch (<c>--batch-size</c>), or null for the notebook's full batch without shuffling.</summary>
    public int? BatchSize { get; init; }

    /// <summary>
    /// The optimiser state and random stream to continue from (saved with the <see cref="InitialNetwork"/>), or null
    /// to start them afresh: zero moments, and the stream of <c>np.random.seed(Seed)</c>.
    /// </summary>
    public XorNet.Network.Optimizers.TrainingState? ResumeState { get; init; }

    /// <summary>The hidden layer sizes in use.</summary>
    public IReadOnlyList<int> HiddenSizes => InitialNetwork?.Architecture.HiddenSizes ?? ExplicitHiddenSizes ?? [HiddenUnits];

    /// <summary>
    /// When the run counts as converged; null for <see cref="TargetLoss"/>'s bound when it is set, else no test.
    /// </summary>
    public Convergence? Convergence { get; init; }

    /// <summary>Whether training stops after the epoch at which it converges (else it runs all its epochs, <c>--full</c>).</summary>
    public bool StopAtConvergence { get; init; } = true;

    /// <summary>
    /// Whether a loss that is not finite throws <see cref="TrainingDivergedException"/> (a single run fails); when
    /// false, training stops there and the result carries that loss (a sweep records the run and goes on).
    /// </summary>
    public bool ThrowOnDivergence { get; init; } = true;

    /// <summary>The convergence test in use: <see cref="Convergence"/>, or the <see cref="TargetLoss"/> bound, or none.</summary>
    public Convergence? ConvergenceTest => Convergence ?? (TargetLoss is { } bound ? Network.Convergence.LossAtMost(bound) : null);

    /// <summary>
    /// The network trained on <paramref name="data"/> (the network's inputs, <see cref="InputsFor"/> the rows): its
    /// inputs, these hidden layers, one output per target.
    /// </summary>
    public Architecture ArchitectureFor(Data.Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return InitialNetwork is { } initial
            ? initial.Architecture with { Loss = Loss }
            : new Architecture([data.Inputs, .. HiddenSizes, data.Targets], Activation, Initialization, Loss) { Features = Features };
    }

    /// <summary>
    /// What the network is trained on for the rows of <paramref name="data"/>: their <see cref="Features"/> (the
    /// same name and targets), or the data itself without features.
    /// </summary>
    /// <exception cref="FormatException">There are features and the data does not have two inputs.</exception>
    public Data.Dataset InputsFor(Data.Dataset data) => Features?.Of(data) ?? data;

    /// <summary>The network training starts from: a copy of <see cref="InitialNetwork"/>, or weights drawn from <see cref="Seed"/>.</summary>
    public INetwork InitialNetworkFor(Data.Dataset data) => StartFor(data).Network;

    /// <summary>
    /// The network training starts from and the random stream after it: after drawing the weights from
    /// <see cref="Seed"/>, or, for an <see cref="InitialNetwork"/>, the saved stream of <see cref="ResumeState"/>
    /// or a fresh <c>np.random.seed(Seed)</c>.
    /// </summary>
    public (INetwork Network, NumPy.NumPyRandom Random) StartFor(Data.Dataset data)
    {
        Architecture architecture = ArchitectureFor(data);
        if (InitialNetwork is { } initial)
        {
            INetwork copy = Networks.FromParameters(architecture, [.. initial.Weights.Select(w => w.Clone())], [.. initial.Biases.Select(b => b.Clone())]);
            return (copy, ResumeState?.Random is { } state ? NumPy.NumPyRandom.FromState(state) : new NumPy.NumPyRandom(Seed));
        }

        var random = new NumPy.NumPyRandom(Seed);
        return (Networks.Initialize(architecture, random), random);
    }

    /// <summary>The notebook's seed.</summary>
    public const uint DefaultSeed = 42;

    /// <summary>The notebook's hidden size.</summary>
    public const int DefaultHiddenUnits = 4;

    /// <summary>The notebook's learning rate.</summary>
    public const double DefaultLearningRate = 0.1;

    /// <summary>The notebook's epoch count.</summary>
    public const int DefaultEpochs = 10000;

    /// <summary>The notebook's logging interval.</summary>
    public const int DefaultLogEvery = 1000;
}
