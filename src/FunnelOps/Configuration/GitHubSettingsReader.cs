using FunnelOps.Playbooks;
using FunnelOps.Publishing;

namespace FunnelOps.Configuration;

/// <summary>
/// Reads the <c>github:</c> block: <c>api_url</c>, <c>base_branch</c>, <c>max_prs_per_week</c>,
/// <c>when_last_week_is_open</c> (<c>wait</c> or <c>open_next</c>), <c>labels</c>, <c>reviewers</c>,
/// <c>assignees</c>, <c>rejection_expires_after_weeks</c> and <c>backlog_issue</c>.
/// </summary>
internal static class GitHubSettingsReader
{
    /// <summary>The settings in <paramref name="map"/>, or the defaults when the block is absent.</summary>
    public static GitHubConfiguration Read(YamlMap? map)
    {
        if (map is null)
        {
            return GitHubConfiguration.Default;
        }

        Uri? apiUrl = null;
        if (map.String("api_url", required: false) is { } api)
        {
            if (Uri.TryCreate(api, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
            {
                apiUrl = url;
            }
            else
            {
                map.Error(map.Get("api_url", false), $"\"{api}\" is not a web address. Write the API address of " +
                    "your GitHub Enterprise server, such as https://github.example.com/api/v3/.");
            }
        }

        var whenOpen = map.String("when_last_week_is_open", required: false);
        if (whenOpen is not (null or "wait" or "open_next"))
        {
            map.Error(map.Get("when_last_week_is_open", false),
                $"\"{whenOpen}\" is not a choice here: write wait (the default) or open_next.");
        }

        var expiryWeeks = map.Number("rejection_expires_after_weeks", 1, 520, required: false);
        var settings = new GitHubConfiguration
        {
            ApiUrl = apiUrl,
            BaseBranch = map.String("base_branch", required: false),
            MaxPerWeek = (int?)map.Number("max_prs_per_week", 1, 10, required: false) ?? 1,
            WaitWhileOpen = whenOpen != "open_next",
            Labels = [.. map.StringList("labels").Select(l => l.Value)],
            Reviewers = [.. map.StringList("reviewers").Select(l => l.Value)],
            Assignees = [.. map.StringList("assignees").Select(l => l.Value)],
            RejectionExpiry = expiryWeeks is { } weeks ? TimeSpan.FromDays(7 * weeks) : null,
            BacklogIssue = map.Boolean("backlog_issue") ?? true,
        };
        map.RejectUnknownKeys();
        return settings;
    }
}
