using System.Text;

namespace XorNet.NumPy;

/// <summary>
/// NumPy 1.24's <c>array2string</c> (what <c>print(array)</c> writes) for float64 arrays of one or two dimensions,
/// at the default print options: threshold 1000, edge items 3, line width 75, legacy False.
/// </summary>
/// <remarks>
/// An array of more than 1000 elements is summarised: along each axis longer than six only the first and last
/// three entries are shown, with <c>...</c> between them, and only the shown elements decide the format. A row
/// that would pass the line width continues on the next line, indented to its first element.
/// </remarks>
internal static class NumPyArrayPrinter
{
    private const int SummaryThreshold = 1000;
    private const int EdgeItems = 3;
    private const int LineWidth = 75;
    private const string SummaryInsert = "...";

    /// <summary>
    /// Prints the <paramref name="rows"/> × <paramref name="columns"/> elements of <paramref name="data"/> (row
    /// after row) as a 2-D array if <paramref name="twoDimensional"/>, else (one row) as a 1-D array.
    /// </summary>
    public static string Print(ReadOnlySpan<double> data, int rows, int columns, bool twoDimensional)
    {
        if (data.Length == 0)
        {
            return "[]";
        }

        bool summarise = data.Length > SummaryThreshold;
        bool gapInRows = summarise && rows > 2 * EdgeItems;
        bool gapInColumns = summarise && columns > 2 * EdgeItems;
        int shownRows = gapInRows ? 2 * EdgeItems : rows;
        int shownColumns = gapInColumns ? 2 * EdgeItems : columns;

        NumPyFloatFormat format;
        if (summarise)
        {
            // At most 6 × 6 shown elements decide the format.
            Span<double> shown = stackalloc double[shownRows * shownColumns];
            for (int i = 0; i < shownRows; i++)
            {
                for (int j = 0; j < shownColumns; j++)
                {
                    shown[(i * shownColumns) + j] = data[(Index(i, rows, gapInRows) * columns) + Index(j, columns, gapInColumns)];
                }
            }

            format = NumPyFloatFormat.For(shown);
        }
        else
        {
            format = NumPyFloatFormat.For(data);
        }

        var text = new StringBuilder(shownRows * ((shownColumns * (format.Width + 1)) + 4));
        if (!twoDimensional)
        {
            AppendRow(text, data, format, shownColumns, gapInColumns, lineStart: 0, indent: 1);
            return text.ToString();
        }

        text.Append('[');
        for (int i = 0; i < shownRows; i++)
        {
            if (i > 0)
            {
                text.Append("\n ");
                if (gapInRows && i == EdgeItems)
                {
                    text.Append(SummaryInsert).Append("\n ");
                }
            }

            int row = Index(i, rows, gapInRows);
            AppendRow(text, data.Slice(row * columns, columns), format, shownColumns, gapInColumns, lineStart: text.Length - 1, indent: 2);
        }

        return text.Append(']').ToString();
    }

    /// <summary>The index along an axis of the <paramref name="shown"/>-th element shown.</summary>
    private static int Index(int shown, int length, bool gap) => gap && shown >= EdgeItems ? length - (2 * EdgeItems) + shown : shown;

    /// <summary>
    /// NumPy's <c>_formatArray</c> on the last axis: <c>[</c>, the elements separated by spaces, wrapped before an
    /// element that would reach past the line, <c>]</c>.
    /// </summary>
    /// <param name="text">Where the row goes.</param>
    /// <param name="row">The row's elements.</param>
    /// <param name="format">The format of every element.</param>
    /// <param name="shownColumns">How many elements are shown.</param>
    /// <param name="gap">Whether <c>...</c> stands for the elements between the first and the last three.</param>
    /// <param name="lineStart">Where in <paramref name="text"/> the current line begins.</param>
    /// <param name="indent">
    /// The depth of the row (1 for a 1-D array, 2 for a row of a 2-D one): its brackets before the first element,
    /// and the indent of its continuation lines.
    /// </param>
    private static void AppendRow(StringBuilder text, ReadOnlySpan<double> row, NumPyFloatFormat format, int shownColumns, bool gap, int lineStart, int indent)
    {
        // The last element must leave room for the closing brackets: one per enclosing axis.
        int limit = LineWidth - indent;
        text.Append('[');
        for (int j = 0; j < shownColumns; j++)
        {
            if (j > 0)
            {
                text.Append(' ');
            }

            if (gap && j == EdgeItems)
            {
                lineStart = Extend(text, lineStart, SummaryInsert.Length, limit, indent);
                text.Append(SummaryInsert).Append(' ');
            }

            lineStart = Extend(text, lineStart, format.Width, limit, indent);
            format.Append(text, row[Index(j, row.Length, gap)]);
        }

        text.Append(']');
    }

    /// <summary>
    /// NumPy's <c>_extendLine</c>: before a word of <paramref name="width"/> characters, starts a new line indented
    /// by <paramref name="indent"/> if the word would pass <paramref name="limit"/> and the line holds more than the
    /// indent already; returns where the current line begins.
    /// </summary>
    private static int Extend(StringBuilder text, int lineStart, int width, int limit, int indent)
    {
        int length = text.Length - lineStart;
        if (length + width <= limit || length <= indent)
        {
            return lineStart;
        }

        // Python's line.rstrip(): the separator and the padding of the last element go.
        int end = text.Length;
        while (text[end - 1] == ' ')
        {
            end--;
        }

        text.Length = end;
        text.Append('\n');
        int start = text.Length;
        text.Append(' ', indent);
        return start;
    }
}
