namespace XorNet.Terminal;

/// <summary>
/// The bottom line of a terminal, lent to a status text (the progress line) that everything else written to the
/// terminal pushes aside: a write through a <see cref="Share"/>d writer first erases the status, which comes back
/// after a finished line. The status is cut to fit the terminal's width, read at every draw, so it never wraps.
/// Thread-safe: Ctrl+C writes from a thread of its own.
/// </summary>
internal sealed class StatusLine
{
    // Carriage return, then ANSI "erase to the end of the line": clears one row whatever its width became since.
    private const string AnsiErase = "\r\u001b[K";

    // Assumed when the terminal does not say how wide it is.
    private const int DefaultColumns = 80;

    // Columns left free at the right: the terminal's echo of Ctrl+C ("^C") lands after the status and must stay on
    // its row, or the erase that follows clears only the row it wrapped to. One more column keeps clear of the last,
    // where some terminals wrap at once.
    private const int Margin = 3;

    // A status pushed aside by finished lines comes back at most this often, so that a flood of log lines is not
    // slowed by redrawing between every two of them.
    private static readonly TimeSpan RestoreInterval = TimeSpan.FromSeconds(0.1);

    private readonly Lock _gate = new();
    private readonly TextWriter _terminal;
    private readonly Func<int> _columns;
    private readonly TimeProvider _clock;
    private readonly bool _ansi;
    private Func<string[]>? _status;
    private int _shownLength = -1;
    private bool _atLineStart = true;
    private long? _lastRestore;

    /// <summary>A status line on <paramref name="terminal"/>, standard error, as wide as the terminal there.</summary>
    public StatusLine(TextWriter terminal)
        : this(terminal, TerminalWidth.OfStandardError, TimeProvider.System, ansi: !OperatingSystem.IsWindows())
    {
    }

    /// <summary>A status line on <paramref name="terminal"/>.</summary>
    /// <param name="terminal">Where the status is drawn.</param>
    /// <param name="columns">The terminal's width now, 0 when unknown.</param>
    /// <param name="clock">The time, for pacing redraws after other writes.</param>
    /// <param name="ansi">Erase with ANSI escapes; otherwise overwrite with spaces (old Windows consoles).</param>
    internal StatusLine(TextWriter terminal, Func<int> columns, TimeProvider clock, bool ansi)
    {
        ArgumentNullException.ThrowIfNull(terminal);
        _terminal = terminal;
        _columns = columns;
        _clock = clock;
        _ansi = ansi;
    }

    /// <summary>The status line that <paramref name="writer"/> shares the terminal with, or a new one drawing on it.</summary>
    public static StatusLine Of(TextWriter writer) => writer is SharingWriter shared ? shared.Line : new StatusLine(writer);

    /// <summary>
    /// A writer to <paramref name="inner"/>, a stream that ends on the same terminal, which erases the status before
    /// each write and restores it after a finished line; disposing it disposes <paramref name="inner"/>.
    /// </summary>
    public TextWriter Share(TextWriter inner) => new SharingWriter(this, inner);

    /// <summary>
    /// Draws the status that <paramref name="status"/> describes, and keeps drawing it afresh whenever it comes back
    /// after other writes. It gives its forms longest first: the first that fits the terminal's width is drawn, or
    /// else the last one cut to fit. Nothing is drawn while the cursor is not at the start of a line.
    /// </summary>
    public void Show(Func<string[]> status)
    {
        ArgumentNullException.ThrowIfNull(status);
        lock (_gate)
        {
            _status = status;
            if (_atLineStart)
            {
                Draw();
            }
        }
    }

    /// <summary>Erases the status and forgets it.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            Hide();
            _status = null;
        }
    }

    /// <summary>Erases the status if the terminal is free within <paramref name="timeout"/>; for a process about to end.</summary>
    public void TryClear(TimeSpan timeout)
    {
        if (_gate.TryEnter(timeout))
        {
            try
            {
                Hide();
                _status = null;
            }
            finally
            {
                _gate.Exit();
            }
        }
    }

    /// <summary>
    /// Writes <paramref name="message"/> as a line of its own, on a row cleared of the status and of anything the
    /// terminal echoed there (a typed ^C), then brings the status back at once.
    /// </summary>
    public void Announce(string message)
    {
        lock (_gate)
        {
            _terminal.Write(_atLineStart ? Erase() : _terminal.NewLine);
            _shownLength = -1;
            _terminal.WriteLine(message);
            _terminal.Flush();
            _atLineStart = true;
            if (_status is not null)
            {
                Draw();
            }
        }
    }

    /// <summary>
    /// The first of <paramref name="forms"/> no longer than <paramref name="columns"/>, or else the last one cut
    /// after its last part (parts are separated by two spaces) that fits; empty if not even the first part fits, as a
    /// number cut short would be a wrong number.
    /// </summary>
    internal static string Fit(IReadOnlyList<string> forms, int columns)
    {
        foreach (string form in forms)
        {
            if (form.Length <= columns)
            {
                return form;
            }
        }

        if (forms.Count == 0 || columns <= 0)
        {
            return "";
        }

        string last = forms[^1];
        int boundary = last.AsSpan(0, Math.Min(last.Length, columns + 2)).LastIndexOf("  ", StringComparison.Ordinal);
        return boundary > 0 ? last[..boundary].TrimEnd() : "";
    }

    private void Draw()
    {
        int columns = _columns();
        string text = Fit(_status!(), (columns > 0 ? columns : DefaultColumns) - Margin);
        if (_ansi)
        {
            // Text first, then erase what is left of the row: no blank moment between two draws.
            _terminal.Write('\r' + text + "\u001b[K");
        }
        else
        {
            _terminal.Write('\r' + text.PadRight(Math.Max(_shownLength, 0)));
        }

        _terminal.Flush();
        _shownLength = text.Length;
    }

    private void Hide()
    {
        if (_shownLength >= 0)
        {
            _terminal.Write(Erase());
            _terminal.Flush();
            _shownLength = -1;
        }
    }

    private string Erase() => _ansi ? AnsiErase : '\r' + new string(' ', Math.Max(_shownLength, 0)) + '\r';

    // Called under the lock before text goes to the terminal through another writer.
    private void BeforeWrite() => Hide();

    // Called under the lock after that text, whose last character is last (or null if there was none).
    private void AfterWrite(char? last)
    {
        if (last is null)
        {
            return;
        }

        _atLineStart = last == '\n';
        if (_status is null || !_atLineStart)
        {
            return;
        }

        long now = _clock.GetTimestamp();
        if (_lastRestore is { } then && _clock.GetElapsedTime(then, now) < RestoreInterval)
        {
            return;
        }

        _lastRestore = now;
        Draw();
    }

    /// <summary>A writer on the terminal that steps around the status line.</summary>
    private sealed class SharingWriter(StatusLine line, TextWriter inner) : TextWriter(inner.FormatProvider)
    {
        public StatusLine Line => line;

        public override System.Text.Encoding Encoding => inner.Encoding;

        public override string NewLine
        {
            get => inner.NewLine;
#pragma warning disable CS8765 // TextWriter.NewLine accepts null (meaning the default), as the inner writer does.
            set => inner.NewLine = value;
#pragma warning restore CS8765
        }

        public override void Write(char value)
        {
            lock (line._gate)
            {
                line.BeforeWrite();
                inner.Write(value);
                line.AfterWrite(value);
            }
        }

        public override void Write(string? value) => Write(value.AsSpan());

        public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

        public override void Write(ReadOnlySpan<char> buffer)
        {
            if (buffer.IsEmpty)
            {
                return;
            }

            lock (line._gate)
            {
                line.BeforeWrite();
                inner.Write(buffer);
                line.AfterWrite(buffer[^1]);
            }
        }

        public override void WriteLine() => WriteLine(ReadOnlySpan<char>.Empty);

        public override void WriteLine(string? value) => WriteLine(value.AsSpan());

        public override void WriteLine(char[] buffer, int index, int count) => WriteLine(buffer.AsSpan(index, count));

        public override void WriteLine(ReadOnlySpan<char> buffer)
        {
            lock (line._gate)
            {
                line.BeforeWrite();
                inner.WriteLine(buffer);
                line.AfterWrite('\n');
            }
        }

        public override void Flush()
        {
            lock (line._gate)
            {
                inner.Flush();
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
