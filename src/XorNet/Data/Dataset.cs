using XorNet.Network;

namespace XorNet.Data;

/// <summary>A named training table: inputs <see cref="X"/> (one sample a row) and targets <see cref="Y"/> (rows × 1).</summary>
public sealed record Dataset
{
    /// <summary>A table whose inputs and targets have one row per sample.</summary>
    public Dataset(string name, Matrix x, Matrix y)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Rows < 1 || x.Columns < 1 || y.Rows != x.Rows || y.Columns != 1)
        {
            throw new ArgumentException($"X {x.Shape} and y {y.Shape} do not describe one target per sample.");
        }

        Name = name;
        X = x;
        Y = y;
    }

    /// <summary>The names <see cref="Named"/> accepts, in the order help lists them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["xor", "and", "or", "nand", "nor", "xnor", "parity3"];

    /// <summary>The notebook's XOR truth table: X = [[0,0],[0,1],[1,0],[1,1]], y = [[0],[1],[1],[0]].</summary>
    public static Dataset Xor => Named("xor");

    /// <summary>
    /// A truth table by name: the inputs in counting order (first column most significant) and the named
    /// function of them as the target. <c>parity3</c> is the XOR of three bits; the others take two.
    /// </summary>
    /// <exception cref="ArgumentException">The name is not one of <see cref="Names"/>.</exception>
    public static Dataset Named(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        int inputs = name == "parity3" ? 3 : 2;
        Func<int, bool> target = name switch
        {
            "xor" or "parity3" => bits => Ones(bits) % 2 == 1,
            "xnor" => bits => Ones(bits) % 2 == 0,
            "and" => bits => bits == 3,
            "nand" => bits => bits != 3,
            "or" => bits => bits != 0,
            "nor" => bits => bits == 0,
            _ => throw new ArgumentException($"Unknown dataset '{name}'; expected one of {string.Join(", ", Names)}.", nameof(name)),
        };

        int rows = 1 << inputs;
        var x = new Matrix(rows, inputs);
        var y = new Matrix(rows, 1);
        for (int row = 0; row < rows; row++)
        {
            for (int column = 0; column < inputs; column++)
            {
                x[row, column] = (row >> (inputs - 1 - column)) & 1;
            }

            y[row, 0] = target(row) ? 1 : 0;
        }

        return new Dataset(name, x, y);
    }

    /// <summary>What the data is called in reports (a dataset name or a file name).</summary>
    public string Name { get; }

    /// <summary>Inputs, one sample a row.</summary>
    public Matrix X { get; }

    /// <summary>Targets, one per sample, as a column.</summary>
    public Matrix Y { get; }

    /// <summary>Number of samples.</summary>
    public int Rows => X.Rows;

    /// <summary>Number of inputs per sample.</summary>
    public int Inputs => X.Columns;

    private static int Ones(int bits) => System.Numerics.BitOperations.PopCount((uint)bits);
}
