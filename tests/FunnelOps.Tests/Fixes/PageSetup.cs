namespace FunnelOps.Tests.Fixes;

/// <summary>Where a page lives for a <see cref="PlannedRun"/>, and what the finding about it says.</summary>
/// <param name="Playbook">The catalogue playbook whose finding is fixed, such as <c>title-missing</c>.</param>
public sealed record PageSetup(string Playbook)
{
    private readonly string? _filePath;

    /// <summary>The page's URL path.</summary>
    public string UrlPath { get; init; } = "/features/";

    /// <summary>The page's file in the repository; by default the folder's index.html under the root.</summary>
    public string FilePath
    {
        get => _filePath ?? (UrlPath.Trim('/') + "/index.html").TrimStart('/');
        init => _filePath = value;
    }

    /// <summary>Other files of the repository, such as images.</summary>
    public IReadOnlyList<(string Path, byte[] Contents)> Files { get; init; } = [];

    /// <summary>Fix parameters that replace or add to the playbook's own <c>with:</c>.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>Other pages the crawl read: URL path, status and title.</summary>
    public IReadOnlyList<(string Path, int Status, string Title)> Pages { get; init; } = [];

    /// <summary>The finding's evidence.</summary>
    public IReadOnlyList<string> Evidence { get; init; } = ["Found by a test."];
}
