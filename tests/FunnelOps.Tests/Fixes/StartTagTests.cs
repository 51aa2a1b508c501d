using FunnelOps.Fixes;

namespace FunnelOps.Tests.Fixes;

public sealed class StartTagTests
{
    [Fact]
    public void Quoted_unquoted_and_bare_attributes_are_read_with_their_exact_extent()
    {
        const string Source = """<p>x</p><IMG SRC="/hero.png" alt='Sprint board' loading=lazy hidden data-x = "1">""";
        var start = Source.IndexOf("<IMG", StringComparison.Ordinal);

        var tag = StartTag.Read(Source, start);

        Assert.Equal("img", tag.Name);
        Assert.Equal(start, tag.Start);
        Assert.Equal(Source.Length, tag.End);
        Assert.False(tag.SelfClosing);
        Assert.Equal(["SRC", "alt", "loading", "hidden", "data-x"], tag.Attributes.Select(a => a.Name));
        AssertSpan(Source, tag.Attributes[0], "SRC=\"/hero.png\"", "/hero.png", '"');
        AssertSpan(Source, tag.Attributes[1], "alt='Sprint board'", "Sprint board", '\'');
        AssertSpan(Source, tag.Attributes[2], "loading=lazy", "lazy", '\0');
        AssertSpan(Source, tag.Attributes[4], "data-x = \"1\"", "1", '"');
    }

    [Fact]
    public void A_bare_attribute_has_no_value()
    {
        const string Source = """<script src="/a.js" defer async></script>""";

        var tag = StartTag.Read(Source, 0);

        var defer = tag.Attribute("DEFER");
        Assert.NotNull(defer);
        Assert.Null(defer.Value);
        Assert.Equal((-1, -1, '\0'), (defer.ValueStart, defer.ValueEnd, defer.Quote));
        Assert.Equal("defer", Source[defer.Start..defer.End]);
        Assert.Equal("async", Source[tag.Attribute("async")!.Start..tag.Attribute("async")!.End]);
    }

    [Fact]
    public void A_greater_than_sign_inside_a_quoted_value_does_not_end_the_tag()
    {
        const string Source = """<a title="a > b" data-rule='x>y' href="/next/">Next</a>""";

        var tag = StartTag.Read(Source, 0);

        Assert.Equal(Source.IndexOf(">Next", StringComparison.Ordinal) + 1, tag.End);
        Assert.Equal("a > b", tag.Attribute("title")?.Value);
        Assert.Equal("x>y", tag.Attribute("data-rule")?.Value);
        Assert.Equal("/next/", tag.Attribute("href")?.Value);
    }

    [Theory]
    [InlineData("""<meta charset="utf-8" />""", 21)]
    [InlineData("""<meta charset="utf-8"/>""", 21)]
    [InlineData("<br/>", 3)]
    public void A_self_closing_tag_is_recognised_and_new_attributes_go_right_after_the_last_attribute(
        string source, int insertionPoint)
    {
        var tag = StartTag.Read(source, 0);

        Assert.True(tag.SelfClosing);
        Assert.Equal(source.Length, tag.End);
        Assert.Equal(insertionPoint, tag.InsertionPoint);
    }

    [Fact]
    public void A_slash_at_the_end_of_an_unquoted_value_belongs_to_the_value()
    {
        const string Source = "<a href=/pricing/>Pricing</a>";

        var tag = StartTag.Read(Source, 0);

        Assert.False(tag.SelfClosing);
        Assert.Equal("/pricing/", tag.Attribute("href")?.Value);
        Assert.Equal(Source.IndexOf('>', StringComparison.Ordinal) + 1, tag.End);
        Assert.Equal(tag.End - 1, tag.InsertionPoint);
    }

    [Fact]
    public void A_tag_spread_over_several_lines_is_read_whole()
    {
        const string Source = "<img\r\n  src=\"/hero.png\"\r\n  loading=\"lazy\"\r\n>";

        var tag = StartTag.Read(Source, 0);

        Assert.Equal(Source.Length, tag.End);
        Assert.Equal(["src", "loading"], tag.Attributes.Select(a => a.Name));
    }

    [Fact]
    public void A_tag_without_attributes_has_none()
    {
        var tag = StartTag.Read("<head>", 0);

        Assert.Equal("head", tag.Name);
        Assert.Empty(tag.Attributes);
        Assert.Equal(6, tag.End);
        Assert.Null(tag.Attribute("lang"));
    }

    [Theory]
    [InlineData("text <p>", 0)]
    [InlineData("<p>", 3)]
    [InlineData("<p>", -1)]
    [InlineData("""<img src="/never-closed.png" """, 0)]
    [InlineData("""<img alt="quote never closed>""", 0)]
    public void Reading_where_no_complete_start_tag_begins_fails_with_a_format_error(string source, int start)
    {
        Assert.Throws<FormatException>(() => StartTag.Read(source, start));
    }

    private static void AssertSpan(string source, AttributeSpan attribute, string written, string value, char quote)
    {
        Assert.Equal(written, source[attribute.Start..attribute.End]);
        Assert.Equal(value, attribute.Value);
        Assert.Equal(value, source[attribute.ValueStart..attribute.ValueEnd]);
        Assert.Equal(quote, attribute.Quote);
    }
}
