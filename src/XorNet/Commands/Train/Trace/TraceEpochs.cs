using System.CommandLine;
using System.Globalization;
using XorNet.CommandLine;
using XorNet.Data;
using XorNet.Network;
using XorNet.Text;

namespace XorNet.Commands.Train.Trace;

/// <summary>
/// The <c>--trace</c> option: the epochs whose arrays are printed, such as <c>0,1,9999</c>. Repeated or unsorted
/// epochs are accepted and each printed once, in epoch order.
/// </summary>
internal static class TraceEpochs
{
    /// <summary>What the option accepts, as its messages say it.</summary>
    public const string Accepted = "epochs separated by commas, each a whole number from 0 to the last epoch (--epochs less one), such as 0,1,9999";

    /// <summary>The option; its value is the epochs as given.</summary>
    public static Option<int[]> Option(string name, string accepted) => NumberList.Option(
        name,
        "At the end of each listed epoch print every array of its forward and backward pass, before the update, as NumPy prints them (--format json: a trace array); epochs that --target-loss or Ctrl+C stops before are not printed",
        "n,n,…",
        accepted,
        minimum: 0);

    /// <summary>The epochs to trace: each once, ascending.</summary>
    public static SortedSet<int> Of(IEnumerable<int> epochs) => [.. epochs];

    /// <summary>
    /// Why an epoch of <paramref name="architecture"/> on <paramref name="data"/> cannot be traced, or null when it
    /// can: the trace holds each array whole (rows × layer width numbers), where training streams the rows in blocks,
    /// so the widest layer times the rows must fit in one .NET array.
    /// </summary>
    public static string? TooLarge(Dataset data, Architecture architecture)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(architecture);
        int widest = architecture.Sizes.Max();
        return (long)data.Rows * widest <= Array.MaxLength
            ? null
            : string.Create(
                CultureInfo.InvariantCulture,
                $"--trace holds each of an epoch's arrays whole, and {Words.Count(data.Rows, "row")} × {Words.Count(widest, "unit")} is more numbers than an array can hold ({Array.MaxLength}); trace less data or narrower layers.");
    }

    /// <summary>
    /// Why <paramref name="epochs"/> cannot be traced in a run of <paramref name="runEpochs"/> epochs (the first
    /// one outside 0 … <paramref name="runEpochs"/> − 1), or null when every one can.
    /// </summary>
    public static string? OutOfRange(string name, IEnumerable<int> epochs, int runEpochs)
    {
        ArgumentNullException.ThrowIfNull(epochs);
        int outside = epochs.FirstOrDefault(epoch => epoch >= runEpochs, -1);
        if (outside < 0)
        {
            return null;
        }

        string runs = runEpochs switch
        {
            0 => "runs no epoch",
            1 => "runs only epoch 0",
            _ => string.Create(CultureInfo.InvariantCulture, $"runs epochs 0 to {runEpochs - 1}"),
        };
        return string.Create(CultureInfo.InvariantCulture, $"{name} {outside} is not an epoch of this run: --epochs {runEpochs} {runs}.");
    }
}
