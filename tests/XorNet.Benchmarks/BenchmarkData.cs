using System.Globalization;
using System.Text;

namespace XorNet.Benchmarks;

/// <summary>The benchmark's large table: points in the unit square labelled by XOR of (x1 &gt; 0.5, x2 &gt; 0.5).</summary>
internal static class BenchmarkData
{
    public static Dataset UnitSquare(int rows) => CsvDataset.Read(new StringReader(Csv(rows)), "unit-square.csv");

    /// <summary>The same points as CSV text, as <c>numpy_epoch.py ... ROWS CSV_OUT</c> writes them (RandomState(0).rand).</summary>
    public static string Csv(int rows)
    {
        var random = new NumPyRandom(0);
        var text = new StringBuilder("x1,x2,y\n");
        for (int i = 0; i < rows; i++)
        {
            double x1 = random.NextDouble(), x2 = random.NextDouble();
            int y = (x1 > 0.5) != (x2 > 0.5) ? 1 : 0;
            text.Append(CultureInfo.InvariantCulture, $"{x1:R},{x2:R},{y}\n");
        }

        return text.ToString();
    }
}
