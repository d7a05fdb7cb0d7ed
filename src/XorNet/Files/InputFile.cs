namespace XorNet.Files;

/// <summary>
/// Checks a file an option reads before it is opened, so that a mistake (an empty path, a directory, a missing or
/// unreadable file) is one line in words naming the option and the path as typed.
/// </summary>
public static class InputFile
{
    /// <summary>The path that means standard input, for the options that accept it.</summary>
    public const string StandardInput = "-";

    /// <summary>How messages and reports name standard input.</summary>
    public const string StandardInputName = "standard input";

    /// <summary>Checks that <paramref name="path"/>, given to <paramref name="option"/>, names a file this process can read.</summary>
    /// <param name="option">The option, such as <c>--data</c>.</param>
    /// <param name="path">The path as typed.</param>
    /// <param name="example">A file name to suggest, such as <c>data.csv</c>.</param>
    /// <param name="acceptsStandardInput">Whether the option also takes <c>-</c> for standard input (said when the path is empty).</param>
    /// <exception cref="FileOptionException">The file cannot be read; the message says why in one line.</exception>
    public static void Check(string option, string path, string example, bool acceptsStandardInput)
    {
        ArgumentException.ThrowIfNullOrEmpty(option);
        ArgumentNullException.ThrowIfNull(path);
        if (path.Length == 0)
        {
            throw new FileOptionException(
                $"{option} '': the path is empty; give a file such as {example}{(acceptsStandardInput ? ", or - for standard input" : "")}.");
        }

        if (path == StandardInput && !acceptsStandardInput)
        {
            throw Refuse(option, path, $"{option} does not read standard input; give a file such as {example}");
        }

        if (OperatingSystem.IsLinux())
        {
            FileStatus? status = NativeFiles.Status(path, followLinks: true, out int errno);
            if (status is null)
            {
                throw Refuse(option, path, errno == 2 ? "there is no such file" : FileErrors.Describe(errno)); // ENOENT
            }

            if (status.Value.Kind == FileKind.Directory)
            {
                throw Refuse(option, path, $"is a directory; give a file such as {Path.Join(path, example)}");
            }

            errno = NativeFiles.Access(path, NativeFiles.ReadAccess);
            if (errno != 0)
            {
                throw Refuse(option, path, errno is 1 or 13 ? "the file is not readable (permission denied)" : FileErrors.Describe(errno));
            }
        }
        else if (Directory.Exists(path))
        {
            throw Refuse(option, path, $"is a directory; give a file such as {Path.Join(path, example)}");
        }
        else if (!File.Exists(path))
        {
            throw Refuse(option, path, "there is no such file");
        }
    }

    private static FileOptionException Refuse(string option, string path, string problem) => new($"{option} {path}: {problem}.");
}
