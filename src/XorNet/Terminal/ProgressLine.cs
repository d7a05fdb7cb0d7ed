namespace XorNet.Terminal;

/// <summary>
/// A progress line over a <see cref="StatusLine"/>: shown once the work has run for a second, redrawn at most ten
/// times a second and erased at the end. What it says is its owner's (<see cref="ProgressDisplay"/> for a training
/// run, <see cref="SweepProgress"/> for a sweep); when it may be drawn is decided here alone.
/// </summary>
internal sealed class ProgressLine : IDisposable
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(0.1);

    private readonly StatusLine _line;
    private readonly TimeProvider _clock;
    private readonly long _start;
    private TimeSpan _lastDraw = TimeSpan.Zero;

    /// <summary>A line on <paramref name="line"/>, timed by <paramref name="clock"/> from now.</summary>
    public ProgressLine(StatusLine line, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(clock);
        _line = line;
        _clock = clock;
        _start = clock.GetTimestamp();
    }

    /// <summary>The time since the line was made.</summary>
    public TimeSpan Elapsed => _clock.GetElapsedTime(_start);

    /// <summary>
    /// Draws <paramref name="status"/> (its forms longest first, as <see cref="StatusLine.Show"/> takes them) if,
    /// <paramref name="elapsed"/> into the work, the line is due: past the first second and a tenth of a second after
    /// the last draw. Returns whether it drew.
    /// </summary>
    public bool ShowIfDue(TimeSpan elapsed, Func<string[]> status)
    {
        if (elapsed < Delay || elapsed - _lastDraw < Interval)
        {
            return false;
        }

        _lastDraw = elapsed;
        _line.Show(status);
        return true;
    }

    /// <summary>Erases the line, leaving the terminal as it was.</summary>
    public void Dispose() => _line.Clear();
}
