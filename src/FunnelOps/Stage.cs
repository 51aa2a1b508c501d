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
