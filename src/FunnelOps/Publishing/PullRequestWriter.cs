using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using FunnelOps.Fixes;
using FunnelOps.Playbooks;
using FunnelOps.Prioritization;
using FunnelOps.Rendering;
using FunnelOps.Reporting;
using FunnelOps.Verification;

namespace FunnelOps.Publishing;

/// <summary>
/// Writes the pull request for a fix so that a reviewer can decide from the body alone: what
/// changes and why, the impact and its inputs, the exact edit and how the file was found, how to
/// verify it, and what else was considered. Everything read from the site is escaped.
/// </summary>
public static class PullRequestWriter
{
    /// <summary>The version of the hidden machine-readable block at the end of every body.</summary>
    public const int FormatVersion = 1;

    /// <summary>
    /// Writes the pull request for <paramref name="fix"/>; the phone screenshots among <paramref name="renders"/> are
    /// named as evidence.
    /// </summary>
    public static PullRequestText Write(
        Fix fix, string diff, VerificationResult verification, IReadOnlyList<BacklogItem> backlog,
        Economics economics, Week week, PullRequestStory? story = null,
        IReadOnlyDictionary<Uri, RenderResult>? renders = null)
    {
        story ??= PullRequestStory.None;
        ArgumentNullException.ThrowIfNull(fix);
        ArgumentNullException.ThrowIfNull(verification);
        ArgumentNullException.ThrowIfNull(backlog);
        var item = fix.Item;
        var finding = item.Finding;
        var template = finding.Playbook.PullRequest;
        var title = Fill(template.Title, finding, escape: false);
        var body = new StringBuilder();

        body.Append("**In one sentence:** ").Append(Sentence(fix)).Append("\n\n");

        body.Append("## Why it matters\n\n").Append(Fill(template.Why, finding, escape: true)).Append("\n\n");
        body.Append(CultureInfo.InvariantCulture, $"- Funnel stage: **{finding.Stage.ToName()}**\n");
        body.Append(CultureInfo.InvariantCulture, $"- Page{(finding.Urls.Count == 1 ? "" : "s")}: ")
            .Append(string.Join(", ", finding.Urls.Select(u => MarkdownText.CodeSpan(u.AbsolutePath)))).Append('\n');
        foreach (var evidence in finding.Evidence.Take(10))
        {
            body.Append("- What FunnelOps saw: ").Append(MarkdownText.EscapeWithCode(evidence)).Append('\n');
        }

        AppendScreenshots(body, finding, renders);

        body.Append(CultureInfo.InvariantCulture, $"\n## Projected impact: {MarkdownText.Money(item.Impact.PerWeek, item.Impact.Currency)} ")
            .Append("of qualified pipeline per week\n\n")
            .Append(ImpactExplanation.Markdown(item.Impact, economics, finding.Playbook.Scoring.UpliftSource))
            .Append("\n\n");

        AppendChange(body, fix, diff);

        body.Append("## How to verify\n\n").Append(Fill(template.Verify, finding, escape: true)).Append("\n\n");
        body.Append("Pages to open once the change is deployed:\n\n");
        foreach (var url in finding.Urls.Take(10))
        {
            body.Append("- ").Append(MarkdownText.CodeSpan(url.AbsoluteUri)).Append('\n');
        }

        body.Append('\n');
        body.Append("Already checked: ").Append(MarkdownText.Escape(verification.Summary, 400)).Append("\n\n");

        AppendAlternatives(body, backlog, item);

        body.Append("## Last week's outcome\n\n")
            .Append(story.LastOutcome ?? "No earlier FunnelOps change has been measured on this site yet.").Append("\n\n");
        if (story.History is not null)
        {
            body.Append("## History of this finding\n\n").Append(story.History).Append("\n\n");
        }

        body.Append("---\n*Opened by FunnelOps, one change a week. Close this pull request without merging to say no: ")
            .Append("FunnelOps remembers and will not propose this change again.*\n\n");
        body.Append(ChangeStateBlock.Write(StateOf(fix, week, story)));
        return new PullRequestText(title, body.ToString());
    }

    // The phone screenshots of the finding's pages, by their place in the run's reports folder.
    private static void AppendScreenshots(
        StringBuilder body, Finding finding, IReadOnlyDictionary<Uri, RenderResult>? renders)
    {
        var shot = finding.Urls
            .Where(u => renders is not null && renders.TryGetValue(u, out var render) && render.ScreenshotPath is not null)
            .Take(3);
        foreach (var url in shot)
        {
            var folder = $"screenshots/{ScreenshotFolder.For(url)}";
            body.Append("- On a phone: ").Append(MarkdownText.CodeSpan(url.AbsolutePath)).Append(" as the first screen shows it, ")
                .Append(MarkdownText.CodeSpan($"{folder}/viewport.png")).Append(", and whole, ")
                .Append(MarkdownText.CodeSpan($"{folder}/full-page.png"))
                .Append(", in this run's reports (on GitHub Actions, the run's funnelops-reports artifact)\n");
        }
    }

    private static string Sentence(Fix fix) =>
        MarkdownText.Escape(string.Join(" ", fix.Files.Select(f => f.Summary)), 600);

    private static void AppendChange(StringBuilder body, Fix fix, string diff)
    {
        body.Append("## The change\n\n");
        foreach (var file in fix.Files)
        {
            body.Append("**").Append(MarkdownText.CodeSpan(file.Mapping.RelativePath)).Append("**: ").Append(MarkdownText.EscapeWithCode(file.Summary)).Append("\n\n");
            body.Append("How the file was found: ").Append(MarkdownText.EscapeWithCode(file.Mapping.HowFound)).Append("\n\n");
            if (file.ReviewNote is not null)
            {
                body.Append("> **Please check:** ").Append(MarkdownText.Escape(file.ReviewNote, 600)).Append("\n\n");
            }
        }

        body.Append(MarkdownText.Fence(diff, "diff")).Append("\n\n");
    }

    private static void AppendAlternatives(StringBuilder body, IReadOnlyList<BacklogItem> backlog, BacklogItem chosen)
    {
        var others = backlog.Where(i => i != chosen).Take(5).ToList();
        if (others.Count == 0)
        {
            return;
        }

        body.Append("## Also considered: the next items in the backlog\n\n");
        body.Append("| rank | what | stage | page | impact per week | fix |\n| --- | --- | --- | --- | --- | --- |\n");
        foreach (var other in others)
        {
            var page = other.Finding.Urls[0].AbsolutePath + (other.Finding.Urls.Count > 1 ? $" and {other.Finding.Urls.Count - 1} more" : "");
            body.Append(CultureInfo.InvariantCulture, $"| {other.Rank} | {MarkdownText.Escape(other.Finding.Playbook.Title)} | {other.Finding.Stage.ToName()} | ")
                .Append(CultureInfo.InvariantCulture, $"{MarkdownText.Escape(page, 120)} | {MarkdownText.Money(other.Impact.PerWeek, other.Impact.Currency)} | ")
                .Append(other.HasFix ? "automatic" : "advice").Append(" |\n");
        }

        body.Append('\n');
    }

    /// <summary>The machine-readable state of the change <paramref name="fix"/> makes.</summary>
    public static ChangeState StateOf(Fix fix, Week week, PullRequestStory? story = null)
    {
        ArgumentNullException.ThrowIfNull(fix);
        return new ChangeState
        {
            Week = week.ToString(),
            Playbook = fix.Item.Finding.Playbook.Id,
            Fingerprints = [fix.Item.Finding.Fingerprint],
            Pages = [.. fix.Item.Finding.Urls.Select(u => u.AbsoluteUri)],
            Before = (story ?? PullRequestStory.None).Before,
            BaseCommit = story?.BaseCommit,
        };
    }

    /// <summary>Fills a PR template's placeholders; values from the crawl are escaped when the text is Markdown.</summary>
    internal static string Fill(string template, Finding finding, bool escape)
    {
        var page = finding.Urls[0];
        return Placeholder().Replace(template, match =>
        {
            var value = match.Groups[1].Value switch
            {
                "page.url" => page.AbsoluteUri,
                "page.path" => page.AbsolutePath,
                "stage" => finding.Stage.ToName(),
                "count" => finding.Urls.Count.ToString(CultureInfo.InvariantCulture),
                "page.title" => finding.PageTitle ?? page.AbsolutePath,
                _ => match.Value,
            };
            return escape ? MarkdownText.Escape(value) : Plain(value);
        });
    }

    private static string Plain(string text) => string.Concat(text.Where(c => !char.IsControl(c)));

    private static Regex Placeholder() => PlaybookLoader.PlaceholderPattern();
}
