using System.Text;
using Lms.Domain.Common;

namespace Lms.Domain.Tests;

public class TextTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\r\n")]
    [InlineData("\u00A0\u3000")]
    public void Nothing_but_white_space_cleans_to_an_empty_string(string? value)
    {
        Assert.Equal("", Text.Clean(value));
    }

    [Fact]
    public void Invisible_characters_alone_clean_to_an_empty_string()
    {
        Assert.Equal("", Text.Clean("\u200B\u200C\uFEFF"));
        Assert.Equal("", Text.Clean(" \u200B "));
    }

    [Fact]
    public void Half_a_character_or_a_noncharacter_becomes_the_replacement_character_instead_of_an_error()
    {
        Assert.Equal("ก\uFFFDข", Text.Clean("ก\uD800ข"));
        Assert.Equal("\uFFFD", Text.Clean("\uDC00"));
        Assert.Equal("\uFFFD\uFFFD", Text.Clean("\uFFFE\uFFFF"));
        Assert.Equal("ก\U0001F600", Text.Clean("ก\U0001F600")); // a whole pair stays as it is
    }

    [Fact]
    public void Leading_and_trailing_white_space_is_trimmed()
    {
        Assert.Equal("สมชาย", Text.Clean("  สมชาย\t\n"));
    }

    [Fact]
    public void Runs_of_white_space_collapse_to_one_space()
    {
        Assert.Equal("สมชาย ใจดี", Text.Clean("สมชาย   ใจดี"));
        Assert.Equal("a b c", Text.Clean("a\t\tb\r\n c"));
    }

    [Fact]
    public void Non_breaking_and_ideographic_spaces_become_ordinary_spaces()
    {
        Assert.Equal("a b c", Text.Clean("a\u00A0b\u3000\u3000c"));
    }

    [Fact]
    public void Zero_width_space_pasted_from_Word_or_LINE_is_removed()
    {
        Assert.Equal("กิ่งก้อย", Text.Clean("กิ่ง\u200Bก้อย"));
        Assert.Equal(Text.Clean("กิ่งก้อย"), Text.Clean("\u200Bกิ่ง\u200Bก้อย\u200B"));
    }

    [Theory]
    [InlineData("\u200C")] // zero-width non-joiner
    [InlineData("\u200D")] // zero-width joiner
    [InlineData("\u2060")] // word joiner
    [InlineData("\uFEFF")] // byte-order mark / zero-width no-break space
    [InlineData("\u00AD")] // soft hyphen
    [InlineData("\u200E")] // left-to-right mark
    [InlineData("\U000E0001")] // language tag, outside the Basic Multilingual Plane
    public void Other_format_characters_are_removed(string format)
    {
        Assert.Equal("สมศรี", Text.Clean("สม" + format + "ศรี"));
    }

    [Fact]
    public void A_zero_width_space_between_two_spaces_does_not_leave_two_spaces()
    {
        Assert.Equal("a b", Text.Clean("a \u200B b"));
    }

    [Fact]
    public void A_decomposed_accent_is_composed()
    {
        var cleaned = Text.Clean("Rene\u0301");
        Assert.Equal("Ren\u00E9", cleaned);
        Assert.Equal(5, "Rene\u0301".Length);
        Assert.Equal(4, cleaned.Length);
    }

    [Fact]
    public void Thai_tone_mark_and_lower_vowel_typed_in_either_order_come_out_the_same()
    {
        // ก + MAI EK + SARA U  versus  ก + SARA U + MAI EK: canonical ordering puts SARA U first.
        Assert.Equal("\u0E01\u0E38\u0E48", Text.Clean("\u0E01\u0E48\u0E38"));
        Assert.Equal(Text.Clean("\u0E01\u0E38\u0E48"), Text.Clean("\u0E01\u0E48\u0E38"));
    }

    [Fact]
    public void Thai_marks_separated_by_a_zero_width_space_are_still_put_in_canonical_order()
    {
        var cleaned = Text.Clean("\u0E01\u0E48\u200B\u0E38");
        Assert.Equal("\u0E01\u0E38\u0E48", cleaned);
        Assert.True(cleaned.IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public void An_accent_separated_from_its_letter_by_a_zero_width_space_is_composed()
    {
        Assert.Equal("Ren\u00E9", Text.Clean("Rene\u200B\u0301"));
    }

    [Fact]
    public void Sara_am_and_nikhahit_plus_sara_aa_are_left_as_typed_because_NFC_does_not_unify_them()
    {
        // U+0E33 SARA AM has only a compatibility decomposition (to U+0E4D U+0E32), so NFC keeps both forms.
        Assert.Equal("\u0E19\u0E33", Text.Clean("\u0E19\u0E33"));
        Assert.Equal("\u0E19\u0E4D\u0E32", Text.Clean("\u0E19\u0E4D\u0E32"));
    }

    [Fact]
    public void Clean_is_idempotent()
    {
        foreach (var s in new[] { "  a\u200B  b ", "\u0E01\u0E48\u200B\u0E38", "Rene\u0301", "นางสาว\u00A0กิ่งก้อย" })
        {
            var once = Text.Clean(s);
            Assert.Equal(once, Text.Clean(once));
        }
    }

    [Fact]
    public void Required_returns_the_cleaned_value()
    {
        Assert.Equal("สมชาย ใจดี", Text.Required("  สมชาย  ใจดี ", "x.required", 20));
    }

    [Fact]
    public void Required_refuses_an_empty_value_with_the_given_code()
    {
        var ex = Assert.Throws<DomainException>(() => Text.Required(" \u200B ", "thing.name_required", 20));
        Assert.Equal("thing.name_required", ex.Code);
    }

    [Fact]
    public void The_length_limit_counts_the_cleaned_text()
    {
        Assert.Equal("abcde", Text.Required("  ab\u200Bcde  ", "x", 5));
        Assert.Equal("abcde", Text.Optional("  abcde  ", 5));
        Assert.Equal("text.too_long", Assert.Throws<DomainException>(() => Text.Required("abcdef", "x", 5)).Code);
        Assert.Equal("text.too_long", Assert.Throws<DomainException>(() => Text.Optional("abcdef", 5)).Code);
    }

    [Fact]
    public void Optional_turns_null_into_an_empty_string()
    {
        Assert.Equal("", Text.Optional(null, 10));
    }
}
