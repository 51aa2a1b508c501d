namespace FunnelOps.Playbooks;

/// <summary>
/// A CSS selector must match (<c>expect: present</c>), must not match (<c>expect: absent</c>), or
/// must match a number of elements within bounds (<c>min</c>, <c>max</c>).
/// </summary>
public sealed record SelectorCheck : CheckDefinition
{
    /// <inheritdoc />
    public override string Kind => "selector";

    /// <summary>The CSS selector.</summary>
    public required string Selector { get; init; }

    /// <summary>True when the selector must match, false when it must not (ignored when bounds are given).</summary>
    public bool MustMatch { get; init; }

    /// <summary>The fewest matching elements allowed.</summary>
    public int? Min { get; init; }

    /// <summary>The most matching elements allowed.</summary>
    public int? Max { get; init; }

    /// <summary>True when the check counts matches against bounds instead of expecting presence or absence.</summary>
    public bool HasBounds => Min is not null || Max is not null;
}
