using System.Globalization;

namespace XorNet.Commands.Train.Trace;

/// <summary>
/// Memory ran out computing an epoch's <c>--trace</c>: unlike training, which streams the rows in blocks, the trace
/// holds each of the epoch's arrays whole, so it can need far more memory than the run itself.
/// </summary>
internal sealed class TraceOutOfMemoryException : Exception
{
    /// <summary>Reports that tracing <paramref name="epoch"/> ran out of memory.</summary>
    public TraceOutOfMemoryException(int epoch, OutOfMemoryException inner)
        : base(string.Create(
            CultureInfo.InvariantCulture,
            $"out of memory computing the --trace of epoch {epoch}: the trace holds each of the epoch's arrays whole, rows × layer width numbers each, while training streams the rows in blocks; trace less data, or leave out --trace."),
            inner)
    {
    }
}
