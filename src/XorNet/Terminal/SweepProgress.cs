using System.Globalization;

namespace XorNet.Terminal;

/// <summary>
/// A sweep's progress line on a terminal: runs done of the total, converged so far, runs per second and time left;
/// shown after a second, redrawn at most ten times a second, erased at the end.
/// </summary>
internal sealed class SweepProgress : IDisposable
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(0.1);

    private readonly StatusLine _line;
    private readonly long _total;
    private readonly long _before;
    private readonly TimeProvider _clock;
    private readonly long _start;
    private TimeSpan _lastDraw;
    private long _done;
    private long _converged;

    /// <summary>
    /// A display on <paramref name="line"/> for <paramref name="total"/> runs, of which <paramref name="before"/> (with
    /// <paramref name="convergedBefore"/> converged) were recorded before this process started.
    /// </summary>
    public SweepProgress(StatusLine line, long total, long before, long convergedBefore, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(clock);
        _line = line;
        _total = total;
        _before = before;
        _done = before;
        _converged = convergedBefore;
        _clock = clock;
        _start = clock.GetTimestamp();
    }

    /// <summary>Counts a finished run.</summary>
    public void Report(bool converged)
    {
        _done++;
        _converged += converged ? 1 : 0;
        TimeSpan elapsed = _clock.GetElapsedTime(_start);
        if (elapsed < Delay || elapsed - _lastDraw < Interval)
        {
            return;
        }

        _lastDraw = elapsed;
        long done = _done, convergedSoFar = _converged;
        _line.Show(() => Forms(done, _total, convergedSoFar, done - _before, elapsed));
    }

    /// <summary>Erases the line.</summary>
    public void Dispose() => _line.Clear();

    /// <summary>The line, longest form first: with the share converged and the speed, then without them.</summary>
    internal static string[] Forms(long done, long total, long converged, long doneHere, TimeSpan elapsed)
    {
        double perSecond = doneHere / Math.Max(elapsed.TotalSeconds, 1e-9);
        string runs = string.Create(CultureInfo.InvariantCulture, $"run {done}/{total}");
        string convergedText = string.Create(CultureInfo.InvariantCulture, $"{converged} converged ({100.0 * converged / Math.Max(done, 1):0.0}%)");
        string speed = string.Create(CultureInfo.InvariantCulture, $"{perSecond:N0} runs/s");
        string left = perSecond > 0 ? $"{ProgressDisplay.Duration((total - done) / perSecond)} left" : "";
        return
        [
            $"{runs}  {convergedText}  {speed}  {left}".TrimEnd(),
            $"{runs}  {convergedText}  {left}".TrimEnd(),
            $"{runs}  {left}".TrimEnd(),
        ];
    }
}
