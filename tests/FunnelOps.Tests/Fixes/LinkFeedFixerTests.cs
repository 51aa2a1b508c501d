using System.Text;
using FunnelOps.Fixes.Fixers;

namespace FunnelOps.Tests.Fixes;

public sealed class LinkFeedFixerTests
{
    private static readonly byte[] Rss = Encoding.UTF8.GetBytes("""
        <?xml version="1.0"?>
        <rss version="2.0"><channel><title>Changelog</title></channel></rss>
        """);

    private static readonly byte[] Atom = Encoding.UTF8.GetBytes("""
        <?xml version="1.0"?>
        <feed xmlns="http://www.w3.org/2005/Atom"><title>Changelog</title></feed>
        """);

    private readonly LinkFeedFixer _fixer = new();

    [Theory]
    [MemberData(nameof(FileShapes.All), MemberType = typeof(FileShapes))]
    public void The_pages_own_feed_is_linked_on_its_own_line_after_the_title(string newline, bool bom)
    {
        var setup = new PageSetup("changelog-without-subscribe")
        {
            UrlPath = "/changelog/",
            FilePath = "site/changelog/index.html",
            Files = [("site/changelog/feed.xml", Rss), ("site/feed.xml", Atom)],
        };

        PlannedRun.AssertFixes(_fixer, setup, newline: newline, bom: bom, before: """
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8" />
              <title>Changelog</title>
              <link rel="stylesheet" href="/site.css" />
            </head>
            <body><h1>Changelog</h1></body>
            </html>
            """, after: """
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8" />
              <title>Changelog</title>
              <link rel="alternate" type="application/rss+xml" href="/changelog/feed.xml" />
              <link rel="stylesheet" href="/site.css" />
            </head>
            <body><h1>Changelog</h1></body>
            </html>
            """);
    }

    [Fact]
    public void An_atom_feed_named_after_the_page_is_found_too()
    {
        var setup = new PageSetup("changelog-without-subscribe")
        {
            UrlPath = "/release-notes/",
            Files = [("release-notes.xml", Atom)],
        };

        var run = PlannedRun.Of(_fixer, "<html><head><title>Release notes</title></head></html>", setup);

        Assert.Equal("""
            <html><head><title>Release notes</title>
            <link rel="alternate" type="application/atom+xml" href="/release-notes.xml"></head></html>
            """, run.NewText);
    }

    [Fact]
    public void It_declines_when_the_repository_has_no_feed_for_the_page()
    {
        var setup = new PageSetup("changelog-without-subscribe")
        {
            UrlPath = "/changelog/",
            Files = [("changelog/feed.xml", Encoding.UTF8.GetBytes("<html>not a feed</html>"))],
        };

        var run = PlannedRun.Of(_fixer, "<html><head><title>Changelog</title></head><body></body></html>", setup);

        Assert.Null(run.Change);
        Assert.Equal(
            "The repository has no RSS or Atom feed for /changelog/ (FunnelOps looked for " +
            "/changelog/feed.xml, /changelog/rss.xml, /changelog/atom.xml, /changelog/index.xml, " +
            "/changelog.xml, /changelog.rss, /changelog.atom); " +
            "someone has to set up a feed or a sign-up form.",
            run.Reason);
    }
}
