using XorNet.Explain;


namespace XorNet.Plots;

/// <summary>How pictures label a unit with what it computes.</summary>
internal static class UnitLabel
{
    // Longer truth tables would not fit under a node or over a panel.
    private const int LongestTable = 16;

    /// <summary>The unit's Boolean function (<c>NAND</c>), else its truth table when short, else null.</summary>
    public static string? Function(UnitExplanation unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return unit switch
        {
            { Function: { } function } => function,
            { TruthTable: { Length: <= LongestTable } table } => table,
            _ => null,
        };
    }
}
