namespace FunnelOps.Playbooks;

/// <summary>How a playbook's hits are scored; see the impact model in the README.</summary>
public sealed record ScoringDefinition
{
    /// <summary>The expected relative gain in qualified visitors on the affected pages, such as 0.05 for 5%.</summary>
    public required double Uplift { get; init; }

    /// <summary>Where the uplift figure comes from, so a reviewer can judge it.</summary>
    public required string UpliftSource { get; init; }

    /// <summary>How sure we are that the uplift materialises, from 0 to 1.</summary>
    public required double Confidence { get; init; }

    /// <summary>Relative effort to review and ship the change: 1 (a one-line edit) to 5.</summary>
    public required double Effort { get; init; }
}
