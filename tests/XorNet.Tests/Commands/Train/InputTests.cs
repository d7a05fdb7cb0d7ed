using System.Runtime.Versioning;
using FluentAssertions;

namespace XorNet.Tests;

/// <summary>
/// The files XorNet reads: <c>-</c> is standard input for --data and predict --data, predict reads rows from
/// standard input when it has none, and a path that cannot be read is one line in words (exit 2).
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class InputTests : IDisposable
{
    private const string XorCsv = "x1,x2,y\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n";

    private readonly string _directory = Directory.CreateTempSubdirectory("xornet-inputs-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Data_dash_trains_on_standard_input_as_on_the_same_file()
    {
        string file = Path.Combine(_directory, "xor.csv");
        File.WriteAllText(file, XorCsv);

        (int exitCode, string fromInput, string error) = InProcess.RunWithInput(XorCsv, "--data", "-", "--epochs", "300", "--log-every", "100");

        exitCode.Should().Be(ExitCodes.Success, error);
        fromInput.Should().Be(InProcess.Run("--data", file, "--epochs", "300", "--log-every", "100").Output);
        InProcess.RunWithInput(XorCsv, "--data", "-", "--epochs", "1", "--format", "json").Output.Should().Contain("\"data\": \"standard input\"");
    }

    [Fact]
    public void Predict_data_dash_reads_the_csv_from_standard_input()
    {
        string model = SavedModel();
        string file = Path.Combine(_directory, "xor.csv");
        File.WriteAllText(file, XorCsv);

        (int exitCode, string output, string error) = InProcess.RunWithInput(XorCsv, "predict", "--model", model, "--data", "-");

        exitCode.Should().Be(ExitCodes.Success, error);
        output.Should().Be(InProcess.Run("predict", "--model", model, "--data", file).Output).And.Contain("MSE: ");
    }

    [Fact]
    public void Predict_without_rows_reads_them_from_standard_input_one_a_line()
    {
        string model = SavedModel();

        (int exitCode, string output, string error) = InProcess.RunWithInput("0,0\n\n 0,1 \r\n1,0\n1,1", "predict", "--model", model);

        exitCode.Should().Be(ExitCodes.Success, error);
        output.Should().Be(InProcess.Run("predict", "--model", model, "0,0", "0,1", "1,0", "1,1").Output);
    }

    [Fact]
    public void A_piped_row_without_an_end_is_refused_at_the_limit_of_a_line_not_gathered()
    {
        string model = SavedModel();

        // One more character than a CSV line may hold, and no line break: refused in one line, nothing predicted.
        var (exitCode, output, error) = InProcess.RunWithInput(new string('0', CsvLineReader.DefaultMaxLength + 1), "predict", "--model", model);

        exitCode.Should().Be(ExitCodes.BadInput);
        output.Should().BeEmpty();
        error.Should().StartWith("XorNet: standard input, line 1: the line is longer than 16777216 characters").And.EndWith("\n");
        error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().ContainSingle();
    }

    [Fact]
    public void Rows_on_standard_input_are_checked_as_arguments_are()
    {
        string model = SavedModel();

        // Rows piped in are answered as they come (the stream may have no end), so those before the bad one are.
        InProcess.RunWithInput("0,1\n0,x\n", "predict", "--model", model).Should().Be(
            (ExitCodes.BadInput, InProcess.Run("predict", "--model", model, "0,1").Output, "XorNet: row '0,x': 'x' is not a number.\n"));
        InProcess.RunWithInput("\n  \n", "predict", "--model", model).Should().Be(
            (ExitCodes.BadInput, "", "XorNet: predict read no rows from standard input; give rows such as 0,1, one a line.\n"));
    }

    [Fact]
    public void Predict_with_nothing_on_a_terminal_says_what_it_needs()
    {
        string model = SavedModel();

        (int exitCode, string output, string error) = InProcess.Run("predict");
        exitCode.Should().Be(ExitCodes.BadInput);
        output.Should().BeEmpty();
        error.Should().StartWith("XorNet: predict needs --model PATH.json and input rows such as 0,1, --data PATH.csv, or rows on standard input.");
        error.TrimEnd('\n').Should().NotContain("\n");

        InProcess.Run("predict", "--model", model).Error.Should().StartWith(
            "XorNet: predict needs input rows such as 0,1, --data PATH.csv, or rows on standard input.");
        InProcess.Run("predict", "0,1").Error.Should().StartWith("XorNet: predict needs --model PATH.json, a network saved with --save.");
        InProcess.RunWithInput("0,1\n", "predict").Error.Should().StartWith("XorNet: predict needs --model PATH.json");
    }

    public static TheoryData<string[], string> EmptyPaths => new()
    {
        { ["--data", ""], "XorNet: --data '': the path is empty; give a file such as data.csv, or - for standard input.\n" },
        { ["predict", "--model", "", "0,1"], "XorNet: --model '': the path is empty; give a file such as model.json.\n" },
    };

    [Theory]
    [MemberData(nameof(EmptyPaths))]
    public void An_empty_input_path_is_one_line(string[] args, string expected) =>
        InProcess.Run(args).Should().Be((ExitCodes.BadInput, "", expected));

    [Fact]
    public void An_empty_predict_data_path_is_one_line()
    {
        string model = SavedModel();

        InProcess.Run("predict", "--model", model, "--data", "").Should().Be(
            (ExitCodes.BadInput, "", "XorNet: --data '': the path is empty; give a file such as data.csv, or - for standard input.\n"));
    }

    [Fact]
    public void Directories_and_missing_files_are_one_line_in_words()
    {
        string model = SavedModel();
        string missing = Path.Combine(_directory, "missing.csv");
        string directory = Path.Combine(_directory, "adir");
        Directory.CreateDirectory(directory);

        InProcess.Run("--data", missing).Should().Be((ExitCodes.BadInput, "", $"XorNet: --data {missing}: there is no such file.\n"));
        InProcess.Run("--data", directory).Should().Be(
            (ExitCodes.BadInput, "", $"XorNet: --data {directory}: is a directory; give a file such as {directory}/data.csv.\n"));
        InProcess.Run("predict", "--model", model, "--data", missing).Should().Be(
            (ExitCodes.BadInput, "", $"XorNet: --data {missing}: there is no such file.\n"));
        InProcess.Run("predict", "--model", model, "--data", directory).Error.Should().Be(
            $"XorNet: --data {directory}: is a directory; give a file such as {directory}/data.csv.\n");
        InProcess.Run("predict", "--model", directory, "0,1").Should().Be(
            (ExitCodes.BadInput, "", $"XorNet: --model {directory}: is a directory; give a file such as {directory}/model.json.\n"));
        InProcess.Run("predict", "--model", Path.Combine(_directory, "none.json"), "0,1").Should().Be(
            (ExitCodes.BadInput, "", $"XorNet: --model {_directory}/none.json: there is no such file.\n"));
    }

    [Fact]
    public void A_relative_missing_path_is_named_as_typed_not_made_absolute()
    {
        string name = $"xornet-missing-{Guid.NewGuid():N}.csv";

        (int exitCode, _, string error) = InProcess.Run("--data", name);

        exitCode.Should().Be(ExitCodes.BadInput);
        error.Should().Be($"XorNet: --data {name}: there is no such file.\n");
    }

    [Fact]
    public void Loading_a_missing_file_directly_says_so_in_words()
    {
        // The readers' own messages, for a file that vanishes between the check and the read.
        string missing = Path.Combine(_directory, "gone.csv");

        FluentActions.Invoking(() => CsvDataset.Load(missing)).Should().Throw<DataFileException>()
            .Which.Message.Should().Be($"cannot read {missing}: there is no such file.");
        FluentActions.Invoking(() => ModelFile.Load(_directory)).Should().Throw<ModelFileException>()
            .Which.Message.Should().Be($"cannot read {_directory}: it is a directory.");
    }

    [Fact]
    public void An_unreadable_file_is_one_line()
    {
        File.SetUnixFileMode(_directory, (UnixFileMode)0x1ED); // 755: reachable by the unprivileged user
        string file = Path.Combine(_directory, "secret.csv");
        File.WriteAllText(file, XorCsv);
        File.SetUnixFileMode(file, UnixFileMode.UserWrite);

        Posix.RunAsOrdinaryUser("--data", file).Should().Be(
            (ExitCodes.BadInput, "", $"XorNet: --data {file}: the file is not readable (permission denied).\n"));
    }

    private string SavedModel()
    {
        string model = Path.Combine(_directory, "xor.json");
        if (!File.Exists(model))
        {
            InProcess.Run("--epochs", "3000", "--save", model).ExitCode.Should().Be(ExitCodes.Success);
        }

        return model;
    }
}
