using System.Runtime.InteropServices;

namespace XorNet.Terminal;

/// <summary>How many columns the terminal on standard error has, read afresh at each call so that a resize counts.</summary>
internal static class TerminalWidth
{
    private const int StandardError = 2;

    // TIOCGWINSZ on Linux for x86, Arm, RISC-V, LoongArch and s390x (PowerPC numbers it differently).
    private const nuint GetWindowSize = 0x5413;

    /// <summary>The columns of the terminal on standard error, or 0 when it is not known.</summary>
    public static int OfStandardError()
    {
        // ioctl(2) on standard error itself: System.Console asks standard output, which may be a file, and setting
        // it up for that costs more than the whole progress line.
        if (OperatingSystem.IsLinux() && RuntimeInformation.ProcessArchitecture is not Architecture.Ppc64le)
        {
            return WindowSize(StandardError, GetWindowSize, out Size size) == 0 ? size.Columns : 0;
        }

        try
        {
            return Console.WindowWidth;
        }
        catch (Exception e) when (e is IOException or PlatformNotSupportedException)
        {
            return 0;
        }
    }

    // A fixed-argument declaration of the variadic ioctl: the same call on Linux's calling conventions.
    [DllImport("libc", EntryPoint = "ioctl", SetLastError = true)]
    private static extern int WindowSize(int descriptor, nuint request, out Size size);

    /// <summary>struct winsize.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct Size
    {
        public ushort Rows;
        public ushort Columns;
        public ushort PixelWidth;
        public ushort PixelHeight;
    }
}
