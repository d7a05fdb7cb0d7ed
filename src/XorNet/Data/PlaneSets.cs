using XorNet.NumPy;

namespace XorNet.Data;

/// <summary>
/// The Playground's generated two-input sets (circle, gauss, xor-plane, spiral), drawn as the NumPy rule draws them:
/// <c>n</c> rows, the first <c>k = n // 2</c> of class 1 and the rest of class 0, every draw from
/// <c>rng = np.random.RandomState(data_seed)</c> in the rule's order, then, if the noise is above 0,
/// <c>X = X + rng.normal(0, noise, (n, 2))</c>.
/// </summary>
/// <remarks>
/// <c>np.cos</c> and <c>np.sin</c> are the C library's (NumPy's own vectorised ones are AVX-512 only, and the fixtures
/// are made with those off), which <see cref="Math.Cos"/> and <see cref="Math.Sin"/> call: the same doubles.
/// </remarks>
public static class PlaneSets
{
    /// <summary>The generated sets' names, in the order help lists them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["circle", "gauss", "xor-plane", "spiral"];

    /// <summary>Whether <paramref name="name"/> is one of <see cref="Names"/>.</summary>
    public static bool Contains(string name) => Names.Contains(name, StringComparer.Ordinal);

    /// <summary>Draws the set <paramref name="name"/> by <paramref name="recipe"/>; its name says both.</summary>
    /// <exception cref="ArgumentException">The name is not one of <see cref="Names"/>.</exception>
    public static Dataset Generate(string name, PlaneRecipe recipe)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(recipe);
        int n = recipe.Samples, k = n / 2;
        var random = new NumPyRandom(recipe.DataSeed);
        var x = new Matrix(n, 2);
        var y = new Matrix(n, 1);
        Span<double> points = x.AsSpan(), labels = y.AsSpan();
        switch (name)
        {
            case "circle":
                Circle(points, k, random);
                break;
            case "gauss":
                Gauss(points, k, random);
                break;
            case "xor-plane":
                XorPlane(points, random);
                break;
            case "spiral":
                Spiral(points, k);
                break;
            default:
                throw new ArgumentException($"Unknown generated set '{name}'; expected one of {string.Join(", ", Names)}.", nameof(name));
        }

        if (name == "xor-plane")
        {
            // The labels come from the points before the noise.
            for (int row = 0; row < n; row++)
            {
                labels[row] = (points[2 * row] > 0) != (points[(2 * row) + 1] > 0) ? 1 : 0;
            }
        }
        else
        {
            labels[..k].Fill(1);
        }

        if (recipe.Noise > 0)
        {
            for (int i = 0; i < points.Length; i++)
            {
                points[i] += random.NextNormal(0, recipe.Noise);
            }
        }

        return new Dataset($"{name} ({recipe})", x, y);
    }

    // r = concatenate([uniform(0, 0.5, k), uniform(0.7, 1.0, n - k)]); t = uniform(0, 2π, n); X = [r cos t, r sin t].
    private static void Circle(Span<double> points, int k, NumPyRandom random)
    {
        int n = points.Length / 2;

        // The radii go into the first column for now: every radius is drawn before any angle.
        for (int row = 0; row < n; row++)
        {
            points[2 * row] = row < k ? random.NextUniform(0, 0.5) : random.NextUniform(0.7, 1.0);
        }

        for (int row = 0; row < n; row++)
        {
            double r = points[2 * row], t = random.NextUniform(0, 2 * Math.PI);
            points[2 * row] = r * Math.Cos(t);
            points[(2 * row) + 1] = r * Math.Sin(t);
        }
    }

    // concatenate([normal(0.5, 0.25, (k, 2)), normal(-0.5, 0.25, (n - k, 2))]), filled row by row.
    private static void Gauss(Span<double> points, int k, NumPyRandom random)
    {
        for (int i = 0; i < points.Length; i++)
        {
            points[i] = random.NextNormal(i < 2 * k ? 0.5 : -0.5, 0.25);
        }
    }

    // uniform(-1, 1, (n, 2)), filled row by row.
    private static void XorPlane(Span<double> points, NumPyRandom random)
    {
        for (int i = 0; i < points.Length; i++)
        {
            points[i] = random.NextUniform(-1, 1);
        }
    }

    // Each class an arm: i = 0 … m−1 of its m rows, r = i / m, t = 3.5π · i / m (+ π for class 0), X = [r sin t, r cos t].
    private static void Spiral(Span<double> points, int k)
    {
        int n = points.Length / 2;
        const double Turn = 1.75 * 2 * Math.PI;
        for (int row = 0; row < n; row++)
        {
            bool first = row < k;
            double i = first ? row : row - k, m = first ? k : n - k;
            double r = i / m;

            // NumPy evaluates 1.75 * 2 * np.pi * i / m left to right: (3.5π · i) / m, then the arm's offset.
            double t = (Turn * i / m) + (first ? 0.0 : Math.PI);
            points[2 * row] = r * Math.Sin(t);
            points[(2 * row) + 1] = r * Math.Cos(t);
        }
    }
}
