namespace FunnelOps.Publishing;

/// <summary>How changes are published as GitHub pull requests, and the cadence they follow.</summary>
public sealed record GitHubPublishing
{
    /// <summary>The label on every FunnelOps pull request and on the backlog issue.</summary>
    public const string Label = "funnelops";

    /// <summary>The site repository on GitHub and the token for it.</summary>
    public required RemoteAccess Remote { get; init; }

    /// <summary>The REST API root: <c>https://api.github.com/</c>, or an Enterprise server's.</summary>
    public Uri ApiUrl { get; init; } = new("https://api.github.com/");

    /// <summary>The branch pull requests target; null for the repository's default branch.</summary>
    public string? BaseBranch { get; init; }

    /// <summary>The most pull requests FunnelOps opens in one week.</summary>
    public int MaxPerWeek { get; init; } = 1;

    /// <summary>
    /// What to do while an earlier week's pull request is still open: wait (true, the default) or open the next.
    /// </summary>
    public bool WaitWhileOpen { get; init; } = true;

    /// <summary>Labels besides <see cref="Label"/>, created when missing.</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];

    /// <summary>Logins asked to review each pull request.</summary>
    public IReadOnlyList<string> Reviewers { get; init; } = [];

    /// <summary>Logins assigned to each pull request.</summary>
    public IReadOnlyList<string> Assignees { get; init; } = [];

    /// <summary>How long a "no" (a pull request closed without merging) holds; null for ever.</summary>
    public TimeSpan? RejectionExpiry { get; init; }

    /// <summary>The folder the site repository is cloned into; a new temporary folder when null.</summary>
    public string? WorkFolder { get; init; }

    /// <summary>Keep a backlog issue current on GitHub.</summary>
    public bool BacklogIssue { get; init; } = true;

    /// <summary>The owner and name of the repository, read from <see cref="RemoteAccess.CloneUrl"/>.</summary>
    /// <exception cref="CodeHostException">When the address does not end in <c>/owner/name(.git)</c>.</exception>
    public (string Owner, string Name) Repository()
    {
        var segments = Remote.CloneUrl.AbsolutePath.Trim('/').Split('/');
        if (segments.Length < 2 || segments[^1].Length == 0)
        {
            throw new CodeHostException($"{Remote.CloneUrl} does not name a repository. Give its address as " +
                "https://github.com/owner/name.git.");
        }

        var name = segments[^1].EndsWith(".git", StringComparison.Ordinal) ? segments[^1][..^4] : segments[^1];
        return (segments[^2], name);
    }
}
