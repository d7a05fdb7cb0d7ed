using System.Text.Json;
using System.Text.Json.Serialization;

namespace XorNet.NumPy;

/// <summary>
/// Writes an array of doubles with each number as <see cref="ReprJsonNumber"/> writes it, laid out as the writer lays
/// out its own arrays.
/// </summary>
internal sealed class ReprJsonNumberArray : JsonConverter<double[]>
{
    /// <summary>Reads an array of numbers (or of the names of NaN and the infinities).</summary>
    public override double[] Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("an array of numbers was expected.");
        }

        var values = new List<double>();
        var number = new ReprJsonNumber();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            values.Add(number.Read(ref reader, typeof(double), options));
        }

        return [.. values];
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, double[] value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartArray();
        foreach (double x in value)
        {
            ReprJsonNumber.WriteElement(writer, x);
        }

        writer.WriteEndArray();
    }
}
