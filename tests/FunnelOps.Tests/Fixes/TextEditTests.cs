using FunnelOps.Fixes;

namespace FunnelOps.Tests.Fixes;

public sealed class TextEditTests
{
    [Fact]
    public void Edits_given_in_any_order_are_applied_back_to_front_so_every_offset_refers_to_the_original()
    {
        const string Source = "<img src=a.png loading=lazy>";

        var result = TextEdit.Apply(Source,
        [
            new TextEdit(0, 0, "<!-- hero -->"),
            new TextEdit(27, 0, " fetchpriority=high"),
            new TextEdit(14, 13, ""),
            new TextEdit(9, 5, "hero.png"),
        ]);

        Assert.Equal("<!-- hero --><img src=hero.png fetchpriority=high>", result);
    }

    [Fact]
    public void Characters_outside_the_edits_are_kept_exactly()
    {
        const string Source = "\uFEFFa\r\nb\tc\u00e9\U0001F600\r\n";

        var result = TextEdit.Apply(Source, [new TextEdit(4, 1, "B")]);

        Assert.Equal("\uFEFFa\r\nB\tc\u00e9\U0001F600\r\n", result);
    }

    [Fact]
    public void No_edits_give_back_the_source()
    {
        Assert.Equal("unchanged", TextEdit.Apply("unchanged", []));
    }

    [Fact]
    public void Edits_that_touch_without_overlapping_are_both_applied()
    {
        var result = TextEdit.Apply("abcdef", [new TextEdit(0, 3, "X"), new TextEdit(3, 3, "Y"), new TextEdit(6, 0, "!")]);

        Assert.Equal("XY!", result);
    }

    [Theory]
    [InlineData(0, 5, 3, 4)]
    [InlineData(2, 5, 4, 0)]
    [InlineData(2, 2, 2, 2)]
    [InlineData(0, 10, 9, 1)]
    public void Overlapping_edits_are_refused(int firstStart, int firstLength, int secondStart, int secondLength)
    {
        var error = Assert.Throws<InvalidOperationException>(() => TextEdit.Apply("0123456789",
            [new TextEdit(firstStart, firstLength, "x"), new TextEdit(secondStart, secondLength, "y")]));

        Assert.Contains("overlaps another edit", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(8, 3)]
    [InlineData(11, 0)]
    [InlineData(0, -1)]
    public void An_edit_outside_the_text_is_refused(int start, int length)
    {
        Assert.Throws<InvalidOperationException>(() => TextEdit.Apply("0123456789", [new TextEdit(start, length, "x")]));
    }
}
