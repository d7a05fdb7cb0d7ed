using System.Text;

namespace XorNet.Files;

/// <summary>
/// A file an option writes (<c>--save</c>, <c>--plot-loss</c>, …): checked when the command line is read, before
/// any work, and written when the run ends.
/// </summary>
/// <remarks>
/// A regular file is replaced whole or not at all: the new content goes to a temporary file in the same directory,
/// which takes the old file's permission bits (and owner, when running as root) and is then renamed over it. A
/// symbolic link is followed: the link stays and its final target is replaced, in the target's directory. Anything
/// else (a character device such as <c>/dev/null</c>, a FIFO, a descriptor of this process such as
/// <c>/dev/stdout</c>) is opened and written in place, never replaced or removed. A write that fails leaves the old
/// file as it was and no temporary file behind.
/// </remarks>
public sealed class OutputFile
{
    // The kernel's own limit on links followed in one path (ELOOP).
    private const int MaxLinks = 40;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    // Temporary files being written or waiting to be renamed, for DiscardPending to remove when the process is ended.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> Pending = new(StringComparer.Ordinal);

    private readonly string _target;
    private readonly string _directory;
    private readonly bool _inPlace;
    private readonly bool _append;
    private readonly (ulong Device, ulong Inode, string? Name) _identity;

    private OutputFile(string option, string path, string target, bool inPlace, bool append, (ulong, ulong, string?) identity)
    {
        Option = option;
        Path = path;
        _target = target;
        _directory = System.IO.Path.GetDirectoryName(target)!;
        _inPlace = inPlace;
        _append = append;
        _identity = identity;
    }

    /// <summary>The option that names the file, such as <c>--save</c>.</summary>
    public string Option { get; }

    /// <summary>The path as the user typed it; messages name this, never the resolved or temporary path.</summary>
    public string Path { get; }

    /// <summary>
    /// Checks that <paramref name="path"/>, given to <paramref name="option"/>, names a file this process can write:
    /// not empty, not a directory (nor ending in a separator), in a directory that exists and is writable, and, when
    /// it exists, writable itself. Nothing is created.
    /// </summary>
    /// <param name="option">The option, such as <c>--save</c>.</param>
    /// <param name="path">The path as typed.</param>
    /// <param name="example">A file name to suggest, such as <c>model.json</c>.</param>
    /// <exception cref="FileOptionException">The path cannot be written; the message says why in one line.</exception>
    public static OutputFile Check(string option, string path, string example)
    {
        ArgumentException.ThrowIfNullOrEmpty(option);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentException.ThrowIfNullOrEmpty(example);
        if (path.Length == 0)
        {
            throw Refuse(option, path, $"the path is empty; give a file path such as {example}");
        }

        if (path == InputFile.StandardInput)
        {
            // Standard output carries the transcript; a file named '-' is almost never what was meant.
            throw Refuse(option, path, $"- is not taken for standard output here; give a file path such as {example}, or /dev/stdout to write it after everything else printed there");
        }

        if (path[^1] == System.IO.Path.DirectorySeparatorChar || path[^1] == System.IO.Path.AltDirectorySeparatorChar)
        {
            throw Refuse(option, path, Directory.Exists(path)
                ? $"is a directory; give a file path such as {path}{example}"
                : $"ends in '{path[^1]}', so it names a directory; give a file path such as {path}{example}");
        }

        return OperatingSystem.IsLinux() ? CheckOnLinux(option, path, example) : CheckElsewhere(option, path, example);
    }

    /// <summary>Refuses two options that name the same file, such as a link and its target, or <c>./a</c> and <c>a</c>.</summary>
    /// <exception cref="FileOptionException">Two of <paramref name="files"/> are the same file.</exception>
    public static void RequireDistinct(IReadOnlyList<OutputFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        for (int later = 1; later < files.Count; later++)
        {
            for (int earlier = 0; earlier < later; earlier++)
            {
                if (files[earlier]._identity == files[later]._identity)
                {
                    throw Refuse(
                        files[later].Option,
                        files[later].Path,
                        $"is the same file as {files[earlier].Option} {Shown(files[earlier].Path)}; give each option its own file");
                }
            }
        }
    }

    /// <summary>
    /// Refuses an output that is the file <paramref name="inputOption"/> reads (<paramref name="inputPath"/>): the
    /// run would replace the user's data with its own output.
    /// </summary>
    /// <exception cref="FileOptionException">One of <paramref name="files"/> is that file.</exception>
    public static void RequireNotInput(IReadOnlyList<OutputFile> files, string inputOption, string? inputPath)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (inputPath is null or "" or InputFile.StandardInput || Identity(inputPath) is not { } input)
        {
            return;
        }

        foreach (OutputFile file in files.Where(f => f._identity == input))
        {
            throw Refuse(file.Option, file.Path, $"is the file {inputOption} {Shown(inputPath)} reads; write the results to another file");
        }
    }

    /// <summary>
    /// Refuses an output that is the regular file standard output is redirected to (<c>--save out.txt &gt; out.txt</c>):
    /// replacing it would throw away everything the run prints there.
    /// </summary>
    /// <exception cref="FileOptionException">One of <paramref name="files"/> is that file.</exception>
    public static void RequireNotStandardOutput(IReadOnlyList<OutputFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (files.Count == 0 || !OperatingSystem.IsLinux() || NativeFiles.Status("/proc/self/fd/1", followLinks: true, out _) is not { Kind: FileKind.Regular } output)
        {
            return;
        }

        foreach (OutputFile file in files.Where(f => !f._inPlace && f._identity == (output.Device, output.Inode, null)))
        {
            throw Refuse(file.Option, file.Path, "is the file standard output is redirected to, which would lose the transcript; give each its own file");
        }
    }

    // The identity an existing file has in RequireDistinct's terms, or null when it cannot be read.
    private static (ulong, ulong, string?)? Identity(string path)
    {
        if (OperatingSystem.IsLinux())
        {
            return NativeFiles.Status(path, followLinks: true, out _) is { } status ? (status.Device, status.Inode, null) : null;
        }

        // Elsewhere, as CheckElsewhere names its files: the final target of any link, case-folded where names are.
        string full = System.IO.Path.GetFullPath(path);
        try
        {
            full = File.ResolveLinkTarget(full, returnFinalTarget: true)?.FullName ?? full;
        }
        catch (IOException)
        {
            return null;
        }

        return (0, 0, PortableName(full));
    }

    // Without inodes, a file is known by its full path, compared without case where the file system ignores it.
    private static string PortableName(string fullPath) =>
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? fullPath.ToUpperInvariant() : fullPath;

    /// <summary>Whether the file is a regular file (or not there yet), rather than a device or FIFO written in place.</summary>
    public bool IsRegular => !_inPlace;

    /// <summary>The resolved path of a regular file (links followed), for reading what it holds now.</summary>
    public string ResolvedPath => _target;

    /// <summary>
    /// Opens the file to be written as the run goes (a sweep's records), rather than whole at the end, as its one
    /// writer: a regular file is opened for reading and writing, created when missing but never truncated, and
    /// locked against every other writer of it for as long as the stream is open, so that what it holds can be read
    /// and then kept, cut or continued (<see cref="FileStream.SetLength"/>) with no other process between. A device
    /// or FIFO is opened for writing, in place. Unlike <see cref="WriteAll"/>, what was written stays if the process
    /// is killed.
    /// </summary>
    /// <exception cref="FileOptionException">The file could not be opened, or another process is writing it.</exception>
    public FileStream OpenAsSoleWriter()
    {
        FileStream? stream = null;
        try
        {
            if (_inPlace)
            {
                return new FileStream(_target, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);
            }

            // On Linux the lock is fcntl's, which readers do not meet; elsewhere .NET's own share lock (flock on
            // macOS, a sharing mode on Windows), which makes readers wait until the sweep ends.
            stream = new FileStream(
                _target, FileMode.OpenOrCreate, FileAccess.ReadWrite, OperatingSystem.IsLinux() ? FileShare.ReadWrite : FileShare.None, bufferSize: 0);
            int errno = OperatingSystem.IsLinux() ? NativeFiles.LockExclusive(stream.SafeFileHandle) : 0;
            if (errno is 11 or 13) // EAGAIN, EACCES: another open of the file holds a lock
            {
                throw Busy();
            }

            // Any other failure (a file system without locks) leaves the file unlocked, as before, rather than unusable.
            FileStream opened = stream;
            stream = null;
            return opened;
        }
        catch (IOException e) when (!OperatingSystem.IsLinux() && IsSharingViolation(e))
        {
            throw Busy();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Refuse(Option, Path, $"could not be opened: {FileErrors.Describe(e)}");
        }
        finally
        {
            stream?.Dispose();
        }
    }

    private FileOptionException Busy() =>
        Refuse(Option, Path, "another process is writing this file (a sweep still running?); wait for it to end, or give another path");

    // ERROR_SHARING_VIOLATION on Windows, EWOULDBLOCK from .NET's flock on macOS.
    private static bool IsSharingViolation(IOException e) => (e.HResult & 0xFFFF) == 32 || (OperatingSystem.IsMacOS() && e.HResult == 35);

    /// <summary>Writes <paramref name="text"/> as UTF-8 (see the remarks on <see cref="OutputFile"/> for how).</summary>
    /// <exception cref="FileOptionException">The file could not be written; the old one is as it was.</exception>
    public void WriteAllText(string text) => WriteAll([(this, Utf8Text(text))]);

    /// <summary>Writes what <paramref name="write"/> puts in the stream (see the remarks on <see cref="OutputFile"/> for how).</summary>
    /// <exception cref="FileOptionException">The file could not be written; the old one is as it was.</exception>
    public void Write(Action<Stream> write) => WriteAll([(this, write)]);

    /// <summary>The writer of <paramref name="text"/> as UTF-8, for <see cref="WriteAll"/>.</summary>
    public static Action<Stream> Utf8Text(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return stream => stream.Write(Utf8.GetBytes(text));
    }

    /// <summary>
    /// Writes every file or replaces none: each regular file's new content goes to its temporary file first, then
    /// the files written in place (devices, FIFOs), and only when all of that succeeded are the temporary files
    /// renamed over their targets. A failure leaves every regular file as it was and no temporary file behind.
    /// </summary>
    /// <exception cref="FileOptionException">A file could not be written; the message names its option and path.</exception>
    public static void WriteAll(IReadOnlyList<(OutputFile File, Action<Stream> Write)> writes)
    {
        ArgumentNullException.ThrowIfNull(writes);
        var staged = new List<(OutputFile File, string Temporary)>();
        try
        {
            foreach ((OutputFile file, Action<Stream> write) in writes.Where(w => !w.File._inPlace))
            {
                staged.Add((file, file.Attempt(() => file.Stage(write))));
            }

            foreach ((OutputFile file, Action<Stream> write) in writes.Where(w => w.File._inPlace))
            {
                file.Attempt(() => file.WriteInPlace(write));
            }

            while (staged.Count > 0)
            {
                (OutputFile file, string temporary) = staged[^1];
                file.Attempt(() => File.Move(temporary, file._target, overwrite: true));
                Pending.TryRemove(temporary, out _);
                staged.RemoveAt(staged.Count - 1);
            }
        }
        finally
        {
            foreach ((_, string temporary) in staged)
            {
                Discard(temporary);
            }
        }
    }

    private void Attempt(Action action) => Attempt(() =>
    {
        action();
        return 0;
    });

    private T Attempt<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (IOException e) when (OutputClosedException.IsBrokenPipe(e))
        {
            // A pipe (/dev/stdout into 'head', a FIFO) whose reader has gone: the run stops as when standard output closes.
            throw new OutputClosedException(e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Refuse(Option, Path, $"could not write it: {FileErrors.Describe(e)}", e);
        }
    }

    private void WriteInPlace(Action<Stream> write)
    {
        // Opened as it is (no O_CREAT, no O_TRUNC): a device stays a device, a FIFO a FIFO.
        using var stream = new FileStream(_target, new FileStreamOptions { Mode = FileMode.Open, Access = FileAccess.Write, Share = FileShare.ReadWrite });
        if (_append && stream.CanSeek)
        {
            // Standard output redirected to a file: the file goes after what the run printed there, not over it.
            stream.Seek(0, SeekOrigin.End);
        }

        write(stream);
        stream.Flush();
    }

    // Writes the new content to a temporary file beside the target and returns its path; on failure it is removed.
    private string Stage(Action<Stream> write)
    {
        // Named after the program, not the file, so that the name always fits (NAME_MAX) and a file left by a killed
        // process says where it came from.
        string temporary = System.IO.Path.Join(_directory, $".xornet-{Guid.NewGuid():N}.tmp");
        bool created = false;
        Pending[temporary] = 0;
        try
        {
            using var stream = new FileStream(temporary, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None });
            created = true;
            KeepModeAndOwner(stream, temporary);
            write(stream);
            stream.Flush(flushToDisk: true);
            created = false;
            return temporary;
        }
        finally
        {
            if (created)
            {
                Discard(temporary);
            }
        }
    }

    /// <summary>Removes every temporary file still being written or waiting to be renamed (when the process is ended early).</summary>
    public static void DiscardPending()
    {
        foreach (string temporary in Pending.Keys)
        {
            Discard(temporary);
        }
    }

    private static void Discard(string temporary)
    {
        Pending.TryRemove(temporary, out _);
        try
        {
            File.Delete(temporary);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The write's own failure is the one to report.
        }
    }

    // The replacement takes the replaced file's permission bits, and its owner when this process may give it.
    private void KeepModeAndOwner(FileStream stream, string temporary)
    {
        if (OperatingSystem.IsLinux())
        {
            if (NativeFiles.Status(_target, followLinks: false, out _) is { Kind: FileKind.Regular } old)
            {
                // Before the mode: a change of owner clears the set-user-ID and set-group-ID bits.
                if (Environment.IsPrivilegedProcess)
                {
                    _ = NativeFiles.ChangeOwner(temporary, old.User, old.Group);
                }

                File.SetUnixFileMode(stream.SafeFileHandle, old.Permissions);
            }
        }
        else if (!OperatingSystem.IsWindows() && File.Exists(_target))
        {
            File.SetUnixFileMode(stream.SafeFileHandle, File.GetUnixFileMode(_target));
        }
    }

    private static OutputFile CheckOnLinux(string option, string path, string example)
    {
        const int NoSuchFile = 2; // ENOENT
        string current = System.IO.Path.GetFullPath(path);
        bool throughProcess = false;
        string directory;
        string candidate;
        FileStatus? status;
        int errno;
        int links = 0;
        for (; ; links++)
        {
            if (System.IO.Path.GetDirectoryName(current) is not { } parentPath)
            {
                // The root directory itself (typed as /. or reached through a link to /).
                throw Refuse(option, path, $"is a directory; give a file path such as {System.IO.Path.Join(path, example)}");
            }

            string? real = NativeFiles.RealPath(parentPath, out errno);
            if (real is null)
            {
                throw Refuse(option, path, DirectoryProblem(links == 0 ? TypedDirectory(path) : parentPath, errno));
            }

            // /proc/<pid>/fd/N (/dev/stdout, /dev/fd/1) is a descriptor this process holds, not a file to replace.
            directory = real;
            throughProcess |= directory == "/proc" || directory.StartsWith("/proc/", StringComparison.Ordinal);
            candidate = System.IO.Path.Join(directory, System.IO.Path.GetFileName(current));
            status = NativeFiles.Status(candidate, followLinks: false, out errno);
            if (status is not { Kind: FileKind.Link })
            {
                break;
            }

            if (links == MaxLinks)
            {
                throw Refuse(option, path, "too many levels of symbolic links");
            }

            current = System.IO.Path.GetFullPath(new FileInfo(candidate).LinkTarget!, directory);
        }

        if (throughProcess)
        {
            string typed = System.IO.Path.GetFullPath(path);
            FileStatus? opened = NativeFiles.Status(typed, followLinks: true, out errno);
            if (opened is null)
            {
                throw Refuse(option, path, FileErrors.Describe(errno));
            }

            RequireWritableKind(option, path, example, opened.Value.Kind);
            RequireAccess(option, path, typed, NativeFiles.WriteAccess, "the file is not writable");
            return new OutputFile(option, path, typed, inPlace: true, append: true, (opened.Value.Device, opened.Value.Inode, null));
        }

        // Messages name the directory as typed; a link's target directory only when a link led there.
        string directoryName = links == 0 ? TypedDirectory(path) : directory;
        if (status is null)
        {
            if (errno != NoSuchFile)
            {
                throw Refuse(option, path, DirectoryProblem(directoryName, errno));
            }

            RequireAccess(option, path, directory, NativeFiles.WriteAccess | NativeFiles.SearchAccess, $"the directory {directoryName} is not writable");
            FileStatus? parent = NativeFiles.Status(directory, followLinks: true, out errno);
            if (parent is null)
            {
                throw Refuse(option, path, DirectoryProblem(directoryName, errno));
            }

            return new OutputFile(option, path, candidate, inPlace: false, append: false, (parent.Value.Device, parent.Value.Inode, System.IO.Path.GetFileName(candidate)));
        }

        FileStatus existing = status.Value;
        RequireWritableKind(option, path, example, existing.Kind);
        RequireAccess(option, path, candidate, NativeFiles.WriteAccess, "the file is not writable");
        if (existing.Kind == FileKind.Regular)
        {
            RequireAccess(
                option, path, directory, NativeFiles.WriteAccess | NativeFiles.SearchAccess,
                $"the directory {directoryName} is not writable, and the file is replaced through it");
        }

        return new OutputFile(option, path, candidate, inPlace: existing.Kind != FileKind.Regular, append: false, (existing.Device, existing.Inode, null));
    }

    private static OutputFile CheckElsewhere(string option, string path, string example)
    {
        string full = System.IO.Path.GetFullPath(path);
        string target;
        try
        {
            target = File.ResolveLinkTarget(full, returnFinalTarget: true)?.FullName ?? full;
        }
        catch (IOException e)
        {
            throw Refuse(option, path, FileErrors.Describe(e), e);
        }

        RequireWritableKind(option, path, example, Directory.Exists(target) ? FileKind.Directory : FileKind.Regular);
        string directory = System.IO.Path.GetDirectoryName(target)!;
        if (!Directory.Exists(directory))
        {
            throw Refuse(option, path, $"the directory {(target == full ? TypedDirectory(path) : directory)} does not exist");
        }

        bool special = !OperatingSystem.IsWindows() && target.StartsWith("/dev/", StringComparison.Ordinal) && File.Exists(target);
        return new OutputFile(option, path, target, inPlace: special, append: special, (0, 0, PortableName(target)));
    }

    private static void RequireWritableKind(string option, string path, string example, FileKind kind)
    {
        if (kind == FileKind.Directory)
        {
            throw Refuse(option, path, $"is a directory; give a file path such as {System.IO.Path.Join(path, example)}");
        }

        if (kind == FileKind.Socket)
        {
            throw Refuse(option, path, "is a socket, which cannot be written as a file");
        }
    }

    private static void RequireAccess(string option, string path, string checkedPath, int mode, string denied)
    {
        int errno = NativeFiles.Access(checkedPath, mode);
        if (errno != 0)
        {
            throw Refuse(option, path, errno is 1 or 13 ? denied : FileErrors.Describe(errno));
        }
    }

    private static string DirectoryProblem(string directory, int errno) => errno switch
    {
        2 => $"the directory {directory} does not exist",            // ENOENT
        20 => $"a part of {directory} is not a directory",            // ENOTDIR
        1 or 13 => $"permission denied on the directory {directory}", // EPERM, EACCES
        _ => FileErrors.Describe(errno),
    };

    private static string TypedDirectory(string path) => System.IO.Path.GetDirectoryName(path) is { Length: > 0 } directory ? directory : ".";

    private static string Shown(string path) => path.Length == 0 ? "''" : path;

    private static FileOptionException Refuse(string option, string path, string problem, Exception? cause = null) =>
        cause is null ? new($"{option} {Shown(path)}: {problem}.") : new($"{option} {Shown(path)}: {problem}.", cause);
}
