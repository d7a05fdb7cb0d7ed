using System.Globalization;

namespace XorNet.Network.Optimizers;

/// <summary>An update rule and its settings (<c>--optimizer</c>, <c>--momentum</c>, <c>--betas</c>, <c>--weight-decay</c>).</summary>
/// <param name="Kind">The rule.</param>
/// <param name="Momentum">The momentum <c>mu</c> (momentum and nesterov only).</param>
/// <param name="Beta1">Adam's decay of the first moment.</param>
/// <param name="Beta2">Adam's decay of the second moment.</param>
/// <param name="WeightDecay">Added to the weights' gradients times the weights (not the biases'); 0 for none.</param>
public sealed record OptimizerSettings(
    OptimizerKind Kind = OptimizerKind.Sgd,
    double Momentum = OptimizerSettings.DefaultMomentum,
    double Beta1 = OptimizerSettings.DefaultBeta1,
    double Beta2 = OptimizerSettings.DefaultBeta2,
    double WeightDecay = 0)
{
    /// <summary>PyTorch's usual momentum, and the 1986 paper's.</summary>
    public const double DefaultMomentum = 0.9;

    /// <summary>Adam's default first-moment decay.</summary>
    public const double DefaultBeta1 = 0.9;

    /// <summary>Adam's default second-moment decay.</summary>
    public const double DefaultBeta2 = 0.999;

    /// <summary>The names the command line accepts, in the order they are listed.</summary>
    public static IReadOnlyList<string> Names => NameList;

    private static readonly string[] NameList = ["sgd", "momentum", "nesterov", "adam", "rmsprop", "rprop"];

    /// <summary>The notebook's plain gradient descent.</summary>
    public static OptimizerSettings Default { get; } = new();

    /// <summary>The rule's command-line name.</summary>
    public string Name => NameOf(Kind);

    /// <summary>Whether this is the notebook's update exactly (plain gradient descent without weight decay).</summary>
    public bool IsNotebook => Kind == OptimizerKind.Sgd && WeightDecay == 0;

    /// <summary>Whether the rule reads <see cref="Momentum"/>.</summary>
    public bool UsesMomentum => Kind is OptimizerKind.Momentum or OptimizerKind.Nesterov;

    /// <summary>Whether the rule reads <see cref="Beta1"/> and <see cref="Beta2"/>.</summary>
    public bool UsesBetas => Kind == OptimizerKind.Adam;

    /// <summary>The command-line name of <paramref name="kind"/>.</summary>
    public static string NameOf(OptimizerKind kind) => NameList[(int)kind];

    /// <summary>The rule named <paramref name="name"/> (as the command line spells it), or null.</summary>
    public static OptimizerKind? Parse(string name)
    {
        int index = Array.IndexOf(NameList, name);
        return index < 0 ? null : (OptimizerKind)index;
    }

    /// <summary>
    /// The settings as a person would type them after the rule's name, only those the rule reads and weight decay
    /// when set: <c>momentum 0.9</c>, <c>adam betas 0.9,0.999</c>, <c>sgd weight decay 0.001</c>.
    /// </summary>
    public string Description
    {
        get
        {
            string text = Name;
            if (UsesMomentum)
            {
                text += " " + Format(Momentum);
            }
            else if (UsesBetas)
            {
                text += " betas " + Format(Beta1) + "," + Format(Beta2);
            }

            return WeightDecay == 0 ? text : text + ", weight decay " + Format(WeightDecay);
        }
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
