using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace FunnelOps.Crawling;

/// <summary>Parses an HTML body once with AngleSharp and keeps only its summary.</summary>
public sealed class PageParser
{
    private const int MaxTextLength = 300;
    private const int MaxExcerptLength = 800;
    private const int MaxProbeEvidenceLength = 300;

    private readonly HtmlParser _parser = new(new HtmlParserOptions { IsScripting = false });
    private readonly IReadOnlyCollection<string> _probes;

    /// <summary>Creates a parser that also counts the matches of <paramref name="probes"/> on each page.</summary>
    public PageParser(IReadOnlyCollection<string> probes)
    {
        _probes = probes;
    }

    /// <summary>Parses <paramref name="body"/>, decoded with <paramref name="charset"/> when the server named one.</summary>
    public HtmlSummary Parse(Uri pageUrl, ReadOnlyMemory<byte> body, string? charset)
    {
        using var document = ParseDocument(body.Span, charset);
        return Summarize(pageUrl, document);
    }

    /// <summary>Summarises an already parsed document.</summary>
    public HtmlSummary Summarize(Uri pageUrl, IHtmlDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var head = document.Head;
        return new HtmlSummary
        {
            Title = Bounded(document.QuerySelector("title")?.TextContent),
            MetaDescription = MetaContent(document, "description"),
            RobotsMeta = MetaContent(document, "robots"),
            Viewport = MetaContent(document, "viewport"),
            Canonical = CrawlScope.Resolve(pageUrl, document.QuerySelector("link[rel~='canonical' i]")?.GetAttribute("href")),
            Lang = document.DocumentElement.GetAttribute("lang"),
            H1 = [.. document.QuerySelectorAll("h1").Select(h => Bounded(h.TextContent) ?? "")],
            WordCount = CountWords(document.Body),
            Excerpt = Excerpt(document),
            Links = [.. document.QuerySelectorAll("a[href]").Select(a => ReadLink(pageUrl, a))],
            Images = [.. document.QuerySelectorAll("img").Select(ReadImage)],
            HeadScripts = head is null ? [] : [.. head.QuerySelectorAll("script").Select(ReadScript)],
            Forms = [.. document.Forms.Select(form => ReadForm(pageUrl, form))],
            Probes = RunProbes(document),
        };
    }

    private IHtmlDocument ParseDocument(ReadOnlySpan<byte> body, string? charset)
    {
        var encoding = EncodingFor(charset);
        if (encoding is not null)
        {
            return _parser.ParseDocument(encoding.GetString(body));
        }

        // Without a charset header AngleSharp sniffs the byte-order mark and <meta charset>.
        using var stream = new MemoryStream(body.ToArray(), writable: false);
        return _parser.ParseDocument(stream);
    }

    private static Encoding? EncodingFor(string? charset)
    {
        if (string.IsNullOrWhiteSpace(charset))
        {
            return null;
        }

        try
        {
            return Encoding.GetEncoding(charset.Trim('"', ' '));
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private Dictionary<string, SelectorProbe> RunProbes(IHtmlDocument document)
    {
        var probes = new Dictionary<string, SelectorProbe>(StringComparer.Ordinal);
        foreach (var selector in _probes)
        {
            var matches = document.QuerySelectorAll(selector);
            var first = matches.Length == 0 ? null : StartTagOf(matches[0]);
            probes[selector] = new SelectorProbe(matches.Length, first);
        }

        return probes;
    }

    private static string StartTagOf(IElement element)
    {
        var html = element.OuterHtml;
        var end = html.IndexOf('>', StringComparison.Ordinal);
        var tag = end < 0 ? html : html[..(end + 1)];
        return tag.Length <= MaxProbeEvidenceLength ? tag : tag[..MaxProbeEvidenceLength] + "…";
    }

    private static string? MetaContent(IDocument document, string name)
    {
        foreach (var meta in document.QuerySelectorAll("meta[name]"))
        {
            if (string.Equals(meta.GetAttribute("name")?.Trim(), name, StringComparison.OrdinalIgnoreCase))
            {
                return meta.GetAttribute("content") ?? "";
            }
        }

        return null;
    }

    private static LinkRef ReadLink(Uri pageUrl, IElement anchor)
    {
        var href = anchor.GetAttribute("href") ?? "";
        return new LinkRef(Bounded(href) ?? "", CrawlScope.Resolve(pageUrl, href), Bounded(anchor.TextContent) ?? "",
            anchor.GetAttribute("rel"));
    }

    private static ImageRef ReadImage(IElement image) => new(
        Bounded(image.GetAttribute("src")) ?? "",
        image.GetAttribute("alt"),
        image.GetAttribute("width"),
        image.GetAttribute("height"),
        image.GetAttribute("loading"));

    private static ScriptRef ReadScript(IElement script) => new(
        Bounded(script.GetAttribute("src")),
        script.HasAttribute("async"),
        script.HasAttribute("defer"),
        script.GetAttribute("type"));

    private static FormSnapshot ReadForm(Uri pageUrl, IHtmlFormElement form)
    {
        var visible = new List<string>();
        var hidden = new List<KeyValuePair<string, string>>();
        foreach (var field in form.Elements)
        {
            var type = field.GetAttribute("type")?.ToLowerInvariant();
            var name = field.GetAttribute("name") ?? field.Id ?? field.LocalName;
            if (type == "hidden")
            {
                hidden.Add(new(name, Bounded(field.GetAttribute("value")) ?? ""));
            }
            else if (field.LocalName is "input" or "select" or "textarea" && type is not ("submit" or "button" or "image" or "reset"))
            {
                visible.Add(name);
            }
        }

        return new FormSnapshot(CrawlScope.Resolve(pageUrl, form.GetAttribute("action") ?? pageUrl.ToString()),
            visible, hidden);
    }

    private static int CountWords(IElement? body)
    {
        if (body is null)
        {
            return 0;
        }

        var words = 0;
        foreach (var text in VisibleText(body))
        {
            var inWord = false;
            foreach (var c in text)
            {
                var letter = !char.IsWhiteSpace(c);
                if (letter && !inWord)
                {
                    words++;
                }

                inWord = letter;
            }
        }

        return words;
    }

    private static IEnumerable<string> VisibleText(INode node)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText text)
            {
                yield return text.Data;
            }
            else if (child is IElement element && element.LocalName is not ("script" or "style" or "noscript" or "template"))
            {
                foreach (var inner in VisibleText(element))
                {
                    yield return inner;
                }
            }
        }
    }

    private static string Excerpt(IDocument document)
    {
        var root = document.QuerySelector("main") ?? document.Body;
        if (root is null)
        {
            return "";
        }

        var builder = new StringBuilder();
        foreach (var paragraph in root.QuerySelectorAll("p"))
        {
            var text = Collapse(paragraph.TextContent);
            if (text.Length == 0)
            {
                continue;
            }

            builder.Append(builder.Length == 0 ? "" : "\n").Append(text);
            if (builder.Length >= MaxExcerptLength)
            {
                break;
            }
        }

        return builder.Length <= MaxExcerptLength ? builder.ToString() : builder.ToString(0, MaxExcerptLength);
    }

    private static string? Bounded(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var collapsed = Collapse(text);
        return collapsed.Length <= MaxTextLength ? collapsed : collapsed[..MaxTextLength] + "…";
    }

    /// <summary>Trims and collapses runs of white space to one space.</summary>
    internal static string Collapse(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
