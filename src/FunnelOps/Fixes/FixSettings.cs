using FunnelOps.Verification;

namespace FunnelOps.Fixes;

/// <summary>
/// The team's rules for automatic fixes, from the <c>fixes:</c> block of <c>.funnelops/config.yml</c>:
/// where pages come from, what must never be edited, how large an edit may be, and how the site is built.
/// </summary>
public sealed record FixSettings
{
    /// <summary>The settings used when the file says nothing.</summary>
    public static FixSettings Default { get; } = new();

    /// <summary>The most lines one fix may change (removed plus added), counted like a diff.</summary>
    public int MaxChangedLines { get; init; } = 80;

    /// <summary>Path patterns (<c>*</c>, <c>**</c>, <c>?</c>) of files FunnelOps never edits.</summary>
    public IReadOnlyList<string> ProtectedPaths { get; init; } = [];

    /// <summary>Explicit URL-to-file patterns, tried before the conventions.</summary>
    public IReadOnlyList<SourceRule> Sources { get; init; } = [];

    /// <summary>How to build the site, for sites made by a generator; null for a site served as written.</summary>
    public SiteBuild? Build { get; init; }
}
