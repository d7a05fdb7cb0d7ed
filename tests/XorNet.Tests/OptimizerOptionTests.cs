using FluentAssertions;

namespace XorNet.Tests;

/// <summary>The update-rule options refuse bad values, and options the chosen rule does not use, in one line with exit 2.</summary>
public sealed class OptimizerOptionTests
{
    [Theory]
    [InlineData("--batch-size 0", "--batch-size")]
    [InlineData("--batch-size 1.5", "--batch-size")]
    [InlineData("--optimizer momentum --momentum -1", "--momentum")]
    [InlineData("--optimizer momentum --momentum 1", "--momentum")]
    [InlineData("--optimizer adam --betas 1,0.9", "--betas")]
    [InlineData("--optimizer adam --betas 0.9", "--betas")]
    [InlineData("--optimizer adam --betas 0.9,0.99,0.9", "--betas")]
    [InlineData("--weight-decay -1", "--weight-decay")]
    [InlineData("--weight-decay nan", "--weight-decay")]
    [InlineData("--optimizer adagrad", "--optimizer")]
    [InlineData("--optimizer adam --momentum 0.9", "--momentum")]
    [InlineData("--momentum 0.9", "--momentum")]
    [InlineData("--optimizer rprop --betas 0.9,0.999", "--betas")]
    [InlineData("--optimizer nesterov --betas 0.9,0.999", "--betas")]
    public void A_bad_value_or_an_unused_option_is_one_line_and_exit_2(string arguments, string option)
    {
        (int exitCode, string output, string error) = Cli.Run(arguments.Split(' '));

        exitCode.Should().Be(ExitCodes.BadInput);
        output.Should().BeEmpty();
        error.TrimEnd('\n').Should().NotContain("\n").And.StartWith($"XorNet: {option} ");
        error.Should().NotContain("Exception");
    }

    [Theory]
    [InlineData("--optimizer momentum --momentum 0")]
    [InlineData("--optimizer nesterov --momentum 0.99")]
    [InlineData("--optimizer adam --betas 0,0.5")]
    [InlineData("--optimizer rprop --weight-decay 0")]
    [InlineData("--batch-size 2147483647")]
    public void Values_at_the_edges_of_what_is_accepted_train(string arguments)
    {
        (int exitCode, _, string error) = Cli.Run([.. arguments.Split(' '), "--epochs", "3"]);

        error.Should().BeEmpty();
        exitCode.Should().Be(ExitCodes.Success);
    }

    [Fact]
    public void Plain_sgd_named_or_not_is_the_notebook_to_the_byte()
    {
        string notebook = Fixture.Text("notebook-transcript.txt");

        Cli.Run().Output.Should().Be(notebook);
        Cli.Run("--optimizer", "sgd", "--weight-decay", "0").Output.Should().Be(notebook);
    }
}
