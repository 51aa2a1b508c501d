namespace FunnelOps.Playbooks;

/// <summary>
/// Language alternates (<c>link rel="alternate" hreflang</c>) must use valid language codes,
/// full addresses and working pages, and the alternates must link back.
/// </summary>
public sealed record HreflangCheck : CheckDefinition
{
    /// <inheritdoc />
    public override string Kind => "hreflang";

    /// <summary>Also require each crawled alternate to link back to the page.</summary>
    public bool ReturnLinks { get; init; } = true;
}
