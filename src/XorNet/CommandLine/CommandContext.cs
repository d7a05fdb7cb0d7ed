namespace XorNet.CommandLine;

/// <summary>What every command runs with besides its request: the process's streams and its Ctrl+C.</summary>
/// <param name="Output">Where results go (standard output).</param>
/// <param name="Error">Where messages go (standard error).</param>
/// <param name="Input">Standard input, read for <c>--data -</c> and by <c>predict</c> without rows.</param>
/// <param name="ShowProgress">Whether <paramref name="Error"/> is a terminal that should show a progress line.</param>
/// <param name="Cancellation">Cancelled by Ctrl+C: training stops after its current epoch, a sweep starts no new run.</param>
internal sealed record CommandContext(TextWriter Output, TextWriter Error, TextReader Input, bool ShowProgress, CancellationToken Cancellation);
