namespace FunnelOps.Playbooks;

/// <summary>One playbook hit on one page, or on several pages that one edit fixes.</summary>
public sealed record Finding
{
    /// <summary>The playbook that found it.</summary>
    public required Playbook Playbook { get; init; }

    /// <summary>The stage of the affected pages (of the first one when they differ).</summary>
    public required Stage Stage { get; init; }

    /// <summary>The affected pages.</summary>
    public required IReadOnlyList<Uri> Urls { get; init; }

    /// <summary>The title of the first affected page, as crawled (untrusted text).</summary>
    public string? PageTitle { get; init; }

    /// <summary>What was seen, one sentence each, bounded; crawled text in it is untrusted.</summary>
    public required IReadOnlyList<string> Evidence { get; init; }

    /// <summary>
    /// The markup behind the finding (a start tag, an element the browser measured, a link), when
    /// the check names one. The same elements on several pages mean shared markup, such as a footer.
    /// </summary>
    public IReadOnlyList<string> Elements { get; init; } = [];

    /// <summary>What a fixer needs to find the elements to change.</summary>
    public FixTarget Target { get; init; } = FixTarget.None;

    /// <summary>A stable identity across runs: the same problem on the same pages gives the same fingerprint.</summary>
    public required string Fingerprint { get; init; }

    /// <summary>
    /// The values the playbook's <c>evidence</c> list asks for, read on the first affected page
    /// (page fields, render metrics, signals), in the playbook's order; "unknown" when missing.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> Facts { get; init; } = [];
}
