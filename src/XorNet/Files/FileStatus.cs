namespace XorNet.Files;

/// <summary>What statx says about a file.</summary>
/// <param name="Kind">Its type.</param>
/// <param name="Permissions">Its permission bits, with set-user-ID, set-group-ID and sticky.</param>
/// <param name="User">Its owner's user ID.</param>
/// <param name="Group">Its group ID.</param>
/// <param name="Device">The device it is on.</param>
/// <param name="Inode">Its inode number on that device.</param>
internal readonly record struct FileStatus(FileKind Kind, UnixFileMode Permissions, uint User, uint Group, ulong Device, ulong Inode);
