namespace XorNet.Network;

/// <summary>How the initial weights are made: <c>np.random.randn(fan_in, fan_out)</c> scaled, or zeros.</summary>
public enum Initialization
{
    /// <summary>Not at all: the notebook's standard normal weights.</summary>
    Normal,

    /// <summary>Times <c>np.sqrt(1 / fan_in)</c>.</summary>
    Xavier,

    /// <summary>Times <c>np.sqrt(2 / fan_in)</c>.</summary>
    He,

    /// <summary>
    /// <c>np.zeros((fan_in, fan_out))</c>, nothing drawn: the units of a hidden layer start, and stay, identical (the
    /// lesson of symmetry breaking); mini-batches permute the seed's untouched stream.
    /// </summary>
    Zeros,
}

/// <summary>The initial scales.</summary>
public static class Initializations
{
    /// <summary>The option name of an initialisation: <c>normal</c>, <c>xavier</c>, <c>he</c> or <c>zeros</c>.</summary>
    public static string Name(Initialization initialization) => Names[(int)initialization];

    /// <summary>The initialisation an option name means.</summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not one of <see cref="Names"/>.</exception>
    public static Initialization Parse(string name) => (Initialization)ChoiceNames.Index(Names, name);

    /// <summary>The option names, in <see cref="Initialization"/> order.</summary>
    public static IReadOnlyList<string> Names { get; } = ["normal", "xavier", "he", "zeros"];

    /// <summary>Whether the initial weights are drawn from the random stream (all but <see cref="Initialization.Zeros"/>).</summary>
    public static bool Draws(Initialization initialization) => initialization != Initialization.Zeros;

    /// <summary>The factor a layer with <paramref name="fanIn"/> inputs multiplies its draws by, or null for none (and for zeros, which draws nothing).</summary>
    public static double? Scale(Initialization initialization, int fanIn)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fanIn, 1);
        return initialization switch
        {
            Initialization.Normal or Initialization.Zeros => null,
            Initialization.Xavier => Math.Sqrt(1.0 / fanIn),
            Initialization.He => Math.Sqrt(2.0 / fanIn),
            _ => throw new ArgumentOutOfRangeException(nameof(initialization)),
        };
    }
}
