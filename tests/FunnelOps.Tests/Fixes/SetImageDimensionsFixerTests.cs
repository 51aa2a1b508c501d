using FunnelOps.Fixes;
using FunnelOps.Fixes.Fixers;
using FunnelOps.Tests.Support;

namespace FunnelOps.Tests.Fixes;

public sealed class SetImageDimensionsFixerTests
{
    private static readonly Uri Home = new("http://127.0.0.1:4000/");

    private readonly SetImageDimensionsFixer _fixer = new();

    [Theory]
    [MemberData(nameof(FileShapes.All), MemberType = typeof(FileShapes))]
    public void Each_image_gets_the_pixel_size_of_its_file_found_under_the_pages_content_root(string newline, bool bom)
    {
        var setup = new PageSetup("image-missing-dimensions")
        {
            UrlPath = "/features/",
            FilePath = "public/features/index.html",
            Files =
            [
                ("public/images/hero-dashboard.png", Png.Create(24, 12)),
                ("public/features/team.jpg", ImageHeaders.Jpeg(1600, 900)),
                ("public/logo.svg", ImageHeaders.Svg("""viewBox="0 0 120 32" """)),
            ],
        };

        PlannedRun.AssertFixes(_fixer, setup, newline: newline, bom: bom, before: """
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>Features</title>
            </head>
            <body>
              <header><img src="/logo.svg" alt="Keelboard"></header>
              <main>
                <h1>Features</h1>
                <img src="/images/hero-dashboard.png" alt="The sprint board"
                     class="hero">
                <img src="team.jpg?v=3" alt="The team" width="800">
                <img src="/images/hero-dashboard.png" alt="Thumbnail" height="6" width="12">
              </main>
            </body>
            </html>
            """, after: """
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>Features</title>
            </head>
            <body>
              <header><img src="/logo.svg" alt="Keelboard" width="120" height="32"></header>
              <main>
                <h1>Features</h1>
                <img src="/images/hero-dashboard.png" alt="The sprint board"
                     class="hero" width="24" height="12">
                <img src="team.jpg?v=3" alt="The team" width="800" height="450">
                <img src="/images/hero-dashboard.png" alt="Thumbnail" height="6" width="12">
              </main>
            </body>
            </html>
            """);
    }

    [Fact]
    public void A_self_closed_image_keeps_its_slash_and_its_quotes()
    {
        var setup = new PageSetup("image-missing-dimensions")
        {
            Files = [("img/chart.gif", ImageHeaders.Gif(300, 150))],
        };

        PlannedRun.AssertFixes(_fixer, setup, newline: "\n", bom: false, before: """
            <html><head><title>Features</title></head>
            <body><img src='/img/chart.gif' alt='Chart' height='75' /></body>
            </html>
            """, after: """
            <html><head><title>Features</title></head>
            <body><img src='/img/chart.gif' alt='Chart' height='75' width='150' /></body>
            </html>
            """);
    }

    [Fact]
    public void Images_it_cannot_read_are_left_alone_and_the_summary_says_why()
    {
        var setup = new PageSetup("image-missing-dimensions")
        {
            Files = [("hero.webp", ImageHeaders.WebPExtended(1200, 630)), ("photo.heic", [0, 0, 0, 24, 1, 2, 3])],
        };

        var run = PlannedRun.Of(_fixer, """
            <html><head><title>Features</title></head>
            <body>
            <img src="/hero.webp" alt="Hero">
            <img src="https://cdn.example.com/badge.png" alt="Badge">
            <img src="/missing.png" alt="Missing">
            <img src="/photo.heic" alt="Photo">
            <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="Pixel">
            <img src="/hero.webp" alt="Half" width="50%">
            </body>
            </html>
            """, setup);

        Assert.Contains(
            """<img src="/hero.webp" alt="Hero" width="1200" height="630">""", run.NewText, StringComparison.Ordinal);
        Assert.Equal(
            "Sets the width and height of 1 image to the pixel size of its file (/hero.webp 1200×630), " +
            "so the text below stays put while it loads. Left alone: " +
            "https://cdn.example.com/badge.png (it is served from another site (cdn.example.com)); " +
            "/missing.png (its file is not in the repository); " +
            "/photo.heic (its size could not be read from the file (FunnelOps reads PNG, GIF, JPEG, WebP and SVG)); " +
            "data:image/gif;base64,R0lGODlhAQABAAAAACw= (it is embedded in the page); " +
            "/hero.webp (its width \"50%\" is not a number of pixels).",
            run.Change!.Summary);
        Assert.Contains("height: auto", run.Change.ReviewNote, StringComparison.Ordinal);
    }

    [Fact]
    public void An_image_linked_out_of_the_repository_is_refused()
    {
        using var outside = new TempFolder();
        var secret = outside.WriteBytes("secret.png", Png.Create(5, 5));
        using var repository = new TempFolder();
        repository.Write("index.html", """<html><head><title>Home</title></head><img src="/leak.png"></html>""");
        File.CreateSymbolicLink(Path.Combine(repository.Path, "leak.png"), secret);
        var source = new HtmlSource(SourceFile.Read(repository.Path, "index.html"));

        var file = SiteFiles.Find(source, Home, repository.Path, "/leak.png", out var why);

        Assert.Null(file);
        Assert.Equal("its file is not in the repository", why);
    }

    [Fact]
    public void It_declines_when_no_image_size_can_be_read()
    {
        var run = PlannedRun.Of(_fixer, """
            <html><head><title>Features</title></head><body><img src="/gone.png" alt="Gone"></body></html>
            """, new PageSetup("image-missing-dimensions"));

        Assert.Null(run.Change);
        Assert.Equal("No image size could be read: /gone.png (its file is not in the repository).", run.Reason);
    }

    [Fact]
    public void Without_a_known_content_root_it_is_worked_out_from_the_files_path_and_the_pages_url()
    {
        using var folder = new TempFolder();
        folder.WriteBytes("public/logo.png", Png.Create(8, 4));
        folder.Write("public/index.html", """<html><head><title>Home</title></head><img src="logo.png"></html>""");
        var source = new HtmlSource(SourceFile.Read(folder.Path, "public/index.html"));

        var root = SiteFiles.ContentRoot(source, Home);

        Assert.Equal(Path.Combine(folder.Path, "public"), root);
    }
}
