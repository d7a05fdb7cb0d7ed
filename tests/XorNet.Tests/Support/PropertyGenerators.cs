using System.Text;
using System.Text.RegularExpressions;
using CsCheck;

namespace XorNet.Tests;

/// <summary>
/// Generators of command lines, CSV files and model files for <see cref="PropertyTests"/>: real options with valid
/// and invalid values, odd strings, broken files. Every path is inside the case's directory (<see cref="PropertyCase.Dir"/>)
/// or empty, and no valid value makes a run long (at most 50 epochs, at most 8 hidden units, or a size refused
/// before any allocation).
/// </summary>
internal static partial class PropertyGenerators
{
    private const string T = PropertyCase.Dir;

    /// <summary>Files every case's directory holds before the run (besides data.csv and model.json, which are generated).</summary>
    public static readonly string[] FixedFiles = ["good.json", "good3.json", "existing.json", "readonly.json", "empty.csv", "ü ñ.csv", "sub/keep.txt"];

    // Paths: existing files, a directory with and without a trailing separator, a missing directory, a file used as a
    // directory, a name too long for the file system, the directory itself, an empty string.
    private static readonly Gen<string> Path = Gen.OneOf(
        $"{T}/data.csv", $"{T}/model.json", $"{T}/good.json", $"{T}/good3.json", $"{T}/out.json", $"{T}/plot.svg",
        $"{T}/b.svg", $"{T}/existing.json", $"{T}/readonly.json", $"{T}/empty.csv", $"{T}/ü ñ.csv", $"{T}/sub",
        $"{T}/sub/", $"{T}/missing/x.json", $"{T}/data.csv/x.json", $"{T}/./out.json", $"{T}/sub/../out.json",
        $"{T}/{new string('n', 300)}.json", T, $"{T}/", "");

    private static readonly Gen<string> OutputPath = Gen.Frequency<string>(
        (3, Gen.OneOf($"{T}/out.json", $"{T}/plot.svg", $"{T}/b.svg", $"{T}/existing.json")),
        (2, Path));

    private static readonly Gen<string> InputPath = Gen.Frequency<string>(
        (3, Gen.OneOf($"{T}/data.csv", $"{T}/model.json", $"{T}/good.json")),
        (1, Path));

    private static readonly Gen<string> Odd = Gen.OneOf(
        "", "-", " ", "  ", "\t", "ü", "日本語", "😀", "\u0000", "\u200b", "\uFEFF1", new string('9', 400), new string('1', 40),
        "0,1", "1,0", "0;1", "-1,2", "1e400,0", "NaN,0", "0,1,0", "--", "---", "-e", "--epoch", "--Epochs", "--sav", "/save",
        "--data-file", "@args.rsp", "--epochs=5", "--seed=1", "--lr:0.5", "true", "false", "predict", "help", "-h", "-?",
        "--help", "--version");

    private static readonly Gen<string> Count = Mostly(
        Gen.OneOf("0", "1", "5", "50", "+7", "050"),
        Gen.OneOf("-1", "-0", "1.5", "1e3", "0x10", " 5", "5 ", "abc", "", "٣", "１２", "∞", new string('9', 40), "2147483648", "-2147483649"));

    private static readonly Gen<string> Hidden = Mostly(
        Gen.OneOf("1", "2", "4", "8", "+3"),
        Gen.OneOf("0", "-4", "2147483647", "1e9", "", "x", new string('4', 30)));

    private static readonly Gen<string> Rate = Mostly(
        Gen.OneOf("0.1", "1", "10", "1e-3", "1e308", "5e-324", " 1"),
        Gen.OneOf("0", "-1", "-0", "NaN", "Infinity", "-Infinity", "1e400", "abc", "", "0,5", "1_0"));

    private static readonly Gen<string> Seed = Mostly(
        Gen.OneOf("0", "42", "4294967295", "+1"),
        Gen.OneOf("4294967296", "-1", "abc", "", "1e3"));

    private static readonly Gen<string> Format = Mostly(Gen.OneOf("text", "json"), Gen.OneOf("JSON", "xml", "", " text"));

    private static readonly Gen<string> DatasetName = Mostly(
        Gen.OneOf("xor", "and", "or", "nand", "nor", "xnor", "parity3"),
        Gen.OneOf("XOR", "foo", ""));

    private static readonly Gen<string> TargetLoss = Mostly(Gen.OneOf("0.5", "0.01", "0.2", "1e-300"), Gen.OneOf("0", "1", "nan", "-0.1", ""));

    private static readonly Gen<string> TraceEpochs = Mostly(
        Gen.OneOf("0", "0,1", "2,0,2", " 1", "49", "0,19"),
        Gen.OneOf("", "-1", "1,,2", "x", "1e3", "50", "2147483648", "0,"));

    private static readonly Gen<string> Row = Mostly(
        Gen.OneOf("0,1", "1,0", "0,0", "1,1", "0, 1", " 0,1 ", "0,1,1", "0.5,0.5", "1e308,1e308", "-1e308,0", "1,0,1"),
        Gen.OneOf("1e400,0", "NaN,0", "a,b", "0;1", "0", "", ",", "0,,1", "0,1,0,1", "-", "0,1\n1,0"));

    // Training options, each as its tokens; a path option always comes with its path, so that no other token can
    // become a path relative to the test's working directory.
    private static readonly Gen<string[]> TrainOption = Gen.OneOf<string[]>(
        Count.Select(v => new[] { "--epochs", v }),
        Hidden.Select(v => new[] { "--hidden", v }),
        Rate.Select(v => new[] { "--learning-rate", v }),
        Rate.Select(v => new[] { "--lr", v }),
        Seed.Select(v => new[] { "--seed", v }),
        Count.Select(v => new[] { "--log-every", v }),
        Format.Select(v => new[] { "--format", v }),
        DatasetName.Select(v => new[] { "--dataset", v }),
        TargetLoss.Select(v => new[] { "--target-loss", v }),
        TraceEpochs.Select(v => new[] { "--trace", v }),
        Gen.OneOf<string[]>(["--check-gradients"], ["--check-gradients", "true"], ["--check-gradients", "false"]),
        InputPath.Select(p => new[] { "--data", p }),
        OutputPath.Select(p => new[] { "--save", p }),
        OutputPath.Select(p => new[] { "--plot-loss", p }),
        OutputPath.Select(p => new[] { "--plot-boundary", p }),
        OutputPath.Select(p => new[] { "--plot-units", p }),
        OutputPath.Select(p => new[] { "--plot-network", p }),
        Gen.Const(new[] { "--explain" }),
        OutputPath.Select(p => new[] { "--save=" + p }));

    private static readonly Gen<string[]> PredictOption = Gen.Frequency<string[]>(
        (1, InputPath.Select(p => new[] { "--model", p })),
        (2, InputPath.Select(p => new[] { "--data", p })),
        (2, Format.Select(v => new[] { "--format", v })),
        (3, Row.Array[1, 3])
);

    // Options that need a value, given last with none.
    private static readonly Gen<string[]> Dangling = Gen.OneOf<string[]>(
        [], [], [], [], [], [], [], [], [], [], [], [], ["--epochs"], ["--save"], ["--data"], ["--model"], ["--format"], ["--plot-loss"], ["--seed"], ["--lr"]);

    private static readonly Gen<string[]> TrainArgs =
        from epochs in Gen.Frequency<string[]>((6, Gen.OneOf("0", "1", "3", "20", "50").Select(e => new[] { "--epochs", e })), (1, Gen.Const(Array.Empty<string>())))
        from hidden in Gen.Frequency<string[]>((2, Gen.OneOf("1", "2", "3", "8").Select(h => new[] { "--hidden", h })), (3, Gen.Const(Array.Empty<string>())))
        from items in Gen.Frequency<string[]>((10, TrainOption), (1, Odd.Select(o => new[] { o }))).Array[0, 4]
        from dangling in Dangling
        select (string[])[.. epochs, .. hidden, .. items.SelectMany(i => i), .. dangling];

    private static readonly Gen<string[]> PredictArgs =
        from before in Gen.Frequency<string[]>((6, Gen.Const(Array.Empty<string>())), (1, TrainOption))
        from model in Gen.Frequency<string[]>((5, Gen.OneOf($"{T}/model.json", $"{T}/good.json", $"{T}/good3.json").Select(p => new[] { "--model", p })), (1, Gen.Const(Array.Empty<string>())))
        from rows in Gen.Frequency<string[]>((4, Row.Array[1, 3]), (1, Gen.Const(Array.Empty<string>())))
        from items in Gen.Frequency<string[]>((12, PredictOption), (1, TrainOption), (1, Odd.Select(o => new[] { o }))).Array[0, 3]
        from dangling in Dangling
        select (string[])[.. before, "predict", .. model, .. rows, .. items.SelectMany(i => i), .. dangling];

    private static readonly Gen<string[]> InspectArgs =
        from model in Gen.Frequency<string[]>((5, Gen.OneOf($"{T}/model.json", $"{T}/good.json", $"{T}/good3.json").Select(p => new[] { "--model", p })), (1, InputPath.Select(p => new[] { "--model", p })), (1, Gen.Const(Array.Empty<string>())))
        from items in Gen.Frequency<string[]>((6, Format.Select(v => new[] { "--format", v })), (1, TrainOption), (1, Odd.Select(o => new[] { o }))).Array[0, 2]
        from dangling in Dangling
        select (string[])["inspect", .. model, .. items.SelectMany(i => i), .. dangling];

    // Sweeps of a few short runs: lists and ranges, good and bad, and the sweep's own options. A valid sweep here is
    // at most 4 seeds × 3 values × 50 epochs (--epochs always comes first, and --seed defaults to 100 seeds).
    private static readonly Gen<string[]> SweepOption = Gen.Frequency<string[]>(
        (2, Mostly(Gen.OneOf("1,2", "0-2", "3", "0-1,7", "5-5"), Gen.OneOf("3-1", "5-", "-5", "1,,2", "1,1", "x", "0-4294967295", " ", "1, 2"))
            .Select(v => new[] { "--seed", v })),
        (2, Mostly(Gen.OneOf("1,2", "2-3", "4"), Gen.OneOf("0", "1-", "2,x", "0-2000000000", ""))
            .Select(v => new[] { "--hidden", v })),
        (1, Mostly(Gen.OneOf("0.5,1", "0.1"), Gen.OneOf("0", "-1", "1,,2", "inf", "1e400"))
            .Select(v => new[] { "--lr", v })),
        (1, Mostly(Gen.OneOf("sigmoid,tanh", "relu"), Gen.OneOf("swish", "tanh,tanh", ""))
            .Select(v => new[] { "--activation", v })),
        (1, Gen.OneOf("2", "2,2", "0", "x").Select(v => new[] { "--layers", v })),
        (2, OutputPath.Select(p => new[] { "--out", p.EndsWith(".json", StringComparison.Ordinal) ? p[..^5] + ".csv" : p })),
        (1, Gen.OneOf("--resume", "--full").Select(v => new[] { v })),
        (1, Gen.OneOf("1/2", "2/2", "0/2", "3/2", "x", "1/0").Select(v => new[] { "--shard", v })),
        (1, Gen.OneOf("1", "2", "0", "5000").Select(v => new[] { "--jobs", v })),
        (1, Format.Select(v => new[] { "--format", v })),
        (1, OutputPath.Select(p => new[] { "--plot", p })),
        (1, InputPath.Select(p => new[] { "--data", p })));

    private static readonly Gen<string[]> SweepArgs =
        from epochs in Gen.OneOf("0", "1", "20", "50")
        from seeds in Gen.Frequency<string[]>((4, Gen.OneOf("0-3", "1,2", "7").Select(v => new[] { "--seed", v })), (1, Gen.Const(Array.Empty<string>())))
        from items in Gen.Frequency<string[]>((10, SweepOption), (1, Odd.Select(o => new[] { o }))).Array[0, 4]
        from dangling in Gen.OneOf<string[]>([], [], [], ["--seed"], ["--out"], ["--shard"])
        select (string[])["sweep", "--epochs", epochs, .. seeds, .. items.SelectMany(i => i), .. dangling];

    private static readonly Gen<string[]> SummarizeArgs =
        from files in InputPath.Select(p => p.EndsWith(".json", StringComparison.Ordinal) ? p[..^5] + ".csv" : p).Array[0, 3]
        from items in Gen.Frequency<string[]>((4, Format.Select(v => new[] { "--format", v })), (1, OutputPath.Select(p => new[] { "--plot", p })), (1, Odd.Select(o => new[] { o }))).Array[0, 2]
        select (string[])["sweep", "summarize", .. files, .. items.SelectMany(i => i)];

    // CSV: mostly valid cells, some broken ones; optional header (sometimes with a typo), comments, blank lines,
    // another separator, CRLF or CR line ends, a byte-order mark, binary garbage.
    private static readonly Gen<string> GoodCell = Gen.OneOf("0", "1", "0.25", "0.5", " 1 ", "1.0", "0e0");

    private static readonly Gen<string> BadCell = Gen.OneOf(
        "", "O", "0x1", "NaN", "nan", "Infinity", "-inf", "1e308", "-1e308", "1e400", "2", "-1", "-0", "1,5", "abc", "\"1\"",
        "１", "٣", "ü", "\u0000", new string('7', 500), "1e-400", "+1", ".5", "5.");

    private static readonly Gen<string> Csv =
        from columns in Gen.Int[1, 4]
        from rows in Gen.Int[0, 12]
        from cells in Gen.Frequency<string>((12, GoodCell), (1, BadCell)).Array[columns * rows]
        from header in Gen.OneOf("", "", "x1,x2,y", "a,b,c", "0,O,0", "0,,0", "0x1,0,1", "x;y;z", "# a comment", "\n")
        from separator in Gen.Frequency<string>((10, Gen.Const(",")), (1, Gen.OneOf(";", "\t", " ", ", ")))
        from lineEnd in Gen.Frequency<string>((6, "\n"), (2, "\r\n"), (1, "\r"))
        from extra in Gen.OneOf("", "", "", "\n", "\n\n# end\n", "\n \n", "\u0000", ",")
        select (header.Length > 0 ? header + lineEnd : "")
            + string.Join(lineEnd, Enumerable.Range(0, rows).Select(r => string.Join(separator, cells.Skip(r * columns).Take(columns))))
            + extra;

    private static readonly Gen<byte[]> CsvBytes = Gen.Select(
        Csv,
        Gen.Frequency<bool>((6, false), (1, true)),
        Gen.Frequency<byte[]>((8, Gen.Const(Array.Empty<byte>())), (1, Gen.Byte.Array[1, 40])),
        Gen.Frequency<bool>((12, false), (1, true)),
        (text, bom, garbage, utf16) => utf16
            ? (byte[])[.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)]
            : [.. bom ? Encoding.UTF8.GetPreamble() : [], .. Encoding.UTF8.GetBytes(text), .. garbage]);

    [GeneratedRegex(@"-?\d+(\.\d+)?([eE][-+]?\d+)?")]
    private static partial Regex NumberLiteral();

    [GeneratedRegex("\"[^\"]*\"")]
    private static partial Regex StringLiteral();

    private static readonly Gen<string> JsonValue = Gen.OneOf(
        "\"x\"", "null", "true", "[]", "{}", "[[]]", "[null]", "1e400", "-1e400", "NaN", "\"NaN\"", "99999999999999999999", "1.5", "-1",
        "0", "1", "2", "3", "2147483647", "2147483648", "100000", "[1,2]", "[[1,2,3,4,5]]");

    private static readonly Gen<string> JsonString = Gen.OneOf("\"\"", "null", "1", "\"XORNET-MODEL\"", "\"relu\"", "\"\\ud800\"", "\"\\u0000\"");

    // Valid values four times in five, so that runs get past the parser as often as they stop there.
    private static Gen<string> Mostly(Gen<string> valid, Gen<string> invalid) => Gen.Frequency<string>((4, valid), (1, invalid));

    private static Gen<string> Mutated(string model) => Gen.Frequency<string>(
        (3, Gen.Const(model)),
        (3, Gen.Int[0, model.Length].Select(n => model[..n])),
        (4, Gen.Select(Gen.Int[0, 200], JsonValue, (k, v) => Replace(NumberLiteral(), model, k, v))),
        (2, Gen.Select(Gen.Int[0, 40], JsonString, (k, v) => Replace(StringLiteral(), model, k, v))),
        (2, Gen.Select(Gen.Int[0, model.Length - 1], Gen.OneOf('[', ']', '{', '}', ',', '"', '\\', '\0', 'é', ':', '-', 'e'), Gen.Bool,
            (i, c, delete) => delete ? model.Remove(i, 1) : model.Insert(i, c.ToString()))),
        (1, Gen.OneOf("", " ", "null", "[]", "{}", "\"model\"", "1", new string('[', 5000), "{\"format\":\"xornet-model\"}",
            "{\"format\":\"xornet-model\",\"version\":1,\"inputs\":2,\"hidden\":2147483647,\"outputs\":1,\"activation\":\"sigmoid\",\"weights\":{}}")));

    private static string Replace(Regex pattern, string text, int k, string value)
    {
        MatchCollection matches = pattern.Matches(text);
        if (matches.Count == 0)
        {
            return text;
        }

        Match match = matches[k % matches.Count];
        return string.Concat(text.AsSpan(0, match.Index), value, text.AsSpan(match.Index + match.Length));
    }

    private static Gen<byte[]> ModelBytes(string xorModel, string parityModel) => Gen.Select(
        Gen.OneOf(Mutated(xorModel), Mutated(parityModel)),
        Gen.Frequency<int>((10, 0), (1, 1), (1, 2)),
        Gen.Frequency<byte[]>((12, Gen.Const(Array.Empty<byte>())), (1, Gen.Byte.Array[1, 40])),
        (text, encoding, garbage) => encoding switch
        {
            1 => (byte[])[.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
            2 => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
            _ => [.. Encoding.UTF8.GetBytes(text), .. garbage],
        });

    /// <summary>Whole cases: training or prediction command lines with their data and model files.</summary>
    public static Gen<PropertyCase> Cases(string xorModel, string parityModel) =>
        from args in Gen.Frequency<string[]>((3, TrainArgs), (2, PredictArgs), (1, InspectArgs), (2, SweepArgs), (1, SummarizeArgs))
        from csv in CsvBytes
        from model in ModelBytes(xorModel, parityModel)
        from cancelled in Gen.Frequency<bool>((12, false), (1, true))
        select new PropertyCase(args, csv, model, cancelled);
}
