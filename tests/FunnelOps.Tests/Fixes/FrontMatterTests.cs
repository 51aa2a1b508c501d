using FunnelOps.Fixes;

namespace FunnelOps.Tests.Fixes;

/// <summary>Front-matter keys read with their exact extents and set or removed in place.</summary>
public sealed class FrontMatterTests
{
    [Theory]
    [InlineData("title: Old", "title: New copy")]
    [InlineData("title: \"Old\"", "title: \"New copy\"")]
    [InlineData("title: 'Old'", "title: 'New copy'")]
    [InlineData("title: Old # shown in menus", "title: New copy # shown in menus")]
    [InlineData("title:   \"Old\"   ", "title:   \"New copy\"   ")]
    public void Setting_a_YAML_value_keeps_its_quotes_comment_and_spacing(string line, string expected)
    {
        Assert.Equal($"---\n{expected}\ndate: 2026-11-02\n---\nBody", Set($"---\n{line}\ndate: 2026-11-02\n---\nBody", "title", "New copy"));
    }

    [Theory]
    [InlineData("Plans: from 12 euros", "\"Plans: from 12 euros\"")]
    [InlineData("# Not a comment", "\"# Not a comment\"")]
    [InlineData("true", "\"true\"")]
    [InlineData("2026", "\"2026\"")]
    [InlineData("Say \"hello\"", "Say \"hello\"")]
    [InlineData("- a list?", "\"- a list?\"")]
    public void A_plain_YAML_value_is_quoted_only_when_YAML_would_read_it_as_something_else(string value, string written)
    {
        Assert.Equal($"---\ntitle: A\ndescription: {written}\n---\n", Set("---\ntitle: A\n---\n", "description", value, "title"));
    }

    [Fact]
    public void Quotes_inside_a_quoted_value_are_escaped_in_its_own_style()
    {
        Assert.Equal("---\ntitle: 'It''s here'\n---\n", Set("---\ntitle: 'Old'\n---\n", "title", "It's here"));
        Assert.Equal("---\ntitle: \"Say \\\"hi\\\"\"\n---\n", Set("---\ntitle: \"Old\"\n---\n", "title", "Say \"hi\""));
    }

    [Fact]
    public void TOML_values_are_set_in_TOML_and_keys_of_tables_are_not_the_pages()
    {
        const string text = "+++\r\ntitle = \"Old\"\r\n\r\n[params]\r\ndescription = \"table\"\r\n+++\r\nBody";

        var front = FrontMatter.Read(text, "\r\n");

        Assert.Equal(FrontMatterFormat.Toml, front.Format);
        Assert.Null(front.Value("description"));
        Assert.Equal("+++\r\ntitle = \"New\"\r\n\r\n[params]\r\ndescription = \"table\"\r\n+++\r\nBody",
            TextEdit.Apply(text, [front.Set("title", "New")]));
        Assert.Equal("+++\r\ntitle = \"Old\"\r\ndescription = \"Copy\"\r\n\r\n[params]\r\ndescription = \"table\"\r\n+++\r\nBody",
            TextEdit.Apply(text, [front.Set("description", "Copy", after: "title")]));
    }

    [Fact]
    public void A_block_value_over_several_lines_becomes_one_line_and_a_key_can_be_removed_with_its_lines()
    {
        const string text = "---\ndescription: >-\n  Old copy\n  over two lines\ntags:\n  - a\n  - b\ntitle: T\n---\n";
        var front = FrontMatter.Read(text, "\n");

        Assert.Equal("---\ndescription: New\ntags:\n  - a\n  - b\ntitle: T\n---\n",
            TextEdit.Apply(text, [front.Set("description", "New")]));
        Assert.Equal("---\ndescription: >-\n  Old copy\n  over two lines\ntitle: T\n---\n",
            TextEdit.Apply(text, [front.Remove("tags")!]));
    }

    [Fact]
    public void A_blank_line_after_a_value_does_not_make_it_a_block()
    {
        var front = FrontMatter.Read("---\ntitle: Features\n\nweight: 20\n---\n", "\n");

        Assert.Equal("Features", front.Value("title"));
        Assert.Equal("20", front.Value("weight"));
    }

    [Fact]
    public void A_file_without_front_matter_gets_a_YAML_block_and_a_thematic_break_is_not_front_matter()
    {
        Assert.Equal("---\ndescription: Copy\n---\n# Page\n", Set("# Page\n", "description", "Copy"));
        Assert.Equal(FrontMatterFormat.None, FrontMatter.Read("---\nNo closing fence, just text.\n", "\n").Format);
    }

    private static string Set(string text, string key, string value, string? after = null) =>
        TextEdit.Apply(text, [FrontMatter.Read(text, "\n").Set(key, value, after)]);
}
