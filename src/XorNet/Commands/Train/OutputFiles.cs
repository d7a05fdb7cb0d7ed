using XorNet.Files;

namespace XorNet.Commands.Train;

/// <summary>
/// The files a training run writes when it ends (each null when not asked for), checked before the run starts, and the
/// window its pictures over the plane show when <c>--plot-range</c> chooses one.
/// </summary>
/// <param name="Model">Where <c>--save</c> writes the trained network.</param>
/// <param name="LossPlot">Where <c>--plot-loss</c> draws the loss curve.</param>
/// <param name="BoundaryPlot">Where <c>--plot-boundary</c> draws the decision surface.</param>
/// <param name="UnitsPlot">Where <c>--plot-units</c> draws each hidden unit's output over the plane.</param>
/// <param name="NetworkPlot">Where <c>--plot-network</c> draws the network's diagram.</param>
/// <param name="Animation">Where <c>--animate</c> draws the decision surface as training goes.</param>
public sealed record OutputFiles(
    OutputFile? Model, OutputFile? LossPlot, OutputFile? BoundaryPlot, OutputFile? UnitsPlot = null, OutputFile? NetworkPlot = null, OutputFile? Animation = null)
{
    /// <summary>The <c>--plot-range</c> window, or null to fit the window to the data.</summary>
    public Plots.PlotWindow? PlotRange { get; init; }

    /// <summary>Each requested file, in the order of the options.</summary>
    public IEnumerable<OutputFile> Requested => new[] { Model, LossPlot, BoundaryPlot, UnitsPlot, NetworkPlot, Animation }.OfType<OutputFile>();

    /// <summary>
    /// Checks every path given, its name and what it holds now included (see <see cref="OutputKinds.Check"/>), that no two name the same file, and that none is
    /// the data file (<paramref name="data"/>, read with <c>--data</c>), the validation file (<paramref name="validation"/>)
    /// or the file standard output goes to.
    /// </summary>
    /// <exception cref="FileOptionException">A path cannot be written, or names a file the run reads or prints to.</exception>
    public static OutputFiles Check(
        string? model, string? lossPlot, string? boundaryPlot, string? data = null, string? validation = null, string? unitsPlot = null,
        string? networkPlot = null, string? animation = null)
    {
        (OutputKind Kind, string Option, string? Path, string Example)[] asked =
        [
            (OutputKind.Model, "--save", model, "model.json"),
            (OutputKind.Picture, "--plot-loss", lossPlot, "loss.svg"),
            (OutputKind.Picture, "--plot-boundary", boundaryPlot, "boundary.svg"),
            (OutputKind.Picture, "--plot-units", unitsPlot, "units.svg"),
            (OutputKind.Picture, "--plot-network", networkPlot, "network.svg"),
            (OutputKind.Picture, "--animate", animation, "training.svg"),
        ];
        OutputFile?[] checkedFiles = [.. asked.Select(a => a.Path is null ? null : OutputFile.Check(a.Option, a.Path, a.Example))];
        var outputs = new OutputFiles(checkedFiles[0], checkedFiles[1], checkedFiles[2], checkedFiles[3], checkedFiles[4], checkedFiles[5]);
        OutputFile[] requested = [.. outputs.Requested];
        OutputFile.RequireDistinct(requested);
        OutputFile.RequireNotInput(requested, "--data", data);
        OutputFile.RequireNotInput(requested, ValidationFile.Option, validation);
        OutputFile.RequireNotStandardOutput(requested);

        // Last: that the run would replace the user's own data or transcript is the more useful thing to say.
        for (int i = 0; i < asked.Length; i++)
        {
            if (checkedFiles[i] is { } file)
            {
                OutputKinds.Require(file, asked[i].Kind, asked[i].Example);
            }
        }

        return outputs;
    }
}
