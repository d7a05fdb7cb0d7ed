namespace XorNet.Explain;

/// <summary>The sixteen Boolean functions of two inputs, named by their truth tables over the rows 00, 01, 10, 11.</summary>
public static class BooleanNames
{
    // Indexed by the truth table read as a binary number, row 00 the most significant bit: "0001" is 1, AND.
    private static readonly string[] Names =
    [
        "FALSE", "AND", "x1 AND NOT x2", "x1", "NOT x1 AND x2", "x2", "XOR", "OR",
        "NOR", "XNOR", "NOT x2", "x1 OR NOT x2", "NOT x1", "NOT x1 OR x2", "NAND", "TRUE",
    ];

    /// <summary>
    /// The name of the two-input function whose outputs on the rows 00, 01, 10, 11 are the four characters of
    /// <paramref name="truthTable"/> in that order, such as <c>AND</c> for <c>0001</c>.
    /// </summary>
    /// <exception cref="ArgumentException">The table is not four characters, each 0 or 1.</exception>
    public static string Of(string truthTable)
    {
        ArgumentNullException.ThrowIfNull(truthTable);
        if (truthTable.Length != 4 || truthTable.Any(bit => bit is not ('0' or '1')))
        {
            throw new ArgumentException($"A two-input truth table is four bits such as 0110, not '{truthTable}'.", nameof(truthTable));
        }

        return Names[Convert.ToInt32(truthTable, 2)];
    }
}
