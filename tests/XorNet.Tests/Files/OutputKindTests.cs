using System.Runtime.Versioning;
using FluentAssertions;

namespace XorNet.Tests;

/// <summary>
/// Every output option takes names of its own kind (a picture ends in .svg, a model in .json), devices and names
/// without an extension as they are, and never replaces a file that plainly holds another kind. All is checked before
/// training: a refused run is one line, exit 2, and changes nothing.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class OutputKindTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("xornet-output-kinds-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    // Each picture option of training, with what else it needs; a model (--save) is the other kind.
    public static TheoryData<string, string[]> Pictures => new()
    {
        { "--plot-loss", [] },
        { "--plot-boundary", [] },
        { "--plot-units", [] },
        { "--plot-network", [] },
        { "--animate", [] },
    };

    [Theory]
    [MemberData(nameof(Pictures))]
    public void A_picture_option_does_not_replace_a_saved_model(string option, string[] extra)
    {
        string model = Path.Combine(_directory, "xor.json");
        InProcess.Run("--epochs", "5", "--save", model).ExitCode.Should().Be(ExitCodes.Success);
        byte[] before = File.ReadAllBytes(model);

        (int exitCode, string output, string error) = InProcess.Run(["--epochs", "5", .. extra, option, model]);

        exitCode.Should().Be(ExitCodes.BadInput);
        output.Should().BeEmpty("the name is refused before training");
        error.Should().Be($"XorNet: {option} {model}: a picture is written as SVG, to a name ending in .svg (such as {Example(option)}), not .json.\n");
        File.ReadAllBytes(model).Should().Equal(before);
    }

    [Theory]
    [InlineData("model.svg", ".svg")]
    [InlineData("model.csv", ".csv")]
    [InlineData("model.JSON.txt", ".txt")]
    public void A_model_goes_to_a_json_name(string name, string extension)
    {
        string path = Path.Combine(_directory, name);

        (int exitCode, string output, string error) = InProcess.Run("--epochs", "5", "--save", path);

        exitCode.Should().Be(ExitCodes.BadInput);
        output.Should().BeEmpty();
        error.Should().Be($"XorNet: --save {path}: a model is written as JSON, to a name ending in .json (such as model.json), not {extension}.\n");
        File.Exists(path).Should().BeFalse();
    }

    [Theory]
    [InlineData("sweep", "--seed", "0", "--epochs", "5", "--plot")]
    [InlineData("sweep", "summarize", "RECORDS", "--plot")]
    public void The_sweep_pictures_follow_the_same_rule(params string[] args)
    {
        string records = Path.Combine(_directory, "runs.csv");
        InProcess.Run("sweep", "--seed", "0", "--epochs", "5", "--out", records).ExitCode.Should().Be(ExitCodes.Success);
        string model = Path.Combine(_directory, "xor.json");
        InProcess.Run("--epochs", "5", "--save", model).ExitCode.Should().Be(ExitCodes.Success);
        string noExtension = Path.Combine(_directory, "saved");
        File.Copy(model, noExtension);
        string[] command = [.. args.Select(a => a == "RECORDS" ? records : a)];

        InProcess.Run([.. command, model]).Error.Should().Be($"XorNet: --plot {model}: a picture is written as SVG, to a name ending in .svg (such as sweep.svg), not .json.\n");
        (int exitCode, string output, string error) = InProcess.Run([.. command, noExtension]);

        exitCode.Should().Be(ExitCodes.BadInput);
        output.Should().BeEmpty();
        error.Should().Be($"XorNet: --plot {noExtension}: the file holds a saved model and is kept: a picture would replace it; give another path, or remove the file first.\n");
        File.ReadAllBytes(noExtension).Should().Equal(File.ReadAllBytes(model));
    }

    [Fact]
    public void A_file_without_an_extension_is_kept_when_it_holds_the_other_kind_and_replaced_when_it_holds_its_own()
    {
        string picture = Path.Combine(_directory, "curve");
        InProcess.Run("--epochs", "5", "--plot-loss", picture).ExitCode.Should().Be(ExitCodes.Success);
        string before = File.ReadAllText(picture);
        before.Should().StartWith("<svg");

        (int exitCode, _, string error) = InProcess.Run("--epochs", "5", "--save", picture);
        exitCode.Should().Be(ExitCodes.BadInput);
        error.Should().Be($"XorNet: --save {picture}: the file holds a picture (SVG) and is kept: a model would replace it; give another path, or remove the file first.\n");
        File.ReadAllText(picture).Should().Be(before);

        // Its own kind, or a name never written, is replaced as before.
        InProcess.Run("--epochs", "7", "--plot-loss", picture).ExitCode.Should().Be(ExitCodes.Success);
        File.ReadAllText(picture).Should().StartWith("<svg").And.NotBe(before);
        string fresh = Path.Combine(_directory, "model");
        InProcess.Run("--epochs", "5", "--save", fresh).ExitCode.Should().Be(ExitCodes.Success);
        InProcess.Run("--epochs", "6", "--save", fresh).ExitCode.Should().Be(ExitCodes.Success);
    }

    [Fact]
    public void A_picture_name_holding_a_model_is_kept()
    {
        // A model saved under a picture's name (as earlier versions allowed) is still a model.
        string model = Path.Combine(_directory, "xor.json");
        InProcess.Run("--epochs", "5", "--save", model).ExitCode.Should().Be(ExitCodes.Success);
        string misnamed = Path.Combine(_directory, "loss.svg");
        File.Copy(model, misnamed);

        (int exitCode, _, string error) = InProcess.Run("--epochs", "5", "--plot-loss", misnamed);

        exitCode.Should().Be(ExitCodes.BadInput);
        error.Should().Contain("the file holds a saved model and is kept: a picture would replace it");
        File.ReadAllBytes(misnamed).Should().Equal(File.ReadAllBytes(model));
    }

    [Fact]
    public void A_file_of_records_or_other_json_is_kept_from_either_kind()
    {
        string records = Path.Combine(_directory, "runs");
        InProcess.Run("sweep", "--seed", "0", "--epochs", "5", "--out", Path.Combine(_directory, "runs.csv")).ExitCode.Should().Be(ExitCodes.Success);
        File.Copy(Path.Combine(_directory, "runs.csv"), records);
        string report = Path.Combine(_directory, "report");
        File.WriteAllText(report, InProcess.Run("--epochs", "5", "--format", "json").Output);

        InProcess.Run("--epochs", "5", "--save", records).Error.Should().Be(
            $"XorNet: --save {records}: the file holds a sweep's records and is kept: a model would replace it; give another path, or remove the file first.\n");
        InProcess.Run("--epochs", "5", "--plot-loss", report).Error.Should().Be(
            $"XorNet: --plot-loss {report}: the file holds JSON that is not a saved model and is kept: a picture would replace it; give another path, or remove the file first.\n");
        InProcess.Run("--epochs", "5", "--save", report).ExitCode.Should().Be(ExitCodes.BadInput);
    }

    [Fact]
    public void Devices_are_taken_whatever_their_name()
    {
        (int exitCode, _, string error) = InProcess.Run("--epochs", "5", "--save", "/dev/null");
        exitCode.Should().Be(ExitCodes.Success, error);
        InProcess.Run("--epochs", "5", "--plot-network", "/dev/null").ExitCode.Should().Be(ExitCodes.Success);
    }

    private static string Example(string option) => option switch
    {
        "--plot-loss" => "loss.svg",
        "--plot-boundary" => "boundary.svg",
        "--plot-units" => "units.svg",
        "--plot-network" => "network.svg",
        _ => "training.svg",
    };
}
