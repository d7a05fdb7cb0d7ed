using XorNet.Files;
using XorNet.Plots;
using XorNet.Sweeps;

namespace XorNet.Cli;

/// <summary>The end of <c>sweep</c> and <c>sweep summarize</c>: the summary on standard output, and the picture when asked for.</summary>
internal static class SummaryOutput
{
    /// <summary>Prints <paramref name="summaries"/> and draws them in <paramref name="plot"/>; returns null, or the exit code of a failed write.</summary>
    public static int? Print(IReadOnlyList<SettingSummary> summaries, OutputFormat format, OutputFile? plot, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        output.Write(format == OutputFormat.Json ? SweepSummaryJson.Render(summaries) : SweepSummaryText.Render(summaries));
        output.Flush();
        if (plot is null)
        {
            return null;
        }

        try
        {
            plot.WriteAllText(SweepPlot.Render(summaries));
            return null;
        }
        catch (FileOptionException e)
        {
            error.WriteLine($"{Program.Name}: {e.Message}");
            return ExitCodes.Failed;
        }
    }
}
