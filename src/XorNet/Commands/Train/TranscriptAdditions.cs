using XorNet.Data;


namespace XorNet.Commands.Train;

/// <summary>What a training run's transcript shows besides the training loss: the reports asked for by option.</summary>
/// <param name="Validation">The <c>--validation</c> table, whose loss is logged beside the training loss; null without it.</param>
/// <param name="Metrics">Whether the transcript ends with the epochs run, the final loss and the accuracy (<c>--metrics</c>).</param>
/// <param name="Trace">The epochs whose arrays are printed (<c>--trace</c>); null without it.</param>
/// <param name="Explain">Whether the transcript ends with what each unit computes (<c>--explain</c>).</param>
internal sealed record TranscriptAdditions(Dataset? Validation = null, bool Metrics = false, IReadOnlySet<int>? Trace = null, bool Explain = false);
