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

    /// <summary>
    /// What to record with every hit for the reviewer: page fields, render metrics or signals by
    /// name, shown beside the finding's evidence.
    /// </summary>
    public IReadOnlyList<string> Evidence { get; init; } = [];

    /// <summary>How a hit is scored.</summary>
    public required ScoringDefinition Scoring { get; init; }

    /// <summary>How a hit is fixed; null for advice only.</summary>
    public FixDefinition? Fix { get; init; }

    /// <summary>The pull-request text.</summary>
    public required PullRequestTemplate PullRequest { get; init; }

    /// <summary>The file the playbook was read from.</summary>
    public required string SourcePath { get; init; }

    /// <summary>The line of the <c>id</c> field in <see cref="SourcePath"/>, for error messages.</summary>
    public int IdLine { get; init; }

    /// <summary>The column of the <c>id</c> field in <see cref="SourcePath"/>.</summary>
    public int IdColumn { get; init; }
}
