using System.Text;
using System.Text.Json;
using XorNet.Network;
using XorNet.Network.Optimizers;
using XorNet.NumPy;
using XorNet.Sweeps;

namespace XorNet.Commands.Sweep;

/// <summary>
/// A sweep's summary as <c>{"settings": [...]}</c>: per setting its values (named as in the records, the optional
/// columns of the update and the generated set only when some setting uses them, null where a setting's rule does
/// not read one), <c>runs</c>,
/// <c>converged</c>, <c>convergedRate</c>, <c>epochs</c> (<c>median</c>, <c>p10</c>, <c>p90</c>; null when none
/// converged) and <c>medianFinalLossNotConverged</c> (null when all did). Numbers are written as Python's
/// <c>repr</c>, so they read back exactly (a NaN median of diverged runs as the string <c>"NaN"</c>).
/// </summary>
internal static class SweepSummaryJson
{
    /// <summary>The document, indented, with a final line break.</summary>
    public static string Render(IReadOnlyList<SettingSummary> summaries)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, SkipValidation = false }))
        {
            json.WriteStartObject();
            json.WriteStartArray("settings");
            IReadOnlyList<string> optionalColumns = OptionalColumns.UsedBy(summaries.Select(s => s.Setting));
            foreach (SettingSummary summary in summaries)
            {
                SweepSetting setting = summary.Setting;
                json.WriteStartObject();
                if (setting.SizesColumn == SweepSetting.LayersColumn)
                {
                    json.WriteStartArray(SweepSetting.LayersColumn);
                    foreach (int size in setting.HiddenSizes())
                    {
                        json.WriteNumberValue(size);
                    }

                    json.WriteEndArray();
                }
                else
                {
                    json.WriteNumber(SweepSetting.HiddenColumn, setting.HiddenSizes()[0]);
                }

                Number(json, "learningRate", setting.LearningRate);
                json.WriteString("activation", Activations.Name(setting.Activation));
                json.WriteString("init", Initializations.Name(setting.Initialization));
                json.WriteString("loss", Losses.Name(setting.Loss));
                foreach (string column in optionalColumns)
                {
                    Optional(json, column, setting);
                }

                json.WriteNumber("runs", summary.Runs);
                json.WriteNumber("converged", summary.Converged);
                Number(json, "convergedRate", summary.ConvergedRate);
                if (summary.Epochs is { } epochs)
                {
                    json.WriteStartObject("epochs");
                    Number(json, "median", epochs.Median);
                    Number(json, "p10", epochs.P10);
                    Number(json, "p90", epochs.P90);
                    json.WriteEndObject();
                }
                else
                {
                    json.WriteNull("epochs");
                }

                if (summary.MedianFinalLossNotConverged is { } loss)
                {
                    Number(json, "medianFinalLossNotConverged", loss);
                }
                else
                {
                    json.WriteNull("medianFinalLossNotConverged");
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + Environment.NewLine;
    }

    // An optional column's value as the JSON lines records write it: a name, a number, betas as a pair, or null.
    private static void Optional(Utf8JsonWriter json, string column, SweepSetting setting)
    {
        OptimizerSettings rule = setting.Optimizer;
        switch (column)
        {
            case OptionalColumns.Optimizer:
                json.WriteString(column, rule.Name);
                break;
            case OptionalColumns.Momentum when rule.UsesMomentum:
                Number(json, column, rule.Momentum);
                break;
            case OptionalColumns.Betas when rule.UsesBetas:
                json.WriteStartArray(column);
                ReprJsonNumber.WriteValue(json, rule.Beta1);
                ReprJsonNumber.WriteValue(json, rule.Beta2);
                json.WriteEndArray();
                break;
            case OptionalColumns.WeightDecay:
                Number(json, column, rule.WeightDecay);
                break;
            case OptionalColumns.BatchSize when setting.BatchSize is { } rows:
                json.WriteNumber(column, rows);
                break;
            case OptionalColumns.Samples when setting.Plane is { } plane:
                json.WriteNumber(column, plane.Samples);
                break;
            case OptionalColumns.Noise when setting.Plane is { } plane:
                Number(json, column, plane.Noise);
                break;
            case OptionalColumns.DataSeed when setting.Plane is { } plane:
                json.WriteNumber(column, plane.DataSeed);
                break;
            default:
                json.WriteNull(column);
                break;
        }
    }

    private static void Number(Utf8JsonWriter json, string name, double value)
    {
        json.WritePropertyName(name);
        ReprJsonNumber.WriteValue(json, value);
    }
}
