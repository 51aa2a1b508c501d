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

    /// <summary>For every selector the playbooks asked about: how many elements matched.</summary>
    public IReadOnlyDictionary<string, SelectorProbe> Probes { get; init; } =
        new Dictionary<string, SelectorProbe>();
}

/// <summary>One link on a page.</summary>
/// <param name="Href">The attribute as written in the page.</param>
/// <param name="Target">The resolved absolute URL, or null when it is not HTTP(S).</param>
/// <param name="Text">The link text, trimmed and bounded.</param>
/// <param name="Rel">The <c>rel</c> attribute, when present.</param>
public sealed record LinkRef(string Href, Uri? Target, string Text, string? Rel);

/// <summary>One image on a page.</summary>
/// <param name="Src">The attribute as written in the page.</param>
/// <param name="Alt">The alt text; null when the attribute is missing, empty when decorative.</param>
/// <param name="Width">The <c>width</c> attribute, when present.</param>
/// <param name="Height">The <c>height</c> attribute, when present.</param>
/// <param name="Loading">The <c>loading</c> attribute, when present.</param>
public sealed record ImageRef(string Src, string? Alt, string? Width, string? Height, string? Loading);

/// <summary>One script element in the document head.</summary>
/// <param name="Src">The script URL, or null for an inline script.</param>
/// <param name="Async">True when the script has <c>async</c>.</param>
/// <param name="Defer">True when the script has <c>defer</c>.</param>
/// <param name="Type">The <c>type</c> attribute, when present.</param>
public sealed record ScriptRef(string? Src, bool Async, bool Defer, string? Type)
{
    /// <summary>True when the browser must download and run the script before it can render.</summary>
    public bool IsRenderBlocking =>
        Src is not null && !Async && !Defer && !string.Equals(Type, "module", StringComparison.OrdinalIgnoreCase);
}

/// <summary>One form: what a visitor must fill in, and what it leads to.</summary>
/// <param name="Action">The resolved action URL, or null.</param>
/// <param name="VisibleFields">Names (or types) of the fields a visitor sees.</param>
/// <param name="HiddenInputs">Hidden inputs as name and value.</param>
public sealed record FormSnapshot(
    Uri? Action,
    IReadOnlyList<string> VisibleFields,
    IReadOnlyList<KeyValuePair<string, string>> HiddenInputs);

/// <summary>What a CSS selector matched on a page.</summary>
/// <param name="Count">How many elements matched.</param>
/// <param name="FirstMatch">The start tag of the first match, bounded, for evidence.</param>
public sealed record SelectorProbe(int Count, string? FirstMatch);
