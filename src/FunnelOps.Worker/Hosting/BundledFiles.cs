namespace FunnelOps.Worker.Hosting;

/// <summary>Files that ship beside the executable: the built-in playbooks and the sample site.</summary>
internal static class BundledFiles
{
    /// <summary>The folder of built-in playbooks.</summary>
    public static string Playbooks => Path.Combine(AppContext.BaseDirectory, "playbooks");

    /// <summary>The sample site's files, which become the demo's site repository.</summary>
    public static string SampleSite => Path.Combine(AppContext.BaseDirectory, "SampleSite", "site");

    /// <summary>The manifest of the sample site's pages and planted defects.</summary>
    public static string SampleManifest => Path.Combine(AppContext.BaseDirectory, "SampleSite", "defects.yml");
}
