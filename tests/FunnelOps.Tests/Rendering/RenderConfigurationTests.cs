using FunnelOps.Configuration;
using FunnelOps.Rendering;

namespace FunnelOps.Tests.Rendering;

/// <summary>The <c>render:</c> block of the configuration file.</summary>
public sealed class RenderConfigurationTests
{
    [Fact]
    public void The_render_block_sets_the_phone_throttling_pages_at_once_and_sampling()
    {
        var configuration = ConfigurationLoader.Load("config.yml", """
            render:
              device: Galaxy S24
              network: Slow 4G
              cpu_slowdown: 4
              pages_at_once: 3
              page_timeout_seconds: 12
              pages_per_template: 1
              max_sampled_pages: 25
              high_traffic_weekly_visits: 900
            """);

        var render = configuration.Render;
        Assert.Equal("Galaxy S24", render.Device);
        Assert.Equal("Slow 4G", render.Network);
        Assert.Equal(4, render.CpuSlowdown);
        Assert.Equal(3, render.Concurrency);
        Assert.Equal(TimeSpan.FromSeconds(12), render.PageBudget);
        Assert.Equal(1, render.PagesPerTemplate);
        Assert.Equal(25, render.MaxSampledPages);
        Assert.Equal(900, render.HighTrafficWeeklyVisits);
    }

    [Fact]
    public void Without_a_render_block_the_defaults_apply()
    {
        var configuration = ConfigurationLoader.Load("config.yml", "economics:\n  currency: EUR\n");

        Assert.Same(RenderSettings.Default, configuration.Render);
        Assert.Equal("Pixel 10 Pro", configuration.Render.Device);
        Assert.Equal(2, configuration.Render.Concurrency);
    }

    [Fact]
    public void An_unknown_network_or_key_and_an_out_of_range_number_are_reported_with_their_lines()
    {
        var exception = Assert.Throws<ConfigurationException>(() => ConfigurationLoader.Load("config.yml", """
            render:
              network: 5G
              pages_at_once: 40
              colour: blue
            """));

        var text = string.Join("\n", exception.Errors.Select(e => $"{e.Line}: {e.Message}"));
        Assert.Contains("2: Unknown network profile \"5G\". Use one of: Slow 3G, Fast 3G, Slow 4G, Fast 4G.", text, StringComparison.Ordinal);
        Assert.Contains("3: ", text, StringComparison.Ordinal);
        Assert.Contains("colour", text, StringComparison.Ordinal);
    }
}
