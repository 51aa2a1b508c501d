using FunnelOps.Crawling;
using FunnelOps.Fixes;
using FunnelOps.Tests.Support;

namespace FunnelOps.Tests.Fixes;

public sealed class SourceMapperTests
{
    private static readonly Uri Site = new("http://127.0.0.1:4000/");

    [Theory]
    [InlineData("/", "Home", "index.html")]
    [InlineData("/pricing/", "Pricing", "pricing/index.html")]
    [InlineData("/product/features/", "Features", "product/features/index.html")]
    [InlineData("/about.html", "About", "about.html")]
    [InlineData("/contact", "Contact", "contact.html")]
    [InlineData("/careers", "Careers", "careers/index.html")]
    public void A_URL_maps_to_the_file_that_serves_it(string path, string title, string expected)
    {
        using var repository = TempFolder.With(
            ("index.html", Html.Page("Home")),
            ("pricing/index.html", Html.Page("Pricing")),
            ("product/features/index.html", Html.Page("Features")),
            ("about.html", Html.Page("About")),
            ("contact.html", Html.Page("Contact")),
            ("careers/index.html", Html.Page("Careers")));

        var mapping = new SourceMapper(repository.Path).Map(Page(path, title), out var why);

        Assert.Equal("", why);
        Assert.NotNull(mapping);
        Assert.Equal(expected, mapping.RelativePath);
        Assert.Equal(Path.Combine(repository.Path, ""), mapping.ContentRoot);
    }

    [Fact]
    public void A_URL_without_extension_prefers_the_html_file_over_the_folder_index()
    {
        using var repository = TempFolder.With(
            ("contact.html", Html.Page("Contact")),
            ("contact/index.html", Html.Page("Contact")));

        var mapping = new SourceMapper(repository.Path).Map(Page("/contact", "Contact"), out _);

        Assert.Equal("contact.html", mapping?.RelativePath);
        Assert.Contains("the file named like the URL", mapping?.HowFound, StringComparison.Ordinal);
    }

    [Fact]
    public void Pages_published_from_a_public_folder_are_found_there()
    {
        using var repository = TempFolder.With(
            ("README.md", "# Site"),
            ("public/index.html", Html.Page("Home")),
            ("public/pricing/index.html", Html.Page("Pricing")));

        var mapping = new SourceMapper(repository.Path).Map(Page("/pricing/", "Pricing"), out _);

        Assert.NotNull(mapping);
        Assert.Equal("public/pricing/index.html", mapping.RelativePath);
        Assert.Equal(Path.Combine(repository.Path, "public"), mapping.ContentRoot);
        Assert.Equal(
            "`/pricing/` is served from the folder's index.html (clean URL), `public/pricing/index.html`; " +
            "confirmed because the file's title matches the live page's title.",
            mapping.HowFound);
    }

    [Fact]
    public void A_file_with_another_title_is_not_chosen()
    {
        using var repository = TempFolder.With(
            ("index.html", Html.Page("Old home, no longer deployed")),
            ("public/index.html", Html.Page("Keelboard — plan sprints")));

        var mapping = new SourceMapper(repository.Path).Map(Page("/", "Keelboard — plan sprints"), out _);

        Assert.Equal("public/index.html", mapping?.RelativePath);
    }

    [Fact]
    public void No_file_with_the_live_title_means_no_mapping_and_a_reason()
    {
        using var repository = TempFolder.With(("pricing/index.html", Html.Page("Pricing (draft)")));

        var mapping = new SourceMapper(repository.Path).Map(Page("/pricing/", "Pricing"), out var why);

        Assert.Null(mapping);
        Assert.Equal(
            "No file in the repository produces /pricing/ with the same title or main heading as the live page. " +
            "If the page comes from somewhere FunnelOps does not look, add a pattern under fixes: sources: in " +
            ".funnelops/config.yml.",
            why);
    }

    [Fact]
    public void A_page_whose_title_differs_is_still_confirmed_by_its_main_heading()
    {
        using var repository = TempFolder.With(("pricing/index.html", Html.Page("Pricing")));
        var page = Page("/pricing/", "Pricing | Keelboard") with
        {
            Html = new HtmlSummary { Title = "Pricing | Keelboard", H1 = ["Pricing"] },
        };

        var mapping = new SourceMapper(repository.Path).Map(page, out _);

        Assert.Equal(
            "`/pricing/` is served from the folder's index.html (clean URL), `pricing/index.html`; confirmed because " +
            "the file's main heading \"Pricing\" is the live page's main heading.", mapping?.HowFound);
    }

    [Fact]
    public void Titles_are_compared_with_white_space_collapsed()
    {
        using var repository = TempFolder.With(("index.html", "<html><head><title>\n  Keelboard   home\n</title></head></html>"));

        var mapping = new SourceMapper(repository.Path).Map(Page("/", "Keelboard home"), out _);

        Assert.Equal("index.html", mapping?.RelativePath);
    }

    [Theory]
    [InlineData("/..%2Foutside.html")]
    [InlineData("/blog/..%2F..%2Foutside.html")]
    [InlineData("/blog/..%5C..%5Coutside.html")]
    [InlineData("/docs/a%00b/")]
    [InlineData("/docs/a%0Ab.html")]
    public void A_path_that_climbs_out_of_the_repository_or_holds_control_characters_is_refused(string path)
    {
        using var folder = TempFolder.With(("repo/index.html", Html.Page("Home")), ("outside.html", Html.Page("Outside")));

        var mapping = new SourceMapper(Path.Combine(folder.Path, "repo")).Map(Page(path, "Outside"), out var why);

        Assert.Null(mapping);
        Assert.StartsWith("The URL path ", why, StringComparison.Ordinal);
        Assert.Contains(" would lead outside the repository or into a hidden folder", why, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/.git/index.html")]
    [InlineData("/.github/index.html")]
    [InlineData("/blog/.drafts/")]
    public void Dot_folders_are_refused(string path)
    {
        using var repository = TempFolder.With(
            (".git/index.html", Html.Page("Hidden")),
            (".github/index.html", Html.Page("Hidden")),
            ("blog/.drafts/index.html", Html.Page("Hidden")));

        var mapping = new SourceMapper(repository.Path).Map(Page(path, "Hidden"), out var why);

        Assert.Null(mapping);
        Assert.Contains(" would lead outside the repository or into a hidden folder", why, StringComparison.Ordinal);
    }

    [Fact]
    public void A_symbolic_link_to_a_folder_outside_the_repository_is_refused()
    {
        using var folder = TempFolder.With(
            ("repo/index.html", Html.Page("Home")),
            ("elsewhere/blog/index.html", Html.Page("Blog")));
        Directory.CreateSymbolicLink(Path.Combine(folder.Path, "repo", "blog"), Path.Combine(folder.Path, "elsewhere", "blog"));

        var mapping = new SourceMapper(Path.Combine(folder.Path, "repo")).Map(Page("/blog/", "Blog"), out var why);

        Assert.Null(mapping);
        Assert.Equal(
            "No file in the repository produces /blog/ with the same title or main heading as the live page. " +
            "If the page comes from somewhere FunnelOps does not look, add a pattern under fixes: sources: in " +
            ".funnelops/config.yml.",
            why);
    }

    [Fact]
    public void A_symbolic_link_to_a_file_outside_the_repository_is_refused()
    {
        using var folder = TempFolder.With(("repo/index.html", Html.Page("Home")), ("elsewhere.html", Html.Page("About")));
        File.CreateSymbolicLink(Path.Combine(folder.Path, "repo", "about.html"), Path.Combine(folder.Path, "elsewhere.html"));

        var mapping = new SourceMapper(Path.Combine(folder.Path, "repo")).Map(Page("/about.html", "About"), out _);

        Assert.Null(mapping);
    }

    [Fact]
    public void A_content_root_that_is_a_symbolic_link_out_of_the_repository_is_refused()
    {
        using var folder = TempFolder.With(("repo/README.md", "# Site"), ("build/pricing/index.html", Html.Page("Pricing")));
        Directory.CreateSymbolicLink(Path.Combine(folder.Path, "repo", "public"), Path.Combine(folder.Path, "build"));

        var mapping = new SourceMapper(Path.Combine(folder.Path, "repo")).Map(Page("/pricing/", "Pricing"), out _);

        Assert.Null(mapping);
    }

    private static PageSnapshot Page(string path, string title) => new()
    {
        Url = new Uri(Site, path),
        Status = 200,
        ContentType = "text/html",
        Html = new HtmlSummary { Title = title },
    };
}
