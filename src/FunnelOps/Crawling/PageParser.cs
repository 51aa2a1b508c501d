using System.Text;
using System.Text.Json;
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

    private const int MaxHeadings = 200;
    private const int MaxStructuredDataChars = 200_000;

    private readonly HtmlParser _parser = new(new HtmlParserOptions { IsScripting = false });
    private readonly IReadOnlyCollection<string> _probes;
    private readonly UrlNormalizer _normalizer;
    private readonly InternPool _pool = new();

    static PageParser()
    {
        // Windows-1252, Shift_JIS and the other legacy encodings sites still declare.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    /// <summary>Creates a parser that also counts the matches of <paramref name="probes"/> on each page.</summary>
    public PageParser(IReadOnlyCollection<string> probes) : this(probes, UrlNormalizer.Default)
    {
    }

    /// <summary>Creates a parser that normalises every URL it reads with <paramref name="normalizer"/>.</summary>
    public PageParser(IReadOnlyCollection<string> probes, UrlNormalizer normalizer)
    {
        _probes = probes;
        _normalizer = normalizer;
    }

    /// <summary>Parses <paramref name="body"/>, decoded with <paramref name="charset"/> when the server named one.</summary>
    public HtmlSummary Parse(Uri pageUrl, ReadOnlyMemory<byte> body, string? charset)
    {
        using var document = ParseDocument(body.Span, charset);
        return Summarize(pageUrl, document);
    }

    /// <summary>Summarises an already parsed document, walking its elements once.</summary>
    public HtmlSummary Summarize(Uri pageUrl, IHtmlDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var baseUrl = document.QuerySelector("base[href]") is { } baseElement
            ? _normalizer.Resolve(pageUrl, baseElement.GetAttribute("href")) ?? pageUrl
            : pageUrl;
        var read = new Reading(this, baseUrl, document.Head);
        foreach (var element in document.All)
        {
            read.Visit(element);
        }

        return new HtmlSummary
        {
            Title = read.Title,
            MetaDescription = read.Meta.GetValueOrDefault("description"),
            RobotsMeta = read.Meta.GetValueOrDefault("robots"),
            Viewport = read.Meta.GetValueOrDefault("viewport"),
            Canonical = read.Canonical,
            Lang = document.DocumentElement.GetAttribute("lang"),
            H1 = [.. read.Headings.Where(h => h.Level == 1).Select(h => h.Text)],
            Headings = read.Headings,
            Hreflang = read.Hreflang,
            StructuredData = read.StructuredData,
            Resources = [.. read.Resources],
            WordCount = CountWords(document.Body),
            Excerpt = Excerpt(document),
            Links = read.Links,
            Images = read.Images,
            HeadScripts = read.HeadScripts,
            Forms = [.. document.Forms.Select(form => ReadForm(baseUrl, form))],
            Probes = RunProbes(document),
            Skeleton = Rendering.DomSkeleton.Signature(document),
        };
    }

    /// <summary>What one walk over a document's elements collects.</summary>
    private sealed class Reading(PageParser parser, Uri baseUrl, IElement? head)
    {
        public string? Title { get; private set; }
        public Dictionary<string, string> Meta { get; } = new(StringComparer.OrdinalIgnoreCase);
        public Uri? Canonical { get; private set; }
        public List<Heading> Headings { get; } = [];
        public List<HreflangLink> Hreflang { get; } = [];
        public List<StructuredDataBlock> StructuredData { get; } = [];
        public HashSet<Uri> Resources { get; } = [];
        public List<LinkRef> Links { get; } = [];
        public List<ImageRef> Images { get; } = [];
        public List<ScriptRef> HeadScripts { get; } = [];

        public void Visit(IElement element)
        {
            switch (element.LocalName)
            {
                case "title" when Title is null:
                    Title = Bounded(element.TextContent);
                    break;
                case "meta" when element.GetAttribute("name")?.Trim() is { Length: > 0 } name:
                    Meta.TryAdd(name, element.GetAttribute("content") ?? "");
                    break;
                case "link":
                    VisitLink(element);
                    break;
                case "a" when element.HasAttribute("href"):
                    Links.Add(ReadLink(element));
                    break;
                case "img":
                    Images.Add(parser.ReadImage(element));
                    AddResource(element.GetAttribute("src"));
                    break;
                case "script":
                    VisitScript(element);
                    break;
                case "h1" or "h2" or "h3" or "h4" or "h5" or "h6" when Headings.Count < MaxHeadings:
                    Headings.Add(new Heading(element.LocalName[1] - '0', parser._pool.Text(Bounded(element.TextContent)) ?? ""));
                    break;
            }
        }

        private void VisitLink(IElement element)
        {
            var rel = element.GetAttribute("rel")?.ToLowerInvariant() ?? "";
            var rels = rel.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var href = element.GetAttribute("href");
            if (rels.Contains("canonical") && Canonical is null)
            {
                Canonical = parser._normalizer.Resolve(baseUrl, href);
            }
            else if (rels.Contains("alternate") && element.GetAttribute("hreflang") is { Length: > 0 } language &&
                parser._normalizer.Resolve(baseUrl, href) is { } alternate)
            {
                var written = href!.TrimStart();
                var relative = !written.StartsWith("http://", StringComparison.OrdinalIgnoreCase) &&
                    !written.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
                Hreflang.Add(new HreflangLink(language, alternate, relative));
            }
            else if (rels.Contains("stylesheet"))
            {
                AddResource(href);
            }
        }

        private void VisitScript(IElement element)
        {
            var type = element.GetAttribute("type");
            if (string.Equals(type, "application/ld+json", StringComparison.OrdinalIgnoreCase))
            {
                StructuredData.Add(ReadStructuredData(element.TextContent));
                return;
            }

            AddResource(element.GetAttribute("src"));
            if (head is not null && head.Contains(element))
            {
                HeadScripts.Add(ReadScript(element));
            }
        }

        private void AddResource(string? href)
        {
            if (parser._pool.Url(parser._normalizer.Resolve(baseUrl, href)) is { } url)
            {
                Resources.Add(url);
            }
        }

        private LinkRef ReadLink(IElement anchor)
        {
            var href = anchor.GetAttribute("href") ?? "";
            var pool = parser._pool;
            return new LinkRef(pool.Text(Bounded(href)) ?? "", pool.Url(parser._normalizer.Resolve(baseUrl, href)),
                pool.Text(Bounded(anchor.TextContent)) ?? "", pool.Text(anchor.GetAttribute("rel")));
        }
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
            // Only matches are kept: an absent selector reads as zero matches.
            if (matches.Length > 0)
            {
                probes[selector] = new SelectorProbe(matches.Length, _pool.Text(first));
            }
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

    private ImageRef ReadImage(IElement image) => new(
        _pool.Text(Bounded(image.GetAttribute("src"))) ?? "",
        _pool.Text(image.GetAttribute("alt")),
        _pool.Text(image.GetAttribute("width")),
        _pool.Text(image.GetAttribute("height")),
        _pool.Text(image.GetAttribute("loading")))
    {
        Srcset = _pool.Text(Bounded(image.GetAttribute("srcset"))),
        FetchPriority = _pool.Text(image.GetAttribute("fetchpriority")),
        Decoding = _pool.Text(image.GetAttribute("decoding")),
    };

    private static StructuredDataBlock ReadStructuredData(string json)
    {
        if (json.Length > MaxStructuredDataChars)
        {
            return new StructuredDataBlock([], $"The block is larger than {MaxStructuredDataChars / 1000} KB and was not read.");
        }

        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions
            {
                AllowTrailingCommas = true,
                CommentHandling = JsonCommentHandling.Skip,
                MaxDepth = 32,
            });
            var types = new List<string>();
            CollectTypes(document.RootElement, types);
            return new StructuredDataBlock(types, null);
        }
        catch (JsonException exception)
        {
            return new StructuredDataBlock([], $"Not valid JSON: {exception.Message.Split('.')[0]}.");
        }
    }

    private static void CollectTypes(JsonElement element, List<string> types)
    {
        if (types.Count >= 50)
        {
            return;
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name == "@type")
                    {
                        types.AddRange(property.Value.ValueKind == JsonValueKind.Array
                            ? property.Value.EnumerateArray().Select(t => t.ToString())
                            : [property.Value.ToString()]);
                    }
                    else
                    {
                        CollectTypes(property.Value, types);
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    CollectTypes(item, types);
                }

                break;
        }
    }

    private static ScriptRef ReadScript(IElement script) => new(
        Bounded(script.GetAttribute("src")),
        script.HasAttribute("async"),
        script.HasAttribute("defer"),
        script.GetAttribute("type"));

    private FormSnapshot ReadForm(Uri baseUrl, IHtmlFormElement form)
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

        return new FormSnapshot(_normalizer.Resolve(baseUrl, form.GetAttribute("action") ?? baseUrl.ToString()),
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
