using System.Text.Json.Serialization;
using XorNet.Network;

namespace XorNet.Explain;

/// <summary>
/// What each unit of a network computes on a set of input rows (<c>--explain</c>, <c>inspect</c>): layer by layer,
/// every unit's weights and bias, its outputs and, when the inputs are all 0 or 1, its truth table and the Boolean
/// function it names.
/// </summary>
/// <param name="RowSource">Which rows these are, in words, such as "the 4 training rows".</param>
/// <param name="Rows">The input rows the outputs are on, in order; empty when there are none.</param>
/// <param name="TruthTableRows">
/// The distinct rows, written as bits (<c>01</c>), in the order every truth table lists them (counting order); null
/// when some input is neither 0 nor 1, and then no unit has a truth table.
/// </param>
/// <param name="Layers">The hidden layers, first to last, then the output layer.</param>
public sealed record Explanation(
    string RowSource,
    double[][] Rows,
    IReadOnlyList<string>? TruthTableRows,
    IReadOnlyList<LayerExplanation> Layers);

/// <summary>One layer of an <see cref="Explanation"/>.</summary>
/// <param name="Layer">The layer's number, 1 for the first hidden layer; the output layer is the last.</param>
/// <param name="Output">Whether this is the output layer.</param>
/// <param name="ActivationFunction">Its activation: the hidden layers' choice, or the sigmoid at the output.</param>
/// <param name="Inputs">The names of what its units take, in weight order: <c>x1</c>, … or the previous layer's units.</param>
/// <param name="Units">Its units, in order.</param>
public sealed record LayerExplanation(
    int Layer,
    bool Output,
    [property: JsonIgnore] XorNet.Network.Activation ActivationFunction,
    [property: JsonPropertyOrder(1)] IReadOnlyList<string> Inputs,
    [property: JsonPropertyOrder(1)] IReadOnlyList<UnitExplanation> Units)
{
    /// <summary>The activation's option name: <c>sigmoid</c>, <c>tanh</c> or <c>relu</c>.</summary>
    public string Activation => Activations.Name(ActivationFunction);

    /// <summary>The middle of the activation's range, where its units' outputs are read as 0 or 1 (0.5 for the sigmoid, 0 for tanh and ReLU).</summary>
    public double Threshold => ActivationFunction.Midpoint;

    /// <summary>Whether an output equal to <see cref="Threshold"/> reads as 1 (as for the sigmoid and tanh) or as 0 (ReLU).</summary>
    public bool ThresholdReadsAsOne => ActivationFunction.MidpointReadsAsOne;

    /// <summary>Whether one of its units' outputs reads as 1 in a truth table.</summary>
    public bool ReadsAsOne(double output) => ActivationFunction.ReadsAsOne(output);

    /// <summary>
    /// The names of units with exactly the same weights and bias as another unit of the layer, a group a list (as
    /// zero initial weights leave them: each computes what the others of its group compute, on every input); null
    /// when every unit differs.
    /// </summary>
    [JsonPropertyOrder(2)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<IReadOnlyList<string>>? IdenticalUnits { get; init; }
}

/// <summary>One unit of a <see cref="LayerExplanation"/>.</summary>
/// <param name="Name">
/// <c>h1</c>, <c>h2</c>, … with one hidden layer; <c>h{layer}.{unit}</c> with several; <c>y</c> for a single output,
/// <c>y1</c>, <c>y2</c>, … for several.
/// </param>
/// <param name="Weights">Its weights on the layer's <see cref="LayerExplanation.Inputs"/>, in order.</param>
/// <param name="Bias">Its bias.</param>
/// <param name="Outputs">Its output on each of the explanation's rows, in order.</param>
/// <param name="TruthTable">
/// Its output on each of <see cref="Explanation.TruthTableRows"/> read as 0 or 1 against its layer's threshold, one
/// character a row; null without truth-table rows.
/// </param>
/// <param name="Function">
/// The name of the Boolean function of x1 and x2 that the truth table is (such as <c>NAND</c>), when the rows are
/// exactly 00, 01, 10, 11; null otherwise.
/// </param>
public sealed record UnitExplanation(
    string Name,
    double[] Weights,
    double Bias,
    double[] Outputs,
    string? TruthTable,
    string? Function);
