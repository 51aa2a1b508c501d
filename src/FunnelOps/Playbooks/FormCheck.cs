namespace FunnelOps.Playbooks;

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
