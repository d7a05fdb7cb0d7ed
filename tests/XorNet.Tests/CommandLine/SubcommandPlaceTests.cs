using FluentAssertions;

namespace XorNet.Tests;

/// <summary>
/// An option given before a command's name belongs to the command it follows, which does not run: it is refused in
/// one line naming where it belongs, for every command and every option before it.
/// </summary>
public sealed class SubcommandPlaceTests
{
    public static TheoryData<string[], string> Misplaced => new()
    {
        { ["--epochs", "5", "predict", "--model", "m.json", "0,0"], "--epochs is an option of training (XorNet without a command), not of predict; drop it." },
        { ["--save", "a.json", "inspect", "--model", "m.json"], "--save is an option of training (XorNet without a command), not of inspect; drop it." },
        { ["--metrics", "predict", "--model", "m.json", "0,0"], "--metrics is an option of training (XorNet without a command), not of predict; drop it." },
        { ["--epochs", "5", "sweep", "--seed", "0"], "--epochs is given before 'sweep', where it is an option of training (XorNet without a command); give it after 'sweep'." },
        { ["--format", "json", "sweep", "summarize", "runs.csv"], "--format is given before 'sweep summarize', where it is an option of training (XorNet without a command); give it after 'sweep summarize'." },
        { ["sweep", "--seed", "1", "summarize", "runs.csv"], "--seed is an option of sweep, not of sweep summarize; drop it." },
        { ["--lr", "0.5", "sweep", "summarize", "runs.csv"], "--learning-rate is an option of training (XorNet without a command), not of sweep summarize; drop it." },
    };

    [Theory]
    [MemberData(nameof(Misplaced))]
    public void An_option_before_a_command_is_refused_naming_where_it_belongs(string[] args, string message)
    {
        (int exitCode, string output, string error) = InProcess.Run(args);

        exitCode.Should().Be(ExitCodes.BadInput);
        output.Should().BeEmpty();
        error.Should().StartWith($"XorNet: {message} Run '").And.EndWith(" --help' for the options and the values they accept.\n");
    }

    [Fact]
    public void Help_before_a_command_still_helps()
    {
        // --help acts wherever it is given: it is no option of training left behind.
        (int exitCode, string output, _) = InProcess.Run("--help", "predict");
        exitCode.Should().Be(ExitCodes.Success);
        output.Should().Contain("--model");
    }
}
