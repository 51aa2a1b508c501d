namespace FunnelOps.Benchmarks.Generation;

/// <summary>One page of the generated site before it is written.</summary>
internal sealed class PlannedPage
{
    public required int Index { get; init; }

    /// <summary>The clean URL path, ending with a slash; the file is <c>{Path}index.html</c>.</summary>
    public required string Path { get; init; }

    public required PageKind Kind { get; init; }

    /// <summary>Pages of one section link to each other more than to the rest of the site.</summary>
    public required string Section { get; init; }

    public required string Title { get; init; }

    /// <summary>The page that links here in the site's tree; -1 for the home page.</summary>
    public int Parent { get; set; } = -1;

    /// <summary>The section's landing page; the home page for the top-level pages.</summary>
    public int Hub { get; set; }

    /// <summary>The pages this one lists as its children; together they reach every page from the home page.</summary>
    public List<int> Children { get; } = [];
}
