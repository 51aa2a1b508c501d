namespace FunnelOps.Playbooks;

/// <summary>One check of a playbook: a built-in kind with its parameters, validated when loaded.</summary>
public abstract record CheckDefinition
{
    /// <summary>The check kind as written in YAML, such as <c>selector</c>.</summary>
    public abstract string Kind { get; }

    /// <summary>What a failed check means, in a marketer's words; used as the finding's evidence headline.</summary>
    public string? Message { get; init; }
}

/// <summary>A CSS selector must match at least one element, or none.</summary>
public sealed record SelectorCheck : CheckDefinition
{
    /// <inheritdoc />
    public override string Kind => "selector";

    /// <summary>The CSS selector.</summary>
    public required string Selector { get; init; }

    /// <summary>True when the selector must match, false when it must not.</summary>
    public required bool MustMatch { get; init; }
}

/// <summary>A page field must be unique across the pages in scope.</summary>
public sealed record DuplicateCheck : CheckDefinition
{
    /// <summary>The field names this check understands.</summary>
    public static IReadOnlySet<string> Fields { get; } = new HashSet<string>(["title", "meta-description", "h1"]);

    /// <inheritdoc />
    public override string Kind => "duplicate";

    /// <summary>The page field: <c>title</c>, <c>meta-description</c> or <c>h1</c>.</summary>
    public required string Field { get; init; }
}

/// <summary>Internal links must reach a page directly: no error status, at most <see cref="MaxRedirects"/> hops.</summary>
public sealed record LinkStatusCheck : CheckDefinition
{
    /// <inheritdoc />
    public override string Kind => "link-status";

    /// <summary>True to report links whose target answers 4xx or 5xx or does not answer.</summary>
    public bool Broken { get; init; } = true;

    /// <summary>The most redirect hops a link may go through; null to ignore redirects.</summary>
    public int? MaxRedirects { get; init; }
}

/// <summary>A metric measured in the browser must stay within a threshold.</summary>
public sealed record RenderedCheck : CheckDefinition
{
    /// <inheritdoc />
    public override string Kind => "rendered";

    /// <summary>The metric name (see <c>RenderMetrics</c>).</summary>
    public required string Metric { get; init; }

    /// <summary>The highest acceptable value.</summary>
    public required double Max { get; init; }
}

/// <summary>A form that guards a valuable asset must stay short.</summary>
public sealed record FormCheck : CheckDefinition
{
    /// <inheritdoc />
    public override string Kind => "form";

    /// <summary>The most visible fields a form may ask for before it counts as a gate.</summary>
    public required int MaxVisibleFields { get; init; }

    /// <summary>
    /// When set, only forms that guard an asset count: a hidden input or the form's action names
    /// a file with one of these extensions, or one of these words (such as <c>roi</c>).
    /// </summary>
    public IReadOnlyList<string> Guards { get; init; } = [];
}
