using System.Globalization;

namespace XorNet.Text;

/// <summary>Small pieces of English for messages.</summary>
public static class Words
{
    /// <summary>
    /// <paramref name="count"/> followed by the noun in the number it takes: "1 value", "0 values", "2 values".
    /// </summary>
    /// <param name="count">How many.</param>
    /// <param name="singular">The noun for one, such as "value".</param>
    /// <param name="plural">The noun for any other count; the singular with an "s" when not given.</param>
    public static string Count(long count, string singular, string? plural = null)
    {
        ArgumentNullException.ThrowIfNull(singular);
        string noun = count == 1 ? singular : plural ?? singular + "s";
        return string.Create(CultureInfo.InvariantCulture, $"{count} {noun}");
    }

    /// <summary>The items as an English list: "a", "a and b", "a, b and c".</summary>
    public static string List(IReadOnlyList<string> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return items.Count <= 1 ? string.Concat(items) : $"{string.Join(", ", items.Take(items.Count - 1))} and {items[^1]}";
    }
}
