namespace XorNet.Network;

/// <summary>How the initial weights <c>np.random.randn(fan_in, fan_out)</c> are scaled.</summary>
public enum Initialization
{
    /// <summary>Not at all: the notebook's standard normal weights.</summary>
    Normal,

    /// <summary>Times <c>np.sqrt(1 / fan_in)</c>.</summary>
    Xavier,

    /// <summary>Times <c>np.sqrt(2 / fan_in)</c>.</summary>
    He,
}

/// <summary>The initial scales.</summary>
public static class Initializations
{
    /// <summary>The option name of an initialisation: <c>normal</c>, <c>xavier</c> or <c>he</c>.</summary>
    public static string Name(Initialization initialization) => Names[(int)initialization];

    /// <summary>The initialisation an option name means.</summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not one of <see cref="Names"/>.</exception>
    public static Initialization Parse(string name) => (Initialization)ChoiceNames.Index(Names, name);

    /// <summary>The option names, in <see cref="Initialization"/> order.</summary>
    public static IReadOnlyList<string> Names { get; } = ["normal", "xavier", "he"];

    /// <summary>The factor a layer with <paramref name="fanIn"/> inputs multiplies its draws by, or null for none.</summary>
    public static double? Scale(Initialization initialization, int fanIn)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fanIn, 1);
        return initialization switch
        {
            Initialization.Normal => null,
            Initialization.Xavier => Math.Sqrt(1.0 / fanIn),
            Initialization.He => Math.Sqrt(2.0 / fanIn),
            _ => throw new ArgumentOutOfRangeException(nameof(initialization)),
        };
    }
}
