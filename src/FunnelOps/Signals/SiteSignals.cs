namespace FunnelOps.Signals;

/// <summary>The signals of every page the exports mention, looked up by crawled URL.</summary>
public sealed class SiteSignals
{
    private readonly Dictionary<Uri, PageSignals> _pages;

    /// <summary>Creates the set from one entry per page.</summary>
    public SiteSignals(IEnumerable<PageSignals> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        _pages = pages.ToDictionary(p => p.Url);
    }

    /// <summary>No signals: every figure is estimated.</summary>
    public static SiteSignals None { get; } = new([]);

    /// <summary>Every page with signals.</summary>
    public IReadOnlyCollection<PageSignals> Pages => _pages.Values;

    /// <summary>The signals of <paramref name="url"/>, or null when no export mentions it.</summary>
    public PageSignals? For(Uri url) => _pages.GetValueOrDefault(url);
}
