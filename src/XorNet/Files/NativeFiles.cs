using System.Runtime.InteropServices;
using System.Text;

namespace XorNet.Files;

/// <summary>
/// The few POSIX file calls .NET does not expose: a file's type, identity and owner (statx), a directory's real path
/// (realpath), access checks (access), a change of owner (chown) and a lock on an open file (fcntl). Linux only; callers check
/// <see cref="OperatingSystem.IsLinux"/> first.
/// </summary>
internal static class NativeFiles
{
    public const int ReadAccess = 4;   // R_OK
    public const int WriteAccess = 2;  // W_OK
    public const int SearchAccess = 1; // X_OK

    private const int CurrentDirectory = -100;    // AT_FDCWD
    private const int NoFollow = 0x100;           // AT_SYMLINK_NOFOLLOW
    private const uint BasicStatistics = 0x7ff;   // STATX_BASIC_STATS
    private const int StatxSize = 256;            // sizeof(struct statx), the same on every Linux architecture

    /// <summary>
    /// The status of <paramref name="path"/>, following symbolic links unless <paramref name="followLinks"/> is false;
    /// null with <paramref name="errno"/> set when it cannot be read.
    /// </summary>
    public static FileStatus? Status(string path, bool followLinks, out int errno)
    {
        byte[] name = Terminated(path);
        Span<byte> buffer = stackalloc byte[StatxSize];
        if (Statx(CurrentDirectory, in name[0], followLinks ? 0 : NoFollow, BasicStatistics, ref MemoryMarshal.GetReference(buffer)) != 0)
        {
            errno = Marshal.GetLastPInvokeError();
            return null;
        }

        errno = 0;

        // struct statx: stx_uid at 20, stx_gid at 24, stx_mode at 28, stx_ino at 32, stx_dev_major/minor at 136/140.
        ushort mode = MemoryMarshal.Read<ushort>(buffer[28..]);
        return new FileStatus(
            KindOf(mode),
            (UnixFileMode)(mode & 0xFFF),
            Read32(buffer[20..]),
            Read32(buffer[24..]),
            ((ulong)Read32(buffer[136..]) << 32) | Read32(buffer[140..]),
            Read64(buffer[32..]));
    }

    /// <summary>The canonical absolute path of <paramref name="path"/> (every link and <c>..</c> resolved), or null with <paramref name="errno"/>.</summary>
    public static string? RealPath(string path, out int errno)
    {
        byte[] name = Terminated(path);
        nint resolved = RealPath(in name[0], 0);
        if (resolved == 0)
        {
            errno = Marshal.GetLastPInvokeError();
            return null;
        }

        try
        {
            errno = 0;
            return Marshal.PtrToStringUTF8(resolved);
        }
        finally
        {
            Free(resolved);
        }
    }

    /// <summary>0 when this process may access <paramref name="path"/> as <paramref name="mode"/> asks, else the errno.</summary>
    public static int Access(string path, int mode)
    {
        byte[] name = Terminated(path);
        return Access(in name[0], mode) == 0 ? 0 : Marshal.GetLastPInvokeError();
    }

    /// <summary>Gives <paramref name="path"/> the owner and group given; the errno on failure, else 0.</summary>
    public static int ChangeOwner(string path, uint user, uint group)
    {
        byte[] name = Terminated(path);
        return Chown(in name[0], user, group) == 0 ? 0 : Marshal.GetLastPInvokeError();
    }

    /// <summary>
    /// Takes an exclusive lock on the whole of the open file <paramref name="file"/> without waiting: 0 when taken,
    /// else the errno (EAGAIN or EACCES when another open of the file holds a lock on it).
    /// </summary>
    /// <remarks>
    /// An open file description lock (F_OFD_SETLK): held until the last descriptor of this open is closed (or the
    /// process ends), whichever thread or descriptor of the process opened the file otherwise. Unlike flock(2), it
    /// does not meet the shared flock that .NET takes on every file it opens, so other programs (and this one) still
    /// read the file while it is held.
    /// </remarks>
    public static int LockExclusive(Microsoft.Win32.SafeHandles.SafeFileHandle file)
    {
        ArgumentNullException.ThrowIfNull(file);
        // struct flock on 64-bit Linux: l_type (short) at 0, l_whence (short) at 2, l_start at 8, l_len at 16 (0: to
        // the end, however far it grows), l_pid at 24 (0, as OFD locks require); 32 bytes.
        Span<byte> description = stackalloc byte[32];
        description.Clear();
        MemoryMarshal.Write(description, WriteLock);
        return Fcntl(file, OpenFileDescriptionSetLock, ref MemoryMarshal.GetReference(description)) == 0 ? 0 : Marshal.GetLastPInvokeError();
    }

    private const int OpenFileDescriptionSetLock = 37; // F_OFD_SETLK
    private const short WriteLock = 1;                 // F_WRLCK

    private static FileKind KindOf(ushort mode) => (mode & 0xF000) switch
    {
        0x8000 => FileKind.Regular,   // S_IFREG
        0x4000 => FileKind.Directory, // S_IFDIR
        0xA000 => FileKind.Link,      // S_IFLNK
        0xC000 => FileKind.Socket,    // S_IFSOCK
        0x1000 => FileKind.Fifo,      // S_IFIFO
        _ => FileKind.Special,        // character or block device
    };

    // The kernel fills the structure in the machine's byte order.
    private static uint Read32(ReadOnlySpan<byte> bytes) => MemoryMarshal.Read<uint>(bytes);

    private static ulong Read64(ReadOnlySpan<byte> bytes) => MemoryMarshal.Read<ulong>(bytes);

    private static byte[] Terminated(string path)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(path) + 1];
        Encoding.UTF8.GetBytes(path, bytes);
        return bytes;
    }

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int directory, ref readonly byte path, int flags, uint mask, ref byte buffer);

    [DllImport("libc", EntryPoint = "realpath", SetLastError = true)]
    private static extern nint RealPath(ref readonly byte path, nint resolved);

    [DllImport("libc", EntryPoint = "free")]
    private static extern void Free(nint pointer);

    [DllImport("libc", EntryPoint = "access", SetLastError = true)]
    private static extern int Access(ref readonly byte path, int mode);

    // fcntl is variadic; its third argument, a pointer, is passed as a fixed one is on the 64-bit Linux ABIs.
    [DllImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    private static extern int Fcntl(Microsoft.Win32.SafeHandles.SafeFileHandle file, int command, ref byte argument);

    [DllImport("libc", EntryPoint = "chown", SetLastError = true)]
    private static extern int Chown(ref readonly byte path, uint user, uint group);
}
