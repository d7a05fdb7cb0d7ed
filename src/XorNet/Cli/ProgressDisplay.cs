using System.Diagnostics;
using System.Globalization;
using XorNet.NumPy;

namespace XorNet.Cli;

/// <summary>
/// A one-line progress display for a terminal: epoch, loss, epochs per second and time left, shown once training
/// has run for a second, redrawn at most ten times a second and erased when training ends.
/// </summary>
public sealed class ProgressDisplay : IDisposable
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(0.1);

    private readonly TextWriter _terminal;
    private readonly int _epochs;
    private readonly long _start = Stopwatch.GetTimestamp();
    private TimeSpan _lastDraw = TimeSpan.Zero;
    private int _stride = 1;
    private int _countdown = 1;
    private int _width;

    /// <summary>A display on <paramref name="terminal"/> (standard error) for a run of <paramref name="epochs"/> epochs.</summary>
    public ProgressDisplay(TextWriter terminal, int epochs)
    {
        ArgumentNullException.ThrowIfNull(terminal);
        _terminal = terminal;
        _epochs = epochs;
    }

    /// <summary>Called after every epoch; looks at the clock only every so many epochs, so it costs next to nothing.</summary>
    public void Report(int epoch, double loss)
    {
        if (--_countdown > 0)
        {
            return;
        }

        TimeSpan elapsed = Stopwatch.GetElapsedTime(_start);

        // Aim to look at the clock about a hundred times a second whatever an epoch costs.
        _stride = elapsed > TimeSpan.Zero ? Math.Clamp((int)((epoch + 1) / elapsed.TotalSeconds / 100), 1, 1 << 20) : 1;
        _countdown = _stride;
        if (elapsed < Delay || elapsed - _lastDraw < Interval)
        {
            return;
        }

        _lastDraw = elapsed;
        double rate = (epoch + 1) / elapsed.TotalSeconds;
        double left = (_epochs - epoch - 1) / rate;
        string line = string.Create(
            CultureInfo.InvariantCulture,
            $"epoch {epoch + 1}/{_epochs}  loss {NumPyFormat.Fixed(loss, 6)}  {rate:N0} epochs/s  {left:0.0} s left");
        _terminal.Write('\r' + line.PadRight(_width));
        _terminal.Flush();
        _width = line.Length;
    }

    /// <summary>Erases the line, leaving the terminal as it was.</summary>
    public void Dispose()
    {
        if (_width > 0)
        {
            _terminal.Write('\r' + new string(' ', _width) + '\r');
            _terminal.Flush();
            _width = 0;
        }
    }
}
