namespace FunnelOps.Playbooks;

/// <summary>A page field must be unique across the pages in scope.</summary>
public sealed record DuplicateCheck : CheckDefinition
{
    /// <summary>The field names this check understands.</summary>
    public static IReadOnlySet<string> Fields { get; } = new HashSet<string>(["title", "meta-description", "h1"]);

    /// <inheritdoc />
    public override string Kind => "duplicate";

    /// <summary>The page field: <c>title</c>, <c>meta-description</c> or <c>h1</c>.</summary>
    public required string Field { get; init; }
}
