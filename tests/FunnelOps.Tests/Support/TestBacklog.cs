using FunnelOps.Playbooks;
using FunnelOps.Prioritization;

namespace FunnelOps.Tests.Support;

/// <summary>Backlog items for tests about fixing, where the ranking's figures play no part.</summary>
public static class TestBacklog
{
    /// <summary>The backlog's first and only item: <paramref name="finding"/> with a nominal impact.</summary>
    public static BacklogItem Only(Finding finding) => new(1, finding, new Impact
    {
        PerWeek = 1,
        Currency = "EUR",
        Pages = [],
        VisitsEstimated = true,
        Uplift = 0.1,
        Confidence = 0.5,
        Effort = 1,
    });
}
