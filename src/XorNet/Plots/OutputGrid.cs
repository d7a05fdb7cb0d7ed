using XorNet.Network;
using XorNet.NumPy;

namespace XorNet.Plots;

/// <summary>
/// A network's outputs at the centres of a square grid of cells over a <see cref="PlotWindow"/>: what a heatmap and
/// its contour are drawn from. Row 0 is at the top (the largest x2), column 0 at the left.
/// </summary>
internal sealed class OutputGrid
{
    private readonly Matrix _output;

    private OutputGrid(PlotWindow window, int cells, Matrix output)
    {
        Window = window;
        Cells = cells;
        _output = output;
    }

    /// <summary>The part of the plane the grid covers.</summary>
    public PlotWindow Window { get; }

    /// <summary>The number of cells along each side.</summary>
    public int Cells { get; }

    /// <summary>The number of network outputs at each cell.</summary>
    public int Outputs => _output.Columns;

    /// <summary>The outputs of <paramref name="network"/> over <paramref name="window"/>, <paramref name="cells"/> × <paramref name="cells"/>.</summary>
    /// <remarks>
    /// A network keeps the buffers of its last pass, sized for its last batch; it is run here through a copy of its
    /// parameters, so that drawing between epochs leaves the training network's own state exactly as it was.
    /// </remarks>
    public static OutputGrid Of(INetwork network, PlotWindow window, int cells)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(window);
        ArgumentOutOfRangeException.ThrowIfLessThan(cells, 2);
        if (network.Architecture.RawInputs != 2)
        {
            throw new ArgumentException($"A grid over the plane needs a two-input network; this one has {network.Architecture.RawInputs}.", nameof(network));
        }

        // A network with feature inputs takes each point's features.
        return new OutputGrid(window, cells, Networks.Copy(network).Predict(network.Architecture.InputsOf(Points(window, cells))));
    }

    /// <summary>
    /// A grid of values already computed at <see cref="Points"/> of <paramref name="window"/> and
    /// <paramref name="cells"/>: a row a point, a column an output (or a unit).
    /// </summary>
    public static OutputGrid FromValues(PlotWindow window, int cells, Matrix values)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(cells, 2);
        ArgumentOutOfRangeException.ThrowIfNotEqual(values.Rows, cells * cells);
        return new OutputGrid(window, cells, values);
    }

    /// <summary>The centres of the cells as (x1, x2) rows, row by row from the top (the largest x2).</summary>
    public static Matrix Points(PlotWindow window, int cells)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentOutOfRangeException.ThrowIfLessThan(cells, 2);
        var points = new Matrix(cells * cells, 2);
        for (int r = 0; r < cells; r++)
        {
            for (int c = 0; c < cells; c++)
            {
                (points[(r * cells) + c, 0], points[(r * cells) + c, 1]) = Centre(window, cells, r, c);
            }
        }

        return points;
    }

    /// <summary>Output <paramref name="k"/> at the centre of the cell in row <paramref name="r"/>, column <paramref name="c"/>.</summary>
    public double this[int r, int c, int k] => _output[(r * Cells) + c, k];

    /// <summary>The point (x1, x2) at the centre of the cell in row <paramref name="r"/>, column <paramref name="c"/>.</summary>
    public (double X1, double X2) Centre(int r, int c) => Centre(Window, Cells, r, c);

    private static (double X1, double X2) Centre(PlotWindow window, int cells, int r, int c) =>
        (window.XMin + ((c + 0.5) * ((window.XMax - window.XMin) / cells)), window.YMax - ((r + 0.5) * ((window.YMax - window.YMin) / cells)));
}
