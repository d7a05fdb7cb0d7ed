using System.Text;

namespace XorNet.Sweeps;

/// <summary>Records as comma-separated values: a header line naming the columns, then a line per run, quoted where needed.</summary>
internal sealed class CsvRecords : RecordFormat
{
    public override string? Header(string sizesColumn) => string.Join(',', Columns(sizesColumn));

    public override bool IsHeader(string firstLine) => firstLine.StartsWith("seed,", StringComparison.Ordinal);

    public override void CheckHeader(string header) => SizesColumn(header);

    public override bool MayBeCutOff(ReadOnlySpan<byte> tail, bool header)
    {
        if (!header)
        {
            // A record starts with its seed.
            return tail[0] is >= (byte)'0' and <= (byte)'9';
        }

        foreach (string column in new[] { SweepSetting.HiddenColumn, SweepSetting.LayersColumn })
        {
            byte[] full = System.Text.Encoding.UTF8.GetBytes(Header(column)!);
            if (tail.Length < full.Length && full.AsSpan().StartsWith(tail))
            {
                return true;
            }
        }

        return false;
    }

    public override string Line(RunRecord record) => string.Join(',', Fields(record).Select(Quote));

    public override RunRecord Parse(string line, string? header)
    {
        ArgumentNullException.ThrowIfNull(line);
        string sizesColumn = SizesColumn(header ?? throw new FormatException("the file has no header line"));
        return FromFields(sizesColumn, [.. Split(line).Select(field => field.Length == 0 ? null : field)]);
    }

    /// <summary>The sizes column a header names, checking that it names every column in order.</summary>
    /// <exception cref="FormatException">The header is not this program's.</exception>
    public static string SizesColumn(string header)
    {
        foreach (string column in new[] { SweepSetting.HiddenColumn, SweepSetting.LayersColumn })
        {
            if (header == string.Join(',', Columns(column)))
            {
                return column;
            }
        }

        throw new FormatException($"its header is not '{string.Join(',', Columns(SweepSetting.HiddenColumn))}' (or with layers for hidden)");
    }

    // Standard CSV (RFC 4180): a field with a comma, a quote or a line break is quoted, its quotes doubled.
    private static string Quote(string? field) =>
        field is null ? ""
        : field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field
        : $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    private static List<string> Split(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        if (quoted)
        {
            throw new FormatException("a quoted field is not closed");
        }

        fields.Add(field.ToString());
        return fields;
    }
}
