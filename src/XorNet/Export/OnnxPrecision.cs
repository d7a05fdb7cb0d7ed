namespace XorNet.Export;

/// <summary>The floating-point type of an exported network's weights, input and output.</summary>
public enum OnnxPrecision
{
    /// <summary>64-bit: the weights exactly as trained, and the outputs XorNet computes.</summary>
    Binary64,

    /// <summary>32-bit, for readers that take only <c>float</c>: each weight rounded to the nearest float.</summary>
    Binary32,
}

/// <summary>The option names of <see cref="OnnxPrecision"/>.</summary>
public static class OnnxPrecisions
{
    /// <summary>The names <c>--precision</c> accepts, in <see cref="OnnxPrecision"/> order.</summary>
    public static IReadOnlyList<string> Names { get; } = ["double", "float"];

    /// <summary>The precision named <paramref name="name"/> (one of <see cref="Names"/>).</summary>
    public static OnnxPrecision Parse(string name) => name switch
    {
        "double" => OnnxPrecision.Binary64,
        "float" => OnnxPrecision.Binary32,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Expected double or float."),
    };
}
