using System.Runtime.Versioning;
using FluentAssertions;

namespace XorNet.Tests;

/// <summary>
/// A file name that is not UTF-8 cannot reach a file through .NET, which decodes arguments with U+FFFD for such
/// bytes: it is refused in words, its bytes shown as the shell writes them, rather than reported missing or written
/// under another name. A name that really holds U+FFFD is a file name like any other.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class ArgumentBytesTests : IDisposable
{
    private static readonly string Program = Path.Combine(AppContext.BaseDirectory, "XorNet.dll");

    private readonly string _directory = Directory.CreateTempSubdirectory("xornet-argument-bytes-").FullName;

    // rm(1): .NET cannot name the files these tests make.
    public void Dispose() => Posix.Tool("rm", "-rf", _directory);

    [Theory]
    [InlineData("--data", @"\377\376.csv", @"$'\xff\xfe.csv'")]
    [InlineData("--save", @"\377.json", @"$'\xff.json'")]
    [InlineData("--plot-loss", @"caf\303.svg", @"$'caf\xc3.svg'")]
    public void A_name_that_is_not_UTF_8_is_refused_in_words_and_nothing_is_written(string option, string octal, string shown)
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "reads /proc/self/cmdline");

        // The shell makes the bytes: .NET could not pass them to a process either.
        (int exitCode, string output) = Posix.Tool(
            "sh", "-c", $"cd \"$0\" && name=$(printf '{octal}') && : > \"$name\" && dotnet \"$1\" --epochs 1 {option} \"$name\" 2>&1; echo \"exit $?\"", _directory, Program);

        exitCode.Should().Be(0);
        output.Should().Be(
            $"XorNet: the argument {shown} (after {option}) is not UTF-8 text, so no file of that name can be opened or written here; rename the file, or give a link to it whose name is UTF-8.\nexit 2\n");
        Directory.GetFiles(_directory).Should().HaveCount(1, "only the file the shell made; nothing written under a name with U+FFFD");
    }

    [Fact]
    public void A_name_that_holds_the_replacement_character_itself_is_a_name_like_any_other()
    {
        string path = Path.Combine(_directory, "\uFFFD.json");

        (int exitCode, _, string error) = InProcess.Run("--epochs", "1", "--save", path);

        exitCode.Should().Be(ExitCodes.Success, error);
        File.Exists(path).Should().BeTrue();
    }
}
