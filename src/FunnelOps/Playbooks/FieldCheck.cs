namespace FunnelOps.Playbooks;

/// <summary>
/// A value read from the page must meet bounds: present, a length range, a number range, a
/// pattern it must or must not match. See <see cref="PageFields"/> for the fields.
/// </summary>
public sealed record FieldCheck : CheckDefinition
{
    /// <inheritdoc />
    public override string Kind => "field";

    /// <summary>The field name, such as <c>title</c> or <c>word-count</c>.</summary>
    public required string Field { get; init; }

    /// <summary>True when the field must be present and not empty.</summary>
    public bool Required { get; init; }

    /// <summary>The shortest acceptable text, in characters.</summary>
    public int? MinLength { get; init; }

    /// <summary>The longest acceptable text, in characters.</summary>
    public int? MaxLength { get; init; }

    /// <summary>The lowest acceptable number.</summary>
    public double? Min { get; init; }

    /// <summary>The highest acceptable number.</summary>
    public double? Max { get; init; }

    /// <summary>A regular expression the text must match (ignoring case).</summary>
    public string? Matches { get; init; }

    /// <summary>A regular expression the text must not match (ignoring case).</summary>
    public string? Forbids { get; init; }
}
