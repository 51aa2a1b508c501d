namespace FunnelOps.Measuring;

/// <summary>One figure of one page before and after a change.</summary>
/// <param name="Page">The page address.</param>
/// <param name="Figure">The figure's name.</param>
/// <param name="Before">Its value before the change.</param>
/// <param name="After">Its value now.</param>
public sealed record FigureChange(string Page, string Figure, double Before, double After)
{
    /// <summary>+1 better, -1 worse, 0 unchanged or without a known good direction.</summary>
    public int Verdict => Math.Sign(After - Before) * PageFigures.Direction(Figure);
}
