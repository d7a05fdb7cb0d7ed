using System.Globalization;
using System.Text;

namespace XorNet.Plots;

/// <summary>
/// A picture's heading or subheading laid out to fit its width: on one line over the plot when it fits there, else
/// over the whole picture, else wrapped after its commas (and between words where a piece between commas is still too
/// long) into as many lines as it needs; a word too long for any line (a long file name) is squeezed to the width. It
/// is never cut off at the edges.
/// </summary>
internal sealed class PlotTitle
{
    /// <summary>The heading's font size in pixels.</summary>
    public const int FontSize = 15;

    /// <summary>The distance between the baselines of wrapped lines.</summary>
    public const int LineHeight = 19;

    private const double EdgeMargin = 10;

    private PlotTitle(IReadOnlyList<string> lines, double centre, double maxWidth, int size)
    {
        Lines = lines;
        Centre = centre;
        MaxWidth = maxWidth;
        Size = size;
    }

    /// <summary>The font size of the lines in pixels.</summary>
    public int Size { get; }

    /// <summary>The lines, top to bottom.</summary>
    public IReadOnlyList<string> Lines { get; }

    /// <summary>The x coordinate the lines are centred on.</summary>
    public double Centre { get; }

    /// <summary>The widest a line may be.</summary>
    public double MaxWidth { get; }

    /// <summary>How many pixels taller than one line the heading is: the picture grows by this much.</summary>
    public int ExtraHeight => (Lines.Count - 1) * LineHeightFor(Size);

    // The heading's 19 px between baselines at 15 px, and as much more than the font size for smaller text.
    private static int LineHeightFor(int size) => size + (LineHeight - FontSize);

    /// <summary>
    /// <paramref name="text"/> laid out for a picture <paramref name="width"/> pixels wide, centred on
    /// <paramref name="preferredCentre"/> (the middle of the plot) when it fits there, in <paramref name="size"/>
    /// pixel type (<see cref="FontSize"/> for a heading, smaller for a subheading).
    /// </summary>
    public static PlotTitle Layout(string text, double width, double preferredCentre, int size = FontSize)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        double maxWidth = width - (2 * EdgeMargin);
        double aroundPreferred = 2 * (Math.Min(preferredCentre, width - preferredCentre) - EdgeMargin);
        double textWidth = EstimatedWidth(text, size);
        if (textWidth <= aroundPreferred)
        {
            return new PlotTitle([text], preferredCentre, maxWidth, size);
        }

        if (textWidth <= maxWidth)
        {
            return new PlotTitle([text], width / 2, maxWidth, size);
        }

        // Break after ", " so that a setting and its value stay together, and between the words of a piece that is
        // wider than a line by itself; greedy, as many pieces to a line as fit.
        var lines = new List<string>();
        string current = "";
        string[] commaPieces = text.Split(", ");
        var pieces = new List<string>();
        for (int i = 0; i < commaPieces.Length; i++)
        {
            string piece = i < commaPieces.Length - 1 ? commaPieces[i] + "," : commaPieces[i];
            pieces.AddRange(EstimatedWidth(piece, size) > maxWidth ? piece.Split(' ') : [piece]);
        }

        foreach (string piece in pieces)
        {
            string joined = current.Length == 0 ? piece : $"{current} {piece}";
            if (current.Length > 0 && EstimatedWidth(joined, size) > maxWidth)
            {
                lines.Add(current);
                current = piece;
            }
            else
            {
                current = joined;
            }
        }

        lines.Add(current);
        return new PlotTitle(lines, width / 2, maxWidth, size);
    }

    /// <summary>The lines with the first baseline at <paramref name="y"/>.</summary>
    /// <remarks><paramref name="extra"/> is added to each line's attributes (a colour).</remarks>
    public void Draw(StringBuilder svg, double y, string extra = "")
    {
        ArgumentNullException.ThrowIfNull(svg);
        for (int i = 0; i < Lines.Count; i++)
        {
            // A line that is still too wide is squeezed to fit rather than cut.
            string squeeze = EstimatedWidth(Lines[i], Size) > MaxWidth
                ? string.Create(CultureInfo.InvariantCulture, $" textLength=\"{Svg.N(MaxWidth)}\" lengthAdjust=\"spacingAndGlyphs\"")
                : "";
            Svg.Text(svg, Centre, y + (i * LineHeightFor(Size)), Lines[i], size: Size, extra: squeeze + extra);
        }
    }

    /// <summary>
    /// A generous estimate of the width of <paramref name="text"/> at <paramref name="size"/> pixels in DejaVu Sans,
    /// the widest of the fonts the pictures name (Helvetica and Arial are narrower), so that an estimate that fits does fit.
    /// </summary>
    public static double EstimatedWidth(string text, int size = FontSize)
    {
        ArgumentNullException.ThrowIfNull(text);
        double ems = 0;
        foreach (char ch in text)
        {
            ems += ch switch
            {
                ' ' or ',' or '.' or ':' or ';' or 'i' or 'l' or 'j' or '\'' or '|' or '!' => 0.33,
                'f' or 't' or 'r' or '(' or ')' or '[' or ']' or '/' or '-' => 0.42,
                'm' or 'w' or 'M' or 'W' => 0.95,
                >= 'A' and <= 'Z' => 0.75,
                _ => 0.64,
            };
        }

        return ems * size;
    }
}
