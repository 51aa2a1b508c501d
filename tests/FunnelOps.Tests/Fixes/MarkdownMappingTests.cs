using FunnelOps.Crawling;
using FunnelOps.Fixes;
using FunnelOps.Tests.Support;

namespace FunnelOps.Tests.Fixes;

/// <summary>
/// Page URLs mapped to the Markdown files site generators build them from, by each generator's
/// conventions and by configured patterns, each confirmed by the page's title or main heading.
/// </summary>
public sealed class MarkdownMappingTests
{
    private static readonly Uri Site = new("http://127.0.0.1:4000/");

    [Theory]
    [InlineData("/", "content/_index.md")]
    [InlineData("/features/", "content/features.md")]
    [InlineData("/blog/sprint-planning/", "content/blog/sprint-planning/index.md")]
    public void Hugo_pages_map_to_the_content_folder(string path, string expected)
    {
        using var repository = TempFolder.With(
            ("hugo.toml", "title = \"Keelboard\""),
            ("content/_index.md", "---\ntitle: Keelboard\n---\n"),
            ("content/features.md", "+++\ntitle = \"Features\"\n+++\n"),
            ("content/blog/sprint-planning/index.md", "---\ntitle: Sprint planning\n---\n"),
            ("layouts/_default/single.html", "<h1>{{ .Title }}</h1>"));

        var title = expected switch { "content/_index.md" => "Keelboard", "content/features.md" => "Features", _ => "Sprint planning" };
        var mapping = new SourceMapper(repository.Path).Map(Page(path, title), out var why);

        Assert.True(mapping is not null, why);
        Assert.Equal(expected, mapping.RelativePath);
        Assert.Equal(SourceKind.Markdown, mapping.Kind);
        Assert.Equal(Path.Combine(repository.Path, "public"), mapping.ContentRoot);
    }

    [Fact]
    public void The_mapping_says_in_a_sentence_how_the_file_was_found_and_confirmed()
    {
        using var repository = TempFolder.With(
            ("hugo.toml", "title = \"Keelboard\""), ("content/features.md", "---\ntitle: Features\n---\n"));

        var mapping = new SourceMapper(repository.Path).Map(Page("/features/", "Features | Keelboard", "Features"), out _);

        Assert.Equal(
            "`/features/` is built from `content/features.md` (Hugo's content folder mirrors the URL); confirmed " +
            "because its front-matter title \"Features\" is the live page's main heading.", mapping?.HowFound);
    }

    [Theory]
    [InlineData("/2026/11/02/sprint-planning.html")]
    [InlineData("/blog/2026/11/02/sprint-planning/")]
    [InlineData("/blog/sprint-planning/")]
    public void A_Jekyll_post_maps_to_its_date_prefixed_file_by_its_slug(string path)
    {
        using var repository = TempFolder.With(
            ("_config.yml", "title: Keelboard"),
            ("_posts/2026-11-02-sprint-planning.md", "---\ntitle: How we plan sprints\n---\n\nText.\n"),
            ("_posts/2025-01-05-roadmaps.md", "---\ntitle: Roadmaps\n---\n"));

        var mapping = new SourceMapper(repository.Path).Map(Page(path, "How we plan sprints"), out var why);

        Assert.True(mapping is not null, why);
        Assert.Equal("_posts/2026-11-02-sprint-planning.md", mapping.RelativePath);
        Assert.Contains("a Jekyll post, by the slug after the date in its file name", mapping.HowFound, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Jekyll_post_dated_another_day_than_the_URL_is_not_taken()
    {
        using var repository = TempFolder.With(
            ("_config.yml", "title: Keelboard"),
            ("_posts/2025-03-01-sprint-planning.md", "---\ntitle: How we plan sprints\n---\n"));

        var mapping = new SourceMapper(repository.Path).Map(Page("/2026/11/02/sprint-planning.html", "How we plan sprints"), out _);

        Assert.Null(mapping);
    }

    [Fact]
    public void A_permalink_in_the_front_matter_wins_over_the_file_name()
    {
        using var repository = TempFolder.With(
            ("_config.yml", "title: Keelboard"),
            ("pages/about-us.md", "---\ntitle: About Keelboard\npermalink: /company/\n---\n"));

        var mapping = new SourceMapper(repository.Path).Map(Page("/company/", "About Keelboard"), out var why);

        Assert.True(mapping is not null, why);
        Assert.Equal("pages/about-us.md", mapping.RelativePath);
        Assert.StartsWith("`/company/` is built from `pages/about-us.md` (its front matter sets permalink: /company/)",
            mapping.HowFound, StringComparison.Ordinal);
    }

    [Fact]
    public void An_Eleventy_page_under_src_maps_by_its_name_and_is_confirmed_by_its_heading()
    {
        using var repository = TempFolder.With(
            ("eleventy.config.js", "export default function () {}"),
            ("src/pricing.md", "---\nlayout: base.njk\n---\n\n# Plans and prices\n\nText.\n"));

        var mapping = new SourceMapper(repository.Path).Map(Page("/pricing/", "Pricing", "Plans and prices"), out var why);

        Assert.True(mapping is not null, why);
        Assert.Equal("src/pricing.md", mapping.RelativePath);
        Assert.EndsWith(
            "(an Eleventy page under src/ named like the URL); confirmed because its heading \"Plans and prices\" is " +
            "the live page's main heading.", mapping.HowFound, StringComparison.Ordinal);
        Assert.Equal(Path.Combine(repository.Path, "_site"), mapping.ContentRoot);
    }

    [Theory]
    [InlineData("/blog/sprint-planning/", "src/content/blog/sprint-planning.md", "an Astro content collection")]
    [InlineData("/about/", "src/pages/about.md", "Astro's pages folder mirrors the URL")]
    public void Astro_pages_map_to_content_collections_and_the_pages_folder(string path, string expected, string rule)
    {
        using var repository = TempFolder.With(
            ("astro.config.mjs", "export default {}"),
            ("src/content/blog/sprint-planning.md", "---\ntitle: Sprint planning\n---\n"),
            ("src/pages/about.md", "---\ntitle: About\n---\n"));

        var title = path == "/about/" ? "About" : "Sprint planning";
        var mapping = new SourceMapper(repository.Path).Map(Page(path, title + " | Keelboard"), out var why);

        Assert.True(mapping is not null, why);
        Assert.Equal(expected, mapping.RelativePath);
        Assert.Contains(rule, mapping.HowFound, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Markdown_file_whose_title_and_heading_differ_from_the_live_page_is_not_taken()
    {
        using var repository = TempFolder.With(
            ("hugo.toml", "title = \"Keelboard\""), ("content/features.md", "---\ntitle: Old features page\n---\n"));

        var mapping = new SourceMapper(repository.Path).Map(Page("/features/", "Features", "Features"), out var why);

        Assert.Null(mapping);
        Assert.StartsWith("No file in the repository produces /features/", why, StringComparison.Ordinal);
    }

    [Fact]
    public void A_configured_pattern_is_tried_before_the_conventions()
    {
        using var repository = TempFolder.With(
            ("handbook/getting-started.md", "---\ntitle: Getting started\n---\n"),
            ("docs/getting-started/index.html", Html.Page("Getting started")));
        var settings = new FixSettings { Sources = [new SourceRule("/docs/{slug}/", "handbook/{slug}.md")] };

        var mapping = new SourceMapper(repository.Path, settings).Map(Page("/docs/getting-started/", "Getting started"), out var why);

        Assert.True(mapping is not null, why);
        Assert.Equal("handbook/getting-started.md", mapping.RelativePath);
        Assert.StartsWith(
            "`/docs/getting-started/` matches the configured source pattern `/docs/{slug}/` → `handbook/{slug}.md`; " +
            "confirmed because", mapping.HowFound, StringComparison.Ordinal);
    }

    [Fact]
    public void A_configured_pattern_that_would_leave_the_repository_is_refused_with_a_reason()
    {
        using var folder = TempFolder.With(("repo/index.html", Html.Page("Home")), ("secret.md", "---\ntitle: Secret\n---\n"));
        var settings = new FixSettings { Sources = [new SourceRule("/{*rest}", "../{rest}.md")] };

        var mapping = new SourceMapper(Path.Combine(folder.Path, "repo"), settings).Map(Page("/secret", "Secret"), out var why);

        Assert.Null(mapping);
        Assert.Equal(
            "The configured source pattern ../{rest}.md gives ../secret.md for /secret, which is outside the " +
            "repository or in a hidden folder; FunnelOps never edits such files.", why);
    }

    [Fact]
    public void Markdown_in_generated_and_template_folders_is_never_a_page()
    {
        using var repository = TempFolder.With(
            ("hugo.toml", "title = \"Keelboard\""),
            ("public/features.md", "---\ntitle: Features\n---\n"),
            ("layouts/features.md", "---\ntitle: Features\n---\n"));

        var mapping = new SourceMapper(repository.Path).Map(Page("/features/", "Features"), out _);

        Assert.Null(mapping);
    }

    [Fact]
    public void A_head_defect_of_a_Jekyll_post_is_fixed_in_the_include_that_writes_the_head_and_not_in_a_theme()
    {
        const string head = "<head>\n  <meta charset=\"utf-8\">\n  <title>{{ page.title }}</title>\n</head>\n";
        using var repository = TempFolder.With(
            ("_config.yml", "title: Keelboard"),
            ("_layouts/default.html", "<!doctype html>\n<html lang=\"en\">\n{% include head.html %}\n<body>{{ content }}</body>\n</html>\n"),
            ("_includes/head.html", head),
            ("_includes/footer.html", "<footer>Keelboard</footer>\n"),
            ("themes/minima/layouts/head.html", head),
            ("_posts/2026-11-02-sprint-planning.md", "---\ntitle: How we plan sprints\n---\n\nText.\n"));
        var url = new Uri(Site, "/2026/11/02/sprint-planning.html");
        var page = new PageSnapshot
        {
            Url = url,
            Status = 200,
            ContentType = "text/html",
            Html = new PageParser([]).Parse(url, System.Text.Encoding.UTF8.GetBytes(
                "<html lang=\"en\"><head><title>How we plan sprints</title></head><body><p>Text.</p></body></html>"), null),
        };
        var finding = new FunnelOps.Playbooks.Finding
        {
            Playbook = Engine.PlaybookLoader().Load([Engine.BuiltInPlaybooks]).Single(p => p.Id == "viewport-missing"),
            Stage = Stage.Awareness,
            Urls = [url],
            PageTitle = "How we plan sprints",
            Evidence = ["Found by a test."],
            Fingerprint = "0123456789abcdef",
        };

        var plan = new FixPlanner(FixPlanner.BuiltIn).Plan([TestBacklog.Only(finding)],
            new CrawlResult(Site, [page], []), repository.Path, new HashSet<string>());

        var change = Assert.Single(plan.Fix!.Files);
        Assert.Equal("_includes/head.html", change.Mapping.RelativePath);
        Assert.Equal(SourceKind.Template, change.Mapping.Kind);
        Assert.StartsWith(
            "`/2026/11/02/sprint-planning.html` is built from `_posts/2026-11-02-sprint-planning.md` (a Jekyll post, " +
            "by the slug after the date in its file name); confirmed because", change.Mapping.HowFound, StringComparison.Ordinal);
        Assert.Equal(
            "<head>\n  <meta charset=\"utf-8\">\n  <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n" +
            "  <title>{{ page.title }}</title>\n</head>\n", change.NewText);
    }

    private static PageSnapshot Page(string path, string title, string? h1 = null) => new()
    {
        Url = new Uri(Site, path),
        Status = 200,
        ContentType = "text/html",
        Html = new HtmlSummary { Title = title, H1 = h1 is null ? [] : [h1] },
    };
}
