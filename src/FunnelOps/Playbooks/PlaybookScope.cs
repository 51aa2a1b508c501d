namespace FunnelOps.Playbooks;

/// <summary>Which URLs a playbook looks at.</summary>
public sealed record PlaybookScope
{
    /// <summary>URL patterns a page must match; empty means every page.</summary>
    public IReadOnlyList<UrlPattern> Include { get; init; } = [];

    /// <summary>URL patterns that exclude a page.</summary>
    public IReadOnlyList<UrlPattern> Exclude { get; init; } = [];

    /// <summary>
    /// Page conditions, each written like a check: a page is in scope only when it satisfies all
    /// of them (for example, pages that carry a form, or pages with ad spend).
    /// </summary>
    public IReadOnlyList<CheckDefinition> Where { get; init; } = [];

    /// <summary>True when <paramref name="url"/> is in scope.</summary>
    public bool Contains(Uri url) =>
        (Include.Count == 0 || Include.Any(p => p.IsMatch(url))) && !Exclude.Any(p => p.IsMatch(url));
}
