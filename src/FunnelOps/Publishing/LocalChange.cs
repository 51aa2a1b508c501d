using FunnelOps.Measuring;

namespace FunnelOps.Publishing;

/// <summary>
/// One change FunnelOps committed in a local site repository, as the state file remembers it: enough to read its
/// status from Git on a later run and to measure it once it is merged.
/// </summary>
public sealed record LocalChange
{
    /// <summary>Its number in the state file, from 1; outcomes and notes name the change by it and its branch.</summary>
    public required int Number { get; init; }

    /// <summary>The week it was committed, such as <c>2026-W49</c>.</summary>
    public required string Week { get; init; }

    /// <summary>The <c>funnelops/...</c> branch it was committed on.</summary>
    public required string Branch { get; init; }

    /// <summary>The branch that was checked out when it was committed, and that it is merged into.</summary>
    public required string BaseBranch { get; init; }

    /// <summary>The playbook whose finding it fixes.</summary>
    public required string Playbook { get; init; }

    /// <summary>The fingerprint of the finding it fixes.</summary>
    public required string Fingerprint { get; init; }

    /// <summary>The commit FunnelOps made.</summary>
    public required string Commit { get; init; }

    /// <summary>The base branch's commit the change was made on.</summary>
    public string? BaseCommit { get; init; }

    /// <summary>The pages the finding was on.</summary>
    public IReadOnlyList<string> Pages { get; init; } = [];

    /// <summary>The rendered metrics and signals of each page before the change, by page then figure name.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> Before { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, double>>();

    /// <summary>When it was committed.</summary>
    public required DateTimeOffset CommittedAt { get; init; }

    /// <summary>Its status as last read from the repository.</summary>
    public LocalChangeStatus Status { get; init; } = LocalChangeStatus.Open;

    /// <summary>When a run first saw it merged or rejected; rejections expire counting from here.</summary>
    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>What was measured once it was merged or rejected; null until then.</summary>
    public MeasuredOutcome? Outcome { get; init; }

    /// <summary>The change as the pull-request state block would describe it, for the outcome measurer.</summary>
    public ChangeState ToChangeState() => new()
    {
        Week = Week,
        Playbook = Playbook,
        Fingerprints = [Fingerprint],
        Pages = Pages,
        Before = Before,
        BaseCommit = BaseCommit,
        Commit = Commit,
    };
}
