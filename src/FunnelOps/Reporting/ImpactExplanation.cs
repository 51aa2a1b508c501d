using FunnelOps.Prioritization;

namespace FunnelOps.Reporting;

/// <summary>Writes an impact figure as the arithmetic behind it, so a marketer can redo it by hand.</summary>
public static class ImpactExplanation
{
    /// <summary>Markdown table rows and the formula line for <paramref name="impact"/>.</summary>
    public static string Markdown(Impact impact, Economics economics, string upliftSource)
    {
        ArgumentNullException.ThrowIfNull(impact);
        ArgumentNullException.ThrowIfNull(economics);
        var visitsSource = impact.VisitsEstimated
            ? $"estimate: {MarkdownText.Number(economics.EstimatedWeeklyVisits)} weekly site visits shared out by internal links (no analytics supplied)"
            : "your analytics export";
        var lines = new List<string>
        {
            "| input | value | where it comes from |",
            "| --- | --- | --- |",
            $"| weekly visits to the affected page(s) | {MarkdownText.Number(impact.WeeklyVisits, 1)} | {visitsSource} |",
        };

        foreach (var stage in impact.Pages.Select(p => p.Stage).Distinct())
        {
            var value = economics.ValuePerVisit(stage);
            lines.Add($"| qualified pipeline per {stage.ToName()} visit | {MarkdownText.Money(value, impact.Currency, cents: true)} | " +
                $"{MarkdownText.Percent(economics.VisitorToLead)} visitor→lead × {economics.StageIntent.GetValueOrDefault(stage, 1):0.##} " +
                $"{stage.ToName()} intent × {MarkdownText.Percent(economics.LeadToMql)} lead→MQL × " +
                $"{MarkdownText.Percent(economics.MqlToSql)} MQL→SQL × {MarkdownText.Money(economics.AverageContractValue, impact.Currency)} average deal |");
        }

        lines.Add($"| expected uplift | {MarkdownText.Percent(impact.Uplift)} | {MarkdownText.Escape(upliftSource, 400)} |");
        lines.Add($"| confidence | {impact.Confidence:0.##} | the playbook's current confidence |");
        lines.Add($"| effort | {impact.Effort:0.##} | 1 = a one-line edit, 5 = a project |");
        lines.Add("");
        lines.Add($"{MarkdownText.Money(impact.PipelineAtStake, impact.Currency)} of weekly pipeline flows through these pages × " +
            $"{MarkdownText.Percent(impact.Uplift)} uplift × {impact.Confidence:0.##} confidence ÷ {impact.Effort:0.##} effort = " +
            $"**{MarkdownText.Money(impact.PerWeek, impact.Currency)} per week**.");
        return string.Join('\n', lines);
    }
}
