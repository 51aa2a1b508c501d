using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace FunnelOps.Fixes;

/// <summary>
/// A Markdown file of the site repository, read with exact source positions: its front matter
/// key by key, and its images and links as Markdig reads them, so that one alt text, one link
/// target or one front-matter value can be changed and nothing else.
/// </summary>
public sealed class MarkdownSource
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePreciseSourceLocation().Build();
    private readonly MarkdownDocument _document;
    private readonly List<(int Start, int End)> _code;

    /// <summary>
    /// Parses <paramref name="file"/>; <paramref name="staticRoot"/> is the folder whose files the
    /// site serves as they are (images, downloads), when known; <paramref name="crawl"/> is what the
    /// crawl read from the whole site, when known.
    /// </summary>
    public MarkdownSource(SourceFile file, string? staticRoot = null, Crawling.CrawlResult? crawl = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        File = file;
        FrontMatter = FrontMatter.Read(file.Text, file.LineEnding);

        // The body is parsed on its own (Markdig knows neither TOML front matter nor a mark before
        // YAML), so every position below is shifted by where the body starts.
        _document = Markdown.Parse(file.Text[FrontMatter.BodyStart..], Pipeline);
        _code = [.. _document.Descendants<CodeBlock>().Select(c => Extent(c.Span))];
        _code.AddRange(_document.Descendants<CodeInline>().Select(c => Extent(c.Span)));
        Html = new HtmlSource(file) { ContentRoot = staticRoot, Crawl = crawl };
    }

    /// <summary>The file.</summary>
    public SourceFile File { get; }

    /// <summary>The text of the file.</summary>
    public string Text => File.Text;

    /// <summary>The front matter; its format is <see cref="FrontMatterFormat.None"/> when there is none.</summary>
    public FrontMatter FrontMatter { get; }

    /// <summary>
    /// The same file read as HTML, for markup written inline in the Markdown (forms, images, links).
    /// Use <see cref="IsInCode"/> to leave examples in code blocks alone.
    /// </summary>
    public HtmlSource Html { get; }

    /// <summary>The text of the first level-one heading written in the body, or null.</summary>
    public string? MainHeading =>
        _document.Descendants<HeadingBlock>().FirstOrDefault(h => h.Level == 1) is { Inline: { } inline }
            ? Crawling.PageParser.Collapse(string.Concat(inline.Descendants<LiteralInline>().Select(l => l.Content.ToString())))
            : null;

    /// <summary>
    /// The text of the heading that comes right before <paramref name="offset"/>, when no other image
    /// stands between them; null otherwise.
    /// </summary>
    public string? HeadingBefore(int offset)
    {
        var heading = _document.Descendants<HeadingBlock>().LastOrDefault(h => Extent(h.Span).End <= offset);
        if (heading?.Inline is not { } inline)
        {
            return null;
        }

        var end = Extent(heading.Span).End;
        var between = _document.Descendants<LinkInline>().Any(l => l.IsImage && Extent(l.Span).Start >= end &&
            Extent(l.Span).Start + 2 < offset);
        var text = Crawling.PageParser.Collapse(
            string.Concat(inline.Descendants<LiteralInline>().Select(l => l.Content.ToString())));
        return between || text.Length == 0 ? null : text;
    }

    /// <summary>The elements matching <paramref name="selector"/> written as HTML in the Markdown, outside code.</summary>
    public IReadOnlyList<(AngleSharp.Dom.IElement Element, StartTag Tag)> FindHtml(string selector) =>
        [.. Html.Find(selector).Where(x => !IsInCode(x.Tag.Start))];

    /// <summary>True when <paramref name="offset"/> falls inside a code block or code span.</summary>
    public bool IsInCode(int offset) => _code.Any(c => offset >= c.Start && offset < c.End);

    /// <summary>Every Markdown image (<c>![alt](src)</c>), with the extent of its alt text.</summary>
    public IReadOnlyList<MarkdownImage> Images()
    {
        var images = new List<MarkdownImage>();
        foreach (var link in _document.Descendants<LinkInline>().Where(l => l.IsImage))
        {
            var (start, _) = Extent(link.Span);
            if (start + 1 >= Text.Length || Text[start] != '!' || Text[start + 1] != '[' ||
                ClosingBracket(start + 1) is not (> 0 and var close))
            {
                continue;
            }

            images.Add(new MarkdownImage(link.Url ?? "", link.Title, start + 2, close, Text[(start + 2)..close]));
        }

        return images;
    }

    /// <summary>
    /// Every link target written in Markdown: inline links (<c>[text](url)</c>) and reference
    /// definitions (<c>[label]: url</c>), as (the URL as read, its start, its end).
    /// </summary>
    public IReadOnlyList<(string Url, int Start, int End)> LinkTargets()
    {
        var targets = new List<(string, int, int)>();
        var inline = _document.Descendants<LinkInline>()
            .Where(l => !l.IsImage && !l.IsShortcut && l.Reference is null)
            .Select(l => (l.Url, l.UrlSpan));
        var definitions = _document.Descendants<LinkReferenceDefinition>().Select(d => (d.Url, d.UrlSpan));
        foreach (var (url, span) in inline.Concat(definitions))
        {
            if (url is null || span.IsEmpty)
            {
                continue;
            }

            var (start, end) = Extent(span);
            var written = Text[start..end];

            // A target written in angle brackets (<url with spaces>) is edited inside them.
            if (written.Length >= 2 && written[0] == '<' && written[^1] == '>')
            {
                (start, end) = (start + 1, end - 1);
            }

            targets.Add((url, start, end));
        }

        return targets;
    }

    // Markdig spans are relative to the body and end inclusively.
    private (int Start, int End) Extent(SourceSpan span) =>
        (FrontMatter.BodyStart + span.Start, FrontMatter.BodyStart + span.End + 1);

    private int ClosingBracket(int open)
    {
        var depth = 0;
        for (var i = open; i < Text.Length; i++)
        {
            switch (Text[i])
            {
                case '\\':
                    i++;
                    break;
                case '[':
                    depth++;
                    break;
                case ']' when --depth == 0:
                    return i;
            }
        }

        return -1;
    }
}
