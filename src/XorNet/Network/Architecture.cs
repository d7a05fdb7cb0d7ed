namespace XorNet.Network;

/// <summary>A network's shape and its choices: layer sizes, hidden activation, initial scale and loss.</summary>
/// <param name="Sizes">n0 (inputs), the hidden sizes n1 … n(L−1), and nL (outputs).</param>
/// <param name="Activation">The hidden layers' activation.</param>
/// <param name="Initialization">How the initial weights are scaled.</param>
/// <param name="Loss">What training minimises.</param>
public sealed record Architecture(IReadOnlyList<int> Sizes, Activation Activation = Activation.Sigmoid,
    Initialization Initialization = Initialization.Normal, LossFunction Loss = LossFunction.Mse)
{
    /// <summary>Number of inputs, n0.</summary>
    public int Inputs => Sizes[0];

    /// <summary>Number of outputs, nL.</summary>
    public int Outputs => Sizes[^1];

    /// <summary>Number of weight layers, L.</summary>
    public int LayerCount => Sizes.Count - 1;

    /// <summary>The hidden layer sizes.</summary>
    public IReadOnlyList<int> HiddenSizes => [.. Sizes.Skip(1).Take(Sizes.Count - 2)];

    /// <summary>The notebook's choices for the given sizes.</summary>
    public static Architecture Notebook(int inputs, int hidden, int outputs = 1) => new([inputs, hidden, outputs]);

    /// <summary>Whether this is the notebook's network: one sigmoid hidden layer, one output, normal weights, MSE.</summary>
    public bool IsNotebook =>
        Sizes.Count == 3 && Outputs == 1 && Activation == Activation.Sigmoid && Initialization == Initialization.Normal && Loss == LossFunction.Mse;

    /// <summary>Throws unless there are at least two sizes, each at least 1.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Sizes);
        ArgumentOutOfRangeException.ThrowIfLessThan(Sizes.Count, 2, nameof(Sizes));
        foreach (int size in Sizes)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(size, 1, nameof(Sizes));
        }
    }

    /// <inheritdoc/>
    public bool Equals(Architecture? other) =>
        other is not null && Sizes.SequenceEqual(other.Sizes) && Activation == other.Activation
        && Initialization == other.Initialization && Loss == other.Loss;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(string.Join(',', Sizes), Activation, Initialization, Loss);
}
