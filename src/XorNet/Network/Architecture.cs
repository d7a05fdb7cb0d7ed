namespace XorNet.Network;

/// <summary>A network's shape and its choices: layer sizes, hidden activation, initial scale and loss, and the features its inputs are.</summary>
/// <param name="Sizes">n0 (inputs), the hidden sizes n1 … n(L−1) (none for L = 1), and nL (outputs).</param>
/// <param name="Activation">The hidden layers' activation.</param>
/// <param name="Initialization">How the initial weights are scaled.</param>
/// <param name="Loss">What training minimises.</param>
public sealed record Architecture(IReadOnlyList<int> Sizes, Activation Activation = Activation.Sigmoid,
    Initialization Initialization = Initialization.Normal, LossFunction Loss = LossFunction.Mse)
{
    /// <summary>Number of inputs, n0 (with <see cref="Features"/>, the number of features).</summary>
    public int Inputs => Sizes[0];

    /// <summary>
    /// The features the inputs are computed from each raw row (<c>--features</c>), or null when the network takes
    /// the rows as they are.
    /// </summary>
    public InputFeatures? Features { get; init; }

    /// <summary>Number of values of the rows the network is given (before <see cref="Features"/> are computed from them).</summary>
    public int RawInputs => Features is null ? Inputs : InputFeatures.RawInputs;

    /// <summary>What the network's first layer takes for the raw rows <paramref name="rows"/>: their <see cref="Features"/>, or the rows themselves.</summary>
    public NumPy.Matrix InputsOf(NumPy.Matrix rows) => Features?.Apply(rows) ?? rows;

    /// <summary>The names of the inputs, in weight order: <c>x1</c> … <c>xn</c>, or the features (<c>x1*x2</c>).</summary>
    public IReadOnlyList<string> InputNames => Features?.Labels ?? RawInputNames(Inputs);

    /// <summary>The names of <paramref name="inputs"/> raw inputs, <c>x1</c> … <c>xn</c>.</summary>
    public static IReadOnlyList<string> RawInputNames(int inputs) =>
        [.. Enumerable.Range(1, inputs).Select(i => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"x{i}"))];

    /// <summary>Number of outputs, nL.</summary>
    public int Outputs => Sizes[^1];

    /// <summary>Number of weight layers, L.</summary>
    public int LayerCount => Sizes.Count - 1;

    /// <summary>The hidden layer sizes.</summary>
    public IReadOnlyList<int> HiddenSizes => [.. Sizes.Skip(1).Take(Sizes.Count - 2)];

    /// <summary>The notebook's choices for the given sizes.</summary>
    public static Architecture Notebook(int inputs, int hidden, int outputs = 1) => new([inputs, hidden, outputs]);

    /// <summary>Whether this is the notebook's network: raw inputs, one sigmoid hidden layer, one output, normal weights, MSE.</summary>
    public bool IsNotebook =>
        Sizes.Count == 3 && Outputs == 1 && Activation == Activation.Sigmoid && Initialization == Initialization.Normal && Loss == LossFunction.Mse
        && Features is null;

    /// <summary>Throws unless there are at least two sizes, each at least 1, and the inputs are as many as the features.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Sizes);
        ArgumentOutOfRangeException.ThrowIfLessThan(Sizes.Count, 2, nameof(Sizes));
        foreach (int size in Sizes)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(size, 1, nameof(Sizes));
        }

        if (Features is { } features && features.Count != Inputs)
        {
            throw new ArgumentException($"{Inputs} inputs cannot be the {features.Count} features {features}.", nameof(Sizes));
        }
    }

    /// <inheritdoc/>
    public bool Equals(Architecture? other) =>
        other is not null && Sizes.SequenceEqual(other.Sizes) && Activation == other.Activation
        && Initialization == other.Initialization && Loss == other.Loss && Equals(Features, other.Features);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(string.Join(',', Sizes), Activation, Initialization, Loss, Features);
}
