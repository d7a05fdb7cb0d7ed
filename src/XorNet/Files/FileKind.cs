namespace XorNet.Files;

/// <summary>What kind of thing a path names.</summary>
internal enum FileKind
{
    /// <summary>A regular file.</summary>
    Regular,

    /// <summary>A directory.</summary>
    Directory,

    /// <summary>A symbolic link (seen only when links are not followed).</summary>
    Link,

    /// <summary>A Unix socket, which cannot be opened as a file.</summary>
    Socket,

    /// <summary>A character or block device: written in place, never replaced.</summary>
    Special,

    /// <summary>A FIFO (named pipe): written in place, never replaced; read as a stream without a known end.</summary>
    Fifo,
}
