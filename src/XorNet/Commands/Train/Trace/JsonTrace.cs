using System.Text.Json.Serialization;
using XorNet.Network;

namespace XorNet.Commands.Train.Trace;

/// <summary>
/// One traced epoch in the <c>--format json</c> report: its number, its loss, and its arrays under their names in
/// print order, each an array of rows of unrounded numbers.
/// </summary>
/// <remarks>
/// A finite loss can come with arrays that overflowed (a pre-activation of ±inf saturates the sigmoid), which JSON has
/// no number for: such elements are written as the strings <c>"Infinity"</c>, <c>"-Infinity"</c> and <c>"NaN"</c>.
/// </remarks>
internal sealed record JsonTrace(
    int Epoch,
    double Loss,
    [property: JsonConverter(typeof(TraceArraysJsonConverter))] Dictionary<string, double[][]> Arrays)
{
    /// <summary>With mini-batches, the batch traced (from 1); absent without.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Batch { get; init; }

    /// <summary>With mini-batches, the batch's rows in the order taken; absent without.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<int>? Rows { get; init; }

    /// <summary>The JSON form of <paramref name="trace"/>.</summary>
    public static JsonTrace From(EpochTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        var arrays = new Dictionary<string, double[][]>(StringComparer.Ordinal);
        double loss = double.NaN;
        foreach (TracedValue value in trace.Values)
        {
            if (value.Array is { } array)
            {
                arrays[value.Name] = array.ToRows();
            }
            else
            {
                // The trace's one scalar.
                loss = value.Scalar;
            }
        }

        return new JsonTrace(trace.Epoch, loss, arrays) { Batch = trace.Batch?.Number, Rows = trace.Batch?.Rows };
    }
}
