namespace FunnelOps.Fixes;

/// <summary>
/// The site generator a repository is set up for, recognised by its configuration file, and the
/// folders the generator writes. Generated folders are never edited: the next build overwrites them.
/// </summary>
public sealed class SiteLayout
{
    private static readonly (string Generator, string Output, string[] Files)[] Generators =
    [
        ("Hugo", "public", ["hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json", "config.toml", "config.yaml", "config.yml"]),
        ("Jekyll", "_site", ["_config.yml", "_config.yaml", "_config.toml"]),
        ("Eleventy", "_site", [".eleventy.js", "eleventy.config.js", "eleventy.config.mjs", "eleventy.config.cjs"]),
        ("Astro", "dist", ["astro.config.mjs", "astro.config.ts", "astro.config.js"]),
    ];

    private readonly HashSet<string> _generated;

    private SiteLayout(string root, string? generator, IEnumerable<string> generated, string outputRoot)
    {
        Root = root;
        Generator = generator;
        _generated = new HashSet<string>(generated.Select(g => g.Trim('/')).Where(g => g.Length > 0), StringComparer.Ordinal);
        OutputRoot = outputRoot;
    }

    /// <summary>The repository's working tree.</summary>
    public string Root { get; }

    /// <summary>Hugo, Jekyll, Eleventy or Astro; null when the repository is not set up for one.</summary>
    public string? Generator { get; }

    /// <summary>The full path of the folder the generator writes the site into (the repository root when none).</summary>
    public string OutputRoot { get; }

    /// <summary>
    /// The full path of the folder whose files the site serves as they are (images, downloads):
    /// Hugo's <c>static/</c>, Astro's <c>public/</c>, otherwise the repository root.
    /// </summary>
    public string StaticRoot => Generator switch
    {
        "Hugo" => Path.Combine(Root, "static"),
        "Astro" => Path.Combine(Root, "public"),
        _ => Root,
    };

    /// <summary>Folders (relative, forward slashes) that a build writes and nobody edits by hand.</summary>
    public IReadOnlyCollection<string> GeneratedFolders => _generated;

    /// <summary>Recognises the generator of the repository at <paramref name="root"/>; a configured output folder counts as generated.</summary>
    public static SiteLayout Detect(string root, string? configuredOutput)
    {
        ArgumentNullException.ThrowIfNull(root);
        var generated = new List<string>();
        if (configuredOutput is not null)
        {
            generated.Add(configuredOutput.Replace('\\', '/'));
        }

        foreach (var (generator, output, files) in Generators)
        {
            if (!files.Any(f => File.Exists(Path.Combine(root, f))))
            {
                continue;
            }

            // Hugo's config.toml names are common elsewhere, so Hugo also needs its content or layouts folder.
            if (generator == "Hugo" && !Directory.Exists(Path.Combine(root, "content")) &&
                !Directory.Exists(Path.Combine(root, "layouts")) && !files[..4].Any(f => File.Exists(Path.Combine(root, f))))
            {
                continue;
            }

            generated.Add(output);
            if (generator == "Hugo")
            {
                generated.Add("resources/_gen");
            }

            var outputRoot = Path.Combine(root, (configuredOutput ?? output).Replace('/', Path.DirectorySeparatorChar));
            return new SiteLayout(root, generator, generated, outputRoot);
        }

        var plainOutput = configuredOutput is null ? root : Path.Combine(root, configuredOutput);
        return new SiteLayout(root, null, generated, plainOutput);
    }

    /// <summary>True when <paramref name="relativePath"/> lies in a folder the build writes.</summary>
    public bool IsGenerated(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        var path = relativePath.Replace('\\', '/').Trim('/');
        return path.Length > 0 &&
            _generated.Any(g => path == g || path.StartsWith(g + "/", StringComparison.Ordinal));
    }
}
