namespace FunnelOps.Playbooks;

/// <summary>A CSS selector must match at least one element, or none.</summary>
public sealed record SelectorCheck : CheckDefinition
{
    /// <inheritdoc />
    public override string Kind => "selector";

    /// <summary>The CSS selector.</summary>
    public required string Selector { get; init; }

    /// <summary>True when the selector must match, false when it must not.</summary>
    public required bool MustMatch { get; init; }
}
