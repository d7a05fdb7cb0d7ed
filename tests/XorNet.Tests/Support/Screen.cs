using System.Text;

namespace XorNet.Tests;

/// <summary>
/// What a terminal of a given width shows after some output: carriage return, line feed, "erase to the end of
/// the line" (ESC [ K), and automatic wrapping at the right margin as xterm does it (a character written past the
/// last column starts the next row). Other escape sequences are skipped.
/// </summary>
internal sealed class Screen(int columns)
{
    private readonly List<StringBuilder> _rows = [new()];
    private readonly List<bool> _continues = [false];
    private int _column;

    /// <summary>How many times text ran past the right margin onto a new row.</summary>
    public int Wraps { get; private set; }

    /// <summary>The rows as shown, trailing blanks removed.</summary>
    public IReadOnlyList<string> Rows => [.. _rows.Select(r => r.ToString().TrimEnd())];

    /// <summary>The text lines shown: rows that wrapped joined back to the line they continue.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            var lines = new List<string>();
            for (int r = 0; r < _rows.Count; r++)
            {
                string row = _rows[r].ToString();
                if (_continues[r])
                {
                    lines[^1] += row;
                }
                else
                {
                    lines.Add(row);
                }
            }

            return [.. lines.Select(l => l.TrimEnd())];
        }
    }

    public static Screen Of(string output, int columns)
    {
        var screen = new Screen(columns);
        screen.Write(output);
        return screen;
    }

    public void Write(string output)
    {
        for (int i = 0; i < output.Length; i++)
        {
            char c = output[i];
            switch (c)
            {
                case '\r':
                    _column = 0;
                    break;
                case '\n':
                    NewRow(continues: false);
                    break;
                case '\u001b':
                    i = Escape(output, i);
                    break;
                default:
                    Put(c);
                    break;
            }
        }
    }

    private int Escape(string output, int start)
    {
        if (start + 1 >= output.Length || output[start + 1] != '[')
        {
            return start + 1;
        }

        int end = start + 2;
        while (end < output.Length && output[end] is < '@' or > '~')
        {
            end++;
        }

        if (end < output.Length && output[end] == 'K' && end == start + 2)
        {
            StringBuilder row = _rows[^1];
            if (row.Length > _column)
            {
                row.Length = _column;
            }
        }

        return end;
    }

    private void Put(char c)
    {
        if (_column == columns)
        {
            Wraps++;
            NewRow(continues: true);
        }

        StringBuilder row = _rows[^1];
        while (row.Length < _column)
        {
            row.Append(' ');
        }

        if (_column < row.Length)
        {
            row[_column] = c;
        }
        else
        {
            row.Append(c);
        }

        _column++;
    }

    private void NewRow(bool continues)
    {
        _rows.Add(new StringBuilder());
        _continues.Add(continues);
        _column = 0;
    }
}
