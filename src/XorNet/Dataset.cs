namespace XorNet;

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

    /// <summary>The notebook's XOR truth table: X = [[0,0],[0,1],[1,0],[1,1]], y = [[0],[1],[1],[0]].</summary>
    public static Dataset Xor => new(
        "xor",
        Matrix.FromRows([0, 0], [0, 1], [1, 0], [1, 1]),
        Matrix.FromRows([0], [1], [1], [0]));

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
}
