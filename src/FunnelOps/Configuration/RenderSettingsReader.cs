using FunnelOps.Playbooks;
using FunnelOps.Rendering;

namespace FunnelOps.Configuration;

/// <summary>
/// Reads the <c>render:</c> block of the configuration: the phone, throttling, pages at once, the
/// time per page, sampling and screenshots.
/// </summary>
internal static class RenderSettingsReader
{
    /// <summary>The settings in <paramref name="map"/>, or the defaults when the block is absent.</summary>
    public static RenderSettings Read(YamlMap? map)
    {
        if (map is null)
        {
            return RenderSettings.Default;
        }

        var defaults = RenderSettings.Default;
        var network = map.String("network", required: false);
        if (network is not null && NetworkProfile.Find(network) is null)
        {
            map.Error(map.Get("network", false), $"Unknown network profile \"{network}\". Use one of: " +
                $"{string.Join(", ", NetworkProfile.Names)}.");
            network = null;
        }

        var seconds = map.Number("page_timeout_seconds", 1, 300, required: false);
        var settings = new RenderSettings
        {
            BrowserPath = map.String("browser", required: false),
            Device = map.String("device", required: false) ?? defaults.Device,
            Concurrency = (int?)map.Number("pages_at_once", 1, 16, required: false) ?? defaults.Concurrency,
            PageBudget = seconds is { } s ? TimeSpan.FromSeconds(s) : defaults.PageBudget,
            CpuSlowdown = map.Number("cpu_slowdown", 1, 20, required: false) ?? defaults.CpuSlowdown,
            Network = network,
            FullPageMaxHeight = (int?)map.Number("full_page_max_height", 100, 100_000, required: false) ?? defaults.FullPageMaxHeight,
            PagesPerTemplate = (int?)map.Number("pages_per_template", 1, 100, required: false) ?? defaults.PagesPerTemplate,
            MaxSampledPages = (int?)map.Number("max_sampled_pages", 1, 100_000, required: false) ?? defaults.MaxSampledPages,
            HighTrafficWeeklyVisits = map.Number("high_traffic_weekly_visits", 0, 1e12, required: false) ?? defaults.HighTrafficWeeklyVisits,
        };
        map.RejectUnknownKeys();
        return settings;
    }
}
