using XorNet.CommandLine;

namespace XorNet.Commands.Inspect;

/// <summary>What <c>XorNet inspect</c> is asked to do, read from its options.</summary>
/// <param name="ModelPath">The model file written by <c>--save</c>.</param>
/// <param name="Format">How the explanation is printed.</param>
internal sealed record InspectRequest(string ModelPath, OutputFormat Format);
