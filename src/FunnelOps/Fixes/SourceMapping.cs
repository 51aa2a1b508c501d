namespace FunnelOps.Fixes;

/// <summary>The file that produces a page, and how it was found.</summary>
/// <param name="Url">The page.</param>
/// <param name="RelativePath">The file inside the repository, with forward slashes.</param>
/// <param name="ContentRoot">The folder the site is published from (the repository root or, say, <c>public/</c>).</param>
/// <param name="HowFound">A sentence for the PR: the convention used and how the match was confirmed.</param>
public sealed record SourceMapping(Uri Url, string RelativePath, string ContentRoot, string HowFound)
{
    /// <summary>A static HTML file, a Markdown page or a shared template.</summary>
    public SourceKind Kind { get; init; } = SourceKind.Html;
}
