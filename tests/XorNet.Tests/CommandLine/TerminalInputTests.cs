using FluentAssertions;

namespace XorNet.Tests;

/// <summary>
/// An option told to read standard input (-) when standard input is a terminal would wait for typed CSV without a
/// word: it says what it needs instead, as predict does without rows, for every command and every such option.
/// </summary>
public sealed class TerminalInputTests
{
    public static TheoryData<string[], string> Readers => new()
    {
        { ["--data", "-", "--epochs", "1"], "--data" },
        { ["--validation", "-", "--epochs", "1"], "--validation" },
        { ["predict", "--model", "m.json", "--data", "-"], "--data" },
        { ["sweep", "--seed", "0", "--data", "-"], "--data" },
    };

    [Theory]
    [MemberData(nameof(Readers))]
    public void Standard_input_on_a_terminal_is_refused_in_words(string[] args, string option)
    {
        // InProcess.Run runs with standard input a terminal (and empty, so a run that read it would not hang the test).
        (int exitCode, string output, string error) = InProcess.Run(args);

        exitCode.Should().Be(ExitCodes.BadInput);
        output.Should().BeEmpty();
        error.Should().StartWith($"XorNet: {option} - reads CSV rows from standard input, which is a terminal here; pipe them in ({option} - < data.csv) or give a file such as data.csv. Run '");
    }

    [Fact]
    public void Piped_standard_input_is_read_as_before()
    {
        (int exitCode, _, string error) = InProcess.RunWithInput("0,0,0\n0,1,1\n1,0,1\n1,1,0\n", "--data", "-", "--epochs", "1");

        exitCode.Should().Be(ExitCodes.Success, error);
    }
}
