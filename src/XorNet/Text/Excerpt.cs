using System.Globalization;
using System.Text;

namespace XorNet.Text;

/// <summary>
/// Makes text taken from a user's file safe to quote in a one-line message: control, invisible and undecodable
/// characters are escaped, and the text is cut to a short excerpt.
/// </summary>
/// <remarks>
/// A cell of a binary file may hold escape sequences that would redraw the terminal, bidirectional overrides that
/// reorder the rest of the line, or a megabyte without a line break; none of that may reach the message verbatim.
/// </remarks>
public static class Excerpt
{
    /// <summary>The most characters an excerpt shows before it is cut with <c>…</c>.</summary>
    public const int MaxLength = 24;

    /// <summary>
    /// Returns <paramref name="text"/> with <c>\t</c>, <c>\n</c>, <c>\r</c> and <c>\\</c> escaped as in C, other
    /// control characters as <c>\xNN</c>, and invisible, unassigned, private-use or undecodable characters (U+FFFD,
    /// which stands for bytes that were not valid UTF-8) as <c>\uNNNN</c>; at most <see cref="MaxLength"/> characters
    /// of the result are kept, followed by <c>…</c> when something was cut.
    /// </summary>
    public static string Of(ReadOnlySpan<char> text)
    {
        var result = new StringBuilder(Math.Min(text.Length, MaxLength) + 8);
        int index = 0;
        while (index < text.Length)
        {
            string piece = Piece(text, index, out int consumed);
            if (result.Length + piece.Length > MaxLength)
            {
                return result.Append('…').ToString();
            }

            result.Append(piece);
            index += consumed;
        }

        return result.ToString();
    }

    /// <summary>Like <see cref="Of"/>, in single quotes: <c>'0x1'</c>.</summary>
    public static string Quoted(ReadOnlySpan<char> text) => $"'{Of(text)}'";

    // The printed form of the character (or surrogate pair) at text[index], and how many chars it takes.
    private static string Piece(ReadOnlySpan<char> text, int index, out int consumed)
    {
        char c = text[index];
        consumed = 1;
        if (char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
        {
            consumed = 2;
            int codePoint = char.ConvertToUtf32(c, text[index + 1]);
            return IsVisible(CharUnicodeInfo.GetUnicodeCategory(codePoint))
                ? text.Slice(index, 2).ToString()
                : string.Create(CultureInfo.InvariantCulture, $"\\U{codePoint:x8}");
        }

        return c switch
        {
            '\t' => "\\t",
            '\n' => "\\n",
            '\r' => "\\r",
            '\\' => "\\\\",
            ' ' => " ",
            < ' ' or '\x7f' => string.Create(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}"),
            '\ufffd' => "\\ufffd",
            _ when IsVisible(CharUnicodeInfo.GetUnicodeCategory(c)) => c.ToString(),
            _ when c <= '\xff' => string.Create(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}"),
            _ => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
        };
    }

    // Letters, marks, digits, punctuation and symbols print as themselves; everything else (controls, format
    // characters such as U+200B or U+202E, separators other than the plain space, surrogates, private use,
    // unassigned code points) is escaped.
    private static bool IsVisible(UnicodeCategory category) => category switch
    {
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
            or UnicodeCategory.OtherNotAssigned or UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator => false,
        _ => true,
    };
}
