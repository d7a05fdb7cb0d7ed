using System.Text;
using XorNet.CommandLine;

namespace XorNet.Fuzz;

/// <summary>
/// The whole command in process: the input is split into arguments at newlines and NULs (a real argument cannot hold
/// a NUL) and run through
/// <see cref="XorNet.Program.Run"/> in a scratch working directory that holds a data file and a model file.
/// A crash is an exception escaping <c>Run</c>, an exit code other than 0, 1, 2 or 130, or bad input (exit 2) that is
/// not exactly one line on stderr with nothing on stdout.
/// </summary>
/// <remarks>
/// So that no input can touch a file outside the scratch directory or run long, inputs are skipped when an argument
/// holds a path separator (only names in the scratch directory remain) or a whole number above
/// <see cref="LargestNumber"/> (which bounds --epochs, --hidden and the like; fractions and exponents, which no
/// whole-number option accepts, are left alone). The directory is restored after every run, so that one input
/// cannot change what the next one sees. Without --epochs a run would train the default 10,000 epochs, so it gets a
/// token cancelled up front (as if Ctrl+C were pressed): it stops after one epoch with exit 130.
/// </remarks>
internal static class ArgsTarget
{
    private const int LargestNumber = 64;

    private static readonly Lazy<string> Scratch = new(() =>
    {
        string path = Directory.CreateTempSubdirectory("xornet-fuzz-args-").FullName;
        Environment.CurrentDirectory = path;
        return path;
    });

    // A model file as --save writes it, made once.
    private static readonly Lazy<string> Model = new(() =>
    {
        DirectoryInfo directory = Directory.CreateTempSubdirectory("xornet-fuzz-model-");
        try
        {
            string path = Path.Combine(directory.FullName, "model.json");
            XorNet.Program.Run(["--epochs", "20", "--save", path], TextWriter.Null, TextWriter.Null);
            return File.ReadAllText(path);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    });

    public static void Run(byte[] input)
    {
        string[] args = Encoding.UTF8.GetString(input).Split(['\n', '\0']);
        if (args.Any(Unsafe))
        {
            return;
        }

        string scratch = Scratch.Value;
        // Restoring costs milliseconds of file-system calls, a run about 70 µs: restore only what a run changed.
        if (Fingerprint(scratch) != _restored)
        {
            Restore(scratch);
            _restored = Fingerprint(scratch);
        }

        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        using var interrupt = new CancellationTokenSource();
        if (!args.Any(a => a.StartsWith("--epochs", StringComparison.Ordinal)))
        {
            interrupt.Cancel();
        }

        int exitCode = XorNet.Program.Run(args, output, error, showProgress: false, interrupt.Token);
        string message = error.ToString();
        if (exitCode is not (ExitCodes.Success or ExitCodes.Failed or ExitCodes.BadInput or ExitCodes.Interrupted))
        {
            throw new InvalidOperationException($"exit code {exitCode}");
        }

        if (exitCode == ExitCodes.BadInput
            && (output.ToString().Length > 0 || message.Count(c => c == '\n') != 1 || !message.EndsWith('\n')))
        {
            throw new InvalidOperationException($"exit 2 without exactly one line on stderr and nothing on stdout: {message}");
        }
    }

    // A path separator could name a file outside the scratch directory; a large number could make a run long.
    private static bool Unsafe(string arg)
    {
        if (arg.Contains('/', StringComparison.Ordinal) || arg.Contains('\\', StringComparison.Ordinal))
        {
            return true;
        }

        for (int i = 0; i < arg.Length; i++)
        {
            if (!char.IsAsciiDigit(arg[i]) || (i > 0 && char.IsAsciiDigit(arg[i - 1])))
            {
                continue;
            }

            int end = i;
            while (end < arg.Length && char.IsAsciiDigit(arg[end]))
            {
                end++;
            }

            bool fractionOrExponent = i > 0 && (arg[i - 1] is '.' or 'e' or 'E'
                || (arg[i - 1] is '+' or '-' && i > 1 && arg[i - 2] is 'e' or 'E'));
            ReadOnlySpan<char> digits = arg.AsSpan(i, end - i).TrimStart('0');
            if (!fractionOrExponent && (digits.Length > 2 || (digits.Length > 0 && int.Parse(digits, provider: null) > LargestNumber)))
            {
                return true;
            }
        }

        return false;
    }

    private static string? _restored;

    // The names, sizes and modification times of everything in the scratch directory.
    private static string Fingerprint(string scratch) => string.Join(
        '\n',
        new DirectoryInfo(scratch).EnumerateFileSystemInfos("*", SearchOption.AllDirectories)
            .Select(e => $"{e.FullName} {(e as FileInfo)?.Length} {e.LastWriteTimeUtc.Ticks} {e.UnixFileMode}")
            .Order(StringComparer.Ordinal));

    private static void Restore(string scratch)
    {
        foreach (string entry in Directory.EnumerateFileSystemEntries(scratch))
        {
            if (Directory.Exists(entry))
            {
                Directory.Delete(entry, recursive: true);
            }
            else
            {
                File.Delete(entry);
            }
        }

        File.WriteAllText(Path.Combine(scratch, "data.csv"), "x1,x2,y\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n");
        File.WriteAllText(Path.Combine(scratch, "model.json"), Model.Value);
        Directory.CreateDirectory(Path.Combine(scratch, "dir"));
    }
}
