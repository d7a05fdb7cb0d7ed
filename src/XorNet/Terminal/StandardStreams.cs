using System.Runtime.InteropServices;
using System.Text;
using XorNet.Files;

namespace XorNet.Terminal;

/// <summary>Standard output and standard error as UTF-8 writers that flush every write, as <see cref="Console"/>'s do.</summary>
internal static class StandardStreams
{
    // Characters held before a write, as System.Console holds: the writers flush every line anyway, and bigger
    // buffers are fresh memory that a short run pays for in page faults.
    private const int BufferSize = 256;

    /// <summary>
    /// Opens standard output; a write that fails throws <see cref="IOException"/>, and one into a pipe whose reader
    /// has gone throws <see cref="OutputClosedException"/>, so that the run stops there.
    /// </summary>
    public static TextWriter Output() => Open(1, reportFailures: true, () => Console.Out);

    /// <summary>Opens standard error; a message that cannot be written is dropped, as there is nowhere left to report it.</summary>
    public static TextWriter Error() => Open(2, reportFailures: false, () => Console.Error);

    // On Linux and macOS the writer writes straight to the file descriptor: System.Console would first set up the
    // terminal and its signal handling, which lines of text do not need and which cost a tenth of the default run.
    private static TextWriter Open(int descriptor, bool reportFailures, Func<TextWriter> console) => OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()
        ? new StreamWriter(new DescriptorStream(descriptor, reportFailures), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), BufferSize) { AutoFlush = true }
        : console();

    [DllImport("libc", EntryPoint = "write", SetLastError = true)]
    private static extern nint Write(int descriptor, ref readonly byte buffer, nint count);

    /// <summary>A file descriptor written with write(2), so that a file offset shared with other processes advances as the shell expects.</summary>
    private sealed class DescriptorStream(int descriptor, bool reportFailures) : Stream
    {
        private const int Interrupted = 4; // EINTR
        private const int BrokenPipe = 32; // EPIPE

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            while (!buffer.IsEmpty)
            {
                nint written = StandardStreams.Write(descriptor, in MemoryMarshal.GetReference(buffer), buffer.Length);
                if (written >= 0)
                {
                    buffer = buffer[(int)written..];
                    continue;
                }

                int error = Marshal.GetLastPInvokeError();
                if (error == Interrupted)
                {
                    continue;
                }

                // Standard error has nowhere left to report its own failure: the message is dropped.
                if (!reportFailures)
                {
                    return;
                }

                // A reader that has gone (a pipe into 'head'): whatever the run prints next is lost too, so it stops
                // now rather than compute output nobody reads. .NET ignores SIGPIPE, so the write says it instead.
                if (error == BrokenPipe)
                {
                    throw new OutputClosedException();
                }

                throw new IOException(Marshal.GetPInvokeErrorMessage(error)) { HResult = error };
            }
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
