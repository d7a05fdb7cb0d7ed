using FluentAssertions;

namespace XorNet.Tests;

/// <summary>Built-in truth tables and CSV files: the right tables, and one clear line for every kind of bad file.</summary>
public sealed class DataTests
{
    [Theory]
    [InlineData("xor", new double[] { 0, 1, 1, 0 })]
    [InlineData("and", new double[] { 0, 0, 0, 1 })]
    [InlineData("or", new double[] { 0, 1, 1, 1 })]
    [InlineData("nand", new double[] { 1, 1, 1, 0 })]
    [InlineData("nor", new double[] { 1, 0, 0, 0 })]
    [InlineData("xnor", new double[] { 1, 0, 0, 1 })]
    [InlineData("parity3", new double[] { 0, 1, 1, 0, 1, 0, 0, 1 })]
    public void Truth_tables_list_inputs_in_counting_order(string name, double[] targets)
    {
        Dataset data = Dataset.Named(name);

        data.Y.AsSpan().ToArray().Should().Equal(targets);
        data.X.Rows.Should().Be(targets.Length);
        data.X.Row(1)[^1].Should().Be(1, "row 1 is 0…01");
        data.X.Row(data.Rows - 1).ToArray().Should().OnlyContain(v => v == 1);
    }

    [Fact]
    public void Csv_with_header_comments_and_blank_lines_is_read()
    {
        Dataset data = Read("# made by hand\n\nx1, x2, target\n0,0,0\n 0.5 , 1e-1 ,1\n\n# end\n1,1,0.25\n");

        data.X.ToRows().Should().BeEquivalentTo(new[] { new double[] { 0, 0 }, [0.5, 0.1], [1, 1] }, o => o.WithStrictOrdering());
        data.Y.AsSpan().ToArray().Should().Equal(0, 1, 0.25);
    }

    public static TheoryData<string, string> BadFiles => new()
    {
        { "", "no data rows" },
        { "x,y\n", "no data rows" },
        { "# only a comment\n\n", "no data rows" },
        { "1\n0\n", "line 1, column 1" },
        { "0,0,0\n0,abc,1\n", "line 2, column 2: 'abc' is not a number" },
        { "0,0,0\n0,,1\n", "line 2, column 2: the cell is empty" },
        { "0,0,0\n0,1\n", "line 2, column 3" },
        { "0,0,0\n0,1,1,1\n", "line 2, column 4" },
        { "0,0,0\n1,1,2\n", "line 2, column 3: the target 2 is outside [0, 1]" },
        { "0,0,-0.5\n", "line 1, column 3" },
        { "0,NaN,1\n", "line 1, column 2: 'NaN' is not a finite number" },
        { "0,0,0\n1e999,0,1\n", "line 2, column 1: '1e999' is not a finite number" },
        { "0,Infinity,1\n", "line 1, column 2" },
        { "a,b,c\n0,0,0\nx,y,z\n", "line 3, column 1" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void Bad_csv_names_the_file_line_and_column(string text, string expected)
    {
        Action read = () => Read(text);

        read.Should().Throw<DataFileException>().Which.Message.Should().StartWith("data.csv").And.Contain(expected).And.NotContain("\n");
    }

    [Fact]
    public void Bad_data_on_the_command_line_exits_2_with_one_line_and_no_output()
    {
        string path = Path.Combine(Path.GetTempPath(), $"xornet-bad-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "0,0,0\n1,1,7\n");
        try
        {
            (int exitCode, string output, string error) = InProcess.Run("--data", path);

            exitCode.Should().Be(ExitCodes.BadInput);
            output.Should().BeEmpty();
            error.Should().Contain(path).And.Contain("line 2, column 3");
            error.TrimEnd('\n').Should().NotContain("\n");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("/no/such/dir/data.csv")]
    [InlineData(".")]
    public void Missing_or_unreadable_files_exit_2(string path)
    {
        (int exitCode, _, string error) = InProcess.Run("--data", path);

        exitCode.Should().Be(ExitCodes.BadInput);
        error.Should().Contain(path);
    }

    [Fact]
    public void Data_and_dataset_together_are_a_usage_error()
    {
        (int exitCode, _, string error) = InProcess.Run("--data", "x.csv", "--dataset", "and");

        exitCode.Should().Be(ExitCodes.BadInput);
        error.Should().Contain("--data").And.Contain("--dataset");
    }

    [Fact]
    public void A_csv_whose_values_overflow_the_network_stops_with_exit_1()
    {
        // Inputs near the largest double overflow X @ W1 to ±infinity; inf - inf is NaN, so the loss is not finite.
        string path = Path.Combine(Path.GetTempPath(), $"xornet-huge-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "1.7e308,-1.7e308,1.7e308,0\n-1.7e308,1.7e308,-1.7e308,1\n");
        try
        {
            (int exitCode, _, string error) = InProcess.Run("--data", path, "--hidden", "16");

            exitCode.Should().Be(ExitCodes.Failed);
            // No update has happened at epoch 0, so the message names the inputs' scale, not the learning rate.
            error.Should().Be("XorNet: the loss is not finite at epoch 0, before any update: the data's inputs (up to 1.7e+308 in absolute value) overflow the network; rescale them, for example to between -1 and 1.\n");
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static Dataset Read(string text) => CsvDataset.Read(new StringReader(text), "data.csv");
}
