namespace XorNet.Files;

/// <summary>What an output option writes, which decides the names it takes and the existing files it may replace.</summary>
public enum OutputKind
{
    /// <summary>An SVG picture (<c>--plot-loss</c>, <c>--animate</c>, <c>sweep --plot</c>, …).</summary>
    Picture,

    /// <summary>A model file (<c>--save</c>).</summary>
    Model,

    /// <summary>An ONNX model (<c>export --out</c>).</summary>
    Onnx,

    /// <summary>A table of numbers as CSV (<c>data --out</c>).</summary>
    Table,
}

/// <summary>
/// The naming rule of each <see cref="OutputKind"/>, and the check that an output is not written over a file of
/// another kind: a picture over a saved model, or a model over a picture.
/// </summary>
public static class OutputKinds
{
    // The kinds a file's first bytes are recognised as; only these are ever refused for holding something else.
    private enum Content
    {
        Picture,
        Model,
        Json,
        Records,
    }

    // Enough of a file to know what it is: every kind below says so in its first characters.
    private const int HeadBytes = 4096;

    // The extensions each kind is written under, the first the one suggested (an export format adds one here).
    private static readonly Dictionary<OutputKind, (string Noun, string Format, string[] Extensions)> Rules = new()
    {
        [OutputKind.Picture] = ("a picture", "SVG", [".svg"]),
        [OutputKind.Model] = ("a model", "JSON", [".json"]),
        [OutputKind.Onnx] = ("an ONNX model", "ONNX", [".onnx"]),
        [OutputKind.Table] = ("a table", "CSV", [".csv"]),
    };

    /// <summary>The extensions <paramref name="kind"/> is written under, such as <c>.svg</c>.</summary>
    public static IReadOnlyList<string> Extensions(OutputKind kind) => Rules[kind].Extensions;

    /// <summary>
    /// Checks <paramref name="path"/> as <see cref="OutputFile.Check"/> does, then as <see cref="Require"/> does.
    /// </summary>
    /// <param name="kind">What the option writes.</param>
    /// <param name="option">The option, such as <c>--plot-loss</c>.</param>
    /// <param name="path">The path as typed.</param>
    /// <param name="example">A file name to suggest, such as <c>loss.svg</c>.</param>
    /// <exception cref="FileOptionException">The path cannot be written, names another kind, or holds another kind.</exception>
    public static OutputFile Check(OutputKind kind, string option, string path, string example)
    {
        OutputFile file = OutputFile.Check(option, path, example);
        Require(file, kind, example);
        return file;
    }

    /// <summary>
    /// Checks that a regular file's name ends in one of <paramref name="kind"/>'s extensions (a device, a FIFO or a
    /// name without an extension is taken as it is), and that an existing file there does not plainly hold another
    /// kind of output (a model, a picture, JSON, a sweep's records), which would be lost.
    /// </summary>
    /// <param name="file">The checked output.</param>
    /// <param name="kind">What its option writes.</param>
    /// <param name="example">A file name to suggest, such as <c>loss.svg</c>.</param>
    /// <exception cref="FileOptionException">The name is of another kind, or the file holds another kind.</exception>
    public static void Require(OutputFile file, OutputKind kind, string example)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (!file.IsRegular)
        {
            return;
        }

        (string noun, string format, string[] extensions) = Rules[kind];
        string accepted = extensions.Length == 1 ? extensions[0] : $"{string.Join(", ", extensions[..^1])} or {extensions[^1]}";
        string extension = System.IO.Path.GetExtension(file.Path);
        if (extension.Length > 0 && !extensions.Contains(extension, StringComparer.OrdinalIgnoreCase))
        {
            throw new FileOptionException($"{file.Option} {file.Path}: {noun} is written as {format}, to a name ending in {accepted} (such as {example}), not {extension}.");
        }

        if (Recognise(file.ResolvedPath) is { } content && !Holds(kind, content))
        {
            throw new FileOptionException(
                $"{file.Option} {file.Path}: the file holds {Describe(content)} and is kept: {noun} would replace it; give another path, or remove the file first.");
        }
    }

    private static bool Holds(OutputKind kind, Content content) => kind switch
    {
        OutputKind.Picture => content == Content.Picture,
        OutputKind.Model => content == Content.Model,
        _ => false,
    };

    private static string Describe(Content content) => content switch
    {
        Content.Picture => "a picture (SVG)",
        Content.Model => "a saved model",
        Content.Records => "a sweep's records",
        _ => "JSON that is not a saved model",
    };

    // What the existing file at 'path' plainly is, from its first bytes; null when it is missing, empty, unreadable
    // or anything else (whose replacement the name already chose).
    private static Content? Recognise(string path)
    {
        Span<byte> head = stackalloc byte[HeadBytes];
        int read;
        try
        {
            using Microsoft.Win32.SafeHandles.SafeFileHandle handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            read = RandomAccess.Read(handle, head, 0);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        ReadOnlySpan<byte> text = head[..read];
        text = text.StartsWith("\uFEFF"u8) ? text[3..] : text;
        text = text.TrimStart(" \t\r\n"u8);
        if (text.IsEmpty)
        {
            return null;
        }

        return text[0] switch
        {
            (byte)'<' => Content.Picture,
            (byte)'{' when text.IndexOf("\"xornet-model\""u8) >= 0 => Content.Model,
            (byte)'{' when text.StartsWith("{\"seed\":"u8) => Content.Records,
            (byte)'{' or (byte)'[' => Content.Json,
            _ when text.StartsWith("seed,"u8) => Content.Records,
            _ => null,
        };
    }
}
