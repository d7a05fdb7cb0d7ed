using System.Text;
using FluentAssertions;

namespace XorNet.Tests;

/// <summary>
/// predict --model with a file that is not a usable model: one line in words, with the line and column of the
/// problem, and nothing of the JSON parser's own text.
/// </summary>
public sealed class ModelFileErrorTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("xornet-model-errors-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    // Line 3 is the weights line; W1's value starts at column 20.
    private const string Template = """
        {"format": "xornet-model", "version": 1, "inputs": 2, "hidden": 2, "outputs": 1,
         "activation": "sigmoid",
         "weights": {"W1": [[1, 2], [3, 4]], "b1": [[0, 0]], "W2": [[1], [-1]], "b2": [[0.5]]}}
        """;

    public static TheoryData<string, string> BadModels => new()
    {
        { "", "m.json: the file is empty; expected a model written by XorNet --save" },
        { "  \n\n", "m.json: the file is empty; expected a model written by XorNet --save" },
        { "hello world", "m.json: not a model file: it is not JSON (it begins 'hello world')" },
        { "x1,x2,y\n0,0,0\n", @"m.json: not a model file: it is not JSON (it begins 'x1,x2,y\n0,0,0\n')" },
        { Template[..120], "m.json, line 3, column 14: the JSON ends too early (is the file cut short?)" },
        { "{\"format\": \"xornet-model\",\n  \"version\": 1,,}", "m.json, line 2, column 16: the JSON is malformed at ',}'" },
        { Template + " trailing", "m.json, line 3, column 89: the JSON is malformed at 'trailing'" },
        { "[1, 2]", "m.json: not a model file (no \"format\": \"xornet-model\"); write one with XorNet --save" },
        { "null", "m.json: not a model file (no \"format\": \"xornet-model\"); write one with XorNet --save" },
        { "{\"weights\": {}}", "m.json: not a model file (no \"format\": \"xornet-model\"); write one with XorNet --save" },
        { Replace("\"xornet-model\"", "\"other\""), "m.json, line 1, column 12: not a model file: \"format\" is 'other', not \"xornet-model\"" },
        { Replace("\"version\": 1", "\"version\": 4"), "m.json, line 1, column 39: version 4 is not supported; this program reads versions 1 to 3" },
        { Replace("\"version\": 1", "\"version\": \"1\""), "m.json, line 1, column 39: \"version\" must be a whole number, not a string" },
        { Replace("\"version\": 1, ", ""), "m.json: the model has no \"version\"" },
        { Replace("\"inputs\": 2, ", ""), "m.json: the model has no \"inputs\"" },
        { Replace("\"hidden\": 2", "\"hidden\": 0"), "m.json, line 1, column 65: \"hidden\" must be a whole number ≥ 1, not 0" },
        { Replace("\"hidden\": 2", "\"hidden\": 2.5"), "m.json, line 1, column 65: \"hidden\" must be a whole number ≥ 1, not 2.5" },
        { Replace("\"outputs\": 1", "\"outputs\": 2"), "m.json, line 1, column 79: \"outputs\" is 2; version 1 files hold networks with one output" },
        { Replace("\"sigmoid\"", "\"relu\""), "m.json, line 2, column 16: \"activation\" is 'relu'; only \"sigmoid\" is supported" },
        { Replace("\"weights\"", "\"weightz\""), "m.json, line 3, column 2: \"weightz\" is not a field this program knows; a version 1 model file has \"format\", \"version\", \"inputs\", \"hidden\", \"outputs\", \"activation\", \"weights\" and \"training\"" },

        // A field the format does not have would be dropped without a word: the file is not what it says it is.
        { Replace("\"b2\": [[0.5]]", "\"b2\": [[0.5]], \"W3\": [[1]]"), "m.json, line 3, column 88: \"W3\" is not a field this program knows; \"weights\" of a network with layers [2] holds W1, b1, W2 and b2" },
        { Replace("\"outputs\": 1,", "\"outputs\": 1, \"colour\": 1,"), "m.json, line 1, column 82: \"colour\" is not a field this program knows; a version 1 model file has \"format\", \"version\", \"inputs\", \"hidden\", \"outputs\", \"activation\", \"weights\" and \"training\"" },
        { Replace("\"hidden\": 2", "\"hidden\": 2, \"layers\": [2]"), "m.json, line 1, column 68: \"layers\" is not a field this program knows; a version 1 model file has \"format\", \"version\", \"inputs\", \"hidden\", \"outputs\", \"activation\", \"weights\" and \"training\"" },
        { Template[..^1] + ",\n \"training\": {\"data\": \"xor\", \"seed\": 1, \"colour\": 1}}", "m.json, line 4, column 14: \"training\" is not a record of training as --save writes it (data, seed, learningRate, epochs and finalLoss; for a continued run also initFrom, epochsBefore and earlier)" },
        { Template[..Template.IndexOf("\"weights\"", StringComparison.Ordinal)] + "\"weights\": [1]}", "m.json, line 3, column 13: \"weights\" must be an object holding W1, b1, W2 and b2, not an array" },
        { Replace("\"b2\"", "\"b3\""), "m.json, line 3, column 13: \"weights\" has no \"b2\"" },
        { Replace("[[1, 2], [3, 4]]", "5"), "m.json, line 3, column 20: W1 must be an array of rows of numbers, not a number" },
        { Replace("[[1, 2], [3, 4]]", "[1, 2, 3, 4]"), "m.json, line 3, column 21: W1 must be an array of rows of numbers; found the number 1 where a row was expected" },
        { Replace("[[1, 2], [3, 4]]", "[[1, \"2\"], [3, 4]]"), "m.json, line 3, column 25: W1 must be an array of rows of numbers; found the string '2'" },
        { Replace("[[1, 2], [3, 4]]", "[[1, null], [3, 4]]"), "m.json, line 3, column 25: W1 must be an array of rows of numbers; found null" },
        { Replace("[[1, 2], [3, 4]]", "[[1, 2], [3, 4], [5, 6]]"), "m.json, line 3, column 37: W1 has more than 2 rows; W1 must be 2 × 2 for 2 inputs and 2 hidden units" },
        { Replace("[[1, 2], [3, 4]]", "[[1, 2]]"), "m.json, line 3, column 20: W1 has 1 row; W1 must be 2 × 2 for 2 inputs and 2 hidden units" },
        { Replace("[[1, 2], [3, 4]]", "[[1, 2], [3]]"), "m.json, line 3, column 29: row 2 of W1 has 1 number; W1 must be 2 × 2 for 2 inputs and 2 hidden units" },
        { Replace("[[1, 2], [3, 4]]", "[[1, 2, 7], [3, 4]]"), "m.json, line 3, column 28: row 1 of W1 has more than 2 numbers; W1 must be 2 × 2 for 2 inputs and 2 hidden units" },
        { Replace("[[0.5]]", "[[1e999]]"), "m.json, line 3, column 81: b2 holds 1e999, which is not a finite number" },
        { Replace("\"inputs\": 2, ", "\"inputs\": 2, \"inputs\": 2, "), "m.json, line 1, column 65: \"inputs\" appears twice" },

        // Half a surrogate pair is valid JSON syntax but no text (found by fuzzing): in a name and in a value.
        { Replace("\"version\"", "\"\\ud800ersion\""), "m.json, line 1, column 28: a string has a \\u escape that is not valid text (half of a surrogate pair)" },
        { Replace("\"sigmoid\"", "\"sig\\udc00moid\""), "m.json, line 2, column 16: a string has a \\u escape that is not valid text (half of a surrogate pair)" },
        { Replace("[[1, 2], [3, 4]]", "[[1, \"\\ud800\"], [3, 4]]"), "m.json, line 3, column 25: W1 must be an array of rows of numbers; found a string that is not valid text" },
    };

    [Theory]
    [MemberData(nameof(BadModels))]
    public void A_bad_model_is_one_line_in_words_with_its_place(string text, string expected)
    {
        string error = RunBad(Encoding.UTF8.GetBytes(text));

        error.Should().Be($"XorNet: {Path.Combine(_directory, expected)}");
    }

    [Fact]
    public void The_template_of_the_bad_cases_is_itself_a_usable_model()
    {
        string model = Path.Combine(_directory, "m.json");
        File.WriteAllText(model, Template);

        InProcess.Run("predict", "--model", model, "0,1").ExitCode.Should().Be(ExitCodes.Success);
    }

    [Fact]
    public void A_byte_order_mark_and_crlf_line_ends_are_accepted()
    {
        string crlf = Template.ReplaceLineEndings("\r\n");
        string model = Path.Combine(_directory, "m.json");
        File.WriteAllBytes(model, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(crlf)]);

        InProcess.Run("predict", "--model", model, "0,1").ExitCode.Should().Be(ExitCodes.Success);
        ModelFile.Parse("\uFEFF" + crlf, "m.json").Architecture.HiddenSizes.Should().Equal(2);
    }

    [Fact]
    public void Columns_count_characters_not_bytes()
    {
        // "é" is two bytes in UTF-8; the column after it is still 1 character on.
        string error = RunBad(Encoding.UTF8.GetBytes(Replace("\"activation\": \"sigmoid\"", "\"é\": 0, \"é\": 0, \"activation\": \"sigmoid\"")));

        error.Should().EndWith("m.json, line 2, column 15: \"é\" appears twice");
    }

    [Fact]
    public void Control_bytes_in_a_quoted_value_are_escaped_and_cut()
    {
        string error = RunBad(Encoding.UTF8.GetBytes(Replace("\"sigmoid\"", "\"\\u001b[2J\\u0000" + new string('x', 200) + "\"")));

        error.Should().Contain(@"""activation"" is '\x1b[2J\x00xxxxxxxxxxxxx…'");
        error.Should().NotContainAny("\x1b", "\0");
    }

    [Fact]
    public void Binary_garbage_is_not_json_with_an_escaped_excerpt()
    {
        byte[] garbage = [0x7F, (byte)'E', (byte)'L', (byte)'F', 0x02, 0x01, 0x01, 0x00, .. new byte[1000]];

        string error = RunBad(garbage);

        error.Should().StartWith($"XorNet: {Path.Combine(_directory, "m.json")}: not a model file: it is not JSON (it begins '\\x7fELF\\x02\\x01\\x01\\x00");
        error.Length.Should().BeLessThan(300);
    }

    [Fact]
    public void Random_bytes_never_throw_anything_but_a_model_file_error()
    {
        // Seeded for reproducibility; mutations of a valid model reach the checks past the JSON syntax.
        var random = new Random(8);
        byte[] valid = Encoding.UTF8.GetBytes(Template);
        for (int i = 0; i < 3000; i++)
        {
            byte[] bytes = [.. valid];
            if (i % 3 == 0)
            {
                bytes = new byte[random.Next(0, 60)];
                random.NextBytes(bytes);
            }
            else
            {
                for (int m = random.Next(1, 4); m > 0; m--)
                {
                    bytes[random.Next(bytes.Length)] = "0123456789-.e,[]{}\" tnx\u00ff"u8.ToArray()[random.Next(25)];
                }

                bytes = bytes[..random.Next(bytes.Length / 2, bytes.Length + 1)];
            }

            try
            {
                ModelFile.Parse(Encoding.UTF8.GetString(bytes), "m.json");
            }
            catch (ModelFileException e)
            {
                e.Message.Should().StartWith("m.json").And.NotContainAny("\n", "\r", "\0", "System.", "LineNumber", "BytePositionInLine");
            }
        }
    }

    private static string Replace(string old, string replacement) => Template.Replace(old, replacement, StringComparison.Ordinal);

    // Runs predict with the model and checks what every bad model must give: exit 2, nothing on stdout, exactly one
    // line on stderr naming the file and nothing of .NET's own; returns that line.
    private string RunBad(byte[] bytes)
    {
        string path = Path.Combine(_directory, "m.json");
        File.WriteAllBytes(path, bytes);

        (int exitCode, string output, string error) = InProcess.Run("predict", "--model", path, "0,1");

        exitCode.Should().Be(ExitCodes.BadInput);
        output.Should().BeEmpty();
        error.Should().EndWith("\n");
        string line = error[..^1];
        line.Should().NotContain("\n").And.StartWith($"XorNet: {path}");
        line.Should().NotContainAny("   at ", "System.", "Exception", "BytePositionInLine", "isFinalBlock", "LineNumber");
        return line;
    }
}
