using XorNet.CommandLine;
using XorNet.Files;
using XorNet.Plots;
using XorNet.Sweeps;


namespace XorNet.Commands.Sweep;

/// <summary>The end of <c>sweep</c> and <c>sweep summarize</c>: the summary on standard output, and the picture when asked for.</summary>
internal static class SummaryOutput
{
    /// <summary>
    /// The <c>--plot</c> file, checked as every output file is, and refused when its name is a record file's
    /// (<c>.csv</c>, <c>.jsonl</c>): a picture written over one would lose a sweep's results.
    /// </summary>
    /// <exception cref="FileOptionException">The path cannot be written, or names a record file.</exception>
    public static OutputFile? PlotFile(string? path)
    {
        if (path is null)
        {
            return null;
        }

        OutputFile plot = OutputFile.Check("--plot", path, "sweep.svg");
        return RecordFormat.FromPath(path) is null
            ? plot
            : throw new FileOptionException($"--plot {path}: names a record file; --plot draws SVG, to a name such as sweep.svg.");
    }

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
