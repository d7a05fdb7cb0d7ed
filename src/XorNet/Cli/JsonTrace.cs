using XorNet.Network;

namespace XorNet.Cli;

/// <summary>
/// One traced epoch in the <c>--format json</c> report: its number, its loss, and its arrays under their names in
/// print order, each an array of rows of unrounded numbers.
/// </summary>
internal sealed record JsonTrace(int Epoch, double Loss, Dictionary<string, double[][]> Arrays)
{
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
                loss = value.Scalar;
            }
        }

        return new JsonTrace(trace.Epoch, loss, arrays);
    }
}
