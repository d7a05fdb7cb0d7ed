namespace XorNet.Network;

/// <summary>The notebook's hyper-parameters; the defaults are the notebook's own.</summary>
/// <param name="Seed">The <c>np.random.seed</c> value the weights are drawn from.</param>
/// <param name="Hidden">Number of hidden units.</param>
/// <param name="LearningRate">Step size of gradient descent.</param>
/// <param name="Epochs">Number of full-batch updates.</param>
/// <param name="LogEvery">The loss is reported for every epoch divisible by this.</param>
/// <param name="TargetLoss">When set, training stops after the first epoch whose loss is at most this.</param>
public sealed record TrainingSettings(
    uint Seed = TrainingSettings.DefaultSeed,
    int Hidden = TrainingSettings.DefaultHidden,
    double LearningRate = TrainingSettings.DefaultLearningRate,
    int Epochs = TrainingSettings.DefaultEpochs,
    int LogEvery = TrainingSettings.DefaultLogEvery,
    double? TargetLoss = null)
{
    /// <summary>The notebook's seed.</summary>
    public const uint DefaultSeed = 42;

    /// <summary>The notebook's hidden size.</summary>
    public const int DefaultHidden = 4;

    /// <summary>The notebook's learning rate.</summary>
    public const double DefaultLearningRate = 0.1;

    /// <summary>The notebook's epoch count.</summary>
    public const int DefaultEpochs = 10000;

    /// <summary>The notebook's logging interval.</summary>
    public const int DefaultLogEvery = 1000;
}
