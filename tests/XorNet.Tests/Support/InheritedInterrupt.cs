using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace XorNet.Tests;

/// <summary>
/// Gives SIGINT back its default action when the test run inherited it ignored, as a shell does for a command started
/// in the background (<c>dotnet test &amp;</c> in a script). An ignored signal stays ignored across exec, and the
/// .NET runtime then leaves it so: the programs the Ctrl+C tests start would never see the signal they are sent.
/// </summary>
internal static class InheritedInterrupt
{
    private const int SigInt = 2;
    private static readonly IntPtr Ignore = 1, Default = 0;

    [ModuleInitializer]
    internal static void Restore()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        // struct sigaction starts with the handler; 256 bytes hold the whole struct on every Linux ABI.
        IntPtr current = Marshal.AllocHGlobal(256);
        try
        {
            if (Sigaction(SigInt, IntPtr.Zero, current) == 0 && Marshal.ReadIntPtr(current) == Ignore)
            {
                Signal(SigInt, Default);
            }
        }
        finally
        {
            Marshal.FreeHGlobal(current);
        }
    }

    [DllImport("libc", EntryPoint = "sigaction")]
    private static extern int Sigaction(int signal, IntPtr action, IntPtr oldAction);

    [DllImport("libc", EntryPoint = "signal")]
    private static extern IntPtr Signal(int signal, IntPtr handler);
}
