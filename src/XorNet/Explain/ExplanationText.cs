using System.Globalization;
using System.Text;
using XorNet.NumPy;
using XorNet.Text;

namespace XorNet.Explain;

/// <summary>
/// An <see cref="Explanation"/> as lines for people: which rows, how truth tables are read, then layer by layer each
/// unit as its formula over the layer's inputs, its outputs on the rows, its truth table and the function it names.
/// </summary>
public static class ExplanationText
{
    // Outputs on more rows than this are shown as the first and last three, as NumPy summarises long arrays.
    private const int ListedRows = 16;
    private const int Decimals = 3;

    /// <summary>Writes the <see cref="Lines"/> to <paramref name="output"/>, each with a line end.</summary>
    public static void Write(TextWriter output, Explanation explanation)
    {
        ArgumentNullException.ThrowIfNull(output);
        foreach (string line in Lines(explanation))
        {
            output.WriteLine(line);
        }
    }

    /// <summary>The lines, without line ends.</summary>
    public static IEnumerable<string> Lines(Explanation explanation)
    {
        ArgumentNullException.ThrowIfNull(explanation);
        yield return $"What each unit computes, on {explanation.RowSource}{RowList(explanation)}.";
        if (explanation.Rows.Length > 0)
        {
            int inputs = explanation.Rows[0].Length;
            yield return explanation.TruthTableRows is { } rows
                ? $"Truth tables over {InputList(inputs)} = {TableRowList(rows, inputs)}, reading {Readings.Outputs(explanation, article: true)} as 1."
                : "No truth tables: some inputs are neither 0 nor 1.";
        }

        for (int l = 0; l < explanation.Layers.Count; l++)
        {
            LayerExplanation layer = explanation.Layers[l];
            string from = l == 0 ? "the inputs" : $"layer {l}";
            yield return layer.Output ? $"Output layer, from {from}:" : $"Layer {layer.Layer} ({layer.Activation}), from {from}:";
            string[] formulas = [.. layer.Units.Select(unit => Formula(layer, unit))];
            int width = formulas.Max(f => f.Length);
            for (int u = 0; u < layer.Units.Count; u++)
            {
                yield return $"  {UnitLine(formulas[u].PadRight(width), layer.Units[u])}";
            }

            foreach (IReadOnlyList<string> group in layer.IdenticalUnits ?? [])
            {
                yield return $"  {Words.List(group)} are identical: the same weights and bias, so the same output on every input (units that start equal get equal gradients, and nothing breaks the symmetry).";
            }
        }
    }

    /// <summary>A unit's formula, such as <c>h1 = sigmoid(5.227·x1 - 3.166·x2 + 1.248)</c>, weights to three decimals.</summary>
    public static string Formula(LayerExplanation layer, UnitExplanation unit)
    {
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(unit);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{unit.Name} = {layer.Activation}(");
        for (int i = 0; i < unit.Weights.Length; i++)
        {
            Term(text, unit.Weights[i], first: i == 0);
            text.Append('·').Append(layer.Inputs[i]);
        }

        Term(text, unit.Bias, first: unit.Weights.Length == 0);
        return text.Append(')').ToString();
    }

    /// <summary>Outputs to three decimals, all of them up to 16, else the first and last three around <c>…</c>.</summary>
    public static string Values(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        IEnumerable<string> shown = values.Count <= ListedRows
            ? values.Select(Number)
            : [.. values.Take(3).Select(Number), "…", .. values.Skip(values.Count - 3).Select(Number)];
        return string.Join(' ', shown);
    }

    private static string UnitLine(string formula, UnitExplanation unit)
    {
        var line = new StringBuilder(formula);
        if (unit.Outputs.Length > 0)
        {
            line.Append("   outputs ").Append(Values(unit.Outputs));
        }

        if (unit.TruthTable is { } table)
        {
            line.Append("   ").Append(table);
            if (unit.Function is { } function)
            {
                line.Append(' ').Append(function);
            }
        }

        // Formulas are padded to line up the outputs; without them the padding would trail.
        return line.ToString().TrimEnd();
    }

    // " + 1.248" or " - 3.166", and the first term without a plus sign.
    private static void Term(StringBuilder text, double value, bool first)
    {
        bool negative = double.IsNegative(value) && !double.IsNaN(value);
        string magnitude = Number(Math.Abs(value));
        text.Append(first ? (negative ? "-" : "") : (negative ? " - " : " + ")).Append(magnitude);
    }

    private static string Number(double value) => NumPyFormat.Readable(value, Decimals);

    // The rows in data order when there are few, as bits when they are 0/1.
    private static string RowList(Explanation explanation)
    {
        double[][] rows = explanation.Rows;
        if (rows.Length == 0 || rows.Length > ListedRows)
        {
            return "";
        }

        string Label(double[] row) => explanation.TruthTableRows is null
            ? string.Join(',', row.Select(NumPyFormat.Repr))
            : string.Concat(row.Select(v => v == 0 ? '0' : '1'));
        return $": {string.Join(' ', rows.Select(Label))}";
    }

    private static string InputList(int inputs) => inputs switch
    {
        <= 4 => string.Join(' ', Explainer.InputNames(inputs)),
        _ => $"x1 … x{inputs}",
    };

    // Every truth-table row up to 16, else the first and last with how many there are.
    private static string TableRowList(IReadOnlyList<string> rows, int inputs) =>
        rows.Count <= ListedRows
            ? string.Join(' ', rows)
            : rows.Count == 1 << Math.Min(inputs, 30)
                ? $"{rows[0]} … {rows[^1]} ({rows.Count} rows in counting order)"
                : $"{string.Join(' ', rows)} ({rows.Count} rows)";
}
