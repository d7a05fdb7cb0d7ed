namespace XorNet.Plots;

/// <summary>
/// A logarithmic axis of epochs to converge, placed at log10(epoch + 1) so that epoch 0 (the initial weights already
/// converged) has a place, spanning whole decades around the epochs given.
/// </summary>
internal sealed class EpochAxis
{
    private readonly double _lowEpoch, _highEpoch, _low, _high, _left, _width;

    /// <summary>
    /// An axis from <paramref name="left"/>, <paramref name="width"/> pixels wide, from the power of ten at or below
    /// the fewest <paramref name="epochs"/> (0 when that is below 1) to the power of ten at or above the most, at
    /// least a decade; 0 to 10000 when there are no epochs.
    /// </summary>
    public EpochAxis(IReadOnlyCollection<double> epochs, double left, double width)
    {
        ArgumentNullException.ThrowIfNull(epochs);
        _left = left;
        _width = width;
        double fewest = epochs.Count == 0 ? 0 : epochs.Min(), most = epochs.Count == 0 ? 10000 : epochs.Max();
        _lowEpoch = fewest < 1 ? 0 : Math.Pow(10, Math.Floor(Math.Log10(fewest)));
        _highEpoch = Math.Max(Math.Pow(10, Math.Ceiling(Math.Log10(Math.Max(most, 1)))), Math.Max(10, _lowEpoch * 10));
        _low = Position(_lowEpoch);
        _high = Position(_highEpoch);
    }

    /// <summary>The x of the axis's left end.</summary>
    public double Left => _left;

    /// <summary>The x of <paramref name="epoch"/>.</summary>
    public double X(double epoch) => _left + ((Position(epoch) - _low) / (_high - _low) * _width);

    /// <summary>Which of <paramref name="bins"/> equal slices of the axis <paramref name="epoch"/> falls in.</summary>
    public int Bin(double epoch, int bins) => Math.Clamp((int)((Position(epoch) - _low) / (_high - _low) * bins), 0, bins - 1);

    /// <summary>The x of the left edge of slice <paramref name="bin"/> of <paramref name="bins"/> (of the right edge for <paramref name="bin"/> = <paramref name="bins"/>).</summary>
    public double BinEdge(int bin, int bins) => _left + ((double)bin / bins * _width);

    /// <summary>
    /// The labelled epochs, by <see cref="AxisTicks.Logarithmic"/>: 0 when the axis starts there, then the powers of
    /// ten, with 2 and 5 or 2..9 times them where there is room.
    /// </summary>
    public IEnumerable<(double Epoch, string Label)> Ticks() =>
        AxisTicks.Logarithmic(
            Math.Max(_lowEpoch, 1), _highEpoch, epoch => X(epoch) - _left, horizontal: true, room: 20, zero: _lowEpoch == 0).Ticks;

    private static double Position(double epoch) => Math.Log10(Math.Max(epoch, 0) + 1);
}
