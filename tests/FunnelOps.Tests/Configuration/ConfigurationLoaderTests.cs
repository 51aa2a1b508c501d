using FunnelOps.Configuration;
using FunnelOps.Tests.Support;

namespace FunnelOps.Tests.Configuration;

public sealed class ConfigurationLoaderTests
{
    [Fact]
    public void A_complete_file_sets_the_funnel_numbers_stage_rules_time_zone_and_page_limit()
    {
        var configuration = ConfigurationLoader.Load("config.yml", """
            economics:
              currency: EUR
              average_contract_value: 24000
              visitor_to_lead: 0.04
              lead_to_mql: 0.2
              mql_to_sql: 0.35
              weekly_visits: 5000
            stages:
              - pattern: /platform/**
                stage: consideration
            time_zone: Europe/Berlin
            crawl:
              max_pages: 300
              max_depth: 4
              include: [/en/**]
              exclude: [/en/search/**]
              extra_hosts: [example.com]
              trailing_slash: add
              caps:
                - pattern: /en/events/**
                  max: 40
            """);

        Assert.Equal("EUR", configuration.Economics.Currency);
        Assert.Equal(24_000, configuration.Economics.AverageContractValue);
        Assert.Equal(0.04 * 3 * 0.2 * 0.35 * 24_000, configuration.Economics.ValuePerVisit(Stage.Decision), 6);
        Assert.Equal(5_000, configuration.Economics.EstimatedWeeklyVisits);
        Assert.Equal(Stage.Consideration, Assert.Single(configuration.StageRules).Stage);
        Assert.Equal("Europe/Berlin", configuration.TimeZone.Id);
        Assert.Equal(300, configuration.MaxPages);
        var crawl = configuration.Crawl(new FunnelOps.Crawling.CrawlOptions { StartUrl = new Uri("https://www.example.com/") });
        Assert.Equal(4, crawl.MaxDepth);
        Assert.Equal("/en/**", Assert.Single(crawl.Include).Text);
        Assert.Equal("/en/search/**", Assert.Single(crawl.Exclude).Text);
        Assert.Equal(["example.com"], crawl.ExtraHosts);
        Assert.Equal(FunnelOps.Crawling.TrailingSlash.Add, crawl.TrailingSlash);
        Assert.Equal(40, Assert.Single(crawl.PatternCaps).Value);
    }

    [Fact]
    public void Every_problem_is_reported_at_once_with_its_line_and_column()
    {
        var exception = Assert.Throws<ConfigurationException>(() => ConfigurationLoader.Load("config.yml", """
            economics:
              visitor_to_lead: 3
              average_deal: 100
            stages:
              - pattern: platform/**
                stage: consideration
              - pattern: /x/
                stage: purchase
            time_zone: Mars/Olympus
            """));

        var messages = exception.Errors.Select(e => e.ToString()).ToList();
        Assert.Contains(messages, m => m.StartsWith("config.yml:2:20:", StringComparison.Ordinal) && m.Contains("between 0 and 1", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("config.yml:3:3:", StringComparison.Ordinal) && m.Contains("Unknown field \"economics.average_deal\"", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("config.yml:5:14:", StringComparison.Ordinal) && m.Contains("must start with \"/\"", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("config.yml:8:12:", StringComparison.Ordinal) && m.Contains("Unknown stage \"purchase\"", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("config.yml:9:12:", StringComparison.Ordinal) && m.Contains("Unknown time zone", StringComparison.Ordinal));
        Assert.Equal(5, messages.Count);
    }

    [Fact]
    public void A_repository_without_a_configuration_file_gets_the_defaults()
    {
        using var folder = TempFolder.With(("index.html", "<title>Home</title>"));

        Assert.Same(SiteConfiguration.Default, ConfigurationLoader.LoadFromRepository(folder.Path));
    }
}
