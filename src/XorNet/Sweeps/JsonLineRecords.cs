using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace XorNet.Sweeps;

/// <summary>
/// Records as JSON lines: one object a line with the columns as keys, <c>layers</c> as an array, an empty cell as
/// null, and a loss that is not finite as a string (<c>"NaN"</c>, <c>"Infinity"</c>), as the training report writes it:
/// JSON has no such numbers. Bare <c>NaN</c> and <c>Infinity</c>, as Python's <c>json</c> writes them, are read too.
/// </summary>
internal sealed partial class JsonLineRecords : RecordFormat
{
    public override string? Header(IReadOnlyList<string> columns) => null;

    public override bool IsHeader(string firstLine) => false;

    public override bool MayBeCutOff(ReadOnlySpan<byte> tail, bool header) => tail[0] == (byte)'{';

    public override string Line(RunRecord record, IReadOnlyList<string> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        string?[] fields = Fields(record, columns);
        var line = new StringBuilder("{");
        for (int i = 0; i < columns.Count; i++)
        {
            line.Append(i == 0 ? "" : ",").Append('"').Append(columns[i]).Append("\":").Append(Value(columns[i], fields[i]));
        }

        return line.Append('}').ToString();
    }

    public override RunRecord Parse(string line, string? header)
    {
        ArgumentNullException.ThrowIfNull(line);
        JsonDocument document;
        try
        {
            // JSON itself has no NaN or Infinity; Python writes them bare, so they are read as strings.
            document = JsonDocument.Parse(NonFinite().Replace(line, "$1\"$2\""));
        }
        catch (JsonException)
        {
            throw new FormatException("it is not a JSON object");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("it is not a JSON object");
            }

            JsonElement root = document.RootElement;
            string sizesColumn = root.TryGetProperty(SweepSetting.LayersColumn, out _) ? SweepSetting.LayersColumn : SweepSetting.HiddenColumn;
            IReadOnlyList<string> columns = Columns(sizesColumn, root.EnumerateObject().Select(p => p.Name));
            foreach (JsonProperty property in root.EnumerateObject())
            {
                if (!columns.Contains(property.Name, StringComparer.Ordinal))
                {
                    throw new FormatException($"it has a key '{property.Name}' that records do not have");
                }
            }

            return FromFields(columns, [.. columns.Select(column => root.TryGetProperty(column, out JsonElement value)
                ? Text(value)
                : throw new FormatException($"it has no '{column}'"))]);
        }
    }

    [GeneratedRegex(@"([:\[,]\s*)(NaN|-?Infinity)(?=\s*[,}\]])", RegexOptions.CultureInvariant)]
    private static partial Regex NonFinite();

    private static string Value(string column, string? field) => field switch
    {
        null => "null",
        "nan" => "\"NaN\"",
        "inf" => "\"Infinity\"",
        "-inf" => "\"-Infinity\"",
        _ when column is SweepSetting.LayersColumn or OptionalColumns.Betas => $"[{field}]",
        _ when column is "activation" or "init" or "loss" or OptionalColumns.Optimizer => $"\"{field}\"",
        _ => field,
    };

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String => value.GetString(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.Array when value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.Number) =>
            string.Join(',', value.EnumerateArray().Select(e => e.GetRawText())),
        _ => throw new FormatException($"it has a value {value.GetRawText()} of an unexpected kind"),
    };
}
