using System.Diagnostics;

namespace XorNet.Tests;

/// <summary>What a piece of work allocates on the current thread once the runtime has settled.</summary>
internal static class Allocations
{
    private const int MinimumWindows = 20;
    private static readonly TimeSpan MinimumTime = TimeSpan.FromSeconds(3);

    /// <summary>
    /// The fewest bytes that any one window (one call of <paramref name="window"/>) allocated on this thread, over
    /// windows run until one allocates nothing, or else at least 20 windows and 3 seconds. The runtime allocates on
    /// the thread now and then on its own account (tiered compilation replacing a method after its first calls, a
    /// loop moved to optimised code), which lands in one window or a few, and on a loaded machine can come at any
    /// time; what the work itself allocates lands in every window, so the minimum is the work's.
    /// </summary>
    public static long PerWindow(Action window)
    {
        ArgumentNullException.ThrowIfNull(window);
        var clock = Stopwatch.StartNew();
        long fewest = long.MaxValue;
        for (int windows = 0; fewest > 0 && (windows < MinimumWindows || clock.Elapsed < MinimumTime); windows++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            window();
            fewest = Math.Min(fewest, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        return fewest;
    }
}
