namespace FunnelOps.Crawling;

/// <summary>The parts of an HTML document that playbooks, ranking and reports read.</summary>
public sealed record HtmlSummary
{
    /// <summary>The text of <c>&lt;title&gt;</c>, trimmed.</summary>
    public string? Title { get; init; }

    /// <summary>The content of <c>&lt;meta name="description"&gt;</c>.</summary>
    public string? MetaDescription { get; init; }

    /// <summary>The content of <c>&lt;meta name="robots"&gt;</c>.</summary>
    public string? RobotsMeta { get; init; }

    /// <summary>The content of <c>&lt;meta name="viewport"&gt;</c>.</summary>
    public string? Viewport { get; init; }

    /// <summary>The canonical URL, resolved against the page URL.</summary>
    public Uri? Canonical { get; init; }

    /// <summary>The <c>lang</c> attribute of the root element.</summary>
    public string? Lang { get; init; }

    /// <summary>The texts of the <c>h1</c> elements.</summary>
    public IReadOnlyList<string> H1 { get; init; } = [];

    /// <summary>Every heading, <c>h1</c> to <c>h6</c>, in document order (at most 200).</summary>
    public IReadOnlyList<Heading> Headings { get; init; } = [];

    /// <summary>The alternate language versions the page declares.</summary>
    public IReadOnlyList<HreflangLink> Hreflang { get; init; } = [];

    /// <summary>The JSON-LD blocks, parsed.</summary>
    public IReadOnlyList<StructuredDataBlock> StructuredData { get; init; } = [];

    /// <summary>Images, scripts and stylesheets the page loads, resolved; their status is checked, not their content.</summary>
    public IReadOnlyList<Uri> Resources { get; init; } = [];

    /// <summary>Words of visible text in the body.</summary>
    public int WordCount { get; init; }

    /// <summary>The first paragraphs of the main content, bounded in length.</summary>
    public string Excerpt { get; init; } = "";

    /// <summary>Links from <c>a[href]</c>, resolved, in document order.</summary>
    public IReadOnlyList<LinkRef> Links { get; init; } = [];

    /// <summary>Images, in document order.</summary>
    public IReadOnlyList<ImageRef> Images { get; init; } = [];

    /// <summary>Scripts in the document head.</summary>
    public IReadOnlyList<ScriptRef> HeadScripts { get; init; } = [];

    /// <summary>Forms, in document order.</summary>
    public IReadOnlyList<FormSnapshot> Forms { get; init; } = [];

    /// <summary>A signature of the page's layout shared by pages of one template (see <c>DomSkeleton</c>).</summary>
    public string Skeleton { get; init; } = "";

    /// <summary>For every selector the playbooks asked about: how many elements matched.</summary>
    public IReadOnlyDictionary<string, SelectorProbe> Probes { get; init; } =
        new Dictionary<string, SelectorProbe>();
}
