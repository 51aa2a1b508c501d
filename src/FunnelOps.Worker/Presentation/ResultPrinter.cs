using System.Globalization;
using FunnelOps.Prioritization;
using FunnelOps.Reporting;

namespace FunnelOps.Worker.Presentation;

/// <summary>Prints a run's outcome for a marketer: the backlog, this week's change, and what to do next.</summary>
internal static class ResultPrinter
{
    private const int BacklogRows = 12;

    public static void PrintBacklog(TextWriter output, RunResult result)
    {
        output.WriteLine();
        output.WriteLine($"THE BACKLOG: {result.Backlog.Count} findings, biggest projected pipeline first");
        output.WriteLine();
        output.WriteLine($"{"#",3}  {"per week",10}  {"stage",-13}  {"fix",-9}  what, where");
        foreach (var item in result.Backlog.Take(BacklogRows))
        {
            var finding = item.Finding;
            var where = finding.Urls[0].AbsolutePath + finding.Urls.Count switch
            {
                1 => "",
                2 => " (+1 page)",
                var count => $" (+{count - 1} pages)",
            };
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{item.Rank,3}  {Money(item.Impact),10}  {finding.Stage.ToName(),-13}  " +
                $"{(item.HasFix ? "automatic" : "advice"),-9}  {finding.Playbook.Title}, {where}"));
        }

        if (result.Backlog.Count > BacklogRows)
        {
            output.WriteLine($"     … and {result.Backlog.Count - BacklogRows} more in the report.");
        }

        var estimated = result.Backlog.Any(i => i.Impact.VisitsEstimated);
        var measured = result.Backlog.Count(i => !i.Impact.VisitsEstimated);
        if (estimated)
        {
            output.WriteLine();
            output.WriteLine(measured > 0
                ? $"  Visits come from your analytics exports for {measured} of {result.Backlog.Count} findings; " +
                  "the rest are estimated from the site's internal links."
                : "  Visits are estimated from the site's internal links; supply analytics for real numbers.");
        }
    }

    public static void PrintChange(TextWriter output, RunResult result, bool showPullRequest)
    {
        output.WriteLine();
        if (result.Change is not { } change)
        {
            output.WriteLine("THIS WEEK'S CHANGE: none.");
            return;
        }

        output.WriteLine($"THIS WEEK'S CHANGE: {change.Fix.Item.Finding.Playbook.Title}");
        output.WriteLine($"  {change.Verification.Summary}");
        output.WriteLine();
        output.WriteLine("THE EDIT (unified diff):");
        output.WriteLine();
        output.WriteLine(change.Diff.TrimEnd());
        if (showPullRequest && change.PullRequest is { } pullRequest)
        {
            output.WriteLine();
            output.WriteLine("THE PULL REQUEST TEXT:");
            output.WriteLine(new string('-', 72));
            output.WriteLine(pullRequest.ToMarkdown().TrimEnd());
            output.WriteLine(new string('-', 72));
        }
    }

    public static void PrintNotes(TextWriter output, RunResult result)
    {
        if (result.Notes.Count == 0)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine("PLEASE NOTE:");
        foreach (var note in result.Notes)
        {
            output.WriteLine($"  • {note}");
        }
    }

    public static void PrintReports(TextWriter output, string directory)
    {
        output.WriteLine();
        output.WriteLine($"Reports in {directory}:");
        output.WriteLine("  report.html   the backlog, a funnel view and phone screenshots; open it in any browser");
        output.WriteLine("  report.md     the same backlog as text, for a job summary or an issue");
        output.WriteLine("  report.json   every figure, for your own tools");
        output.WriteLine("  report.sarif  the findings for GitHub code scanning");
    }

    private static string Money(Impact impact) => MarkdownText.Money(impact.PerWeek, impact.Currency);
}
