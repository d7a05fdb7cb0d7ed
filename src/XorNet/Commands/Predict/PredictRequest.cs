using XorNet.CommandLine;

namespace XorNet.Commands.Predict;

/// <summary>What <c>XorNet predict</c> is asked to do, read from its options.</summary>
/// <param name="ModelPath">The model file written by <c>--save</c>.</param>
/// <param name="Rows">The rows typed on the command line, each a comma-separated list of inputs; empty when none.</param>
/// <param name="DataPath">The CSV file whose rows are run (<c>-</c> for standard input), or null.</param>
/// <param name="Format">How the outputs are printed.</param>
internal sealed record PredictRequest(string ModelPath, IReadOnlyList<string> Rows, string? DataPath, OutputFormat Format);
