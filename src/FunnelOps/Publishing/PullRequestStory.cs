namespace FunnelOps.Publishing;

/// <summary>What a pull request tells besides the fix itself: earlier outcomes, history, and the figures before.</summary>
public sealed record PullRequestStory
{
    /// <summary>A story with nothing known yet.</summary>
    public static PullRequestStory None { get; } = new();

    /// <summary>Markdown, written by FunnelOps, on what became of last week's change; null when nothing was measured.</summary>
    public string? LastOutcome { get; init; }

    /// <summary>Markdown, written by FunnelOps, on earlier changes for the same finding (a fix that came back).</summary>
    public string? History { get; init; }

    /// <summary>The pages' rendered metrics and signals before the change, kept for measuring it later.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> Before { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, double>>();

    /// <summary>The base branch commit the change is made on.</summary>
    public string? BaseCommit { get; init; }
}
