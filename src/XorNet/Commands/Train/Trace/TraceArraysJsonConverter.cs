using System.Text.Json;
using System.Text.Json.Serialization;

using XorNet.NumPy;

namespace XorNet.Commands.Train.Trace;

/// <summary>
/// Writes a trace's named arrays as JSON: finite numbers as numbers (Python's repr, as everywhere in the
/// report), and the non-finite values JSON has no number for as the strings <c>"Infinity"</c>, <c>"-Infinity"</c>
/// and <c>"NaN"</c>, the names System.Text.Json reads back with <see cref="JsonNumberHandling.AllowNamedFloatingPointLiterals"/>.
/// </summary>
/// <remarks>System.Text.Json's own number handling cannot be set for arrays nested in a dictionary, hence this.</remarks>
internal sealed class TraceArraysJsonConverter : JsonConverter<Dictionary<string, double[][]>>
{
    /// <summary>Not used: reports are written, never read.</summary>
    public override Dictionary<string, double[][]> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Trace arrays are only written.");

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, Dictionary<string, double[][]> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        foreach ((string name, double[][] rows) in value)
        {
            writer.WriteStartArray(name);
            foreach (double[] row in rows)
            {
                writer.WriteStartArray();
                foreach (double x in row)
                {
                    ReprJsonNumber.WriteElement(writer, x);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }
}
