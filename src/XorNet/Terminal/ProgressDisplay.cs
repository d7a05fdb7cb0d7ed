using System.Globalization;
using XorNet.NumPy;

namespace XorNet.Terminal;

/// <summary>
/// A training run's progress on a terminal: epoch, loss, speed and time left, on a <see cref="ProgressLine"/> (which
/// decides when it is drawn), cut to the terminal's width and erased when training ends.
/// </summary>
public sealed class ProgressDisplay : IDisposable
{
    private readonly ProgressLine _line;
    private readonly int _epochs;
    private readonly Func<string[]> _describe;
    private int _countdown = 1;

    // The latest epoch reported and its loss, so that the line redrawn after a log line is that epoch's.
    private int _epoch;
    private double _loss;

    /// <summary>
    /// A display on <paramref name="terminal"/> (standard error) for a run of <paramref name="epochs"/> epochs. When
    /// <paramref name="terminal"/> shares its terminal through a <see cref="StatusLine"/>, the other writers of that
    /// terminal erase the display before they write.
    /// </summary>
    public ProgressDisplay(TextWriter terminal, int epochs)
        : this(StatusLine.Of(terminal), epochs, TimeProvider.System)
    {
    }

    /// <summary>A display on <paramref name="line"/> for a run of <paramref name="epochs"/> epochs, timed by <paramref name="clock"/>.</summary>
    internal ProgressDisplay(StatusLine line, int epochs, TimeProvider clock)
    {
        _line = new ProgressLine(line, clock);
        _epochs = epochs;
        _describe = () => Forms(_epoch, _epochs, _loss, _line.Elapsed);
    }

    /// <summary>Called after every epoch; looks at the clock only every so many epochs, so it costs next to nothing.</summary>
    public void Report(int epoch, double loss)
    {
        _epoch = epoch;
        _loss = loss;
        if (--_countdown > 0)
        {
            return;
        }

        TimeSpan elapsed = _line.Elapsed;

        // Aim to look at the clock about a hundred times a second whatever an epoch costs.
        _countdown = elapsed > TimeSpan.Zero ? Math.Clamp((int)((epoch + 1) / elapsed.TotalSeconds / 100), 1, 1 << 20) : 1;
        _line.ShowIfDue(elapsed, _describe);
    }

    /// <summary>Erases the line, leaving the terminal as it was.</summary>
    public void Dispose() => _line.Dispose();

    /// <summary>
    /// The progress line after <paramref name="epoch"/> (0-based) of <paramref name="epochs"/>, <paramref name="elapsed"/>
    /// into training: in full, then for narrower terminals without the speed, without the loss (which the log
    /// shows), and without the number of epochs.
    /// </summary>
    internal static string[] Forms(int epoch, int epochs, double loss, TimeSpan elapsed)
    {
        double secondsPerEpoch = elapsed.TotalSeconds / (epoch + 1);
        string done = string.Create(CultureInfo.InvariantCulture, $"epoch {epoch + 1}");
        string of = string.Create(CultureInfo.InvariantCulture, $"/{epochs}");
        string lossNow = $"loss {NumPyFormat.General(loss, 6)}";
        string left = $"{Duration((epochs - epoch - 1) * secondsPerEpoch)} left";
        return
        [
            $"{done}{of}  {lossNow}  {Speed(secondsPerEpoch)}  {left}",
            $"{done}{of}  {lossNow}  {left}",
            $"{done}{of}  {left}",
            $"{done}  {left}",
        ];
    }

    /// <summary>Epochs per second, or seconds per epoch once an epoch takes longer than a second.</summary>
    internal static string Speed(double secondsPerEpoch) => secondsPerEpoch switch
    {
        <= 1 => string.Create(CultureInfo.InvariantCulture, $"{1 / secondsPerEpoch:N0} epoch{(1 / secondsPerEpoch < 1.5 ? "" : "s")}/s"),
        < 59.95 => string.Create(CultureInfo.InvariantCulture, $"{secondsPerEpoch:0.0} s per epoch"),
        _ => $"{Duration(secondsPerEpoch)} per epoch",
    };

    /// <summary>A duration to the second as a person reads it: <c>12 s</c>, <c>3 m 05 s</c>, <c>1 h 02 m</c>.</summary>
    internal static string Duration(double seconds)
    {
        // Whole seconds, then whole minutes past an hour; rounding first, so that 59.6 s reads 1 m 00 s, not 60 s.
        long total = seconds >= 0 ? (long)Math.Round(Math.Min(seconds, 1e15)) : 0;
        if (total < 60)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{total} s");
        }

        if (total < 3600)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{total / 60} m {total % 60:00} s");
        }

        long minutes = (total + 30) / 60;
        return string.Create(CultureInfo.InvariantCulture, $"{minutes / 60} h {minutes % 60:00} m");
    }
}
