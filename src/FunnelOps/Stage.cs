namespace FunnelOps;

/// <summary>A funnel stage: where a buyer is on the way from first visit to renewal.</summary>
public enum Stage
{
    /// <summary>The buyer is learning about the problem (blog posts, guides).</summary>
    Awareness,

    /// <summary>The buyer is weighing solutions (features, comparisons, case studies, ROI).</summary>
    Consideration,

    /// <summary>The buyer is ready to act (pricing, demo, security, contact sales).</summary>
    Decision,

    /// <summary>The buyer is a customer (changelog, webinars, newsletter, docs).</summary>
    Retention,
}

/// <summary>Text forms of <see cref="Stage"/> used in YAML, JSON and reports.</summary>
public static class StageNames
{
    /// <summary>Every stage in funnel order.</summary>
    public static IReadOnlyList<Stage> All { get; } =
        [Stage.Awareness, Stage.Consideration, Stage.Decision, Stage.Retention];

    /// <summary>The lower-case name used in files and reports, such as <c>decision</c>.</summary>
    public static string ToName(this Stage stage) => stage switch
    {
        Stage.Awareness => "awareness",
        Stage.Consideration => "consideration",
        Stage.Decision => "decision",
        Stage.Retention => "retention",
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, "Unknown stage."),
    };

    /// <summary>Reads a stage name, ignoring case.</summary>
    public static bool TryParse(string? text, out Stage stage)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.ToName(), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                stage = candidate;
                return true;
            }
        }

        stage = default;
        return false;
    }
}
