using FunnelOps.Configuration;
using FunnelOps.Publishing;

namespace FunnelOps.Tests.Configuration;

public sealed class GitHubSettingsReaderTests
{
    [Fact]
    public void The_github_block_sets_the_cadence_labels_people_and_the_enterprise_address()
    {
        var configuration = ConfigurationLoader.Load("config.yml", """
            github:
              api_url: https://github.acme.test/api/v3/
              base_branch: production
              max_prs_per_week: 2
              when_last_week_is_open: open_next
              labels: [growth, seo]
              reviewers: [maya]
              assignees: [daniel]
              rejection_expires_after_weeks: 12
              backlog_issue: false
            """);

        var publishing = configuration.GitHub.ApplyTo(new GitHubPublishing
        {
            Remote = new RemoteAccess(new Uri("https://github.acme.test/acme/site.git"), "t"),
        }, apiUrlGiven: false);

        Assert.Equal(new Uri("https://github.acme.test/api/v3/"), publishing.ApiUrl);
        Assert.Equal(("production", 2, false, false), (publishing.BaseBranch, publishing.MaxPerWeek,
            publishing.WaitWhileOpen, publishing.BacklogIssue));
        Assert.Equal(["growth", "seo"], publishing.Labels);
        Assert.Equal(["maya"], publishing.Reviewers);
        Assert.Equal(["daniel"], publishing.Assignees);
        Assert.Equal(TimeSpan.FromDays(84), publishing.RejectionExpiry);
    }

    [Fact]
    public void Without_a_github_block_one_change_a_week_waits_for_review_and_rejections_hold()
    {
        var configuration = ConfigurationLoader.Load("config.yml", "time_zone: Europe/Berlin\n");

        Assert.Equal((1, true, (TimeSpan?)null, true), (configuration.GitHub.MaxPerWeek, configuration.GitHub.WaitWhileOpen,
            configuration.GitHub.RejectionExpiry, configuration.GitHub.BacklogIssue));
    }

    [Fact]
    public void A_wrong_choice_or_address_names_the_field_and_the_allowed_values()
    {
        var exception = Assert.Throws<ConfigurationException>(() => ConfigurationLoader.Load("config.yml", """
            github:
              api_url: not an address
              when_last_week_is_open: sometimes
            """));

        Assert.Contains(exception.Errors, e => e.ToString().Contains("write wait (the default) or open_next", StringComparison.Ordinal));
        Assert.Contains(exception.Errors, e => e.ToString().Contains("is not a web address", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("https://github.com/acme/site.git", "https://api.github.com/")]
    [InlineData("https://git.acme.test/acme/site.git", "https://git.acme.test/api/v3/")]
    public void The_API_address_follows_the_repository_address(string repository, string api)
    {
        Assert.Equal(new Uri(api), GitHubConfiguration.ApiUrlFor(new Uri(repository)));
    }
}
