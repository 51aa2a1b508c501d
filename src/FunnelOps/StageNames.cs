namespace FunnelOps;

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
