namespace FunnelOps.Crawling;

/// <summary>One form: what a visitor must fill in, and what it leads to.</summary>
/// <param name="Action">The resolved action URL, or null.</param>
/// <param name="VisibleFields">Names (or types) of the fields a visitor sees.</param>
/// <param name="HiddenInputs">Hidden inputs as name and value.</param>
public sealed record FormSnapshot(
    Uri? Action,
    IReadOnlyList<string> VisibleFields,
    IReadOnlyList<KeyValuePair<string, string>> HiddenInputs);
