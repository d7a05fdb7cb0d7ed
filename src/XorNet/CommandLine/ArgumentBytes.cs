using System.Buffers;
using System.Globalization;
using System.Text;
using XorNet.Text;

namespace XorNet.CommandLine;

/// <summary>
/// Arguments that are not UTF-8 text. .NET decodes each argument from UTF-8, putting U+FFFD for bytes that are not,
/// and encodes a path back to UTF-8 to open it: a file named by such bytes would be reported as missing, or written
/// under another name. The bytes as typed are in <c>/proc/self/cmdline</c>, so such an argument can be named and refused.
/// </summary>
internal static class ArgumentBytes
{
    /// <summary>
    /// Null when every one of <paramref name="args"/> is text; else a sentence naming the first that is not (its
    /// bytes as the shell's <c>$'…'</c> writes them) and what to do.
    /// </summary>
    /// <param name="args">The arguments as .NET decoded them.</param>
    /// <param name="commandLine">The process's command line as <c>/proc/self/cmdline</c> holds it: NUL-terminated arguments.</param>
    public static string? NotText(IReadOnlyList<string> args, ReadOnlySpan<byte> commandLine)
    {
        ArgumentNullException.ThrowIfNull(args);

        // Only an argument with U+FFFD may have come from bytes that are not UTF-8: others need no look.
        if (!args.Any(a => a.Contains('\uFFFD', StringComparison.Ordinal)))
        {
            return null;
        }

        var raw = new List<byte[]>();
        foreach (Range part in commandLine.TrimEnd((byte)0).Split((byte)0))
        {
            raw.Add(commandLine[part].ToArray());
        }

        // The program (and, under 'dotnet', its assembly) come first; the arguments are the last ones.
        int first = raw.Count - args.Count;
        if (first < 0)
        {
            return null;
        }

        for (int i = 0; i < args.Count; i++)
        {
            if (!System.Text.Unicode.Utf8.IsValid(raw[first + i]))
            {
                string after = i == 0 ? "" : $" (after {Excerpt.Of(args[i - 1])})";
                return $"the argument {Escaped(raw[first + i])}{after} is not UTF-8 text, so no file of that name can be opened or written here; rename the file, or give a link to it whose name is UTF-8.";
            }
        }

        return null;
    }

    /// <summary><see cref="NotText(IReadOnlyList{string}, ReadOnlySpan{byte})"/> for this process, on Linux; null elsewhere or when the command line cannot be read.</summary>
    public static string? NotText(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (!OperatingSystem.IsLinux() || !args.Any(a => a.Contains('\uFFFD', StringComparison.Ordinal)))
        {
            return null;
        }

        try
        {
            return NotText(args, File.ReadAllBytes("/proc/self/cmdline"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    // The bytes as bash's $'…' quoting writes them: text as it is, every other byte as \xHH.
    private static string Escaped(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder("$'");
        while (!bytes.IsEmpty)
        {
            if (Rune.DecodeFromUtf8(bytes, out Rune rune, out int consumed) == OperationStatus.Done && !Rune.IsControl(rune))
            {
                text.Append(rune.Value == '\'' || rune.Value == '\\' ? "\\" : "").Append(rune.ToString());
            }
            else
            {
                consumed = Math.Max(consumed, 1);
                foreach (byte b in bytes[..consumed])
                {
                    text.Append(CultureInfo.InvariantCulture, $"\\x{b:x2}");
                }
            }

            bytes = bytes[consumed..];
        }

        return text.Append('\'').ToString();
    }
}
