using XorNet.Data;
using XorNet.Network;


using XorNet.NumPy;

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
    private readonly int? _batchSize;
    private readonly List<EpochTrace> _pending = [];

    /// <summary>A tracer of <paramref name="epochs"/> of training on <paramref name="data"/>, giving each trace to <paramref name="write"/>.</summary>
    /// <param name="epochs">The epochs to trace.</param>
    /// <param name="data">The training table.</param>
    /// <param name="write">Given each trace once its epoch is over.</param>
    /// <param name="batchSize">With mini-batches, their size: each batch of a listed epoch is traced instead of the epoch.</param>
    public EpochTracer(IReadOnlySet<int> epochs, Dataset data, Action<EpochTrace> write, int? batchSize = null)
    {
        ArgumentNullException.ThrowIfNull(epochs);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(write);
        _epochs = epochs;
        _data = data;
        _write = write;
        _batchSize = batchSize;
    }

    /// <summary>The trainer's before-epoch hook: the previous epoch is over; trace this one if it is listed.</summary>
    /// <exception cref="TraceOutOfMemoryException">The epoch's arrays do not fit in memory.</exception>
    public void BeforeEpoch(int epoch, INetwork network)
    {
        Flush();
        if (_batchSize is null && _epochs.Contains(epoch))
        {
            Trace(epoch, network, _data.X, _data.Y, null);
        }
    }

    /// <summary>The trainer's before-batch hook (mini-batches): trace the batch if its epoch is listed.</summary>
    /// <exception cref="TraceOutOfMemoryException">The batch's arrays do not fit in memory.</exception>
    public void BeforeBatch(int epoch, int batch, ReadOnlyMemory<int> rows, Matrix x, Matrix y, INetwork network)
    {
        if (_batchSize is { } size && _epochs.Contains(epoch))
        {
            int count = ((_data.Rows - 1) / Math.Min(size, _data.Rows)) + 1;
            Trace(epoch, network, x, y, (batch + 1, count, rows.ToArray()));
        }
    }

    private void Trace(int epoch, INetwork network, Matrix x, Matrix y, (int, int, IReadOnlyList<int>)? batch)
    {
        try
        {
            _pending.Add(EpochTrace.Of(epoch, network, x, y) with { Batch = batch });
        }
        catch (OutOfMemoryException e)
        {
            throw new TraceOutOfMemoryException(epoch, e);
        }
    }

    /// <summary>Hands on the trace of the last epoch run, if it was listed (call when training has ended, or failed).</summary>
    public void Flush()
    {
        foreach (EpochTrace trace in _pending)
        {
            _write(trace);
        }

        _pending.Clear();
    }
}
