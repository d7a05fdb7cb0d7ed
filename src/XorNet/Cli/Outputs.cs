using XorNet.Plots;

namespace XorNet.Cli;

/// <summary>The files a training run writes when it ends (each null when not asked for).</summary>
/// <param name="Model">Where <c>--save</c> writes the trained network.</param>
/// <param name="LossPlot">Where <c>--plot-loss</c> draws the loss curve.</param>
/// <param name="BoundaryPlot">Where <c>--plot-boundary</c> draws the decision surface.</param>
public sealed record Outputs(string? Model, string? LossPlot, string? BoundaryPlot)
{
    /// <summary>Each requested file with the option that asked for it.</summary>
    public IEnumerable<(string Option, string Path)> Requested =>
        new[] { ("--save", Model), ("--plot-loss", LossPlot), ("--plot-boundary", BoundaryPlot) }
            .Where(o => o.Item2 is not null)
            .Select(o => (o.Item1, o.Item2!));
}
