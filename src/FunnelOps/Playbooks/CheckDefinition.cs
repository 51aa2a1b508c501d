namespace FunnelOps.Playbooks;

/// <summary>One check of a playbook: a built-in kind with its parameters, validated when loaded.</summary>
public abstract record CheckDefinition
{
    /// <summary>The check kind as written in YAML, such as <c>selector</c>.</summary>
    public abstract string Kind { get; }

    /// <summary>What a failed check means, in a marketer's words; used as the finding's evidence headline.</summary>
    public string? Message { get; init; }
}
