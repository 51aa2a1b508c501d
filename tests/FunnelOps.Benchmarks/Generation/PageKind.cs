namespace FunnelOps.Benchmarks.Generation;

/// <summary>The templates of the generated site; each renders its own lead block.</summary>
internal enum PageKind
{
    Home,
    Hub,
    Landing,
    Pricing,
    Form,
    Legal,
    Article,
    Report,
    Integration,
    Customer,
    Glossary,
    Feature,
    Solution,
    Compare,
    Webinar,
    Doc,
}
