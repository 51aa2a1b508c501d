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

/// <summary>Thrown when playbooks cannot be loaded; carries every error found, not just the first.</summary>
public sealed class PlaybookLoadException : Exception
{
    /// <summary>Creates the exception from the errors found.</summary>
    public PlaybookLoadException(IReadOnlyList<PlaybookError> errors)
        : base($"{errors.Count} problem(s) in the playbooks:{Environment.NewLine}" +
            string.Join(Environment.NewLine, errors.Select(e => "  " + e)))
    {
        Errors = errors;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public PlaybookLoadException() : this([])
    {
    }

    /// <summary>Creates the exception with a message only.</summary>
    public PlaybookLoadException(string message) : base(message)
    {
        Errors = [];
    }

    /// <summary>Creates the exception with a message and the exception behind it.</summary>
    public PlaybookLoadException(string message, Exception innerException) : base(message, innerException)
    {
        Errors = [];
    }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<PlaybookError> Errors { get; }
}
