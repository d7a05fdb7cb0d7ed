using System.Text;

namespace XorNet.Sweeps;

/// <summary>Records as comma-separated values: a header line naming the columns, then a line per run, quoted where needed.</summary>
internal sealed class CsvRecords : RecordFormat
{
    // Every header this program writes: for each sizes column, one per subset of the update columns.
    private static readonly string[] Headers =
    [
        .. from sizesColumn in new[] { SweepSetting.HiddenColumn, SweepSetting.LayersColumn }
           from subset in Enumerable.Range(0, 1 << OptionalColumns.All.Count)
           select string.Join(',', Columns(sizesColumn, OptionalColumns.All.Where((_, i) => (subset & (1 << i)) != 0))),
    ];

    public override string? Header(IReadOnlyList<string> columns) => string.Join(',', columns);

    public override bool IsHeader(string firstLine) => firstLine.StartsWith("seed,", StringComparison.Ordinal);

    public override void CheckHeader(string header) => ColumnsOf(header);

    public override bool MayBeCutOff(ReadOnlySpan<byte> tail, bool header)
    {
        if (!header)
        {
            // A record starts with its seed.
            return tail[0] is >= (byte)'0' and <= (byte)'9';
        }

        // A proper start of one of the headers this program writes: each sizes column with any of the update columns.
        foreach (string line in Headers)
        {
            byte[] full = System.Text.Encoding.UTF8.GetBytes(line);
            if (tail.Length < full.Length && full.AsSpan().StartsWith(tail))
            {
                return true;
            }
        }

        return false;
    }

    public override string Line(RunRecord record, IReadOnlyList<string> columns) => string.Join(',', Fields(record, columns).Select(Quote));

    public override RunRecord Parse(string line, string? header)
    {
        ArgumentNullException.ThrowIfNull(line);
        IReadOnlyList<string> columns = ColumnsOf(header ?? throw new FormatException("the file has no header line"));
        return FromFields(columns, [.. Split(line).Select(field => field.Length == 0 ? null : field)]);
    }

    /// <summary>The sizes column a header names, checking that it names every column in order.</summary>
    /// <exception cref="FormatException">The header is not this program's.</exception>
    public static string SizesColumn(string header) => ColumnsOf(header)[1];

    /// <summary>The columns a header names, checking that they are a record's columns in order.</summary>
    /// <exception cref="FormatException">The header is not this program's.</exception>
    public static IReadOnlyList<string> ColumnsOf(string header)
    {
        ArgumentNullException.ThrowIfNull(header);
        string[] names = header.Split(',');
        foreach (string column in new[] { SweepSetting.HiddenColumn, SweepSetting.LayersColumn })
        {
            if (names.Length > 1 && names[1] == column)
            {
                IReadOnlyList<string> columns = Columns(column, names);
                if (columns.SequenceEqual(names, StringComparer.Ordinal))
                {
                    return columns;
                }
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
