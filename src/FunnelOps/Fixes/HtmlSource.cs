using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace FunnelOps.Fixes;

/// <summary>
/// An HTML source file parsed with source positions kept, so that elements found by CSS
/// selectors can be edited at their exact offsets in the original text.
/// </summary>
public sealed class HtmlSource
{
    private readonly IHtmlDocument _document;

    /// <summary>Parses <paramref name="file"/>.</summary>
    public HtmlSource(SourceFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        File = file;
        var parser = new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true, IsScripting = false });
        _document = parser.ParseDocument(file.Text);
    }

    /// <summary>The file.</summary>
    public SourceFile File { get; }

    /// <summary>The text of the file.</summary>
    public string Text => File.Text;

    /// <summary>
    /// The full path of the folder the site is published from (<see cref="SourceMapping.ContentRoot"/>),
    /// when the caller knows it. Fixers that look up other files of the site, such as images, start there.
    /// </summary>
    public string? ContentRoot { get; init; }

    /// <summary>
    /// What the crawl read from the whole site, when the caller has it. Fixers that look for another
    /// page (the one that replaced a missing page) search it.
    /// </summary>
    public Crawling.CrawlResult? Crawl { get; init; }

    /// <summary>The start tags of the elements matching <paramref name="selector"/> that are written in the source.</summary>
    public IReadOnlyList<(IElement Element, StartTag Tag)> Find(string selector) =>
        // Elements the parser implies (an <html> or <head> the file leaves out) have position -1.
        [.. _document.QuerySelectorAll(selector)
            .Where(e => e.SourceReference is { Position.Index: >= 0 })
            .Select(e => (e, StartTag.Read(Text, e.SourceReference!.Position.Index)))];

    /// <summary>The first element matching <paramref name="selector"/> that is written in the source.</summary>
    public (IElement Element, StartTag Tag)? FindFirst(string selector)
    {
        var found = Find(selector);
        return found.Count == 0 ? null : found[0];
    }

    /// <summary>Offset just past the end tag of an element whose start tag is <paramref name="tag"/>, or -1.</summary>
    public int EndOfElement(StartTag tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        var close = Text.IndexOf("</" + tag.Name, tag.End, StringComparison.OrdinalIgnoreCase);
        if (close < 0)
        {
            return -1;
        }

        var end = Text.IndexOf('>', close);
        return end < 0 ? -1 : end + 1;
    }

    /// <summary>The white space that starts the line holding <paramref name="offset"/>.</summary>
    public string IndentationAt(int offset)
    {
        var lineStart = Text.LastIndexOf('\n', Math.Max(0, offset - 1)) + 1;
        var end = lineStart;
        while (end < offset && Text[end] is ' ' or '\t')
        {
            end++;
        }

        return Text[lineStart..end];
    }

    /// <summary>
    /// An edit that inserts <paramref name="markup"/> on its own line after the element that ends
    /// at <paramref name="offset"/>, indented like that element's line.
    /// </summary>
    public TextEdit InsertLineAfter(int offset, string markup) =>
        new(offset, 0, File.LineEnding + IndentationAt(offset) + markup);

    /// <summary>
    /// An edit that deletes the text between <paramref name="start"/> and <paramref name="end"/>,
    /// taking the whole line with it when nothing else is on that line.
    /// </summary>
    public TextEdit DeleteRange(int start, int end)
    {
        var lineStart = Text.LastIndexOf('\n', Math.Max(0, start - 1)) + 1;
        var lineEnd = Text.IndexOf('\n', end);
        var before = Text[lineStart..start];
        var after = lineEnd < 0 ? Text[end..] : Text[end..lineEnd];
        if (before.All(c => c is ' ' or '\t') && after.All(c => c is ' ' or '\t' or '\r') && lineEnd >= 0)
        {
            return new TextEdit(lineStart, lineEnd + 1 - lineStart, "");
        }

        return new TextEdit(start, end - start, "");
    }

    /// <summary>Whether this document writes void elements as <c>&lt;meta ... /&gt;</c>.</summary>
    public bool UsesSelfClosingVoidTags =>
        FindFirst("meta, link") is { } first && first.Tag.SelfClosing;

    /// <summary>The quote character the document's tags use most, for new attributes.</summary>
    public char PreferredQuote
    {
        get
        {
            var quotes = Find("head *").SelectMany(x => x.Tag.Attributes).Select(a => a.Quote).ToList();
            return quotes.Count(q => q == '\'') > quotes.Count(q => q == '"') ? '\'' : '"';
        }
    }

    /// <summary>Escapes text for an attribute value in the given quote.</summary>
    public static string EscapeAttribute(string value, char quote)
    {
        ArgumentNullException.ThrowIfNull(value);
        var escaped = value.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);
        return quote == '\''
            ? escaped.Replace("'", "&#39;", StringComparison.Ordinal)
            : escaped.Replace("\"", "&quot;", StringComparison.Ordinal);
    }
}
