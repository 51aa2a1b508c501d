namespace FunnelOps.Playbooks;

/// <summary>One problem in a FunnelOps YAML file (a playbook or the configuration), with where it is and what to do.</summary>
/// <param name="File">The playbook file.</param>
/// <param name="Line">1-based line, 0 when the problem concerns the whole file.</param>
/// <param name="Column">1-based column, 0 when the problem concerns the whole file.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
public sealed record PlaybookError(string File, int Line, int Column, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Line > 0 ? $"{File}:{Line}:{Column}: {Message}" : $"{File}: {Message}";
}
