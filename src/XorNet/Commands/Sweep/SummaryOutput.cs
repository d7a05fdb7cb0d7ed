using XorNet.CommandLine;
using XorNet.Files;
using XorNet.Plots;
using XorNet.Sweeps;


namespace XorNet.Commands.Sweep;

/// <summary>The end of <c>sweep</c> and <c>sweep summarize</c>: the summary on standard output, and the picture when asked for.</summary>
internal static class SummaryOutput
{
    /// <summary>
    /// The <c>--plot</c> file, checked as every picture is (see <see cref="OutputKinds.Check"/>): a name ending in
    /// <c>.svg</c>, never written over a sweep's records or a model.
    /// </summary>
    /// <exception cref="FileOptionException">The path cannot be written, or names or holds another kind of file.</exception>
    public static OutputFile? PlotFile(string? path) => path is null ? null : OutputKinds.Check(OutputKind.Picture, "--plot", path, "sweep.svg");

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
            return ErrorLine.Fail(error, e.Message, ExitCodes.Failed);
        }
    }
}
