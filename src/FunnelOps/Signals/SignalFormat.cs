namespace FunnelOps.Signals;

/// <summary>The kinds of export FunnelOps reads signals from.</summary>
public enum SignalFormat
{
    /// <summary>A GA4 pages or landing-page report: sessions and bounce or engagement rate, optionally by device.</summary>
    Ga4Pages,

    /// <summary>Search Console's "Pages" export: clicks, impressions, CTR and position per page.</summary>
    SearchConsolePages,

    /// <summary>Search Console's "Queries" export: per query for the whole site, not per page.</summary>
    SearchConsoleQueries,

    /// <summary>A Google Ads landing-page report: clicks, cost and conversions per landing page.</summary>
    AdsLandingPages,

    /// <summary>Any CSV, with its columns named in the configuration.</summary>
    Generic,
}
