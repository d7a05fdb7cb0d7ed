using System.Globalization;
using XorNet.Network;
using XorNet.NumPy;
using XorNet.Text;

namespace XorNet.Sweeps;

/// <summary>
/// How a sweep's records are written, one run a line: <see cref="Csv"/> (a header line, standard quoting) or
/// <see cref="JsonLines"/> (one JSON object a line), chosen by the file's extension. Numbers are written so that
/// they read back exactly: losses and rates as Python's <c>repr</c>, seconds to the microsecond.
/// </summary>
public abstract class RecordFormat
{
    /// <summary>The columns after the seed and the setting's values.</summary>
    public static IReadOnlyList<string> OutcomeColumns { get; } = ["converged", "epoch", "epochsRun", "finalLoss", "accuracy", "seconds"];

    /// <summary>Comma-separated values with a header line.</summary>
    public static RecordFormat Csv { get; } = new CsvRecords();

    /// <summary>JSON lines: one object a line, no header.</summary>
    public static RecordFormat JsonLines { get; } = new JsonLineRecords();

    /// <summary>The format a file name asks for (<c>.csv</c> or <c>.jsonl</c>, in any case), or null.</summary>
    public static RecordFormat? FromPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? Csv
            : path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) ? JsonLines
            : null;
    }

    /// <summary>The columns before the optional columns: the seed and the setting's values, the sizes named <paramref name="sizesColumn"/>.</summary>
    public static IReadOnlyList<string> SettingColumns(string sizesColumn) => ["seed", sizesColumn, "learningRate", "activation", "init", "loss"];

    /// <summary>
    /// Every column of a record, in order, for sizes named <paramref name="sizesColumn"/> and the
    /// <see cref="OptionalColumns"/> listed in <paramref name="updateColumns"/> (none: the notebook's update on a table not generated).
    /// </summary>
    public static IReadOnlyList<string> Columns(string sizesColumn, IEnumerable<string>? updateColumns = null) =>
        [.. SettingColumns(sizesColumn), .. OptionalColumns.All.Intersect(updateColumns ?? []), .. OutcomeColumns];

    /// <summary>The columns of the records of <paramref name="grid"/>'s runs.</summary>
    public static IReadOnlyList<string> Columns(SweepGrid grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        return Columns(grid.SizesColumn, OptionalColumns.UsedBy(grid.Variants));
    }

    /// <summary>The first line of a file of records with <paramref name="columns"/>, or null when the format has none.</summary>
    public abstract string? Header(IReadOnlyList<string> columns);

    /// <summary>The line of a record in a file of records with <paramref name="columns"/>, without its line ending.</summary>
    public abstract string Line(RunRecord record, IReadOnlyList<string> columns);

    /// <summary>The record on <paramref name="line"/>, whose file began with <paramref name="header"/> (null for none).</summary>
    /// <exception cref="FormatException">The line is not a record; the message says what is wrong.</exception>
    public abstract RunRecord Parse(string line, string? header);

    /// <summary>Checks that <paramref name="header"/> names the columns this program writes.</summary>
    /// <exception cref="FormatException">It does not; the message says what it should be.</exception>
    public virtual void CheckHeader(string header)
    {
    }

    /// <summary>
    /// Whether <paramref name="tail"/>, the bytes after a file's last line end, can be the start of a line this
    /// format writes, cut off by a kill: of the header when <paramref name="header"/>, else of a record.
    /// </summary>
    public abstract bool MayBeCutOff(ReadOnlySpan<byte> tail, bool header);

    /// <summary>Whether <paramref name="firstLine"/> is a header line of this format (and so not a record).</summary>
    public abstract bool IsHeader(string firstLine);

    /// <summary>The fields of a record in the order of <paramref name="columns"/>, as text (null for an empty cell), the sizes as <c>4</c>, <c>8,4</c> or <c>none</c>.</summary>
    protected static string?[] Fields(RunRecord record, IReadOnlyList<string> columns)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(columns);
        RunOutcome outcome = record.Outcome;
        int settings = SettingColumns(record.Setting.SizesColumn).Count;
        return
        [
            record.Seed.ToString(CultureInfo.InvariantCulture),
            record.Setting.Sizes,
            NumPyFormat.Repr(record.Setting.LearningRate),
            Activations.Name(record.Setting.Activation),
            Initializations.Name(record.Setting.Initialization),
            Losses.Name(record.Setting.Loss),
            .. columns.Skip(settings).Take(columns.Count - settings - OutcomeColumns.Count).Select(column => OptionalColumns.Cell(column, record.Setting)),
            outcome.Converged ? "true" : "false",
            outcome.ConvergedAtEpoch?.ToString(CultureInfo.InvariantCulture),
            outcome.EpochsRun.ToString(CultureInfo.InvariantCulture),
            outcome.EpochsRun == 0 ? null : NumPyFormat.Repr(outcome.FinalLoss),
            NumPyFormat.Repr(outcome.Accuracy),
            record.Seconds.ToString("0.000000", CultureInfo.InvariantCulture),
        ];
    }

    /// <summary>The record whose fields, in column order, are <paramref name="fields"/> (null for an empty cell).</summary>
    /// <exception cref="FormatException">A field is not what its column holds.</exception>
    protected static RunRecord FromFields(IReadOnlyList<string> columns, IReadOnlyList<string?> fields)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(fields);
        string sizesColumn = columns[1];
        if (fields.Count != columns.Count)
        {
            throw new FormatException($"it has {fields.Count} fields, not {columns.Count}");
        }

        // The optional columns sit between the setting's and the outcome's; the outcome is read from the end.
        int updates = columns.Count - SettingColumns(sizesColumn).Count - OutcomeColumns.Count;
        var updateCells = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (int i = 0; i < updates; i++)
        {
            updateCells[columns[6 + i]] = fields[6 + i];
        }

        fields = [.. fields.Take(6), .. fields.Skip(6 + updates)];
        columns = [.. columns.Take(6), .. columns.Skip(6 + updates)];

        string Field(int i) => fields[i] ?? throw new FormatException($"its {columns[i]} is empty");
        T Read<T>(int i, Func<string, T?> read)
            where T : struct => read(Field(i)) ?? throw new FormatException($"its {columns[i]} '{Field(i)}' is not valid");
        string Choice(int i, IReadOnlyList<string> names) =>
            names.Contains(Field(i), StringComparer.Ordinal) ? Field(i) : throw new FormatException($"its {columns[i]} '{Field(i)}' is not one of {string.Join(", ", names)}");

        uint seed = Read(0, text => uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out uint v) ? v : (uint?)null);
        string sizes = Field(1);
        if (HiddenSizesText.Parse(sizes) is not { } parsed || (sizesColumn == SweepSetting.HiddenColumn && parsed.Length != 1)
            || HiddenSizesText.Of(parsed) != sizes)
        {
            throw new FormatException($"its {sizesColumn} '{sizes}' is not valid");
        }

        double rate = Read(2, Number);
        var setting = new SweepSetting(
            sizesColumn,
            sizes,
            rate,
            Activations.Parse(Choice(3, Activations.Names)),
            Initializations.Parse(Choice(4, Initializations.Names)),
            Losses.Parse(Choice(5, Losses.Names)));
        setting = OptionalColumns.Read(setting, updateCells);
        bool converged = Field(6) switch
        {
            "true" => true,
            "false" => false,
            _ => throw new FormatException($"its converged '{Field(6)}' is not true or false"),
        };
        int? epoch = fields[7] is null ? null : Read(7, Whole);
        if (converged != epoch.HasValue)
        {
            throw new FormatException(converged ? "it converged but has no epoch" : "it did not converge but has an epoch");
        }

        int epochsRun = Read(8, Whole);
        double finalLoss = fields[9] is null && epochsRun == 0 ? double.NaN : Read(9, Number);
        double accuracy = Read(10, Number), seconds = Read(11, Number);
        if (!(rate > 0) || double.IsInfinity(rate))
        {
            throw new FormatException($"its learningRate {Field(2)} is not a positive number");
        }

        if (epoch >= epochsRun)
        {
            throw new FormatException($"it converged at epoch {epoch} of {epochsRun} run");
        }

        if (!(accuracy is >= 0 and <= 1) || !(seconds >= 0))
        {
            throw new FormatException(!(accuracy is >= 0 and <= 1) ? $"its accuracy {Field(10)} is not in [0, 1]" : $"its seconds {Field(11)} is negative");
        }

        return new RunRecord(seed, setting, new RunOutcome(epoch, epochsRun, finalLoss, accuracy), seconds);
    }

    private static int? Whole(string text) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int v) ? v : null;

    private static double? Number(string text) => text switch
    {
        "nan" or "NaN" => double.NaN,
        "inf" or "Infinity" => double.PositiveInfinity,
        "-inf" or "-Infinity" => double.NegativeInfinity,
        _ => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v) ? v : null,
    };
}
