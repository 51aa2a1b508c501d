namespace FunnelOps.Prioritization;

/// <summary>A playbook's confidence as learned from the outcomes of its past changes.</summary>
public sealed record PlaybookConfidence
{
    /// <summary>The playbook.</summary>
    public required string PlaybookId { get; init; }

    /// <summary>The confidence the playbook declares, where learning starts.</summary>
    public required double Declared { get; init; }

    /// <summary>The confidence after every outcome: the mean of the Beta distribution.</summary>
    public required double Current { get; init; }

    /// <summary>The Beta distribution's alpha: prior successes plus weighted successes.</summary>
    public required double Alpha { get; init; }

    /// <summary>The Beta distribution's beta: prior failures plus weighted failures.</summary>
    public required double Beta { get; init; }

    /// <summary>Every outcome counted, oldest first, with the confidence after it.</summary>
    public required IReadOnlyList<ConfidenceStep> History { get; init; }
}
