namespace FunnelOps.Playbooks;

/// <summary>A built-in fix kind and its parameters.</summary>
public sealed record FixDefinition
{
    /// <summary>The fix kind, such as <c>insert-meta-description</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>Parameters of the fix kind.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();
}
