using System.Text;

namespace XorNet.Sweeps;

/// <summary>
/// What a file of records holds: its records, and how many of its bytes are whole lines. A last line without its
/// line ending was cut off (the sweep was killed while writing it) and is not a record.
/// </summary>
/// <param name="Format">The file's format.</param>
/// <param name="Header">Its header line, or null (JSON lines, or an empty file).</param>
/// <param name="Records">Its records, in file order.</param>
/// <param name="WholeBytes">The length of its whole lines: where a resumed sweep goes on writing.</param>
/// <param name="TornLine">Whether a cut-off last line follows them.</param>
public sealed record RecordFile(RecordFormat Format, string? Header, IReadOnlyList<RunRecord> Records, long WholeBytes, bool TornLine)
{
    /// <summary>
    /// The largest record file read: 1 GiB, about ten million runs. Reading takes a few times the file in memory (its
    /// bytes, its text, the records), so a larger sweep is summarized from its shards' files, each under the limit.
    /// </summary>
    public const long MaxBytes = 1L << 30;

    /// <summary>Reads the records of <paramref name="path"/>, shown as <paramref name="name"/> in messages.</summary>
    /// <remarks>
    /// A FIFO is read (a sweep's output piped in), a device or directory is not; a file over <see cref="MaxBytes"/>,
    /// and one whose first line is not a record file's, are refused before the rest is read.
    /// </remarks>
    /// <exception cref="FormatException">The file is not a record file; the message names the file and line.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static RecordFile Read(string path, string name)
    {
        ArgumentNullException.ThrowIfNull(path);
        RecordFormat format = RecordFormat.FromPath(path) ?? throw new FormatException($"{name} is neither .csv nor .jsonl");
        if (OperatingSystem.IsLinux() && Files.NativeFiles.Status(path, followLinks: true, out _) is { Kind: Files.FileKind.Special or Files.FileKind.Socket })
        {
            throw new FormatException($"{name} is a device, not a file of records written by 'XorNet sweep --out'");
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0);
        return Read(stream, format, name);
    }

    /// <summary>Reads the records in <paramref name="stream"/> from where it stands, a file in <paramref name="format"/> named <paramref name="name"/>.</summary>
    /// <exception cref="FormatException">The file is not a record file.</exception>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    public static RecordFile Read(Stream stream, RecordFormat format, string name)
    {
        ArgumentNullException.ThrowIfNull(format);

        // The whole lines of the first bytes are checked as the whole file's would be: NUL bytes or random data are
        // refused there, not after a gigabyte.
        byte[] bytes = Files.BoundedFile.Read(
            stream, MaxBytes, (start, whole) => _ = whole ? null : Parse(start, format, name), problem => new FormatException($"{name}: {problem}"));
        return Parse(bytes, format, name);
    }

    /// <summary>The records in <paramref name="bytes"/>, the content of a file in <paramref name="format"/> named <paramref name="name"/>.</summary>
    /// <exception cref="FormatException">A whole line is not a record.</exception>
    public static RecordFile Parse(ReadOnlySpan<byte> bytes, RecordFormat format, string name)
    {
        ArgumentNullException.ThrowIfNull(format);
        int whole = bytes.LastIndexOf((byte)'\n') + 1;
        bool torn = whole < bytes.Length;
        if (NotRecords(bytes, format, name) is { } notRecords)
        {
            throw new FormatException(notRecords);
        }

        if (torn && !format.MayBeCutOff(bytes[whole..], header: whole == 0))
        {
            // Not the start of a line this program writes: a file of something else, not a sweep killed mid-line.
            throw new FormatException($"{name} line {Lines(bytes[..whole]) + 1} is not a run's record (nor the start of one cut off)");
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes[..whole]);
        }
        catch (DecoderFallbackException)
        {
            throw new FormatException($"{name} is not text (it has bytes that are not UTF-8)");
        }

        string[] lines = text.Length == 0 ? [] : text[..^1].Split('\n');
        string? header = null;
        var records = new List<RunRecord>(lines.Length);
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].TrimEnd('\r');
            if (i == 0 && format.IsHeader(line))
            {
                header = line;
                try
                {
                    format.CheckHeader(header);
                }
                catch (FormatException e)
                {
                    throw new FormatException($"{name} was not written by 'XorNet sweep': {e.Message}");
                }

                continue;
            }

            try
            {
                records.Add(format.Parse(line, header));
            }
            catch (FormatException e)
            {
                throw new FormatException(i == 0
                    ? $"{name} is not a file of records written by 'XorNet sweep --out': its first line is not a run's record ({e.Message})"
                    : $"{name} line {i + 1} is not a run's record: {e.Message}");
            }
        }

        return new RecordFile(format, header, records, whole, torn);
    }

    private static int Lines(ReadOnlySpan<byte> bytes) => bytes.Count((byte)'\n');

    // Why the file is plainly not one of records at all, or null: a format with a header line (CSV) begins with it,
    // so another CSV file (data, say) is named for what it is rather than for its first line's fields.
    private static string? NotRecords(ReadOnlySpan<byte> bytes, RecordFormat format, string name)
    {
        if (bytes.IsEmpty || format.Header(RecordFormat.Columns(SweepSetting.HiddenColumn)) is not { } header)
        {
            return null;
        }

        int end = bytes.IndexOf((byte)'\n');
        ReadOnlySpan<byte> first = end < 0 ? bytes : bytes[..end];
        string line = Encoding.UTF8.GetString(first.Length > 4 * Text.Excerpt.MaxLength ? first[..(4 * Text.Excerpt.MaxLength)] : first).TrimEnd('\r');
        if (format.IsHeader(line) || (end < 0 && format.MayBeCutOff(bytes, header: true)))
        {
            return null;
        }

        return $"{name} is not a file of records written by 'XorNet sweep --out': such a file begins with the header line '{header}' (with layers for hidden when the sweep gives --layers), and this one begins {Text.Excerpt.Quoted(line)}";
    }
}
