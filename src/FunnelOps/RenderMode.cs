namespace FunnelOps;

/// <summary>Which pages a run loads in the browser.</summary>
public enum RenderMode
{
    /// <summary>No browser: only what the HTML shows is checked.</summary>
    None,

    /// <summary>A few pages per section of the site.</summary>
    Sample,

    /// <summary>Every page.</summary>
    All,
}
