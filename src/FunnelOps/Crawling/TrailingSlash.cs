namespace FunnelOps.Crawling;

/// <summary>What to do with the trailing slash of a path whose last segment has no file extension.</summary>
public enum TrailingSlash
{
    /// <summary>Keep URLs as the site writes them: <c>/pricing</c> and <c>/pricing/</c> are two URLs.</summary>
    Keep,

    /// <summary>Add a slash: <c>/pricing</c> becomes <c>/pricing/</c>.</summary>
    Add,

    /// <summary>Remove the slash: <c>/pricing/</c> becomes <c>/pricing</c> (the root stays <c>/</c>).</summary>
    Remove,
}
