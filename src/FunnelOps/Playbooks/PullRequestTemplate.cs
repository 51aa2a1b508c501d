namespace FunnelOps.Playbooks;

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
