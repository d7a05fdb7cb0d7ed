using System.Globalization;

namespace XorNet.Data;

/// <summary>
/// Splits text into lines as <see cref="TextReader.ReadLine"/> does (at <c>\n</c>, <c>\r</c> or <c>\r\n</c>), but
/// refuses a line longer than a limit instead of building it: a binary file or a file without line breaks must
/// not be read into one string of gigabytes.
/// </summary>
/// <remarks>A line is returned as a span into the reader's buffer, valid until the next call.</remarks>
internal sealed class CsvLineReader(TextReader reader, string name, int maxLength = CsvLineReader.DefaultMaxLength)
{
    /// <summary>The longest line read by default, in characters (a line this long holds at most 8 million values).</summary>
    public const int DefaultMaxLength = 1 << 24;

    private char[] _buffer = new char[Math.Min(maxLength + 1, 16 * 1024)];
    private int _start;
    private int _end;
    private bool _atEnd;
    private bool _skipLineFeed;

    /// <summary>The 1-based number of the last line returned.</summary>
    public int LineNumber { get; private set; }

    /// <summary>Reads the next line without its line break; false at the end of the text.</summary>
    /// <exception cref="DataFileException">The line is longer than the limit.</exception>
    public bool TryReadLine(out ReadOnlySpan<char> line)
    {
        int scanned = _start;
        while (true)
        {
            if (_skipLineFeed && _start < _end)
            {
                // The previous line ended with '\r'; a '\n' right after it belongs to the same line break.
                _skipLineFeed = false;
                if (_buffer[_start] == '\n')
                {
                    _start++;
                }

                scanned = _start;
            }

            int found = _buffer.AsSpan(scanned, _end - scanned).IndexOfAny('\r', '\n');
            if (found >= 0)
            {
                int lineEnd = scanned + found;
                Check(lineEnd - _start);
                line = _buffer.AsSpan(_start, lineEnd - _start);
                _skipLineFeed = _buffer[lineEnd] == '\r';
                _start = lineEnd + 1;
                LineNumber++;
                return true;
            }

            Check(_end - _start);
            if (_atEnd)
            {
                _skipLineFeed = false;
                if (_start == _end)
                {
                    line = default;
                    return false;
                }

                line = _buffer.AsSpan(_start, _end - _start);
                _start = _end;
                LineNumber++;
                return true;
            }

            scanned = _end - _start;
            Fill();
        }
    }

    // Moves the unread text to the front, grows the buffer when a line fills it, and reads more.
    private void Fill()
    {
        int pending = _end - _start;
        if (pending == _buffer.Length)
        {
            Array.Resize(ref _buffer, (int)Math.Min((long)_buffer.Length * 2, maxLength + 1L));
        }
        else if (_start > 0)
        {
            _buffer.AsSpan(_start, pending).CopyTo(_buffer);
        }

        _start = 0;
        _end = pending;
        int read = reader.Read(_buffer.AsSpan(_end));
        _end += read;
        _atEnd = read == 0;
    }

    private void Check(int length)
    {
        if (length > maxLength)
        {
            throw new DataFileException(string.Create(
                CultureInfo.InvariantCulture,
                $"{name}, line {LineNumber + 1}: the line is longer than {maxLength} characters; is this a CSV file?"));
        }
    }
}
