using System.Text;
using FluentAssertions;

namespace XorNet.Tests;

/// <summary>
/// What a user types into a CSV file: a first line is a header only when none of its cells is a number, other
/// separators get a hint, and the usual variations of a well-formed file (CRLF, byte-order mark, spaces, number
/// spellings) are read as they are meant.
/// </summary>
public sealed class CsvHeaderTests : IDisposable
{
    private const string Rest = "0,1,1\n1,0,1\n1,1,0\n";

    private readonly string _directory = Directory.CreateTempSubdirectory("xornet-csv-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    public static TheoryData<string, string> TyposInTheFirstLine => new()
    {
        { "0,O,0\n" + Rest, "line 1, column 2: 'O' is not a number; a header line must have no numbers in it" },
        { "0,,0\n" + Rest, "line 1, column 2: the cell is empty; a header line must have no numbers in it" },
        { "0x1,0,1\n" + Rest, "line 1, column 1: '0x1' is not a number; a header line must have no numbers in it" },
        { "# comment\n\nx1,0,y\n" + Rest, "line 3, column 1: 'x1' is not a number; a header line must have no numbers in it" },
        { "0,1,1,\n" + Rest, "line 1, column 4: the cell is empty (a comma at the end of the line?); a header line must have no numbers in it" },
    };

    [Theory]
    [MemberData(nameof(TyposInTheFirstLine))]
    public void A_first_line_mixing_numbers_and_text_is_refused_not_dropped(string text, string expected)
    {
        string error = RunBad(text, "--data");

        error.Should().Be($"XorNet: {Path.Combine(_directory, "data.csv")}, {expected}");
    }

    [Fact]
    public void Predict_data_refuses_a_first_line_with_a_typo_too()
    {
        string model = Model();

        string error = RunBad("0,O\n1,1\n", "predict", "--model", model, "--data");

        error.Should().Contain("line 1, column 2: 'O' is not a number; a header line must have no numbers in it");
    }

    [Fact]
    public void A_header_without_numbers_is_still_skipped()
    {
        Dataset data = Read("x1, x2 ,target\n" + Rest);

        data.Rows.Should().Be(3, "the header is not a sample");
        data.Y.AsSpan().ToArray().Should().Equal(1, 1, 0);
    }

    [Fact]
    public void A_header_of_empty_cells_is_a_header()
    {
        Read(",,\n" + Rest).Rows.Should().Be(3);
    }

    public static TheoryData<string, string> OtherSeparators => new()
    {
        { "0;0;0\n0;1;1\n", "line 1, column 1: there is only one column" },
        { "0\t0\t0\n0\t1\t1\n", "line 1, column 1: there is only one column" },
        { "x;y;t\n0;0;0\n", "line 1, column 1: there is only one column" },
    };

    [Theory]
    [MemberData(nameof(OtherSeparators))]
    public void Semicolon_or_tab_separated_files_get_a_hint_to_use_commas(string text, string expected)
    {
        string error = RunBad(text, "--data");

        error.Should().Contain(expected).And.Contain("separate them with commas");
        error.Should().Contain(text.Contains('\t', StringComparison.Ordinal) ? "tabs" : "semicolons");
    }

    [Theory]
    [InlineData("0 0 0\n0 1 1\n", "line 1, column 1: there is only one column")]
    [InlineData("0,0,0\n0,1 1\n", "line 2, column 2: '1 1' is not a number")]
    public void Space_separated_numbers_get_the_hint(string text, string expected)
    {
        RunBad(text, "--data").Should().Contain(expected).And.Contain("the values seem to be separated by spaces: separate them with commas");
    }

    [Fact]
    public void Semicolon_separated_rows_for_predict_get_the_hint()
    {
        string error = RunBad("0;1\n1;1\n", "predict", "--model", Model(), "--data");

        error.Should().Contain("line 1, column 1").And.Contain("separated by semicolons");
    }

    [Fact]
    public void A_trailing_comma_in_a_later_row_is_named()
    {
        string error = RunBad("0,0,0\n0,1,1,\n", "--data");

        error.Should().Contain("line 2, column 4").And.Contain("a comma at the end of the line?");
    }

    [Fact]
    public void Crlf_line_ends_a_byte_order_mark_and_spaces_keep_working()
    {
        byte[] bom = [0xEF, 0xBB, 0xBF];
        string path = Write([.. bom, .. Encoding.UTF8.GetBytes("x1,x2,y\r\n 0 , 0 ,0\r\n0,\t1,1 \r\n1 ,0,1\r\n1,1,0\r\n")]);

        Dataset data = CsvDataset.Load(path);

        data.X.ToRows().Should().BeEquivalentTo(new[] { new double[] { 0, 0 }, [0, 1], [1, 0], [1, 1] }, o => o.WithStrictOrdering());
        data.Y.AsSpan().ToArray().Should().Equal(0, 1, 1, 0);
    }

    [Fact]
    public void A_byte_order_mark_before_numbers_is_not_taken_for_a_header()
    {
        // StreamReader strips the mark; a reader that does not (a string, a pipe read as text) must not turn the
        // first sample into a "header" or an error.
        Dataset data = Read("\uFEFF0,0,0\r\n" + Rest);

        data.Rows.Should().Be(4);
    }

    [Fact]
    public void A_byte_order_mark_before_numbers_in_a_file_keeps_the_first_sample()
    {
        string path = Write([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("0,0,0\n" + Rest)]);

        CsvDataset.Load(path).Rows.Should().Be(4);
    }

    [Fact]
    public void Every_invariant_spelling_of_a_number_is_read()
    {
        Dataset data = Read("1e-3,+1,1\n.5,-0.25e1,0\n5.,1E+2,1e-1\n");

        data.X.ToRows().Should().BeEquivalentTo(new[] { new[] { 1e-3, 1 }, [0.5, -2.5], [5, 100] }, o => o.WithStrictOrdering());
        data.Y.AsSpan().ToArray().Should().Equal(1, 0, 0.1);
    }

    [Theory]
    [InlineData("0,NaN,1\n", "line 1, column 2: 'NaN' is not a finite number")]
    [InlineData("0,0,0\n-Infinity,0,1\n", "line 2, column 1: '-Infinity' is not a finite number")]
    [InlineData("0,0,0\n0,1e309,1\n", "line 2, column 2: '1e309' is not a finite number")]
    public void Not_finite_numbers_are_one_line(string text, string expected)
    {
        RunBad(text, "--data").Should().Contain(expected);
    }

    [Theory]
    [InlineData("x,y\n")]
    [InlineData("# nothing here\n\n   \n#\n")]
    [InlineData("")]
    public void Files_without_samples_say_so(string text)
    {
        RunBad(text, "--data").Should().Contain("no data rows");
    }

    [Fact]
    public void Binary_garbage_is_quoted_escaped_and_short()
    {
        byte[] garbage = [0x1B, (byte)'[', (byte)'2', (byte)'J', 0x01, 0x07, 0xE2, 0x80, 0xAE, (byte)',', (byte)'0', (byte)',', (byte)'1', (byte)'\n'];

        string error = RunBad(garbage, "--data");

        error.Should().Contain(@"line 1, column 1: '\x1b[2J\x01\x07\u202e' is not a number");
        error.Should().NotContainAny("\x1b", "\0", "\a", "\u202e");
    }

    [Fact]
    public void A_nul_character_means_binary_or_utf16_not_a_header()
    {
        // UTF-16 without a byte-order mark: every other byte is NUL, and no cell would be a number.
        string error = RunBad(Encoding.Unicode.GetBytes("0,0,0\n0,1,1\n"), "--data");

        error.Should().EndWith("line 1, column 1: a NUL character: this is a binary file or UTF-16 text, not CSV text (save it as UTF-8)");
        RunBad([.. "0,0,0\n0,1,"u8, 0, .. "1\n"u8], "--data").Should().Contain("line 2, column 3: a NUL character");
    }

    [Fact]
    public void Invalid_utf8_is_shown_as_the_replacement_escape()
    {
        string error = RunBad([.. "0,"u8, 0xC3, 0x28, .. ",1\n0,0,0\n"u8], "--data");

        error.Should().Contain(@"line 1, column 2: '\ufffd(' is not a number");
    }

    [Fact]
    public void A_megabyte_cell_is_cut_to_an_excerpt()
    {
        string error = RunBad("0,0,0\n0," + new string('z', 1 << 20) + ",1\n", "--data");

        error.Should().Contain($"line 2, column 2: '{new string('z', Excerpt.MaxLength)}…' is not a number");
        error.Length.Should().BeLessThan(300);
    }

    [Fact]
    public void A_file_without_line_breaks_is_refused_without_reading_it_whole()
    {
        // A reader that would hand out 4 GB of text: the line limit must stop it after a few megabytes.
        using var endless = new StreamReader(new EndlessStream((byte)'7'));

        Action read = () => CsvDataset.ReadTable(endless, "big.csv", inputs: null);

        read.Should().Throw<DataFileException>().WithMessage(
            $"big.csv, line 1: the line is longer than {CsvLineReader.DefaultMaxLength} characters; is this a CSV file?");
        endless.BaseStream.Position.Should().BeLessThan(4L * CsvLineReader.DefaultMaxLength);
    }

    [Theory]
    [InlineData("0,0,0\r\n0,1,1\r\n1,0,1\r\n\r\n1,1,0")]
    [InlineData("0,0,0\r0,1,1\r1,0,1\r\r1,1,0\r")]
    [InlineData("0,0,0\n0,1,1\r\n1,0,1\n\r1,1,0\n")]
    public void Every_kind_of_line_break_is_one_break(string text)
    {
        // Line numbers in messages must match what an editor shows, whatever the line ends.
        Read(text).Rows.Should().Be(4);
        Action bad = () => Read(text.Replace("1,1,0", "1,1,9", StringComparison.Ordinal));
        bad.Should().Throw<DataFileException>().WithMessage("data.csv, line 5, column 3: *");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    public void Lines_are_the_same_whatever_the_reads_deliver(int chunk)
    {
        // Line breaks, CRLF pairs and lines that straddle the buffer must not depend on how much each read returns.
        string text = "x,y\r\n" + string.Concat(Enumerable.Range(0, 5000).Select(i => $"{i},{i % 2}\r\n"));

        CsvTable table = CsvDataset.ReadTable(new ChunkedReader(text, chunk), "data.csv", inputs: null);

        table.X.AsSpan().ToArray().Should().Equal(Enumerable.Range(0, 5000).Select(i => (double)i));
    }

    [Fact]
    public void Random_bytes_never_throw_anything_but_a_data_file_error()
    {
        // Seeded, so a failure is reproducible; biased towards the characters a CSV is made of so that the reader
        // gets past the first line often, not only rejects noise.
        var random = new Random(8);
        byte[] alphabet = "0123456789,,,,\n\n\r ;.-+eE#NaIfinity\t"u8.ToArray();
        for (int i = 0; i < 3000; i++)
        {
            byte[] bytes = new byte[random.Next(0, 80)];
            for (int j = 0; j < bytes.Length; j++)
            {
                bytes[j] = random.Next(4) == 0 ? (byte)random.Next(256) : alphabet[random.Next(alphabet.Length)];
            }

            using var reader = new StreamReader(new MemoryStream(bytes), detectEncodingFromByteOrderMarks: true);
            Action read = () => CsvDataset.ReadTable(reader, "random.csv", inputs: i % 2 == 0 ? null : 1 + (i % 3));
            try
            {
                read();
            }
            catch (DataFileException e)
            {
                e.Message.Should().StartWith("random.csv").And.NotContainAny("\n", "\r", "\0");
            }
        }
    }

    private static Dataset Read(string text) => CsvDataset.Read(new StringReader(text), "data.csv");

    // Hands out its text at most 'chunk' characters a read.
    private sealed class ChunkedReader(string text, int chunk) : TextReader
    {
        private int _position;

        public override int Read(Span<char> buffer)
        {
            int count = Math.Min(Math.Min(chunk, buffer.Length), text.Length - _position);
            text.AsSpan(_position, count).CopyTo(buffer);
            _position += count;
            return count;
        }

        public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));
    }

    // 4 GB of one byte, generated as it is read.
    private sealed class EndlessStream(byte value) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => 1L << 32;

        public override long Position { get; set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = (int)Math.Min(count, Length - Position);
            buffer.AsSpan(offset, n).Fill(value);
            Position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private string Model()
    {
        string model = Path.Combine(_directory, "m.json");
        File.WriteAllText(model, """
            {"format": "xornet-model", "version": 1, "inputs": 2, "hidden": 1, "outputs": 1, "activation": "sigmoid",
             "weights": {"W1": [[1], [2]], "b1": [[0]], "W2": [[1]], "b2": [[0]]}}
            """);
        return model;
    }

    private string Write(byte[] bytes)
    {
        string path = Path.Combine(_directory, "data.csv");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private string RunBad(string text, params string[] args) => RunBad(Encoding.UTF8.GetBytes(text), args);

    // Runs with the file's path after the given arguments and checks what every bad file must give: exit 2, nothing
    // on stdout, exactly one line on stderr naming the file and nothing of .NET's own; returns that line.
    private string RunBad(byte[] bytes, params string[] args)
    {
        string path = Write(bytes);

        (int exitCode, string output, string error) = InProcess.Run([.. args, path]);

        exitCode.Should().Be(ExitCodes.BadInput);
        output.Should().BeEmpty();
        error.Should().EndWith("\n");
        string line = error[..^1];
        line.Should().NotContain("\n").And.StartWith($"XorNet: {path}");
        line.Should().NotContainAny("   at ", "System.", "Exception", "BytePositionInLine");
        return line;
    }
}
