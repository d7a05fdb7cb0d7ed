using System.Globalization;

namespace XorNet.Files;

/// <summary>
/// Reads a whole file into memory within a size limit, showing its first bytes to a check before reading the rest:
/// a device, a FIFO, a file larger than the limit, or one whose start is plainly not the kind expected, is refused
/// at once and in little memory, instead of being read to an end that /dev/zero never reaches. The line-by-line
/// counterpart for CSV data is the CSV reader's limit on a line.
/// </summary>
public static class BoundedFile
{
    /// <summary>How many bytes are read first and shown to the check of the start (fewer when the file is shorter).</summary>
    public const int StartLength = 4096;

    /// <summary>Checks the first bytes of a file; throws when they show it is not the kind expected.</summary>
    /// <param name="start">The first <see cref="StartLength"/> bytes, or the whole file when <paramref name="whole"/>.</param>
    /// <param name="whole">Whether <paramref name="start"/> is the whole file, which the caller then checks itself.</param>
    public delegate void StartCheck(ReadOnlySpan<byte> start, bool whole);

    /// <summary>
    /// The bytes of the regular file at <paramref name="path"/>, at most <paramref name="limit"/> of them, after
    /// <paramref name="checkStart"/> has seen the first.
    /// </summary>
    /// <param name="path">The file, already checked to exist and be readable.</param>
    /// <param name="limit">The most bytes accepted.</param>
    /// <param name="checkStart">Refuses a file whose start shows it is not the kind expected.</param>
    /// <param name="refuse">Makes the caller's exception from a problem in words, such as "is a device".</param>
    /// <exception cref="IOException">The file could not be read.</exception>
    public static byte[] ReadRegular(string path, long limit, StartCheck checkStart, Func<string, Exception> refuse)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(refuse);

        // Looked at before it is opened: opening a FIFO waits for a writer, and a device has no end to read to.
        // A directory is left to the open, which fails as every reader reports it.
        if (OperatingSystem.IsLinux() && NativeFiles.Status(path, followLinks: true, out _) is { Kind: not (FileKind.Regular or FileKind.Directory) } status)
        {
            throw refuse(status.Kind switch
            {
                FileKind.Fifo => "is a FIFO (a named pipe), not a file",
                FileKind.Socket => "is a socket, not a file",
                _ => "is a device, not a file",
            });
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0);
        return Read(stream, limit, checkStart, refuse);
    }

    /// <summary>
    /// The bytes of <paramref name="stream"/> from where it stands to its end, at most <paramref name="limit"/> of
    /// them, after <paramref name="checkStart"/> has seen the first.
    /// </summary>
    /// <exception cref="IOException">The stream could not be read.</exception>
    public static byte[] Read(Stream stream, long limit, StartCheck checkStart, Func<string, Exception> refuse)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        ArgumentNullException.ThrowIfNull(checkStart);
        ArgumentNullException.ThrowIfNull(refuse);
        long expected = stream.CanSeek ? stream.Length - stream.Position : StartLength;
        if (expected > limit)
        {
            throw refuse(TooLarge(expected, limit));
        }

        // A regular file says its length, so one buffer of that size (and one byte more, to notice growth) suffices.
        var buffer = new byte[(int)Math.Min(Math.Max(expected, StartLength) + 1, limit + 1)];
        int filled = Fill(stream, buffer, 0, Math.Min(StartLength, buffer.Length));
        bool whole = filled < Math.Min(StartLength, buffer.Length);
        checkStart(buffer.AsSpan(0, filled), whole);
        while (!whole)
        {
            if (filled == buffer.Length)
            {
                if (filled > limit)
                {
                    throw refuse(TooLarge(filled, limit));
                }

                Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, limit + 1));
            }

            int read = Fill(stream, buffer, filled, buffer.Length - filled);
            whole = read == 0;
            filled += read;
        }

        return filled == buffer.Length ? buffer : buffer[..filled];
    }

    /// <summary>A size in words: bytes, KiB, MiB or GiB, as the limits are stated.</summary>
    public static string Size(long bytes) => bytes switch
    {
        < 1 << 10 => string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"),
        < 1 << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KiB"),
        < 1 << 30 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:0.#} MiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1073741824.0:0.#} GiB"),
    };

    private static string TooLarge(long bytes, long limit) =>
        $"the file is {(bytes > limit + 1 ? Size(bytes) : "more than " + Size(limit))}, larger than the {Size(limit)} this program reads";

    // Reads until 'count' bytes are in or the stream ends; how many came.
    private static int Fill(Stream stream, byte[] buffer, int offset, int count)
    {
        int total = 0;
        while (total < count)
        {
            int read = stream.Read(buffer, offset + total, count - total);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }
}
