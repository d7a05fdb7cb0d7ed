using SharpFuzz;

namespace XorNet.Fuzz;

/// <summary>
/// Entry point for AFL++: <c>XorNet.Fuzz csv|model|args</c> runs that target in SharpFuzz's persistent mode, one
/// input after another in this process. An exception that escapes a target is a crash.
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        Action<byte[]>? target = args.Length is 1 or 3 ? Targets.Find(args[0]) : null;
        if (target is null || (args.Length == 3 && args[1] != "--time"))
        {
            Console.Error.WriteLine("usage: XorNet.Fuzz csv|model|args [--time DIRECTORY]   (input on standard input, as afl-fuzz gives it)");
            return 2;
        }

        if (args.Length == 3)
        {
            return Time(target, args[2]);
        }

        // Nothing should read standard input; should a change make XorNet do so, it must not consume AFL's input.
        Console.SetIn(TextReader.Null);
        Action<Stream> run = stream =>
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            target(buffer.ToArray());
        };

        // In process by default (the fastest here); XORNET_FUZZ_OUT_OF_PROCESS=1 runs the inputs in a child process
        // that a stack overflow cannot take down with the fork server.
        if (Environment.GetEnvironmentVariable("XORNET_FUZZ_OUT_OF_PROCESS") == "1")
        {
            Fuzzer.OutOfProcess.Run(run);
        }
        else
        {
            Fuzzer.Run(run);
        }

        return 0;
    }

    // Runs every file in the directory many times and prints the time per execution, without AFL: where the time goes.
    private static int Time(Action<byte[]> target, string directory)
    {
        byte[][] inputs = [.. Directory.GetFiles(directory).Order(StringComparer.Ordinal).Select(File.ReadAllBytes)];
        const int Rounds = 200;
        foreach (byte[] input in inputs)
        {
            target(input);
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (int round = 0; round < Rounds; round++)
        {
            foreach (byte[] input in inputs)
            {
                target(input);
            }
        }

        double microseconds = clock.Elapsed.TotalMicroseconds / (Rounds * inputs.Length);
        Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{inputs.Length} inputs, {microseconds:0.0} µs per execution"));
        return 0;
    }
}
