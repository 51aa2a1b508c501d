using System.Text.Json.Serialization;

namespace FunnelOps.Publishing;

/// <summary>
/// The machine-readable state a change carries in its pull request body, so that a later run on a stateless
/// runner knows what the change was and can measure it: the week, the playbook, the findings' fingerprints, the
/// pages and the figures before the change, and the commits FunnelOps pushed.
/// </summary>
public sealed record ChangeState
{
    /// <summary>The block's format version (<see cref="PullRequestWriter.FormatVersion"/>).</summary>
    [JsonPropertyName("version")]
    public int Version { get; init; } = PullRequestWriter.FormatVersion;

    /// <summary>The week the change was proposed, such as <c>2026-W49</c>.</summary>
    [JsonPropertyName("week")]
    public required string Week { get; init; }

    /// <summary>The playbook whose finding the change fixes.</summary>
    [JsonPropertyName("playbook")]
    public required string Playbook { get; init; }

    /// <summary>The fingerprints of the findings the change fixes.</summary>
    [JsonPropertyName("fingerprints")]
    public required IReadOnlyList<string> Fingerprints { get; init; }

    /// <summary>The pages the findings were on.</summary>
    [JsonPropertyName("pages")]
    public IReadOnlyList<string> Pages { get; init; } = [];

    /// <summary>The rendered metrics and signals of each page before the change, by page then figure name.</summary>
    [JsonPropertyName("before")]
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> Before { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, double>>();

    /// <summary>The base branch commit the change was made on.</summary>
    [JsonPropertyName("base")]
    public string? BaseCommit { get; init; }

    /// <summary>The commit FunnelOps last pushed to the branch; a different head means a person pushed.</summary>
    [JsonPropertyName("commit")]
    public string? Commit { get; init; }
}
