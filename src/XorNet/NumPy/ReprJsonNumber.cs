using System.Text.Json;
using System.Text.Json.Serialization;
using XorNet.NumPy;

namespace XorNet.NumPy;

/// <summary>
/// Writes every double of the JSON the program writes as Python's <c>repr</c> prints it (<c>1e-05</c>,
/// <c>4.476399634372746e-05</c>, <c>0.1</c>), the one style of the transcript, which is valid JSON and reads back as the
/// same double; NaN and the infinities, which JSON has no number for, as the strings <c>"NaN"</c>,
/// <c>"Infinity"</c> and <c>"-Infinity"</c> that System.Text.Json reads back with
/// <see cref="JsonNumberHandling.AllowNamedFloatingPointLiterals"/>.
/// </summary>
internal sealed class ReprJsonNumber : JsonConverter<double>
{
    /// <summary>Reads a number, or one of the three names.</summary>
    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
            ? reader.GetString() switch
            {
                "NaN" => double.NaN,
                "Infinity" => double.PositiveInfinity,
                "-Infinity" => double.NegativeInfinity,
                _ => throw new JsonException("a number was expected."),
            }
            : reader.GetDouble();

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options) => WriteValue(writer, value);

    /// <summary>Writes <paramref name="value"/> where the writer expects a value (a property's, or the first of a line).</summary>
    public static void WriteValue(Utf8JsonWriter writer, double value) => Write(writer, value, "");

    /// <summary>
    /// Writes <paramref name="value"/> as an element of the array the writer is in, on a line of its own when the
    /// writer indents, as the writer places the numbers it writes itself (it does not lay out raw text).
    /// </summary>
    public static void WriteElement(Utf8JsonWriter writer, double value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        string indent = writer.Options.Indented
            ? writer.Options.NewLine + new string(writer.Options.IndentCharacter, writer.CurrentDepth * writer.Options.IndentSize)
            : "";
        Write(writer, value, indent);
    }

    private static void Write(Utf8JsonWriter writer, double value, string indent)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (double.IsFinite(value))
        {
            writer.WriteRawValue(indent + NumPyFormat.Repr(value), skipInputValidation: true);
        }
        else
        {
            writer.WriteStringValue(double.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
        }
    }
}
