using System.Net;
using FunnelOps.Serving;
using FunnelOps.Tests.Support;

namespace FunnelOps.Tests.Serving;

public sealed class StaticSiteServerTests : IDisposable
{
    private const string Secret = "token=do-not-serve-me";

    private readonly HttpClient _client = new(new SocketsHttpHandler { AllowAutoRedirect = false });

    public void Dispose() => _client.Dispose();

    [Theory]
    [InlineData("/", "Home")]
    [InlineData("/pricing/", "Pricing")]
    [InlineData("/product/features/", "Features")]
    [InlineData("/about.html", "About")]
    public async Task Clean_URLs_are_served_from_the_folder_index_or_the_named_file(string path, string title)
    {
        await using var site = await ServedSite.StartAsync(
            ("index.html", Html.Page("Home")),
            ("pricing/index.html", Html.Page("Pricing")),
            ("product/features/index.html", Html.Page("Features")),
            ("about.html", Html.Page("About")));

        using var response = await _client.GetAsync(site.Url(path));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Html.Page(title), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_folder_without_its_trailing_slash_is_moved_permanently_to_the_slash_form()
    {
        await using var site = await ServedSite.StartAsync(("pricing/index.html", Html.Page("Pricing")));

        using var response = await _client.GetAsync(site.Url("/pricing"));

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/pricing/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Redirect_rules_answer_with_their_status_and_301_by_default()
    {
        await using var site = await ServedSite.StartAsync(
            ("_redirects", """
                # Moved during the relaunch
                /old-pricing /pricing/ 302
                /plans /pricing/
                /not-a-rule
                /bad-status /pricing/ 200
                """),
            ("pricing/index.html", Html.Page("Pricing")));

        using var temporary = await _client.GetAsync(site.Url("/old-pricing"));
        using var permanent = await _client.GetAsync(site.Url("/plans/"));
        using var invalid = await _client.GetAsync(site.Url("/bad-status"));
        using var malformed = await _client.GetAsync(site.Url("/not-a-rule"));

        Assert.Equal(HttpStatusCode.Found, temporary.StatusCode);
        Assert.Equal("/pricing/", temporary.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.MovedPermanently, permanent.StatusCode);
        Assert.Equal("/pricing/", permanent.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.MovedPermanently, invalid.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, malformed.StatusCode);
    }

    [Fact]
    public async Task A_missing_page_answers_404_with_an_empty_body_when_the_site_has_no_404_page()
    {
        await using var site = await ServedSite.StartAsync(("index.html", Html.Page("Home")));

        using var response = await _client.GetAsync(site.Url("/missing/"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_missing_page_answers_404_with_the_sites_404_page_when_it_has_one()
    {
        await using var site = await ServedSite.StartAsync(
            ("index.html", Html.Page("Home")),
            ("404.html", Html.Page("Page not found")));

        using var response = await _client.GetAsync(site.Url("/missing/"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal(Html.Page("Page not found"), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_folder_without_an_index_is_not_found()
    {
        await using var site = await ServedSite.StartAsync(("assets/site.css", "body { margin: 0; }"));

        using var response = await _client.GetAsync(site.Url("/assets/"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/.git/config")]
    [InlineData("/.env")]
    [InlineData("/.well-known/secret.txt")]
    [InlineData("/blog/.draft.html")]
    public async Task Dot_files_and_dot_folders_are_never_served(string path)
    {
        await using var site = await ServedSite.StartAsync(
            ("index.html", Html.Page("Home")),
            (".git/config", Secret),
            (".env", Secret),
            (".well-known/secret.txt", Secret),
            ("blog/.draft.html", Secret));

        using var response = await _client.GetAsync(site.Url(path));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(Secret, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/../secret.txt")]
    [InlineData("/blog/../../secret.txt")]
    [InlineData("/%2e%2e/secret.txt")]
    [InlineData("/%2E%2E/%2e%2e/secret.txt")]
    [InlineData("/blog/%2e%2e%2f%2e%2e%2fsecret.txt")]
    [InlineData("/..%2fsecret.txt")]
    [InlineData("/..%5csecret.txt")]
    [InlineData("/%5c..%5csecret.txt")]
    public async Task A_path_that_climbs_out_of_the_site_folder_is_refused(string target)
    {
        using var folder = TempFolder.With(
            ("site/index.html", Html.Page("Home")),
            ("site/blog/index.html", Html.Page("Blog")),
            ("secret.txt", Secret));
        await using var server = await StaticSiteServer.StartAsync(Path.Combine(folder.Path, "site"), CancellationToken.None);

        var (status, body) = await RawRequest.GetAsync(server.Address, target);

        Assert.NotEqual(200, status);
        Assert.DoesNotContain(Secret, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_symbolic_link_to_a_file_outside_the_site_folder_is_refused()
    {
        using var folder = TempFolder.With(("site/index.html", Html.Page("Home")), ("secret.txt", Secret));
        File.CreateSymbolicLink(Path.Combine(folder.Path, "site", "leak.txt"), Path.Combine(folder.Path, "secret.txt"));
        await using var server = await StaticSiteServer.StartAsync(Path.Combine(folder.Path, "site"), CancellationToken.None);

        using var response = await _client.GetAsync(new Uri(server.Address, "/leak.txt"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(Secret, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_symbolic_link_to_a_folder_outside_the_site_folder_is_refused()
    {
        using var folder = TempFolder.With(("site/index.html", Html.Page("Home")), ("private/notes.html", Secret));
        Directory.CreateSymbolicLink(Path.Combine(folder.Path, "site", "notes"), Path.Combine(folder.Path, "private"));
        await using var server = await StaticSiteServer.StartAsync(Path.Combine(folder.Path, "site"), CancellationToken.None);

        using var response = await _client.GetAsync(new Uri(server.Address, "/notes/notes.html"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(Secret, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_symbolic_link_that_stays_inside_the_site_folder_is_served()
    {
        using var folder = TempFolder.With(("site/index.html", Html.Page("Home")), ("site/real.html", Html.Page("Real")));
        File.CreateSymbolicLink(Path.Combine(folder.Path, "site", "alias.html"), Path.Combine(folder.Path, "site", "real.html"));
        await using var server = await StaticSiteServer.StartAsync(Path.Combine(folder.Path, "site"), CancellationToken.None);

        using var response = await _client.GetAsync(new Uri(server.Address, "/alias.html"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Html.Page("Real"), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task HTML_is_served_as_UTF_8_text_and_images_with_their_media_type()
    {
        var folder = TempFolder.With(("index.html", Html.Page("Home")), ("site.css", "body { margin: 0; }"), ("data.bin", "x"));
        folder.WriteBytes("hero.png", Png.Create(4, 3));
        await using var site = await ServedSite.ServeAsync(folder);

        using var html = await _client.GetAsync(site.Address);
        using var png = await _client.GetAsync(site.Url("/hero.png"));
        using var css = await _client.GetAsync(site.Url("/site.css"));
        using var unknown = await _client.GetAsync(site.Url("/data.bin"));

        Assert.Equal("text/html; charset=utf-8", html.Content.Headers.ContentType?.ToString());
        Assert.Equal("image/png", png.Content.Headers.ContentType?.ToString());
        Assert.Equal(Png.Create(4, 3), await png.Content.ReadAsByteArrayAsync());
        Assert.Equal("text/css; charset=utf-8", css.Content.Headers.ContentType?.ToString());
        Assert.Equal("application/octet-stream", unknown.Content.Headers.ContentType?.ToString());
    }

    [Fact]
    public async Task Starting_on_a_folder_that_does_not_exist_fails_with_its_path()
    {
        var missing = Path.Combine(Path.GetTempPath(), "funnelops-tests-missing-" + Guid.NewGuid().ToString("N"));

        var error = await Assert.ThrowsAsync<DirectoryNotFoundException>(
            () => StaticSiteServer.StartAsync(missing, CancellationToken.None));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }
}
