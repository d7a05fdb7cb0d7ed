namespace XorNet.Network;

/// <summary>The names options, reports and model files use for an architecture's choices.</summary>
public static class Architectures
{
    /// <summary>The option name of an activation: <c>sigmoid</c>, <c>tanh</c> or <c>relu</c>.</summary>
    public static string ActivationName(Activation activation) => Activations.Names[(int)activation];

    /// <summary>The option name of an initialisation: <c>normal</c>, <c>xavier</c> or <c>he</c>.</summary>
    public static string InitializationName(Initialization initialization) => Initializations.Names[(int)initialization];

    /// <summary>The option name of a loss: <c>mse</c> or <c>bce</c>.</summary>
    public static string LossName(LossFunction loss) => Losses.Names[(int)loss];

    /// <summary>The activation an option name means.</summary>
    public static Activation ParseActivation(string name) => (Activation)Index(Activations.Names, name);

    /// <summary>The initialisation an option name means.</summary>
    public static Initialization ParseInitialization(string name) => (Initialization)Index(Initializations.Names, name);

    /// <summary>The loss an option name means.</summary>
    public static LossFunction ParseLoss(string name) => (LossFunction)Index(Losses.Names, name);

    private static int Index(IReadOnlyList<string> names, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        for (int i = 0; i < names.Count; i++)
        {
            if (names[i] == name)
            {
                return i;
            }
        }

        throw new ArgumentException($"'{name}' is not one of {string.Join(", ", names)}.", nameof(name));
    }
}
