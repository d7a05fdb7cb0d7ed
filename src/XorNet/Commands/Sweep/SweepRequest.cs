using XorNet.CommandLine;
using XorNet.Files;
using XorNet.Sweeps;

namespace XorNet.Commands.Sweep;

/// <summary>What <c>XorNet sweep</c> is asked to do, read and checked from its options.</summary>
/// <param name="Grid">The runs the value lists make, in run order.</param>
/// <param name="Records">The <c>--out</c> file a line per run goes to, checked; none when not given.</param>
/// <param name="Plot">The <c>--plot</c> SVG file, checked; none when not given.</param>
/// <param name="Data">What the runs learn: one table, or each run's generated set.</param>
/// <param name="Training">How long each run trains and when it counts as converged.</param>
/// <param name="Jobs">The most runs trained at once.</param>
/// <param name="Shard">Shard K of N to run (<c>--shard K/N</c>), or (0, 0) for every run.</param>
/// <param name="Resume">Whether to continue the sweep already recorded in <see cref="Records"/>.</param>
/// <param name="Format">How the summary is printed.</param>
internal sealed record SweepRequest(
    SweepGrid Grid,
    OutputFile? Records,
    OutputFile? Plot,
    SweepData Data,
    SweepTraining Training,
    int Jobs,
    (int Shard, int Shards) Shard,
    bool Resume,
    OutputFormat Format);
