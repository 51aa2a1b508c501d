using FunnelOps.Reporting;

namespace FunnelOps.Tests.Reporting;

public sealed class MarkdownTextTests
{
    private const char WordJoiner = '\u2060';

    [Fact]
    public void An_at_sign_cannot_mention_a_GitHub_user_or_team()
    {
        var escaped = MarkdownText.Escape("Ask @acme/sales or @bob");

        Assert.Equal($"Ask @{WordJoiner}acme/sales or @{WordJoiner}bob", escaped);
    }

    [Fact]
    public void A_hash_before_a_number_cannot_link_an_issue_or_pull_request()
    {
        var escaped = MarkdownText.Escape("Fixed in #123 and GH-#7");

        Assert.Equal($"Fixed in #{WordJoiner}123 and GH{WordJoiner}-#{WordJoiner}7", escaped);
    }

    [Fact]
    public void Bare_addresses_and_GH_references_are_not_turned_into_links()
    {
        var escaped = MarkdownText.Escape("Sign in at https://login.evil.example or www.evil.example, see GH-12");

        Assert.Equal($"Sign in at https:{WordJoiner}//login.evil.example or www{WordJoiner}.evil.example, see " +
            $"GH{WordJoiner}-12", escaped);
    }

    [Fact]
    public void Plain_text_keeps_its_characters_but_names_no_issue_and_mentions_no_one()
    {
        Assert.Equal($"Sets the title \"Fixes #{WordJoiner}12 for @{WordJoiner}team\"",
            MarkdownText.NoReferences("Sets the title \"Fixes #12 for @team\""));
    }

    [Fact]
    public void Raw_HTML_is_shown_as_text_not_rendered()
    {
        var escaped = MarkdownText.Escape("""<img src=x onerror="alert(1)"> & <b>bold</b>""");

        Assert.Equal("""&lt;img src=x onerror="alert(1)"&gt; &amp; &lt;b&gt;bold&lt;/b&gt;""", escaped);
    }

    [Fact]
    public void An_HTML_comment_cannot_hide_the_rest_of_the_pull_request()
    {
        var escaped = MarkdownText.Escape("Pricing <!-- everything after this would vanish");

        Assert.Equal("Pricing &lt;!-- everything after this would vanish", escaped);
        Assert.DoesNotContain("<!--", escaped, StringComparison.Ordinal);
    }

    [Fact]
    public void Backticks_and_Markdown_punctuation_are_escaped()
    {
        var escaped = MarkdownText.Escape("`code` *bold* _it_ [link](x) | ~strike~ back\\slash");

        Assert.Equal("\\`code\\` \\*bold\\* \\_it\\_ \\[link\\](x) \\| \\~strike\\~ back\\\\slash", escaped);
    }

    [Fact]
    public void Newlines_and_tabs_become_spaces_so_crawled_text_stays_on_its_line()
    {
        var escaped = MarkdownText.Escape("Title\r\n# Heading injected\n\tindented");

        Assert.Equal($"Title  #{WordJoiner} Heading injected  indented", escaped);
        Assert.DoesNotContain('\n', escaped);
        Assert.DoesNotContain('\r', escaped);
    }

    [Fact]
    public void Long_text_is_cut_at_the_bound_with_an_ellipsis()
    {
        var escaped = MarkdownText.Escape(new string('a', 50), maxLength: 10);

        Assert.Equal("aaaaaaaaaa…", escaped);
    }

    [Fact]
    public void Null_or_empty_text_escapes_to_nothing()
    {
        Assert.Equal("", MarkdownText.Escape(null));
        Assert.Equal("", MarkdownText.EscapeWithCode(""));
    }

    [Fact]
    public void EscapeWithCode_turns_backtick_parts_into_code_spans_and_escapes_the_rest()
    {
        var escaped = MarkdownText.EscapeWithCode("""It is `<meta name="robots" content="noindex">` says @seo""");

        Assert.Equal($"""It is `<meta name="robots" content="noindex">` says @{WordJoiner}seo""", escaped);
    }

    [Fact]
    public void EscapeWithCode_keeps_a_code_span_on_one_line()
    {
        var escaped = MarkdownText.EscapeWithCode("See `<a\nhref=\"/x\">` here");

        Assert.Equal("See `<a href=\"/x\">` here", escaped);
    }

    [Fact]
    public void EscapeWithCode_shows_an_unclosed_backtick_as_an_escaped_backtick()
    {
        var escaped = MarkdownText.EscapeWithCode("Ends with `<b>open");

        Assert.Equal("Ends with \\`&lt;b&gt;open", escaped);
    }

    [Fact]
    public void CodeSpan_replaces_backticks_so_the_span_cannot_be_closed_early()
    {
        Assert.Equal("`a'b'c`", MarkdownText.CodeSpan("a`b`c"));
    }

    [Fact]
    public void Fence_is_three_backticks_when_the_code_has_none()
    {
        var fenced = MarkdownText.Fence("<p>Hi</p>\n", "html");

        Assert.Equal("```html\n<p>Hi</p>\n```", fenced);
    }

    [Fact]
    public void Fence_is_longer_than_the_longest_backtick_run_in_the_code()
    {
        var code = "text\n```\nnot the end\n`````\nstill code";

        var fenced = MarkdownText.Fence(code, "diff");

        Assert.Equal("``````diff\n" + code + "\n``````", fenced);
    }

    [Theory]
    [InlineData(4666.4, "USD", false, "$4,666")]
    [InlineData(121.5, "USD", true, "$121.50")]
    [InlineData(1234567, "EUR", false, "€1,234,567")]
    [InlineData(999.99, "GBP", true, "£999.99")]
    [InlineData(4666, "CHF", false, "CHF 4,666")]
    [InlineData(0, "USD", false, "$0")]
    public void Money_uses_the_currency_symbol_and_thousands_separators(
        double amount, string currency, bool cents, string expected)
    {
        Assert.Equal(expected, MarkdownText.Money(amount, currency, cents));
    }

    [Theory]
    [InlineData(0.03, "3%")]
    [InlineData(0.025, "2.5%")]
    [InlineData(0.1234, "12.3%")]
    [InlineData(1, "100%")]
    [InlineData(0, "0%")]
    public void Percent_shows_at_most_one_decimal(double share, string expected)
    {
        Assert.Equal(expected, MarkdownText.Percent(share));
    }

    [Theory]
    [InlineData(1234, 0, "1,234")]
    [InlineData(1234.56, 1, "1,234.6")]
    [InlineData(12, 2, "12.00")]
    public void Number_has_thousands_separators_and_the_asked_decimals(double value, int decimals, string expected)
    {
        Assert.Equal(expected, MarkdownText.Number(value, decimals));
    }
}
