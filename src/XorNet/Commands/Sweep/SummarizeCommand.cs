using XorNet.CommandLine;
using XorNet.Files;
using XorNet.Sweeps;
using XorNet.Text;


namespace XorNet.Commands.Sweep;

/// <summary>
/// <c>XorNet sweep summarize FILE…</c>: the summary of the runs recorded in one or more files, for instance one per
/// shard, equal to that of the sweep that would have run them all. A run recorded twice with the same result counts
/// once; with different results, the files are refused.
/// </summary>
internal static class SummarizeCommand
{
    /// <summary>Summarises the request's record files; returns the exit code.</summary>
    /// <exception cref="FileOptionException">A file is missing or unreadable.</exception>
    /// <exception cref="FormatException">A file holds a line that is not a record, or two files disagree about a run.</exception>
    public static int Run(SummarizeRequest request, CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        (IReadOnlyList<string> paths, OutputFormat format, string? plotPath) = request;
        (TextWriter output, TextWriter error) = (context.Output, context.Error);
        OutputFile? plot = SummaryOutput.PlotFile(plotPath);
        if (plot is not null)
        {
            foreach (string path in paths)
            {
                OutputFile.RequireNotInput([plot], "summarize", path);
            }
        }

        // Every file is read and checked before anything is said about any of them: a mistake is one line.
        var files = new List<(string Path, RecordFile File)>(paths.Count);
        foreach (string path in paths)
        {
            InputFile.Check("summarize", path, "runs.csv", acceptsStandardInput: false);
            if (RecordFormat.FromPath(path) is null)
            {
                throw new FormatException($"{path} is not a record file: summarize reads the .csv or .jsonl files 'sweep --out' writes.");
            }

            files.Add((path, RecordFile.Read(path, path)));
        }

        var seen = new Dictionary<(uint, SweepSetting), (RunOutcome Outcome, string Where)>();
        var summary = new SummaryBuilder();
        var fullRuns = new Dictionary<SweepSetting, (int Epochs, string Where)>();
        foreach ((string path, RecordFile file) in files)
        {
            for (int i = 0; i < file.Records.Count; i++)
            {
                RunRecord record = file.Records[i];
                string where = $"{path} record {i + 1}";
                if (seen.TryGetValue(record.Key, out (RunOutcome Outcome, string Where) earlier))
                {
                    if (!earlier.Outcome.SameAs(record.Outcome))
                    {
                        throw new FormatException(
                            $"{where} and {earlier.Where} hold the same run (seed {record.Seed}, {record.Setting.SizesColumn} {record.Setting.Sizes}) with different results; were they made with other --epochs, data or versions?");
                    }

                    continue;
                }

                // Runs of one setting that did not converge ran every epoch: a different count is another --epochs.
                if (!record.Outcome.Converged && double.IsFinite(record.Outcome.FinalLoss))
                {
                    if (fullRuns.TryGetValue(record.Setting, out (int Epochs, string Where) other) && other.Epochs != record.Outcome.EpochsRun)
                    {
                        throw new FormatException(
                            $"{where} ran {Words.Count(record.Outcome.EpochsRun, "epoch")} without converging, {other.Where} of the same setting {other.Epochs}: they come from sweeps with different --epochs, which one summary cannot mix.");
                    }

                    fullRuns.TryAdd(record.Setting, (record.Outcome.EpochsRun, where));
                }

                seen.Add(record.Key, (record.Outcome, where));
                summary.Add(record);
            }
        }

        foreach ((string path, RecordFile file) in files.Where(f => f.File.TornLine))
        {
            ErrorLine.Write(error, $"the last line of {path} was cut off and is left out.");
        }

        return SummaryOutput.Print(summary.Summarize(), format, plot, output, error) ?? ExitCodes.Success;
    }
}
