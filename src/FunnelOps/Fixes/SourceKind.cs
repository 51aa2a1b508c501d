namespace FunnelOps.Fixes;

/// <summary>What kind of file produces a page.</summary>
public enum SourceKind
{
    /// <summary>A static HTML file, served as it is.</summary>
    Html,

    /// <summary>A Markdown file with front matter that a site generator turns into the page.</summary>
    Markdown,

    /// <summary>A shared layout, partial or include that a site generator wraps around many pages.</summary>
    Template,
}
