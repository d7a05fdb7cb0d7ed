using XorNet.Network;


namespace XorNet.Plots;

/// <summary>
/// The frames of an animation of training, gathered while it runs: the network's output over the plane at the epochs
/// <see cref="FrameEpochs.LogSpaced"/> chooses, each with its loss, and the trained network's as the last.
/// </summary>
/// <remarks>
/// A frame is a grid of <see cref="Cells"/>² outputs, taken through <see cref="Trainer.Train"/>'s before-epoch hook,
/// so frame t shows the weights after t updates (those epoch t starts from), whose loss is the one epoch t reports.
/// Memory is the frames' grids (about 60 · 60² doubles per output), whatever the number of epochs. A run that stops
/// early (<c>--target-loss</c>, Ctrl+C) has the frames it reached and its trained network last.
/// </remarks>
internal sealed class TrainingFrames
{
    /// <summary>How many frames a run long enough gets.</summary>
    public const int DefaultCount = 60;

    /// <summary>Cells along each side of a frame's grid: coarser than a still picture's, to keep many frames small.</summary>
    public const int Cells = 60;

    private readonly HashSet<int> _wanted;
    private readonly List<Frame> _frames = [];
    private readonly PlotWindow _window;

    /// <summary>Frames for a run of <paramref name="epochs"/> epochs over <paramref name="window"/>.</summary>
    public TrainingFrames(int epochs, PlotWindow window, int count = DefaultCount)
    {
        ArgumentNullException.ThrowIfNull(window);
        _window = window;
        Epochs = FrameEpochs.LogSpaced(epochs, count);
        _wanted = [.. Epochs];
    }

    /// <summary>The epochs chosen, 0 to the run's last, whether or not the run gets there.</summary>
    public IReadOnlyList<int> Epochs { get; }

    /// <summary>The frames taken so far, in epoch order; after <see cref="Finish"/>, ending with the trained network.</summary>
    public IReadOnlyList<Frame> Frames => _frames;

    /// <summary>The before-epoch hook: takes a frame of <paramref name="network"/> when <paramref name="epoch"/> is chosen.</summary>
    public void BeforeEpoch(int epoch, INetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        if (_wanted.Contains(epoch))
        {
            _frames.Add(new Frame(epoch, OutputGrid.Of(network, _window, Cells), double.NaN));
        }
    }

    /// <summary>The after-epoch hook: gives the frame of <paramref name="epoch"/>, if there is one, its <paramref name="loss"/>.</summary>
    public void AfterEpoch(int epoch, double loss)
    {
        if (_frames.Count > 0 && _frames[^1].Epoch == epoch)
        {
            _frames[^1] = _frames[^1] with { Loss = loss };
        }
    }

    /// <summary>
    /// Adds the trained <paramref name="network"/> after <paramref name="epochsRun"/> epochs, whose loss on the data is
    /// <paramref name="loss"/>, as the last frame: what <see cref="BoundaryPlot"/> draws for the same run.
    /// </summary>
    public void Finish(INetwork network, double loss, int epochsRun)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentOutOfRangeException.ThrowIfNegative(epochsRun);
        _frames.Add(new Frame(epochsRun, OutputGrid.Of(network, _window, Cells), loss));
    }

    /// <summary>One frame: the network after <paramref name="Epoch"/> updates, its outputs over the plane, and its loss.</summary>
    public sealed record Frame(int Epoch, OutputGrid Grid, double Loss);
}
