namespace FunnelOps.Fixes;

/// <summary>How a Markdown file's front matter is written.</summary>
public enum FrontMatterFormat
{
    /// <summary>The file has no front matter.</summary>
    None,

    /// <summary>YAML between <c>---</c> lines (Hugo, Jekyll, Eleventy, Astro).</summary>
    Yaml,

    /// <summary>TOML between <c>+++</c> lines (Hugo).</summary>
    Toml,
}
