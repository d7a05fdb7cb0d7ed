using XorNet.CommandLine;

namespace XorNet.Commands.Sweep;

/// <summary>What <c>XorNet sweep summarize</c> is asked to do, read from its options.</summary>
/// <param name="Paths">The record files written by <c>sweep --out</c>.</param>
/// <param name="Format">How the summary is printed.</param>
/// <param name="PlotPath">The <c>--plot</c> SVG file, or null.</param>
internal sealed record SummarizeRequest(IReadOnlyList<string> Paths, OutputFormat Format, string? PlotPath);
