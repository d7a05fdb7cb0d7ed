using System.Globalization;
using System.Runtime.InteropServices;

namespace XorNet.Files;

/// <summary>
/// Failed file operations said in words. .NET's own messages name the absolute path (or a temporary file) and are
/// worded for programmers; these name neither.
/// </summary>
public static class FileErrors
{
    /// <summary>What went wrong in <paramref name="exception"/>, in words, such as "no space left on the device".</summary>
    /// <param name="exception">The failure.</param>
    /// <param name="path">The path the operation was on, when known: .NET reports a directory as access denied.</param>
    public static string Describe(Exception exception, string? path = null)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            UnauthorizedAccessException when path is not null && Directory.Exists(path) => "it is a directory",
            FileNotFoundException => "there is no such file",
            DirectoryNotFoundException => "a directory on the path does not exist",
            UnauthorizedAccessException => "permission denied",
            PathTooLongException => "the path is too long",
            IOException io when (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()) && io.HResult is > 0 and < 4096 => Describe(io.HResult),
            _ => "an input/output error",
        };
    }

    /// <summary>The error number <paramref name="errno"/> in words.</summary>
    public static string Describe(int errno)
    {
        string? known = errno switch
        {
            1 or 13 => "permission denied",                 // EPERM, EACCES
            2 => "there is no such file or directory",      // ENOENT
            5 => "an input/output error on the device",     // EIO
            6 => "there is no such device",                 // ENXIO
            20 => "a part of the path is not a directory",  // ENOTDIR
            21 => "it is a directory",                      // EISDIR
            26 => "it is a program that is running",        // ETXTBSY
            27 => "the file would be too large",            // EFBIG
            28 => "no space left on the device",            // ENOSPC
            30 => "the file system is read-only",           // EROFS
            32 => "the reading end of the pipe was closed", // EPIPE
            _ => null,
        };

        // The numbers below differ between Linux and macOS.
        known ??= OperatingSystem.IsLinux()
            ? errno switch
            {
                36 => "the name is too long",                     // ENAMETOOLONG
                40 => "too many levels of symbolic links",        // ELOOP
                122 => "the disk quota is used up",               // EDQUOT
                _ => null,
            }
            : null;
        if (known is not null)
        {
            return known;
        }

        // strerror's text, as the shell's tools print it: no path, no type names.
        string text = Marshal.GetPInvokeErrorMessage(errno);
        return string.IsNullOrEmpty(text)
            ? string.Create(CultureInfo.InvariantCulture, $"error {errno}")
            : char.ToLowerInvariant(text[0]) + text[1..];
    }
}
