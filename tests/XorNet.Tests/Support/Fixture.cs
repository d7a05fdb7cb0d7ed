using System.Globalization;
using System.Text.Json;

namespace XorNet.Tests;

/// <summary>Reads the NumPy output copied into Fixtures/ (see Fixtures/README.md).</summary>
internal static class Fixture
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static string Text(string name) => File.ReadAllText(Path(name));

    public static JsonElement Json(string name)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(Path(name)));
        return document.RootElement.Clone();
    }

    public static double[] Losses() =>
        [.. File.ReadLines(Path("notebook-seed42-losses.csv"))
            .Skip(1)
            .Select(line => double.Parse(line.Split(',')[1], CultureInfo.InvariantCulture))];

    public static double[][] Rows(JsonElement element) =>
        [.. element.EnumerateArray().Select(row => row.EnumerateArray().Select(x => x.GetDouble()).ToArray())];
}
