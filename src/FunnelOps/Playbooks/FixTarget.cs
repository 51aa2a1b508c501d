namespace FunnelOps.Playbooks;

/// <summary>Where in a page a fixer works.</summary>
/// <param name="Selector">A CSS selector for the elements to change, when the check has one.</param>
/// <param name="Links">Link hrefs as written in the page, with the URL path each should point at instead.</param>
public sealed record FixTarget(string? Selector, IReadOnlyList<KeyValuePair<string, string>> Links)
{
    /// <summary>No target: the fixer works from the page as a whole.</summary>
    public static FixTarget None { get; } = new(null, []);
}
