using System.Globalization;

namespace XorNet.Commands.Sweep;

/// <summary>
/// The values of a sweep option: elements separated by commas (<c>0.1,0.5,1</c>), for whole numbers also ranges
/// (<c>0-999</c>, both ends included), each value at most once.
/// </summary>
internal static class ValueLists
{
    /// <summary>Reads one element: true with its value, or false when it is not acceptable.</summary>
    public delegate bool ElementParser<T>(string text, out T value);

    /// <summary>
    /// The values of <paramref name="text"/>, or an error saying which element is wrong and why; ranges only when
    /// <paramref name="ranges"/> gives the bounds of their values.
    /// </summary>
    /// <param name="text">The option's value as typed.</param>
    /// <param name="parse">Reads one element.</param>
    /// <param name="ranges">
    /// For whole numbers: the smallest and largest value ranges may span, and the value of a number in a range; null
    /// for no ranges.
    /// </param>
    /// <param name="limit">The most values a list may expand to; a larger one is an error naming its size.</param>
    public static (T[]? Values, string? Error) Parse<T>(string text, ElementParser<T> parse, (long Min, long Max, Func<long, T> Value)? ranges, long limit)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(parse);
        var values = new List<T>();
        var seen = new HashSet<T>();
        long count = 0;
        foreach (string raw in text.Split(','))
        {
            string element = raw.Trim();
            if (element.Length == 0)
            {
                return (null, text.Length == 0 ? "is empty" : $"has an empty element in '{text}'");
            }

            int dash = ranges is null ? -1 : element.IndexOf('-', 1);
            if (ranges is { } bounds && (dash > 0 || element[0] == '-'))
            {
                if (element[0] == '-' || dash == element.Length - 1)
                {
                    return (null, $"has an open range '{element}': a range needs both ends, such as 0-999");
                }

                if (!long.TryParse(element.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out long first)
                    || !long.TryParse(element.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out long last)
                    || first < bounds.Min || last > bounds.Max)
                {
                    return (null, $"does not accept the range '{element}'");
                }

                if (last < first)
                {
                    return (null, $"has a backwards range '{element}': write it from low to high, {last}-{first}");
                }

                count += last - first + 1;
                if (count > limit)
                {
                    return (null, string.Create(CultureInfo.InvariantCulture, $"lists {count:N0} values or more, more than the {limit:N0} runs a sweep may have"));
                }

                for (long number = first; number <= last; number++)
                {
                    T value = bounds.Value(number);
                    if (!seen.Add(value))
                    {
                        return (null, $"lists {number} twice");
                    }

                    values.Add(value);
                }

                continue;
            }

            if (!parse(element, out T single))
            {
                return (null, $"does not accept '{element}'{(element == text ? "" : $" in '{text}'")}");
            }

            if (!seen.Add(single))
            {
                return (null, $"lists {element} twice");
            }

            values.Add(single);
            count++;
        }

        return ([.. values], null);
    }
}
