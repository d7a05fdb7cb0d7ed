using XorNet.Data;


namespace XorNet.Network;

/// <summary>
/// The loss on a second table (<c>--validation</c>) at every logged epoch, measured with the weights the training
/// loss of that epoch is measured with: pass <see cref="BeforeEpoch"/> to <see cref="Trainer.Train"/>.
/// </summary>
/// <remarks>
/// The validation rows run through a copy of the network, so the network being trained keeps its workspace (sized
/// for the training rows) and the output of its own last forward pass, which the run reports. The copy's weights are
/// refreshed at each logged epoch; between them nothing is done, so an epoch that is not logged costs nothing.
/// </remarks>
public sealed class ValidationLosses
{
    private readonly List<LogEntry> _entries = [];
    private INetwork? _copy;

    /// <summary>Losses on <paramref name="data"/> at every epoch divisible by <paramref name="logEvery"/>.</summary>
    public ValidationLosses(Dataset data, int logEvery)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfLessThan(logEvery, 1);
        Data = data;
        LogEvery = logEvery;
    }

    /// <summary>The validation table.</summary>
    public Dataset Data { get; }

    /// <summary>The logging interval: the loss is measured at every epoch divisible by it.</summary>
    public int LogEvery { get; }

    /// <summary>The measured epochs and their validation losses, in order.</summary>
    public IReadOnlyList<LogEntry> Entries => _entries;

    /// <summary>
    /// The hook for <see cref="Trainer.Train"/>'s <c>beforeEpoch</c>: at a logged <paramref name="epoch"/>, the loss
    /// of <paramref name="network"/> as it is before that epoch's update, with its own loss function.
    /// </summary>
    public void BeforeEpoch(int epoch, INetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        if (epoch % LogEvery != 0)
        {
            return;
        }

        _entries.Add(new LogEntry(epoch, Measure(network)));
    }

    /// <summary>The validation loss measured at <paramref name="epoch"/>, or null when it was not measured.</summary>
    public double? At(int epoch)
    {
        // Entries come in epoch order and the one asked for is almost always the last.
        for (int i = _entries.Count - 1; i >= 0 && _entries[i].Epoch >= epoch; i--)
        {
            if (_entries[i].Epoch == epoch)
            {
                return _entries[i].Loss;
            }
        }

        return null;
    }

    private double Measure(INetwork network)
    {
        if (_copy is null || !_copy.Architecture.Equals(network.Architecture))
        {
            _copy = Networks.FromParameters(
                network.Architecture, [.. network.Weights.Select(w => w.Clone())], [.. network.Biases.Select(b => b.Clone())]);
        }
        else
        {
            for (int l = 0; l < network.Weights.Count; l++)
            {
                network.Weights[l].AsSpan().CopyTo(_copy.Weights[l].AsSpan());
                network.Biases[l].AsSpan().CopyTo(_copy.Biases[l].AsSpan());
            }
        }

        return _copy.Loss(Data.X, Data.Y);
    }
}
