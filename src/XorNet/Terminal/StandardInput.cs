using System.Text;

namespace XorNet.Terminal;

/// <summary>
/// Standard input as UTF-8 text, opened on first use: most runs never read it, and opening it through
/// <see cref="Console"/> costs start-up time.
/// </summary>
internal sealed class StandardInput : TextReader
{
    private TextReader? _reader;

    private TextReader Reader => _reader ??= new StreamReader(
        Console.OpenStandardInput(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), detectEncodingFromByteOrderMarks: true);

    public override int Peek() => Reader.Peek();

    public override int Read() => Reader.Read();

    public override int Read(char[] buffer, int index, int count) => Reader.Read(buffer, index, count);

    public override string? ReadLine() => Reader.ReadLine();

    public override string ReadToEnd() => Reader.ReadToEnd();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _reader?.Dispose();
        }

        base.Dispose(disposing);
    }
}
