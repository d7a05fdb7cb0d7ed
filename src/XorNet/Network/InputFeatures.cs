using XorNet.NumPy;

namespace XorNet.Network;

/// <summary>
/// Feature inputs (<c>--features</c>): the network's inputs are columns computed from the two raw inputs of each
/// row, <c>np.column_stack</c> of the listed ones in the order given, such as <c>x1,x2,x1*x2</c>. Pictures, model
/// files and predictions keep taking raw rows; <see cref="Apply(Matrix)"/> turns them into what the network takes.
/// </summary>
public sealed class InputFeatures : IEquatable<InputFeatures>
{
    /// <summary>The number of raw inputs every feature is computed from: x1 and x2.</summary>
    public const int RawInputs = 2;

    private static readonly string[] NameArray = ["x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)"];

    private readonly int[] _features;

    private InputFeatures(int[] features) => _features = features;

    /// <summary>
    /// The features there are, each written as <c>--features</c> takes it and as its column is labelled:
    /// <c>X[:, 0]</c>, <c>X[:, 1]</c>, <c>X[:, 0] ** 2</c>, <c>X[:, 1] ** 2</c>, <c>X[:, 0] * X[:, 1]</c>,
    /// <c>np.sin(X[:, 0])</c>, <c>np.sin(X[:, 1])</c>.
    /// </summary>
    public static IReadOnlyList<string> Names => NameArray;

    /// <summary>What <c>--features</c> accepts, as its messages say it.</summary>
    public static string Accepted { get; } = $"features from {string.Join(", ", Names)} separated by commas, each once, such as x1,x2,x1*x2";

    /// <summary>The features' names, in the order of the network's inputs.</summary>
    public IReadOnlyList<string> Labels => [.. _features.Select(f => Names[f])];

    /// <summary>The number of features: the network's inputs.</summary>
    public int Count => _features.Length;

    /// <summary>The features listed in <paramref name="text"/> (names separated by commas, spaces around each allowed).</summary>
    /// <exception cref="FormatException">
    /// A name is not one of <see cref="Names"/>, or one is listed twice; the message says which, to follow the option's name.
    /// </exception>
    public static InputFeatures Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var features = new List<int>();
        foreach (string cell in text.Split(','))
        {
            string name = cell.Trim();
            int feature = Array.IndexOf(NameArray, name);
            if (feature < 0)
            {
                throw new FormatException($"does not accept '{Text.Excerpt.Of(name)}': expected {Accepted}");
            }

            if (features.Contains(feature))
            {
                throw new FormatException($"lists {name} twice: give each feature once");
            }

            features.Add(feature);
        }

        return new InputFeatures([.. features]);
    }

    /// <summary>The network's inputs for the raw rows of <paramref name="raw"/> (rows × 2): a new rows × <see cref="Count"/> matrix.</summary>
    /// <exception cref="ArgumentException"><paramref name="raw"/> does not have two columns.</exception>
    public Matrix Apply(Matrix raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        if (raw.Columns != RawInputs)
        {
            throw new ArgumentException($"Features are computed from two inputs; the rows have {raw.Columns}.", nameof(raw));
        }

        var inputs = new Matrix(raw.Rows, Count);
        for (int r = 0; r < raw.Rows; r++)
        {
            Apply(raw.Row(r), inputs.Row(r));
        }

        return inputs;
    }

    /// <summary>What a network with these inputs is trained on for <paramref name="data"/>: the features of its rows, with its name and targets.</summary>
    /// <exception cref="FormatException">The data does not have two inputs.</exception>
    public Data.Dataset Of(Data.Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return data.Inputs == RawInputs
            ? new Data.Dataset(data.Name, Apply(data.X), data.Y)
            : throw new FormatException($"--features {this} computes its columns from two inputs, x1 and x2; {data.Name} has {Text.Words.Count(data.Inputs, "input")}.");
    }

    /// <summary>Writes the features of one raw row (x1, x2) to <paramref name="inputs"/>, one value a feature.</summary>
    public void Apply(ReadOnlySpan<double> raw, Span<double> inputs)
    {
        double x1 = raw[0], x2 = raw[1];
        for (int i = 0; i < _features.Length; i++)
        {
            // x ** 2 is NumPy's square, one multiply; np.sin with its vectorised kernels off is the C library's sin,
            // which Math.Sin calls.
            inputs[i] = _features[i] switch
            {
                0 => x1,
                1 => x2,
                2 => x1 * x1,
                3 => x2 * x2,
                4 => x1 * x2,
                5 => Math.Sin(x1),
                _ => Math.Sin(x2),
            };
        }
    }

    /// <summary>The list as <c>--features</c> takes it, such as <c>x1,x2,x1*x2</c>.</summary>
    public override string ToString() => string.Join(',', Labels);

    /// <inheritdoc/>
    public bool Equals(InputFeatures? other) => other is not null && _features.AsSpan().SequenceEqual(other._features);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as InputFeatures);

    /// <inheritdoc/>
    public override int GetHashCode() => ToString().GetHashCode(StringComparison.Ordinal);
}
