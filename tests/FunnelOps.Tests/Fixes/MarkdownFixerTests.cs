using FunnelOps.Fixes.Fixers;
using FunnelOps.Playbooks;

namespace FunnelOps.Tests.Fixes;

/// <summary>
/// Every fixer whose fix kind applies to Markdown, on a Hugo page with front matter: the edit lands
/// at the exact offset of a front-matter key, an image's alt text or a link's target, and every other
/// byte (line endings, byte-order mark, quoting, comments) stays as it was.
/// </summary>
public sealed class MarkdownFixerTests
{
    private const string Live = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Features | Keelboard</title></head>
        <body><main><h1>Features</h1>
        <p>Keelboard keeps roadmaps, sprints and releases on one board. Owners see what ships this week without chasing updates in chat.</p>
        </main></body></html>
        """;

    [Theory]
    [MemberData(nameof(FileShapes.All), MemberType = typeof(FileShapes))]
    public void A_missing_description_is_set_after_the_title_in_YAML_front_matter(string newline, bool bom)
    {
        var run = MarkdownRun.Of(new InsertMetaDescriptionFixer(), "meta-description-missing", newline: newline, bom: bom,
            live: Live, markdown: """
            ---
            title: "Features" # shown in the menu too
            weight: 20
            ---

            Keelboard keeps roadmaps, sprints and releases on one board. Owners see what ships this week without chasing updates in chat.
            """);

        run.AssertGives(newline: newline, bom: bom, after: """
            ---
            title: "Features" # shown in the menu too
            description: Keelboard keeps roadmaps, sprints and releases on one board. Owners see what ships this week without chasing updates in chat.
            weight: 20
            ---

            Keelboard keeps roadmaps, sprints and releases on one board. Owners see what ships this week without chasing updates in chat.
            """);
        Assert.NotNull(run.Change!.ReviewNote);
    }

    [Fact]
    public void Copy_with_markup_characters_from_the_page_is_not_written_into_front_matter()
    {
        var live = Live.Replace("Owners see what ships", "&lt;i onclick=x&gt; see what ships",
            StringComparison.Ordinal);

        var run = MarkdownRun.Of(new InsertMetaDescriptionFixer(), "meta-description-missing", live: live, markdown: """
            ---
            title: Features
            ---

            Keelboard keeps roadmaps, sprints and releases on one board.
            """);

        Assert.Null(run.Change);
        Assert.True(run.Reason.Contains("<, > or &", StringComparison.Ordinal), run.Reason);
    }

    [Theory]
    [MemberData(nameof(FileShapes.All), MemberType = typeof(FileShapes))]
    public void A_missing_description_is_set_in_TOML_front_matter_with_TOML_quoting(string newline, bool bom)
    {
        MarkdownRun.Of(new InsertMetaDescriptionFixer(), "meta-description-missing", newline: newline, bom: bom,
            live: Live, markdown: """
            +++
            title = 'Features'
            draft = false

            [params]
            icon = "board"
            +++

            Keelboard keeps roadmaps, sprints and releases on one board.
            """).AssertGives(newline: newline, bom: bom, after: """
            +++
            title = 'Features'
            description = "Keelboard keeps roadmaps, sprints and releases on one board. Owners see what ships this week without chasing updates in chat."
            draft = false

            [params]
            icon = "board"
            +++

            Keelboard keeps roadmaps, sprints and releases on one board.
            """);
    }

    [Theory]
    [MemberData(nameof(FileShapes.All), MemberType = typeof(FileShapes))]
    public void A_missing_title_is_set_from_the_main_heading_written_in_the_body(string newline, bool bom)
    {
        const string live = """
            <html lang="en"><head><meta charset="utf-8"></head>
            <body><h1>Features</h1><p>Boards.</p></body></html>
            """;

        MarkdownRun.Of(new InsertTitleFixer(), "title-missing", newline: newline, bom: bom, live: live, markdown: """
            ---
            date: 2026-11-02
            ---

            # Features

            Boards.
            """).AssertGives(newline: newline, bom: bom, after: """
            ---
            date: 2026-11-02
            title: Features
            ---

            # Features

            Boards.
            """);
    }

    [Theory]
    [MemberData(nameof(FileShapes.All), MemberType = typeof(FileShapes))]
    public void A_noindex_flag_is_removed_from_the_front_matter_with_its_line(string newline, bool bom)
    {
        MarkdownRun.Of(new RemoveNoindexFixer(), "indexing-blocked", newline: newline, bom: bom, live: Live, markdown: """
            ---
            title: Features
            noindex: true
            weight: 20
            ---

            Boards.
            """).AssertGives(newline: newline, bom: bom, after: """
            ---
            title: Features
            weight: 20
            ---

            Boards.
            """);
    }

    [Theory]
    [MemberData(nameof(FileShapes.All), MemberType = typeof(FileShapes))]
    public void Only_noindex_is_taken_out_of_a_front_matter_robots_value_that_says_more(string newline, bool bom)
    {
        MarkdownRun.Of(new RemoveNoindexFixer(), "indexing-blocked", newline: newline, bom: bom, live: Live, markdown: """
            ---
            title: Features
            robots: 'noindex, nosnippet'
            ---

            Boards.
            """).AssertGives(newline: newline, bom: bom, after: """
            ---
            title: Features
            robots: 'nosnippet'
            ---

            Boards.
            """);
    }

    [Theory]
    [MemberData(nameof(FileShapes.All), MemberType = typeof(FileShapes))]
    public void An_image_without_alt_text_gets_one_from_its_title_or_file_name(string newline, bool bom)
    {
        var run = MarkdownRun.Of(new SetImageAltFixer(), "image-missing-alt", newline: newline, bom: bom, live: Live,
            markdown: """
            ---
            title: Features
            ---

            ![](/images/sprint-board.png)

            ![ ](/images/IMG_1234.jpg "The release calendar")

            ## The planning wall

            ![](/images/IMG_5678.jpg)

            ```markdown
            ![](/images/example-in-code.png)
            ```
            """);

        run.AssertGives(newline: newline, bom: bom, after: """
            ---
            title: Features
            ---

            ![Sprint board](/images/sprint-board.png)

            ![The release calendar](/images/IMG_1234.jpg "The release calendar")

            ## The planning wall

            ![The planning wall](/images/IMG_5678.jpg)

            ```markdown
            ![](/images/example-in-code.png)
            ```
            """);
        Assert.NotNull(run.Change!.ReviewNote);
    }

    [Theory]
    [MemberData(nameof(FileShapes.All), MemberType = typeof(FileShapes))]
    public void A_redirected_link_points_at_the_end_of_its_chain_in_inline_reference_and_HTML_links(string newline, bool bom)
    {
        var target = new FixTarget(null, [new("/pricing-2023/", "/pricing/")]);

        MarkdownRun.Of(new RetargetLinkFixer(), "redirect-chain-link", newline: newline, bom: bom, live: Live,
            target: target, markdown: """
            ---
            title: Features
            ---

            See [our plans](/pricing-2023/ "Plans") or the [price list][prices].
            Or <a href='/pricing-2023/'>compare plans</a>; `[code](/pricing-2023/)` stays.

            [prices]: /pricing-2023/
            """).AssertGives(newline: newline, bom: bom, after: """
            ---
            title: Features
            ---

            See [our plans](/pricing/ "Plans") or the [price list][prices].
            Or <a href='/pricing/'>compare plans</a>; `[code](/pricing-2023/)` stays.

            [prices]: /pricing/
            """);
    }

    [Theory]
    [MemberData(nameof(FileShapes.All), MemberType = typeof(FileShapes))]
    public void A_broken_link_points_at_the_crawled_page_whose_address_matches_the_missing_one(string newline, bool bom)
    {
        const string live = """
            <html lang="en"><head><title>Features | Keelboard</title></head>
            <body><h1>Features</h1><p>Read the <a href="/guides/sprint-planing/">sprint guide</a>.</p></body></html>
            """;

        var run = MarkdownRun.Of(new RetargetLinkFixer(), "broken-internal-link", newline: newline, bom: bom, live: live,
            pages: [("/guides/sprint-planing/", 404, ""), ("/guides/sprint-planning/", 200, "Sprint planning guide"),
                ("/guides/roadmaps/", 200, "Roadmaps guide")],
            markdown: """
            ---
            title: Features
            ---

            Read the [sprint guide](/guides/sprint-planing/).
            """);

        run.AssertGives(newline: newline, bom: bom, after: """
            ---
            title: Features
            ---

            Read the [sprint guide](/guides/sprint-planning/).
            """);
        Assert.Equal(
            "Points links that led to a missing page at the page that replaced it: /guides/sprint-planing/ → " +
            "/guides/sprint-planning/ (/guides/sprint-planning/ (\"Sprint planning guide\") is the crawled page whose " +
            "address and title best match the missing /guides/sprint-planing/).", run.Change!.Summary);
    }

    [Theory]
    [MemberData(nameof(FileShapes.All), MemberType = typeof(FileShapes))]
    public void A_form_written_as_HTML_in_Markdown_is_replaced_by_a_direct_link_to_its_file(string newline, bool bom)
    {
        const string live = """
            <html lang="en"><head><title>Features | Keelboard</title></head>
            <body><h1>Features</h1>
            <form action="/thanks/"><input name="email"><input name="company"><input name="role"><input name="phone"><input name="size"><input name="country"><input type="hidden" name="asset" value="/files/guide.pdf"><button>Get the guide</button></form>
            </body></html>
            """;

        var run = MarkdownRun.Of(new UngateAssetFixer(), "gated-comparison-asset", newline: newline, bom: bom, live: live,
            files: [("static/files/guide.pdf", "%PDF-1.7"u8.ToArray())],
            markdown: """
            ---
            title: Features
            ---

            Get the comparison guide.

            <form action="/thanks/"><input name="email"><input name="company"><input name="role"><input name="phone"><input name="size"><input name="country"><input type="hidden" name="asset" value="/files/guide.pdf"><button>Get the guide</button></form>

            More text.
            """);

        run.AssertGives(newline: newline, bom: bom, after: """
            ---
            title: Features
            ---

            Get the comparison guide.

            [Download the guide directly](/files/guide.pdf)

            <form action="/thanks/"><input name="email"><input name="company"><input name="role"><input name="phone"><input name="size"><input name="country"><button>Get the guide</button></form>

            More text.
            """);
    }

    [Theory]
    [MemberData(nameof(FileShapes.All), MemberType = typeof(FileShapes))]
    public void A_description_too_short_for_search_results_is_rewritten_in_its_own_quotes(string newline, bool bom)
    {
        MarkdownRun.Of(new RewriteMetaDescriptionFixer(), "meta-description-length", newline: newline, bom: bom,
            live: Live, markdown: """
            ---
            title: Features
            description: "Too short."
            ---

            Keelboard keeps roadmaps, sprints and releases on one board.
            """).AssertGives(newline: newline, bom: bom, after: """
            ---
            title: Features
            description: "Keelboard keeps roadmaps, sprints and releases on one board. Owners see what ships this week without chasing updates in chat."
            ---

            Keelboard keeps roadmaps, sprints and releases on one board.
            """);
    }

    [Theory]
    [MemberData(nameof(FileShapes.All), MemberType = typeof(FileShapes))]
    public void A_title_shared_with_other_pages_is_replaced_by_the_main_heading(string newline, bool bom)
    {
        const string live = """
            <html lang="en"><head><title>Keelboard</title></head>
            <body><h1>Boards for product teams</h1><p>Boards.</p></body></html>
            """;

        MarkdownRun.Of(new RetitleFromH1Fixer(), "duplicate-title", newline: newline, bom: bom, live: live, markdown: """
            ---
            title: Keelboard
            weight: 3
            ---

            # Boards for product teams

            Boards.
            """).AssertGives(newline: newline, bom: bom, after: """
            ---
            title: Boards for product teams
            weight: 3
            ---

            # Boards for product teams

            Boards.
            """);
    }

    [Theory]
    [MemberData(nameof(FileShapes.All), MemberType = typeof(FileShapes))]
    public void A_title_too_long_to_show_is_shortened_leaving_room_for_what_the_layout_adds(string newline, bool bom)
    {
        const string live = """
            <html lang="en"><head><title>Sprint planning software for product teams - Boards, roadmaps and releases | Keelboard</title></head>
            <body><h1>Features</h1><p>Boards.</p></body></html>
            """;

        var run = MarkdownRun.Of(new ShortenTitleFixer(), "title-too-long", newline: newline, bom: bom, live: live,
            markdown: """
            ---
            title: 'Sprint planning software for product teams - Boards, roadmaps and releases'
            ---

            Boards.
            """);

        run.AssertGives(newline: newline, bom: bom, after: """
            ---
            title: 'Sprint planning software for product teams'
            ---

            Boards.
            """);
        Assert.NotNull(run.Change!.ReviewNote);
    }
}
