using System.Globalization;
using System.Text.Json.Nodes;
using FluentAssertions;

namespace XorNet.Tests;

/// <summary>
/// <c>XorNet data</c>: NumPy's sets written as CSV whose numbers read back to NumPy's doubles, truth tables as rows,
/// <c>--out</c> as every output, and the CSV read back by <c>--data</c> and <c>predict --data</c>.
/// </summary>
public sealed class DataCommandTests
{
    private static readonly JsonNode Fixtures = JsonNode.Parse(Fixture.Text("dataset-transcripts.json"))!;

    public static TheoryData<int> Sets() => [.. Enumerable.Range(0, Fixtures["sets"]!.AsArray().Count)];

    [Theory]
    [MemberData(nameof(Sets))]
    public void The_csv_holds_NumPys_points_and_labels_as_the_same_doubles(int index)
    {
        JsonNode set = Fixtures["sets"]![index]!;

        (int exitCode, string output, string error) = InProcess.Run(
            "data", set["name"]!.GetValue<string>(),
            "--samples", set["samples"]!.GetValue<int>().ToString(CultureInfo.InvariantCulture),
            "--noise", set["noise"]!.GetValue<double>().ToString("R", CultureInfo.InvariantCulture),
            "--data-seed", set["dataSeed"]!.GetValue<uint>().ToString(CultureInfo.InvariantCulture));

        error.Should().BeEmpty();
        exitCode.Should().Be(ExitCodes.Success);
        string[] lines = output.Split('\n');
        lines[0].Should().Be("x1,x2,y");
        lines[^1].Should().BeEmpty("every line ends in a line break");
        double[][] rows = [.. lines[1..^1].Select(line => line.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray())];
        rows.SelectMany(r => r[..2]).Select(BitConverter.DoubleToInt64Bits).Should().Equal(PlaneSetTests.Bits(set["X"]!));
        rows.Select(r => BitConverter.DoubleToInt64Bits(r[2])).Should().Equal(PlaneSetTests.Bits(set["y"]!));
    }

    [Fact]
    public void A_truth_table_is_written_with_a_header_naming_its_inputs_and_targets()
    {
        InProcess.Run("data", "xor").Output.Should().Be("x1,x2,y\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n");
        InProcess.Run("data", "full-adder").Output.Split('\n')[..3].Should().Equal("x1,x2,x3,y1,y2", "0,0,0,0,0", "0,0,1,1,0");
    }

    [Fact]
    public void Training_on_the_written_file_prints_what_training_on_the_set_prints_and_predict_reads_it()
    {
        string directory = Directory.CreateTempSubdirectory("xornet-data-").FullName;
        try
        {
            string csv = Path.Combine(directory, "spiral.csv"), model = Path.Combine(directory, "m.json");
            string[] set = ["--samples", "51", "--noise", "0.2", "--data-seed", "7"];
            InProcess.Run(["data", "spiral", .. set, "--out", csv]).Should().Be((ExitCodes.Success, "", ""));
            File.ReadAllText(csv).Should().Be(InProcess.Run(["data", "spiral", .. set]).Output);

            string[] training = ["--epochs", "300", "--log-every", "50", "--layers", "6,6", "--activation", "tanh"];
            (int exitCode, string fromFile, _) = InProcess.Run([.. training, "--data", csv, "--save", model]);
            exitCode.Should().Be(ExitCodes.Success);
            fromFile.Should().Be(InProcess.Run([.. training, "--dataset", "spiral", .. set]).Output);

            (int predictExit, string predicted, _) = InProcess.Run("predict", "--model", model, "--data", csv);
            predictExit.Should().Be(ExitCodes.Success);
            predicted.Split('\n').Count(line => line.Contains(" -> ", StringComparison.Ordinal)).Should().Be(51);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Out_keeps_a_file_of_another_kind_and_takes_only_csv_names()
    {
        string directory = Directory.CreateTempSubdirectory("xornet-data-").FullName;
        try
        {
            string records = Path.Combine(directory, "runs.csv");
            InProcess.Run("sweep", "--seed", "0-1", "--epochs", "10", "--out", records).ExitCode.Should().Be(ExitCodes.Success);
            string kept = File.ReadAllText(records);

            (int exitCode, _, string error) = InProcess.Run("data", "circle", "--out", records);

            exitCode.Should().Be(ExitCodes.BadInput);
            error.Should().Contain("a sweep's records").And.Contain("is kept");
            File.ReadAllText(records).Should().Be(kept);
            InProcess.Run("data", "circle", "--out", Path.Combine(directory, "circle.txt")).Error.Should().Contain("ending in .csv");
            File.Exists(Path.Combine(directory, "circle.txt")).Should().BeFalse();
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    public static TheoryData<string, string> Mistakes => new()
    {
        { "data circle --samples 0", "--samples does not accept '0': expected a whole number from 1 to 100000000." },
        { "data circle --noise -1", "--noise does not accept '-1': expected a finite number of 0 or more" },
        { "data circle --noise nan", "--noise does not accept 'nan'" },
        { "data circle --data-seed -1", "--data-seed does not accept '-1': expected a whole number from 0 to 4294967295" },
        { "data xor --samples 10", "--samples draws a generated set (circle, gauss, xor-plane, spiral); xor is a truth table" },
        { "data moons", "data does not accept 'moons': expected one of xor, and, or, nand, nor, xnor, parity3, half-adder, full-adder, circle, gauss, xor-plane, spiral." },
        { "data", "data needs the name of a set: one of xor," },
        { "--dataset circle --samples 0", "--samples does not accept '0'" },
        { "--dataset circle --noise -1", "--noise does not accept '-1'" },
        { "--dataset circle --noise nan", "--noise does not accept 'nan'" },
        { "--dataset circle --noise inf", "--noise does not accept 'inf'" },
        { "--dataset circle --data-seed -1", "--data-seed does not accept '-1'" },
        { "--dataset circle --data-seed 4294967296", "--data-seed does not accept '4294967296'" },
        { "--dataset xor --samples 10", "--samples draws a generated set (circle, gauss, xor-plane, spiral); xor is a truth table" },
        { "--noise 0.2", "--noise draws a generated set (circle, gauss, xor-plane, spiral); xor is a truth table" },
        { "--data DATA --data-seed 3", "--data-seed draws a generated set (circle, gauss, xor-plane, spiral); --data reads its rows from a file" },
        { "--dataset moons", "--dataset does not accept 'moons': expected one of xor, and, or, nand, nor, xnor, parity3, half-adder, full-adder, circle, gauss, xor-plane, spiral." },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void A_bad_value_is_one_line_with_exit_code_2(string command, string message)
    {
        string[] args = command.Replace("DATA", Fixture.Path("xor-square-200.csv"), StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries);

        (int exitCode, string output, string error) = InProcess.Run(args);

        exitCode.Should().Be(ExitCodes.BadInput);
        output.Should().BeEmpty();
        error.Should().StartWith("XorNet: ").And.Contain(message).And.EndWith("\n");
        error.TrimEnd('\n').Should().NotContain("\n");
    }
}
