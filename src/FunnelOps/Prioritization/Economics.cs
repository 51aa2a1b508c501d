namespace FunnelOps.Prioritization;

/// <summary>
/// The funnel's numbers that turn a visit into qualified pipeline. The defaults sit inside
/// published B2B SaaS ranges (visitor to lead 2-5%, lead to MQL 15-30%, MQL to SQL 20-40%);
/// a team replaces them with its own in the configuration.
/// </summary>
public sealed record Economics
{
    /// <summary>The currency of every impact figure, as an ISO code.</summary>
    public string Currency { get; init; } = "USD";

    /// <summary>The average first-year value of a won deal.</summary>
    public double AverageContractValue { get; init; } = 18_000;

    /// <summary>The share of visitors who become leads.</summary>
    public double VisitorToLead { get; init; } = 0.03;

    /// <summary>The share of leads who become marketing-qualified.</summary>
    public double LeadToMql { get; init; } = 0.25;

    /// <summary>The share of MQLs who become sales-qualified, which is where qualified pipeline is counted.</summary>
    public double MqlToSql { get; init; } = 0.30;

    /// <summary>
    /// Weekly visits to the whole site, spread over pages by the link graph when no per-page
    /// signals are supplied.
    /// </summary>
    public double EstimatedWeeklyVisits { get; init; } = 2_000;

    /// <summary>
    /// How much likelier than the site's average visitor a visitor of each stage is to become a
    /// lead: someone on the pricing page is closer to buying than someone reading a blog post.
    /// </summary>
    public IReadOnlyDictionary<Stage, double> StageIntent { get; init; } = new Dictionary<Stage, double>
    {
        [Stage.Awareness] = 0.3,
        [Stage.Consideration] = 1.0,
        [Stage.Decision] = 3.0,
        [Stage.Retention] = 0.5,
    };

    /// <summary>Qualified pipeline one visit to a page of <paramref name="stage"/> is worth.</summary>
    public double ValuePerVisit(Stage stage) =>
        VisitorToLead * StageIntent.GetValueOrDefault(stage, 1.0) * LeadToMql * MqlToSql * AverageContractValue;
}
