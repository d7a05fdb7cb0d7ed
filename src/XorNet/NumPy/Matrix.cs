using System.Globalization;
using System.Text;

namespace XorNet.NumPy;

/// <summary>
/// A dense row-major matrix of doubles: the handful of NumPy array operations the notebook uses, written out by hand.
/// </summary>
/// <remarks>
/// Operators return new matrices and read like the notebook; training's epochs run on the networks' span kernels
/// instead, so that an epoch allocates nothing. Every sum runs in the order NumPy's runs, so results agree with
/// NumPy to the last bit wherever its kernels use plain multiply and add.
/// </remarks>
public sealed class Matrix
{
    private readonly double[] _data;

    /// <summary>A matrix of zeros, as <c>np.zeros((rows, columns))</c>.</summary>
    public Matrix(int rows, int columns)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        if ((long)rows * columns > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(columns), $"A {rows}x{columns} matrix has more elements than an array can hold.");
        }

        Rows = rows;
        Columns = columns;
        _data = new double[rows * columns];
    }

    private Matrix(int rows, int columns, double[] data)
    {
        Rows = rows;
        Columns = columns;
        _data = data;
    }

    /// <summary>Number of rows (NumPy's <c>shape[0]</c>).</summary>
    public int Rows { get; }

    /// <summary>Number of columns (NumPy's <c>shape[1]</c>).</summary>
    public int Columns { get; }

    /// <summary>The shape as NumPy prints it, for example <c>(4, 2)</c>.</summary>
    public string Shape => string.Create(CultureInfo.InvariantCulture, $"({Rows}, {Columns})");

    /// <summary>The element at <paramref name="row"/>, <paramref name="column"/>.</summary>
    public double this[int row, int column]
    {
        get => _data[Index(row, column)];
        set => _data[Index(row, column)] = value;
    }

    /// <summary>A matrix with the given rows, which must all be the same length.</summary>
    public static Matrix FromRows(params double[][] rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        int columns = rows.Length == 0 ? 0 : rows[0].Length;
        var matrix = new Matrix(rows.Length, columns);
        for (int r = 0; r < rows.Length; r++)
        {
            if (rows[r].Length != columns)
            {
                throw new ArgumentException($"Row {r} has {rows[r].Length} elements; row 0 has {columns}.", nameof(rows));
            }

            rows[r].CopyTo(matrix.Row(r));
        }

        return matrix;
    }

    /// <summary>A matrix that takes <paramref name="data"/> (row after row) as its storage, without copying.</summary>
    public static Matrix FromArray(int rows, int columns, double[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        if ((long)rows * columns != data.Length)
        {
            throw new ArgumentException($"A ({rows}, {columns}) matrix needs {(long)rows * columns} elements, not {data.Length}.", nameof(data));
        }

        return new Matrix(rows, columns, data);
    }

    /// <summary>A matrix of standard normal draws filled row by row, as <c>np.random.randn(rows, columns)</c>.</summary>
    public static Matrix RandomNormal(int rows, int columns, NumPyRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var matrix = new Matrix(rows, columns);
        random.FillGaussian(matrix._data);
        return matrix;
    }

    /// <summary>All elements, row after row.</summary>
    public Span<double> AsSpan() => _data;

    /// <summary>The elements of one row.</summary>
    public Span<double> Row(int row)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, Rows);
        return _data.AsSpan(row * Columns, Columns);
    }

    /// <summary>The rows as jagged arrays (for serialisation and display).</summary>
    public double[][] ToRows()
    {
        var rows = new double[Rows][];
        for (int r = 0; r < Rows; r++)
        {
            rows[r] = Row(r).ToArray();
        }

        return rows;
    }

    /// <summary>A copy of this matrix.</summary>
    public Matrix Clone()
    {
        var copy = new Matrix(Rows, Columns);
        _data.CopyTo(copy._data, 0);
        return copy;
    }

    /// <summary>The transpose, <c>A.T</c>.</summary>
    public Matrix Transpose()
    {
        var result = new Matrix(Columns, Rows);
        Transpose(this, result);
        return result;
    }

    /// <summary>Writes the transpose of <paramref name="source"/> into <paramref name="destination"/>.</summary>
    public static void Transpose(Matrix source, Matrix destination)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        RequireShape(destination, source.Columns, source.Rows, "transpose");
        for (int r = 0; r < source.Rows; r++)
        {
            for (int c = 0; c < source.Columns; c++)
            {
                destination._data[(c * source.Rows) + r] = source._data[(r * source.Columns) + c];
            }
        }
    }

    /// <summary>The matrix product <c>a @ b</c>.</summary>
    public static Matrix operator *(Matrix a, Matrix b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var result = new Matrix(a.Rows, b.Columns);
        Multiply(a, b, result);
        return result;
    }

    /// <summary>Writes the matrix product <c>a @ b</c> into <paramref name="destination"/>.</summary>
    /// <remarks>Each element sums its products in ascending order of the inner index, as NumPy's kernels do.</remarks>
    public static void Multiply(Matrix a, Matrix b, Matrix destination)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(destination);
        if (a.Columns != b.Rows)
        {
            throw new ArgumentException($"Cannot multiply a {a.Shape} matrix by a {b.Shape} matrix: inner sizes {a.Columns} and {b.Rows} differ.");
        }

        RequireShape(destination, a.Rows, b.Columns, "product");
        MultiplyCore(a._data, a.Rows, a.Columns, b._data, b.Columns, destination._data);
    }

    /// <summary>Element-wise sum; a 1×n right operand is added to every row, as NumPy broadcasts a bias row.</summary>
    public static Matrix operator +(Matrix a, Matrix b) => Combine(a, b, static (x, y) => x + y, "add");

    /// <summary>Element-wise difference; a 1×n right operand is subtracted from every row.</summary>
    public static Matrix operator -(Matrix a, Matrix b) => Combine(a, b, static (x, y) => x - y, "subtract");

    /// <summary>Every element multiplied by <paramref name="scalar"/>.</summary>
    public static Matrix operator *(double scalar, Matrix a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return a.Map(x => scalar * x);
    }

    /// <summary>Every element negated, <c>-a</c>.</summary>
    public static Matrix operator -(Matrix a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return a.Map(x => -x);
    }

    /// <summary>Every element subtracted from <paramref name="scalar"/>, <c>scalar - a</c> (the notebook's <c>1 - a</c>).</summary>
    public static Matrix operator -(double scalar, Matrix a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return a.Map(x => scalar - x);
    }

    /// <summary>The element-wise (Hadamard) product, NumPy's <c>a * b</c> for equal shapes.</summary>
    public Matrix Hadamard(Matrix other) => Combine(this, other, static (x, y) => x * y, "multiply element-wise");

    /// <summary>A new matrix with <paramref name="function"/> applied to every element.</summary>
    public Matrix Map(Func<double, double> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        var result = new Matrix(Rows, Columns);
        for (int i = 0; i < _data.Length; i++)
        {
            result._data[i] = function(_data[i]);
        }

        return result;
    }

    /// <summary>The column sums as a 1×n row, <c>np.sum(a, axis=0, keepdims=True)</c>.</summary>
    public Matrix ColumnSums()
    {
        var result = new Matrix(1, Columns);
        ColumnSums(this, result);
        return result;
    }

    /// <summary>Writes the column sums of <paramref name="source"/> into the 1×n row <paramref name="destination"/>.</summary>
    /// <remarks>
    /// NumPy reduces a single column as one contiguous run (pairwise, in buffers) but a wider matrix row after
    /// row; both orders are kept so the sums agree to the bit.
    /// </remarks>
    public static void ColumnSums(Matrix source, Matrix destination)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        RequireShape(destination, 1, source.Columns, "column sums");
        if (source.Columns == 1)
        {
            destination._data[0] = NumPySum.Sum(source._data);
            return;
        }

        Span<double> sums = destination._data;
        sums.Clear();
        for (int r = 0; r < source.Rows; r++)
        {
            ReadOnlySpan<double> row = source._data.AsSpan(r * source.Columns, source.Columns);
            for (int c = 0; c < row.Length; c++)
            {
                sums[c] += row[c];
            }
        }
    }

    /// <summary>The mean of all elements, <c>np.mean(a)</c>.</summary>
    public double Mean()
    {
        if (_data.Length == 0)
        {
            throw new InvalidOperationException("The mean of an empty matrix is undefined.");
        }

        return NumPySum.Sum(_data) / _data.Length;
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append('[');
        for (int r = 0; r < Rows; r++)
        {
            text.Append(r == 0 ? "[" : " [");
            text.AppendJoin(", ", Row(r).ToArray().Select(x => x.ToString("R", CultureInfo.InvariantCulture)));
            text.Append(r == Rows - 1 ? "]" : "]\n");
        }

        return text.Append(']').ToString();
    }

    internal static void MultiplyCore(ReadOnlySpan<double> a, int rows, int inner, ReadOnlySpan<double> b, int columns, Span<double> destination)
    {
        destination[..(rows * columns)].Clear();

        // i-k-j order: each output row accumulates scaled rows of b, so every element still sums over k in order.
        for (int i = 0; i < rows; i++)
        {
            Span<double> outRow = destination.Slice(i * columns, columns);
            ReadOnlySpan<double> aRow = a.Slice(i * inner, inner);
            for (int k = 0; k < inner; k++)
            {
                AddScaled(outRow, aRow[k], b.Slice(k * columns, columns));
            }
        }
    }

    private static void AddScaled(Span<double> destination, double scale, ReadOnlySpan<double> source)
    {
        for (int j = 0; j < destination.Length; j++)
        {
            destination[j] += scale * source[j];
        }
    }

    private static Matrix Combine(Matrix a, Matrix b, Func<double, double, double> operation, string verb)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        bool sameShape = a.Rows == b.Rows && a.Columns == b.Columns;
        bool biasRow = b.Rows == 1 && b.Columns == a.Columns;
        if (!sameShape && !biasRow)
        {
            throw new ArgumentException($"Cannot {verb} a {a.Shape} matrix and a {b.Shape} matrix: shapes differ.");
        }

        var result = new Matrix(a.Rows, a.Columns);
        for (int r = 0; r < a.Rows; r++)
        {
            int bRow = sameShape ? r : 0;
            for (int c = 0; c < a.Columns; c++)
            {
                result._data[(r * a.Columns) + c] = operation(a._data[(r * a.Columns) + c], b._data[(bRow * b.Columns) + c]);
            }
        }

        return result;
    }

    private static void RequireShape(Matrix matrix, int rows, int columns, string role)
    {
        if (matrix.Rows != rows || matrix.Columns != columns)
        {
            throw new ArgumentException($"The {role} needs a ({rows}, {columns}) matrix, not a {matrix.Shape} one.");
        }
    }

    private int Index(int row, int column)
    {
        if ((uint)row >= (uint)Rows || (uint)column >= (uint)Columns)
        {
            throw new ArgumentOutOfRangeException(nameof(row), $"Index ({row}, {column}) is outside a {Shape} matrix.");
        }

        return (row * Columns) + column;
    }
}
