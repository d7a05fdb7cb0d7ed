using XorNet.NumPy;

namespace XorNet.Data;

/// <summary>A named training table: inputs <see cref="X"/> and targets <see cref="Y"/>, one sample a row.</summary>
public sealed record Dataset
{
    /// <summary>A table whose inputs and targets have one row per sample.</summary>
    public Dataset(string name, Matrix x, Matrix y)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Rows < 1 || x.Columns < 1 || y.Rows != x.Rows || y.Columns < 1)
        {
            throw new ArgumentException($"X {x.Shape} and y {y.Shape} do not describe the same samples.");
        }

        Name = name;
        X = x;
        Y = y;
    }

    /// <summary>The truth tables' names, which <see cref="Named"/> accepts, in the order help lists them.</summary>
    public static IReadOnlyList<string> TruthTables { get; } = ["xor", "and", "or", "nand", "nor", "xnor", "parity3", "half-adder", "full-adder"];

    /// <summary>The notebook's XOR truth table: X = [[0,0],[0,1],[1,0],[1,1]], y = [[0],[1],[1],[0]].</summary>
    public static Dataset Xor => Named("xor");

    /// <summary>
    /// A truth table by name: the inputs in counting order (first column most significant) and the named
    /// functions of them as the targets. <c>parity3</c> is the XOR of three bits; <c>half-adder</c> gives the sum
    /// and carry of two bits, <c>full-adder</c> the sum and carry-out of a, b and carry-in; the others take two
    /// bits to one target.
    /// </summary>
    /// <exception cref="ArgumentException">The name is not one of <see cref="TruthTables"/>.</exception>
    public static Dataset Named(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        int inputs = name is "parity3" or "full-adder" ? 3 : 2;
        Func<int, bool>[] targets = name switch
        {
            "xor" or "parity3" => [Odd],
            "xnor" => [bits => !Odd(bits)],
            "and" => [bits => bits == 3],
            "nand" => [bits => bits != 3],
            "or" => [bits => bits != 0],
            "nor" => [bits => bits == 0],
            "half-adder" => [Odd, bits => bits == 3],
            "full-adder" => [Odd, bits => Ones(bits) >= 2],
            _ => throw new ArgumentException($"Unknown dataset '{name}'; expected one of {string.Join(", ", TruthTables)}.", nameof(name)),
        };

        Matrix x = CountingRows(inputs);
        var y = new Matrix(x.Rows, targets.Length);
        for (int row = 0; row < x.Rows; row++)
        {
            for (int column = 0; column < targets.Length; column++)
            {
                y[row, column] = targets[column](row) ? 1 : 0;
            }
        }

        return new Dataset(name, x, y);
    }

    /// <summary>
    /// Every row of <paramref name="inputs"/> bits in counting order, 0…0 to 1…1, the first column most significant:
    /// a truth table's inputs.
    /// </summary>
    public static Matrix CountingRows(int inputs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputs, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(inputs, 24);
        int rows = 1 << inputs;
        var x = new Matrix(rows, inputs);
        for (int row = 0; row < rows; row++)
        {
            for (int column = 0; column < inputs; column++)
            {
                x[row, column] = (row >> (inputs - 1 - column)) & 1;
            }
        }

        return x;
    }

    /// <summary>What the data is called in reports (a dataset name or a file name).</summary>
    public string Name { get; }

    /// <summary>Inputs, one sample a row.</summary>
    public Matrix X { get; }

    /// <summary>Targets, one row per sample, one column per output.</summary>
    public Matrix Y { get; }

    /// <summary>Number of samples.</summary>
    public int Rows => X.Rows;

    /// <summary>Number of inputs per sample.</summary>
    public int Inputs => X.Columns;

    /// <summary>Number of targets per sample.</summary>
    public int Targets => Y.Columns;

    private static bool Odd(int bits) => Ones(bits) % 2 == 1;

    private static int Ones(int bits) => System.Numerics.BitOperations.PopCount((uint)bits);
}
