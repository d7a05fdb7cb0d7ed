using System.Text;

namespace XorNet.Tests;

/// <summary>
/// One generated run: the arguments (paths written with <see cref="Dir"/> for the case's temporary directory),
/// the bytes of its data file and model file, and whether Ctrl+C was pressed before it started.
/// </summary>
internal sealed record PropertyCase(string[] Args, byte[] Csv, byte[] Model, bool Cancelled)
{
    /// <summary>Stands for the case's temporary directory in <see cref="Args"/>; every generated path starts with it.</summary>
    public const string Dir = "{T}";

    /// <summary>The arguments with <see cref="Dir"/> replaced by <paramref name="directory"/>.</summary>
    public string[] ArgsIn(string directory) => [.. Args.Select(a => a.Replace(Dir, directory, StringComparison.Ordinal))];

    public override string ToString() =>
        $"args: [{string.Join(", ", Args.Select(Quote))}]{(Cancelled ? " (Ctrl+C before the start)" : "")}\n" +
        $"      data.csv: {Excerpt(Csv)}\n      model.json: {Excerpt(Model)}";

    private static string Quote(string text) => "\"" + Escape(text, 120) + "\"";

    private static string Excerpt(byte[] bytes) => Quote(Encoding.UTF8.GetString(bytes)) + $" ({bytes.Length} bytes)";

    private static string Escape(string text, int limit)
    {
        var escaped = new StringBuilder();
        foreach (char c in text)
        {
            if (escaped.Length >= limit)
            {
                return escaped.Append('…').ToString();
            }

            escaped.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '"' => "\\\"",
                '\\' => "\\\\",
                _ when char.IsControl(c) || c == '\uFEFF' => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }
}
