using System.Globalization;

namespace XorNet.Terminal;

/// <summary>
/// A sweep's progress on a terminal: runs done of the total, converged so far, runs per second and time left, on a
/// <see cref="ProgressLine"/> (which decides when it is drawn).
/// </summary>
internal sealed class SweepProgress : IDisposable
{
    private readonly ProgressLine _line;
    private readonly long _total;
    private readonly long _before;
    private long _done;
    private long _converged;

    /// <summary>
    /// A display on <paramref name="line"/> for <paramref name="total"/> runs, of which <paramref name="before"/> (with
    /// <paramref name="convergedBefore"/> converged) were recorded before this process started.
    /// </summary>
    public SweepProgress(StatusLine line, long total, long before, long convergedBefore, TimeProvider clock)
    {
        _line = new ProgressLine(line, clock);
        _total = total;
        _before = before;
        _done = before;
        _converged = convergedBefore;
    }

    /// <summary>Counts a finished run.</summary>
    public void Report(bool converged)
    {
        _done++;
        _converged += converged ? 1 : 0;
        TimeSpan elapsed = _line.Elapsed;

        // The counts as they are now, not as they are when the line comes back after other writes.
        long done = _done, convergedSoFar = _converged;
        _line.ShowIfDue(elapsed, () => Forms(done, _total, convergedSoFar, done - _before, elapsed));
    }

    /// <summary>Erases the line.</summary>
    public void Dispose() => _line.Dispose();

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
