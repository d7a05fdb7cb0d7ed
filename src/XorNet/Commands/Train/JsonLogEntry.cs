using System.Text.Json.Serialization;
using XorNet.Network;

namespace XorNet.Commands.Train;

/// <summary>One entry of the JSON report's <c>log</c>: the epoch, its loss, and with <c>--validation</c> the validation loss.</summary>
/// <param name="Epoch">The epoch, counted from 0.</param>
/// <param name="Loss">The training loss, before that epoch's update.</param>
/// <param name="Validation">
/// The loss on the validation file with the same weights; absent without <c>--validation</c>. Rows that overflow the
/// network can make it NaN, written as the string <c>"NaN"</c> (JSON has no such number).
/// </param>
internal sealed record JsonLogEntry(
    int Epoch,
    double Loss,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [property: JsonNumberHandling(JsonNumberHandling.AllowNamedFloatingPointLiterals)]
    double? Validation)
{
    /// <summary>The entries of <paramref name="log"/>, each with its validation loss when <paramref name="validation"/> measured one.</summary>
    public static IReadOnlyList<JsonLogEntry> Of(IReadOnlyList<LogEntry> log, ValidationLosses? validation)
    {
        ArgumentNullException.ThrowIfNull(log);
        return [.. log.Select(entry => new JsonLogEntry(entry.Epoch, entry.Loss, validation?.At(entry.Epoch)))];
    }
}
