namespace XorNet.Data;

/// <summary>
/// Every built-in set by name, one list: the truth tables (<see cref="Dataset.TruthTables"/>) and the generated
/// planes (<see cref="PlaneSets.Names"/>), which <c>--dataset</c>, <c>sweep --dataset</c> and <c>XorNet data</c> accept.
/// </summary>
public static class DatasetNames
{
    /// <summary>The names, truth tables first, in the order help lists them.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Dataset.TruthTables, .. PlaneSets.Names];

    /// <summary>The set named <paramref name="name"/>: a truth table as it is, a plane drawn by <paramref name="recipe"/>.</summary>
    /// <exception cref="ArgumentException">The name is not one of <see cref="All"/>.</exception>
    public static Dataset Create(string name, PlaneRecipe recipe)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(recipe);
        return PlaneSets.Contains(name) ? PlaneSets.Generate(name, recipe) : Dataset.Named(name);
    }
}
