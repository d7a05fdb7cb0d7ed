using FluentAssertions;

namespace XorNet.Tests;

/// <summary>Text quoted from a user's file is escaped and short, so that no file can garble the terminal.</summary>
public sealed class ExcerptTests
{
    [Theory]
    [InlineData("0x1", "0x1")]
    [InlineData("a b", "a b")]
    [InlineData("é€中", "é€中")]
    [InlineData("\t\n\r", @"\t\n\r")]
    [InlineData("\0\x07\x1b[2J\x7f", @"\x00\x07\x1b[2J\x7f")]
    [InlineData("\u0085\u00a0", @"\x85\xa0")]
    [InlineData("a\u200bb\u202ec\ufeff", @"a\u200bb\u202ec\ufeff")]
    [InlineData("\ufffd", @"\ufffd")]
    [InlineData("\u2028\u3000", @"\u2028\u3000")]
    [InlineData("\ue000", @"\ue000")]
    [InlineData(@"C:\x", @"C:\\x")]
    public void Invisible_and_control_characters_are_escaped(string text, string expected)
    {
        Excerpt.Of(text).Should().Be(expected);
    }

    [Fact]
    public void A_valid_surrogate_pair_prints_and_a_lone_surrogate_is_escaped()
    {
        Excerpt.Of("😀").Should().Be("😀");
        Excerpt.Of("a\ud800b").Should().Be(@"a\ud800b");
        Excerpt.Of("\udc00").Should().Be(@"\udc00");
        Excerpt.Of("\U000E0001").Should().Be(@"\U000e0001", "language tags are format characters");
    }

    [Fact]
    public void Long_text_is_cut_with_an_ellipsis()
    {
        Excerpt.Of(new string('a', Excerpt.MaxLength)).Should().Be(new string('a', Excerpt.MaxLength), "text that fits is not cut");
        Excerpt.Of(new string('a', 1_000_000)).Should().Be(new string('a', Excerpt.MaxLength) + "…");
    }

    [Fact]
    public void Escapes_count_towards_the_length_and_are_never_cut_in_half()
    {
        string excerpt = Excerpt.Of(new string('\0', 100));

        excerpt.Should().Be(string.Concat(Enumerable.Repeat(@"\x00", Excerpt.MaxLength / 4)) + "…");
        Excerpt.Of("aaaaaaaaaaaaaaaaaaaaaaa\0").Should().Be("aaaaaaaaaaaaaaaaaaaaaaa…", "the escape would not fit whole");
        Excerpt.Of(new string('a', Excerpt.MaxLength - 1) + "😀b").Should().Be(new string('a', Excerpt.MaxLength - 1) + "…");
    }

    [Fact]
    public void Quoted_wraps_the_excerpt_in_single_quotes()
    {
        Excerpt.Quoted("x\ty").Should().Be(@"'x\ty'");
    }

    [Fact]
    public void No_excerpt_of_random_text_holds_a_control_or_format_character()
    {
        var random = new Random(7);
        for (int i = 0; i < 2000; i++)
        {
            char[] text = new char[random.Next(0, 60)];
            for (int j = 0; j < text.Length; j++)
            {
                text[j] = (char)random.Next(0, 0x10000);
            }

            string excerpt = Excerpt.Of(text);

            excerpt.Length.Should().BeLessThanOrEqualTo(Excerpt.MaxLength + 1);
            excerpt.Where(c => char.IsControl(c)
                || System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format)
                .Should().BeEmpty();

            // A lone surrogate would enumerate as U+FFFD, which itself is always escaped.
            excerpt.EnumerateRunes().Should().NotContain(System.Text.Rune.ReplacementChar);
        }
    }
}
