namespace FunnelOps.Crawling;

/// <summary>One image on a page.</summary>
/// <param name="Src">The attribute as written in the page.</param>
/// <param name="Alt">The alt text; null when the attribute is missing, empty when decorative.</param>
/// <param name="Width">The <c>width</c> attribute, when present.</param>
/// <param name="Height">The <c>height</c> attribute, when present.</param>
/// <param name="Loading">The <c>loading</c> attribute, when present.</param>
public sealed record ImageRef(string Src, string? Alt, string? Width, string? Height, string? Loading)
{
    /// <summary>The <c>srcset</c> attribute, when present.</summary>
    public string? Srcset { get; init; }

    /// <summary>The <c>fetchpriority</c> attribute, when present.</summary>
    public string? FetchPriority { get; init; }

    /// <summary>The <c>decoding</c> attribute, when present.</summary>
    public string? Decoding { get; init; }
}
