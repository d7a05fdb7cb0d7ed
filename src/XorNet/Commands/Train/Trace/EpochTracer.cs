using XorNet.Data;
using XorNet.Network;


namespace XorNet.Commands.Train.Trace;

/// <summary>
/// Traces the listed epochs of a run (<c>--trace</c>): before a listed epoch, through the trainer's before-epoch
/// hook, it computes the epoch's arrays from the network's weights as they are then; once the epoch is over (at the
/// next epoch's start, or when training ends) it hands the trace on, so that it comes after the epoch's log line.
/// </summary>
/// <remarks>Runs without <c>--trace</c> have no tracer, and the trainer's hook stays empty.</remarks>
internal sealed class EpochTracer
{
    private readonly IReadOnlySet<int> _epochs;
    private readonly Dataset _data;
    private readonly Action<EpochTrace> _write;
    private EpochTrace? _pending;

    /// <summary>A tracer of <paramref name="epochs"/> of training on <paramref name="data"/>, giving each trace to <paramref name="write"/>.</summary>
    public EpochTracer(IReadOnlySet<int> epochs, Dataset data, Action<EpochTrace> write)
    {
        ArgumentNullException.ThrowIfNull(epochs);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(write);
        _epochs = epochs;
        _data = data;
        _write = write;
    }

    /// <summary>The trainer's before-epoch hook: the previous epoch is over; trace this one if it is listed.</summary>
    /// <exception cref="TraceOutOfMemoryException">The epoch's arrays do not fit in memory.</exception>
    public void BeforeEpoch(int epoch, INetwork network)
    {
        Flush();
        if (_epochs.Contains(epoch))
        {
            try
            {
                _pending = EpochTrace.Of(epoch, network, _data.X, _data.Y);
            }
            catch (OutOfMemoryException e)
            {
                throw new TraceOutOfMemoryException(epoch, e);
            }
        }
    }

    /// <summary>Hands on the trace of the last epoch run, if it was listed (call when training has ended, or failed).</summary>
    public void Flush()
    {
        if (_pending is { } trace)
        {
            _pending = null;
            _write(trace);
        }
    }
}
