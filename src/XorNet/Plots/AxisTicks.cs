using XorNet.NumPy;

namespace XorNet.Plots;

/// <summary>
/// The labelled ticks of one axis of a picture, chosen so that every label is readable where it is drawn: apart from
/// its neighbours, inside the room the picture leaves for it, and as many as fit (at least three where there is room).
/// Linear axes step by 1, 2, 2.5 or 5 times a power of ten; logarithmic ones label powers of ten and, when few decades
/// span the axis, 2 and 5 or every 2..9 times them. Labels are in Python's notation. When the values need more digits
/// than the room allows (a window 1e-8 wide, inputs near a million), the labels count in <see cref="Unit"/> from
/// <see cref="Offset"/>, which the axis's name then states (<see cref="Name"/>).
/// </summary>
internal sealed class AxisTicks
{
    /// <summary>The font size of tick labels.</summary>
    public const int FontSize = 12;

    /// <summary>The least distance between two labels, and between a label and what is beyond its room.</summary>
    public const double Gap = 6;

    /// <summary>The height a label takes on a vertical axis.</summary>
    public const double LabelHeight = FontSize + 2;

    private static readonly double[] Multiples = [1, 2, 2.5, 5, 10];

    private AxisTicks(IReadOnlyList<(double Value, string Label)> ticks, double offset, double unit, string offsetLabel, string unitLabel)
    {
        Ticks = ticks;
        Offset = offset;
        Unit = unit;
        _offsetLabel = offsetLabel;
        _unitLabel = unitLabel;
    }

    private readonly string _offsetLabel, _unitLabel;

    /// <summary>The ticks in increasing order: where each is (in the axis's values) and what it reads.</summary>
    public IReadOnlyList<(double Value, string Label)> Ticks { get; }

    /// <summary>The value the labels count from: 0 unless the labels would otherwise need too many digits.</summary>
    public double Offset { get; }

    /// <summary>The value a label of 1 stands for: 1 unless the labels would otherwise need too many digits.</summary>
    public double Unit { get; }

    /// <summary>The axis's name with what its labels count from and in, such as <c>x2 − 0.3 (×1e-09)</c>.</summary>
    public string Name(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        string from = Offset == 0 ? "" : Offset > 0 ? $" − {_offsetLabel}" : $" + {_offsetLabel.TrimStart('-')}";
        string unit = Unit == 1 ? "" : $" (×{_unitLabel})";
        return name + from + unit;
    }

    /// <summary>The estimated width of <paramref name="label"/> at <see cref="FontSize"/>.</summary>
    public static double LabelWidth(string label) => PlotTitle.EstimatedWidth(label, FontSize);

    /// <summary>
    /// Ticks for a linear axis from <paramref name="low"/> to <paramref name="high"/> drawn <paramref name="length"/>
    /// pixels long. A horizontal axis centres its labels on the ticks, and may let a label reach
    /// <paramref name="room"/> pixels past either end; a vertical one gives each label <paramref name="room"/> pixels
    /// of width beside the axis.
    /// </summary>
    /// <remarks>With <paramref name="wholeNumbers"/> (epochs), no step is less than 1.</remarks>
    public static AxisTicks Linear(double low, double high, double length, bool horizontal, double room, bool wholeNumbers = false)
    {
        if (!(double.IsFinite(low) && double.IsFinite(high) && low < high && double.IsFinite(high - low)))
        {
            throw new ArgumentException($"[{low}, {high}] is not an axis range.", nameof(low));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        double Position(double value) => (value - low) / (high - low) * length;
        int most = (int)Math.Clamp(length / 80, 2, 10);
        AxisTicks? fallback = null;
        for (int count = most; count >= 2; count--)
        {
            (double step, double multiple, double unit) = Step(low, high, count);
            if (wholeNumbers && step < 1)
            {
                (step, multiple, unit) = (1, 1, 1);
            }
            else if (wholeNumbers && step != Math.Round(step))
            {
                continue;
            }

            long first = (long)Math.Ceiling((low / step) - 1e-6), last = (long)Math.Floor((high / step) + 1e-6);
            if (last - first > 4 * most)
            {
                continue;
            }

            long[] ks = [.. Enumerable.Range(0, (int)(last - first + 1)).Select(i => first + i)];
            double[] values = [.. ks.Select(k => k == 0 ? 0 : k * step)];
            double largest = Math.Max(Math.Abs(low), Math.Abs(high));
            foreach (AxisTicks candidate in new[]
            {
                new AxisTicks(Zip(values, [.. values.Select(v => Plain(v, step, multiple, largest))]), 0, 1, "", ""),
                Counted(values, ks, 0, multiple, unit, step, largest),
                Counted(values, ks, first, multiple, unit, step, largest),
            })
            {
                fallback = candidate;
                if (candidate.Fits(Position, length, horizontal, room))
                {
                    return candidate;
                }
            }
        }

        return fallback!;
    }

    /// <summary>
    /// Ticks for a logarithmic axis from <paramref name="low"/> to <paramref name="high"/> (both positive), with a
    /// tick at 0 before them when <paramref name="zero"/> (an axis that places 0 too), <paramref name="position"/>
    /// giving each value's distance in pixels along the axis: powers of ten, and 2 and 5 or 2..9 times them where
    /// there is room, or every second (third, …) power of ten where there is not.
    /// </summary>
    public static AxisTicks Logarithmic(double low, double high, Func<double, double> position, bool horizontal, double room, bool zero = false)
    {
        ArgumentNullException.ThrowIfNull(position);
        if (!(low > 0 && high > low && double.IsFinite(high)))
        {
            throw new ArgumentException($"[{low}, {high}] is not a logarithmic axis range.", nameof(low));
        }

        double origin = position(zero ? 0 : low);
        double length = Math.Abs(position(high) - origin);
        double Along(double value) => Math.Abs(position(value) - origin);
        int firstPower = (int)Math.Floor(Math.Log10(low) + 1e-9), lastPower = (int)Math.Ceiling(Math.Log10(high) - 1e-9);
        int[][] sets = [[1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 5], [1, 3], [1]];
        AxisTicks? fallback = null;
        for (int every = 1; every <= Math.Max(1, lastPower - firstPower); every++)
        {
            foreach (int[] multiples in every == 1 ? sets : [[1]])
            {
                var values = new List<double>();
                if (zero)
                {
                    values.Add(0);
                }

                for (int power = firstPower; power <= lastPower; power++)
                {
                    if ((power - firstPower) % every != 0)
                    {
                        continue;
                    }

                    foreach (int m in multiples)
                    {
                        double value = m * Math.Pow(10, power);
                        if (value >= low * (1 - 1e-12) && value <= high * (1 + 1e-12))
                        {
                            values.Add(value);
                        }
                    }
                }

                var candidate = new AxisTicks(Zip([.. values], [.. values.Select(v => NumPyFormat.General(v, 6))]), 0, 1, "", "");
                fallback = candidate;
                if (candidate.Ticks.Count >= 2 && candidate.Fits(Along, length, horizontal, room))
                {
                    return candidate;
                }
            }
        }

        return fallback!;
    }

    // Whether every label keeps apart from its neighbours and inside its room.
    private bool Fits(Func<double, double> position, double length, bool horizontal, double room)
    {
        for (int i = 0; i < Ticks.Count; i++)
        {
            double at = position(Ticks[i].Value), width = LabelWidth(Ticks[i].Label);
            if (horizontal
                ? at - (width / 2) < -room || at + (width / 2) > length + room
                : width > room)
            {
                return false;
            }

            if (i > 0)
            {
                double apart = Math.Abs(at - position(Ticks[i - 1].Value));
                double needed = horizontal ? ((width + LabelWidth(Ticks[i - 1].Label)) / 2) + Gap : LabelHeight;
                if (apart < needed || Ticks[i].Label == Ticks[i - 1].Label)
                {
                    return false;
                }
            }
        }

        return true;
    }

    // A round step giving about `count` intervals: 1, 2, 2.5 or 5 times a power of ten, that power (the unit).
    private static (double Step, double Multiple, double Unit) Step(double low, double high, int count)
    {
        double raw = (high - low) / count;
        double unit = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        double multiple = Multiples.First(m => m * unit >= raw * 0.999);
        if (multiple == 10)
        {
            (multiple, unit) = (1, unit * 10);
        }

        return (multiple * unit, multiple, unit);
    }

    // The labels counting in units of the step's power of ten from the tick `origin` steps along (0 or the first).
    private static AxisTicks Counted(double[] values, long[] ks, long origin, double multiple, double unit, double step, double largest)
    {
        int decimals = multiple == 2.5 ? 1 : 0;
        string[] labels = [.. ks.Select(k => Trim(NumPyFormat.Fixed((k - origin) * multiple, decimals)))];
        double offset = origin == 0 ? 0 : origin * step;
        return new AxisTicks(Zip(values, labels), offset, unit, Plain(offset, step, multiple, largest), NumPyFormat.General(unit, 1));
    }

    // A tick's value in full: fixed decimals as the step needs, or scientific for values of a million or more, or
    // all below 1e-4, with as many significant digits as it takes to tell neighbouring ticks apart.
    private static string Plain(double value, double step, double multiple, double largest)
    {
        if (value == 0)
        {
            return "0";
        }

        int extra = multiple == 2.5 ? 1 : 0;
        if (largest >= 1e6 || largest < 1e-4)
        {
            double unit = step / multiple;
            int digits = Math.Clamp((int)Math.Floor(Math.Log10(Math.Abs(value)) + 1e-9) - (int)Math.Round(Math.Log10(unit)) + 1 + extra, 1, 17);
            return NumPyFormat.General(value, digits);
        }

        int decimals = Math.Max(0, -(int)Math.Floor(Math.Log10(step) + 1e-9)) + extra;
        return Trim(NumPyFormat.Fixed(value, decimals));
    }

    // "0.50" → "0.5", "1.00" → "1", "-0" → "0".
    private static string Trim(string label)
    {
        string trimmed = label.Contains('.', StringComparison.Ordinal) ? label.TrimEnd('0').TrimEnd('.') : label;
        return trimmed == "-0" ? "0" : trimmed;
    }

    private static (double, string)[] Zip(double[] values, string[] labels) => [.. values.Zip(labels)];
}
