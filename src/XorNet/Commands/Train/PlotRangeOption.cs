using System.CommandLine;
using XorNet.Plots;

namespace XorNet.Commands.Train;

/// <summary>The <c>--plot-range</c> option: the window of the pictures over the plane, <c>XMIN,XMAX,YMIN,YMAX</c>.</summary>
internal static class PlotRangeOption
{
    /// <summary>The option, whose parser reports a bad value as one line naming it and what it accepts.</summary>
    public static Option<PlotWindow> Option(string name, string accepted) => new(name)
    {
        Description = $"The part of the plane --plot-boundary, --plot-units and --animate show, instead of one fitted to the data: {accepted}",
        HelpName = "XMIN,XMAX,YMIN,YMAX",
        CustomParser = result =>
        {
            if (result.Tokens.Count == 0)
            {
                result.AddError($"{name} needs a value: {accepted}.");
                return null;
            }

            string text = result.Tokens[^1].Value;
            if (PlotWindow.Parse(text) is { } window)
            {
                return window;
            }

            result.AddError($"{name} does not accept '{text}': expected {accepted}.");
            return null;
        },
    };
}
