namespace FunnelOps.Publishing;

/// <summary>The <c>github:</c> block of the configuration file: everything about pull requests except the token.</summary>
public sealed record GitHubConfiguration
{
    /// <summary>Nothing configured.</summary>
    public static GitHubConfiguration Default { get; } = new();

    /// <summary>The REST API root for GitHub Enterprise; null to derive it from the repository address.</summary>
    public Uri? ApiUrl { get; init; }

    /// <summary>The branch pull requests target; null for the repository's default branch.</summary>
    public string? BaseBranch { get; init; }

    /// <summary>The most pull requests in one week.</summary>
    public int MaxPerWeek { get; init; } = 1;

    /// <summary>True (the default) to wait while an earlier week's pull request is open.</summary>
    public bool WaitWhileOpen { get; init; } = true;

    /// <summary>Extra labels.</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];

    /// <summary>Logins asked to review.</summary>
    public IReadOnlyList<string> Reviewers { get; init; } = [];

    /// <summary>Logins assigned.</summary>
    public IReadOnlyList<string> Assignees { get; init; } = [];

    /// <summary>How long a rejection holds; null for ever.</summary>
    public TimeSpan? RejectionExpiry { get; init; }

    /// <summary>Keep the backlog issue current.</summary>
    public bool BacklogIssue { get; init; } = true;

    /// <summary><paramref name="publishing"/> with these settings; an API address already set there wins.</summary>
    public GitHubPublishing ApplyTo(GitHubPublishing publishing, bool apiUrlGiven)
    {
        ArgumentNullException.ThrowIfNull(publishing);
        return publishing with
        {
            ApiUrl = apiUrlGiven || ApiUrl is null ? publishing.ApiUrl : ApiUrl,
            BaseBranch = BaseBranch ?? publishing.BaseBranch,
            MaxPerWeek = MaxPerWeek,
            WaitWhileOpen = WaitWhileOpen,
            Labels = Labels,
            Reviewers = Reviewers,
            Assignees = Assignees,
            RejectionExpiry = RejectionExpiry,
            BacklogIssue = BacklogIssue,
        };
    }

    /// <summary>The API root that goes with a repository address: api.github.com, or an Enterprise server's /api/v3/.</summary>
    public static Uri ApiUrlFor(Uri cloneUrl)
    {
        ArgumentNullException.ThrowIfNull(cloneUrl);
        return cloneUrl.Host.Equals("github.com", StringComparison.OrdinalIgnoreCase)
            ? new Uri("https://api.github.com/")
            : new Uri($"{cloneUrl.Scheme}://{cloneUrl.Authority}/api/v3/");
    }
}
