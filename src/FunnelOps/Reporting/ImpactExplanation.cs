using System.Globalization;
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
        var lines = new List<string>
        {
            "| input | value | where it comes from |",
            "| --- | --- | --- |",
            $"| weekly visits to the affected page(s) | {MarkdownText.Number(impact.WeeklyVisits, 1)} | " +
            $"{VisitsSource(impact, economics)} |",
        };

        foreach (var stage in impact.Pages.Select(p => p.Stage).Distinct())
        {
            var value = economics.ValuePerVisit(stage);
            lines.Add($"| qualified pipeline per {stage.ToName()} visit | {MarkdownText.Money(value, impact.Currency, cents: true)} | " +
                $"{MarkdownText.Percent(economics.VisitorToLead)} visitor→lead × {Intent(economics, stage)} × " +
                $"{MarkdownText.Percent(economics.LeadToMql)} lead→MQL × " +
                $"{MarkdownText.Percent(economics.MqlToSql)} MQL→SQL × {MarkdownText.Money(economics.AverageContractValue, impact.Currency)} average deal |");
        }

        foreach (var page in impact.Pages.Where(p => p.Multipliers.Count > 0).Take(10))
        {
            foreach (var multiplier in page.Multipliers)
            {
                lines.Add($"| {multiplier.Name} factor on {MarkdownText.Escape(page.Url.AbsolutePath, 120)} | " +
                    $"× {multiplier.Factor:0.###} | {MarkdownText.Escape(multiplier.Reason, 400)} |");
            }
        }

        lines.Add($"| expected uplift | {MarkdownText.Percent(impact.Uplift)} | {MarkdownText.Escape(upliftSource, 400)} |");
        lines.Add($"| confidence | {impact.Confidence:0.##} | {ConfidenceSource(impact)} |");
        lines.Add($"| effort | {impact.Effort:0.##} | 1 = a one-line edit, 5 = a project |");
        lines.Add("");
        lines.Add(Formula(impact));
        return string.Join('\n', lines);
    }

    /// <summary>The one-line formula: pipeline at stake, signal factors, uplift, confidence, effort, result.</summary>
    public static string Formula(Impact impact)
    {
        ArgumentNullException.ThrowIfNull(impact);
        var atStake = $"{MarkdownText.Money(impact.PipelineAtStake, impact.Currency)} of weekly pipeline flows through these pages";
        var weighted = impact.Pages.Any(p => p.Multipliers.Count > 0)
            ? $", {MarkdownText.Money(impact.WeightedPipelineAtStake, impact.Currency)} with each page's signal factors applied"
            : "";
        return $"{atStake}{weighted} × {MarkdownText.Percent(impact.Uplift)} uplift × {impact.Confidence:0.##} confidence ÷ " +
            $"{impact.Effort:0.##} effort = **{MarkdownText.Money(impact.PerWeek, impact.Currency)} per week**.";
    }

    /// <summary>Where the visits come from, in a sentence: measured, estimated or both.</summary>
    public static string VisitsSource(Impact impact, Economics economics)
    {
        ArgumentNullException.ThrowIfNull(impact);
        ArgumentNullException.ThrowIfNull(economics);
        var estimate = $"estimated: {MarkdownText.Number(economics.EstimatedWeeklyVisits)} weekly site visits shared " +
            "out by internal links";
        return impact.VisitsSource switch
        {
            "measured" => "measured: your analytics export",
            "mixed" => $"measured for {impact.Pages.Count(p => p.VisitsMeasured)} of {impact.Pages.Count} pages " +
                $"from your analytics export; the rest {estimate}",
            _ => estimate + " (no analytics supplied for these pages)",
        };
    }

    /// <summary>Where the confidence comes from: declared, or learned from past outcomes.</summary>
    public static string ConfidenceSource(Impact impact)
    {
        ArgumentNullException.ThrowIfNull(impact);
        if (impact.Learning is not { } learning)
        {
            return "the playbook's declared confidence (no measured outcomes yet)";
        }

        var counts = learning.History.GroupBy(h => h.Outcome).OrderBy(g => g.Key)
            .Select(g => $"{g.Count()} {OutcomeName(g.Key)}");
        return $"learned: declared {learning.Declared:0.##}, then {string.Join(", ", counts)} " +
            $"(Beta {learning.Alpha:0.##} / {learning.Beta:0.##}; mean = α ÷ (α + β))";
    }

    /// <summary>An outcome in words.</summary>
    public static string OutcomeName(ChangeOutcome outcome) => outcome switch
    {
        ChangeOutcome.MergedImproved => "merged and improved",
        ChangeOutcome.MergedNoEffect => "merged without effect",
        _ => "rejected",
    };

    /// <summary>
    /// How much likelier than the average visitor a visitor at <paramref name="stage"/> is to become a lead, in words:
    /// "3 (decision visitors are 3 times as likely to become leads)".
    /// </summary>
    internal static string Intent(Economics economics, Stage stage)
    {
        var intent = economics.StageIntent.GetValueOrDefault(stage, 1).ToString("0.##", CultureInfo.InvariantCulture);
        var times = intent == "1" ? "as likely as the average visitor" : $"{intent} times as likely";
        return $"{intent} ({stage.ToName()} visitors are {times} to become leads)";
    }
}
