namespace FunnelOps.Playbooks;

/// <summary>
/// One playbook: which pages it looks at, what it checks, how a hit is scored and how it is
/// fixed. Read from a YAML file; it holds data only and can run no code.
/// </summary>
public sealed record Playbook
{
    /// <summary>A stable, lower-case id such as <c>meta-description-missing</c>.</summary>
    public required string Id { get; init; }

    /// <summary>What the playbook achieves, in a marketer's words.</summary>
    public required string Title { get; init; }

    /// <summary>The stages whose pages it applies to.</summary>
    public required IReadOnlyList<Stage> Stages { get; init; }

    /// <summary>The channel whose backlog it belongs to: seo, mobile, conversion, content, paid or retention.</summary>
    public required string Channel { get; init; }

    /// <summary>Which URLs it applies to.</summary>
    public PlaybookScope Scope { get; init; } = new();

    /// <summary>The checks; a page is a hit when any check fails.</summary>
    public required IReadOnlyList<CheckDefinition> Checks { get; init; }

    /// <summary>How a hit is scored.</summary>
    public required ScoringDefinition Scoring { get; init; }

    /// <summary>How a hit is fixed; null for advice only.</summary>
    public FixDefinition? Fix { get; init; }

    /// <summary>The pull-request text.</summary>
    public required PullRequestTemplate PullRequest { get; init; }

    /// <summary>The file the playbook was read from.</summary>
    public required string SourcePath { get; init; }
}

/// <summary>Which URLs a playbook looks at.</summary>
public sealed record PlaybookScope
{
    /// <summary>URL patterns a page must match; empty means every page.</summary>
    public IReadOnlyList<UrlPattern> Include { get; init; } = [];

    /// <summary>URL patterns that exclude a page.</summary>
    public IReadOnlyList<UrlPattern> Exclude { get; init; } = [];

    /// <summary>True when <paramref name="url"/> is in scope.</summary>
    public bool Contains(Uri url) =>
        (Include.Count == 0 || Include.Any(p => p.IsMatch(url))) && !Exclude.Any(p => p.IsMatch(url));
}

/// <summary>How a playbook's hits are scored; see the impact model in the README.</summary>
public sealed record ScoringDefinition
{
    /// <summary>The expected relative gain in qualified visitors on the affected pages, such as 0.05 for 5%.</summary>
    public required double Uplift { get; init; }

    /// <summary>Where the uplift figure comes from, so a reviewer can judge it.</summary>
    public required string UpliftSource { get; init; }

    /// <summary>How sure we are that the uplift materialises, from 0 to 1.</summary>
    public required double Confidence { get; init; }

    /// <summary>Relative effort to review and ship the change: 1 (a one-line edit) to 5.</summary>
    public required double Effort { get; init; }
}

/// <summary>A built-in fix kind and its parameters.</summary>
public sealed record FixDefinition
{
    /// <summary>The fix kind, such as <c>insert-meta-description</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>Parameters of the fix kind.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();
}

/// <summary>The pull-request text of a playbook, with placeholders such as <c>{page.title}</c>.</summary>
public sealed record PullRequestTemplate
{
    /// <summary>The PR title.</summary>
    public required string Title { get; init; }

    /// <summary>Why the change matters, for a marketer.</summary>
    public required string Why { get; init; }

    /// <summary>How a reviewer verifies the change.</summary>
    public required string Verify { get; init; }
}
