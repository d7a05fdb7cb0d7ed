using System.Globalization;
using XorNet.Data;
using XorNet.Network;
using XorNet.NumPy;
using XorNet.Text;

namespace XorNet.CommandLine;

/// <summary>What a training run says about memory, divergence and the gradient check (without the "XorNet: " prefix).</summary>
internal static class TrainingMessages
{
    /// <summary>
    /// Why the network cannot be trained at all, or null when it can: it needs more memory than is available, or
    /// arrays larger than .NET allows. Either way the message gives the memory training would need.
    /// </summary>
    public static string? TooLarge(Dataset data, TrainingSettings settings, long availableBytes)
    {
        Architecture architecture = settings.ArchitectureFor(data);
        long needed = TrainingMemory.Bytes(architecture, data.Rows);
        string option = HiddenSizesOption(settings);
        if (needed > availableBytes)
        {
            return Invariant(
                $"{option} needs about {Size(needed)} to train on {Words.Count(data.Rows, "row")}, more than the {Size(availableBytes)} available; choose {Smaller(settings)}.");
        }

        if (TrainingMemory.TooLargeLayer(architecture) is { } layer)
        {
            if (architecture.IsNotebook && settings.ExplicitHiddenSizes is null)
            {
                return Invariant(
                    $"{option} needs about {Size(needed)} to train, in arrays larger than a .NET program can have; with {Words.Count(data.Inputs, "input")} the largest hidden size is {TwoLayerNetwork.MaxHidden(data.Inputs)}.");
            }

            return Invariant(
                $"{option} needs about {Size(needed)} to train, in arrays larger than a .NET program can have: layer {layer} alone has {architecture.Sizes[layer - 1]} × {architecture.Sizes[layer]} weights; choose {Smaller(settings)}.");
        }

        return null;
    }

    /// <summary>Memory ran out while training: what the network was estimated to need, and on how much data.</summary>
    public static string OutOfMemory(Dataset data, TrainingSettings settings) => Invariant(
        $"out of memory: training with {HiddenSizesOption(settings)} on {Words.Count(data.Rows, "row")} of {data.Name} needs about {Size(TrainingMemory.Bytes(settings.ArchitectureFor(data), data.Rows))} besides the data itself; close other programs, or choose {Smaller(settings)} or less data.");

    /// <summary>Memory ran out outside training: reading the data or model, or building the results.</summary>
    public const string OutOfMemoryOutsideTraining =
        "out of memory reading the input or writing the results: they are larger than the memory available (the hidden size was not the cause).";

    /// <summary>
    /// Why the loss stopped being finite. At epoch 0 no update has happened, so the learning rate is not to blame:
    /// the inputs are large enough to overflow the network's sums. Later, the updates themselves overshot.
    /// </summary>
    public static string Diverged(TrainingDivergedException diverged, Dataset data, TrainingSettings settings)
    {
        if (diverged.Epoch == 0)
        {
            double largest = 0;
            foreach (double x in data.X.AsSpan())
            {
                largest = Math.Max(largest, Math.Abs(x));
            }

            return $"the loss is not finite at epoch 0, before any update: the data's inputs (up to {NumPyFormat.Repr(largest)} in absolute value) overflow the network; rescale them, for example to between -1 and 1.";
        }

        return Invariant(
            $"training diverged: the loss became {NumPyFormat.Repr(diverged.Loss)} at epoch {diverged.Epoch}; try a smaller --learning-rate than {NumPyFormat.Repr(settings.LearningRate)}.");
    }

    /// <summary>
    /// The warning for a run that ended with hidden layer <paramref name="layer"/> saturated (see
    /// <see cref="Saturation"/>): what happened, and the likely cause, the learning rate when the loss moved before it
    /// stopped, the inputs' scale when it never moved.
    /// </summary>
    public static string Saturated(int layer, TrainingSettings settings, bool lossEverMoved)
    {
        ArgumentNullException.ThrowIfNull(settings);
        string bounds = settings.Activation switch
        {
            Activation.Sigmoid => "0 or 1",
            Activation.Tanh => "-1 or 1",
            _ => "0",
        };
        string cause = lossEverMoved
            ? $"the learning rate ({NumPyFormat.Repr(settings.LearningRate)}) is the likely cause; try a smaller --lr."
            : settings.Initialization == Initialization.Zeros
                ? "it was so from the first epoch: --init zeros starts every unit at the same output; draw the weights instead (--init normal, xavier or he)."
                : "it was so from the first epoch, so the inputs' scale is the likely cause; rescale them, for example to between -1 and 1.";
        return Invariant(
            $"warning: the units have saturated: every unit of layer {layer} outputs {bounds} (within {NumPyFormat.Repr(Saturation.Tolerance)}) on every training row, so the network's output no longer depends on its inputs and training stopped learning; {cause}");
    }

    /// <summary>The gradient check's line on stderr: per parameter, the largest error as a share of its tolerance.</summary>
    public static string GradientCheckLine(GradientErrors errors) =>
        $"Gradient check, largest error / tolerance (passes at most 1): {string.Join(", ", errors.Named.Select(p => $"{p.Name} {Short(p.Ratio)}"))}";

    /// <summary>The failure line of the gradient check.</summary>
    public static string GradientCheckFailed() =>
        $"backpropagation disagrees with finite differences: |analytic - numeric| exceeds {NumPyFormat.Repr(GradientCheck.AbsoluteTolerance)} + {NumPyFormat.Repr(GradientCheck.RelativeTolerance)}·|numeric|.";

    /// <summary>
    /// The hidden sizes of <paramref name="settings"/> as messages name them: <c>--layers 8,4</c>, <c>--hidden 4</c>,
    /// or the layers of the <c>--init-from</c> model.
    /// </summary>
    public static string HiddenSizesOption(TrainingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        string sizes = HiddenSizesText.Of(settings.HiddenSizes);
        return settings.InitialNetwork is not null
            ? $"the --init-from model's layers {sizes}"
            : settings.ExplicitHiddenSizes is null ? $"--hidden {sizes}" : $"--layers {sizes}";
    }

    private static string Smaller(TrainingSettings settings) => settings.ExplicitHiddenSizes is null ? "a smaller hidden size" : "smaller or fewer layers";

    // Two significant digits are plenty to compare with 1; printed as Python prints the rounded number.
    private static string Short(double ratio) =>
        NumPyFormat.Repr(double.IsFinite(ratio) ? double.Parse(ratio.ToString("G2", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : ratio);

    // Estimates to one decimal, in GiB from 1 GiB up and MiB below: a figure to compare with the machine's memory,
    // not a measurement.
    internal static string Size(long bytes) => bytes >= 1L << 30
        ? Invariant($"{(bytes / (double)(1L << 30)).ToString("0.#", CultureInfo.InvariantCulture)} GiB")
        : Invariant($"{(bytes / (double)(1L << 20)).ToString("0.#", CultureInfo.InvariantCulture)} MiB");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
