using System.Globalization;
using System.Security;
using System.Text;

namespace XorNet.Plots;

/// <summary>Small helpers for writing self-contained SVG: invariant numbers and escaped text.</summary>
internal static class Svg
{
    public const string Font = "font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\"";

    public static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Escape(string text) => SecurityElement.Escape(text);

    public static StringBuilder Begin(int width, int height, string title)
    {
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\">\n");
        svg.Append(CultureInfo.InvariantCulture, $"<title>{Escape(title)}</title>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{width}\" height=\"{height}\" fill=\"white\"/>\n");
        return svg;
    }

    public static void Text(StringBuilder svg, double x, double y, string text, string anchor = "middle", int size = 13, string extra = "") =>
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(x)}\" y=\"{N(y)}\" text-anchor=\"{anchor}\" font-size=\"{size}\" {Font}{extra}>{Escape(text)}</text>\n");
}
