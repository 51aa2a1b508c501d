namespace FunnelOps.GitHubEmulator;

/// <summary>How a <see cref="EmulatedGitHub"/> starts: the repository it hosts, who may use it, and its clock.</summary>
public sealed record EmulatedGitHubOptions
{
    /// <summary>The repository owner (an organisation), as in <c>acme/site</c>.</summary>
    public string Owner { get; init; } = "acme";

    /// <summary>The repository name, as in <c>acme/site</c>.</summary>
    public string Repository { get; init; } = "site";

    /// <summary>The branch pull requests target by default.</summary>
    public string DefaultBranch { get; init; } = "main";

    /// <summary>The only token the REST API and Git accept.</summary>
    public string Token { get; init; } = "emulated-token-0123456789";

    /// <summary>The login of the account the token belongs to (the bot opening pull requests).</summary>
    public string TokenOwner { get; init; } = "funnelops-bot";

    /// <summary>The login the human actions of the control API are attributed to.</summary>
    public string HumanLogin { get; init; } = "site-maintainer";

    /// <summary>A folder whose files become the first commit on <see cref="DefaultBranch"/>; none leaves it empty.</summary>
    public string? SeedFolder { get; init; }

    /// <summary>The clock behind every timestamp, rate-limit reset and commit date; a fake one in scenario tests.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>
    /// Check every JSON response against GitHub's published OpenAPI description (on by default). Turning it off
    /// is meant for benchmarks only: a test that turns it off no longer proves the responses are GitHub's.
    /// </summary>
    public bool ValidateResponses { get; init; } = true;

    /// <summary>
    /// The OpenAPI description to check against; by default the pinned GHES description that
    /// <c>npm ci --prefix tests/FunnelOps.GitHubEmulator/openapi</c> installs, found from the repository root.
    /// </summary>
    public string? OpenApiDescriptionPath { get; init; }
}
