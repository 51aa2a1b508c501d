namespace FunnelOps.Playbooks;

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
