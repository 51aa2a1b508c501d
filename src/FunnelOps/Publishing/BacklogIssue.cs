using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using FunnelOps.Reporting;

namespace FunnelOps.Publishing;

/// <summary>
/// The one backlog issue FunnelOps keeps current on GitHub: the ranked backlog by stage with each finding's
/// channel, this week's change, outcomes of past changes, rejected findings and problems, and checkboxes with
/// which the team skips or prioritises a finding on the next run. Found again by its label and hidden marker.
/// </summary>
public static partial class BacklogIssue
{
    /// <summary>The hidden marker that identifies the issue.</summary>
    public const string Marker = "<!-- funnelops:backlog -->";

    /// <summary>The issue's title.</summary>
    public const string Title = "FunnelOps backlog";

    private const int MaxItems = 25;

    /// <summary>Writes the issue body.</summary>
    public static string Write(BacklogIssueContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var body = new StringBuilder(Marker).Append('\n');
        body.Append(
            $"# FunnelOps backlog\n\nUpdated by the run of week {content.Week}. FunnelOps ships one change a week " +
            "from the top of this list; tick a box below to steer the next run.\n\n");

        body.Append("## This week's change\n\n").Append(content.ThisWeek).Append("\n\n");

        body.Append("## Ranked backlog\n\n");
        var items = content.Backlog.Take(MaxItems).ToList();
        if (items.Count == 0)
        {
            body.Append("Nothing found this week.\n\n");
        }

        foreach (var stage in items.GroupBy(i => i.Finding.Stage).OrderBy(g => g.Min(i => i.Rank)))
        {
            body.Append("### ").Append(stage.Key.ToName()).Append(" stage\n\n");
            body.Append("| rank | what | channel | page | impact per week | fix |\n| --- | --- | --- | --- | --- | --- |\n");
            foreach (var item in stage)
            {
                body.Append(CultureInfo.InvariantCulture, $"| {item.Rank} | {MarkdownText.Escape(item.Finding.Playbook.Title)} | ")
                    .Append(MarkdownText.Escape(item.Finding.Playbook.Channel)).Append(" | ")
                    .Append(MarkdownText.Escape(item.Finding.Urls[0].AbsolutePath, 120)).Append(" | ")
                    .Append(MarkdownText.Money(item.Impact.PerWeek, item.Impact.Currency)).Append(" | ")
                    .Append(item.HasFix ? "automatic" : "advice").Append(" |\n");
            }

            body.Append('\n');
        }

        body.Append("## Steer the next run\n\nTick a box and FunnelOps honours it on its next run.\n\n");
        foreach (var item in items.Where(i => i.HasFix))
        {
            var fingerprint = item.Finding.Fingerprint;
            var what = $"{MarkdownText.Escape(item.Finding.Playbook.Title)} on {MarkdownText.Escape(item.Finding.Urls[0].AbsolutePath, 120)}";
            body.Append("- [").Append(content.Steering.Skip.Contains(fingerprint) ? 'x' : ' ').Append("] Skip ")
                .Append(MarkdownText.CodeSpan(fingerprint)).Append(": ").Append(what).Append('\n');
            body.Append("- [").Append(content.Steering.Prioritise.Contains(fingerprint) ? 'x' : ' ').Append("] Do first ")
                .Append(MarkdownText.CodeSpan(fingerprint)).Append(": ").Append(what).Append('\n');
        }

        body.Append("\n## Outcomes of past changes\n\n");
        if (content.State.Outcomes.Count == 0)
        {
            body.Append("No change has been measured yet.\n");
        }

        foreach (var outcome in content.State.Outcomes.Reverse().Take(20))
        {
            body.Append(CultureInfo.InvariantCulture, $"- {outcome.Week}, pull request {outcome.Number} ")
                .Append(CultureInfo.InvariantCulture, $"({MarkdownText.Escape(outcome.Playbook)}): {outcome.Summary}\n");
        }

        body.Append("\n## Rejected\n\n");
        if (content.Rejected.Count == 0)
        {
            body.Append("Nothing was rejected.\n");
        }

        foreach (var line in content.Rejected)
        {
            body.Append("- ").Append(line).Append('\n');
        }

        if (content.Problems.Count > 0)
        {
            body.Append("\n## Problems in this run\n\n");
            foreach (var problem in content.Problems)
            {
                body.Append("- ").Append(MarkdownText.Escape(problem, 600)).Append('\n');
            }
        }

        body.Append("\n<!-- funnelops:backlog-state ").Append(JsonSerializer.Serialize(content.State)).Append(" -->\n");
        return body.ToString();
    }

    /// <summary>The ticked boxes in <paramref name="body"/>.</summary>
    public static BacklogSteering ReadSteering(string? body)
    {
        var skip = new HashSet<string>(StringComparer.Ordinal);
        var first = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match match in Ticked().Matches(body ?? ""))
        {
            (match.Groups[1].Value == "Skip" ? skip : first).Add(match.Groups[2].Value);
        }

        return new BacklogSteering(skip, first);
    }

    /// <summary>The remembered state in <paramref name="body"/>; empty when there is none or it cannot be read.</summary>
    public static BacklogIssueState ReadState(string? body)
    {
        var match = StateBlock().Match(body ?? "");
        if (!match.Success)
        {
            return new BacklogIssueState();
        }

        try
        {
            return JsonSerializer.Deserialize<BacklogIssueState>(match.Groups[1].Value) ?? new BacklogIssueState();
        }
        catch (JsonException)
        {
            return new BacklogIssueState();
        }
    }

    [GeneratedRegex(@"^- \[[xX]\] (Skip|Do first) `([^`]+)`", RegexOptions.Multiline)]
    private static partial Regex Ticked();

    [GeneratedRegex(@"<!-- funnelops:backlog-state (\{.*?\}) -->", RegexOptions.Singleline)]
    private static partial Regex StateBlock();
}
