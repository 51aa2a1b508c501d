using System.Text;
using FunnelOps.Crawling;
using FunnelOps.Playbooks;

namespace FunnelOps.Fixes.Fixers;

/// <summary>
/// Links a page to the RSS or Atom feed the site already publishes for it (such as
/// <c>/changelog/feed.xml</c> or <c>/changelog.xml</c>), with a <c>&lt;link rel="alternate"&gt;</c>
/// after the title, so feed readers and browser extensions offer to follow it.
/// </summary>
public sealed class LinkFeedFixer : IFixer
{
    private const int SniffBytes = 1024;

    /// <inheritdoc />
    public string Kind => "link-feed";

    /// <inheritdoc />
    public FixerResult Propose(Finding finding, PageSnapshot page, HtmlSource source)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(source);
        if (source.FindFirst("link[type='application/rss+xml' i], link[type='application/atom+xml' i]") is not null)
        {
            return FixerResult.Declined("The source already links a feed; the live page may be out of date.");
        }

        if (SiteFiles.ContentRoot(source, page.Url) is not { } root)
        {
            return FixerResult.Declined(
                "FunnelOps could not tell which folder the site is published from, so it cannot look for a feed.");
        }

        var candidates = Candidates(page.Url);
        var feed = candidates
            .Select(path => (Path: path, Type: FeedType(SiteFiles.Find(source, page.Url, root, path, out _))))
            .FirstOrDefault(f => f.Type is not null);
        if (feed.Type is null)
        {
            return FixerResult.Declined(
                $"The repository has no RSS or Atom feed for {page.Url.AbsolutePath} (FunnelOps looked for " +
                $"{string.Join(", ", candidates)}); someone has to set up a feed or a sign-up form.");
        }

        var anchor = source.FindFirst("title") is { } title ? source.EndOfElement(title.Tag) : -1;
        var head = source.FindFirst("head");
        if (anchor < 0 && head is null)
        {
            return FixerResult.Declined("The source has no <head> to add the feed link to.");
        }

        var quote = source.PreferredQuote;
        var close = source.UsesSelfClosingVoidTags ? " />" : ">";
        var markup = $"<link rel={quote}alternate{quote} type={quote}{feed.Type}{quote} " +
            $"href={quote}{HtmlSource.EscapeAttribute(feed.Path, quote)}{quote}{close}";
        var edit = anchor >= 0
            ? source.InsertLineAfter(anchor, markup)
            : SourceEdits.InsertFirstInHead(source, head!.Value.Tag, markup);
        return new FixerResult([edit],
            $"Links the page to its feed, {feed.Path}, " +
            "so feed readers and browser extensions offer to follow the updates.",
            "The feed is linked in the page's head, where feed readers look for it. Consider also showing a visible " +
            "\"Subscribe\" link or an e-mail sign-up, which more readers notice.");
    }

    // Feeds that belong to the page itself, as static site generators name them.
    private static List<string> Candidates(Uri pageUrl)
    {
        var path = pageUrl.AbsolutePath.TrimEnd('/');
        if (path.Length == 0)
        {
            return ["/feed.xml", "/rss.xml", "/atom.xml", "/index.xml"];
        }

        return
        [
            $"{path}/feed.xml", $"{path}/rss.xml", $"{path}/atom.xml", $"{path}/index.xml",
            $"{path}.xml", $"{path}.rss", $"{path}.atom",
        ];
    }

    private static string? FeedType(string? file)
    {
        if (file is null)
        {
            return null;
        }

        var buffer = new byte[SniffBytes];
        int length;
        try
        {
            using var stream = File.OpenRead(file);
            length = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        // The root element names the format; the XML declaration and comments may come first.
        var start = Encoding.UTF8.GetString(buffer, 0, length);
        return start.Contains("<rss", StringComparison.Ordinal) ? "application/rss+xml"
            : start.Contains("<feed", StringComparison.Ordinal) ? "application/atom+xml"
            : null;
    }
}
