using FunnelOps.Playbooks;

namespace FunnelOps.Configuration;

/// <summary>Thrown when the configuration file is invalid; carries every problem found.</summary>
public sealed class ConfigurationException : Exception
{
    /// <summary>Creates the exception from the problems found.</summary>
    public ConfigurationException(IReadOnlyList<PlaybookError> errors)
        : base($"{errors.Count} problem(s) in the configuration:{Environment.NewLine}" +
            string.Join(Environment.NewLine, errors.Select(e => "  " + e)))
    {
        Errors = errors;
    }

    /// <summary>Creates the exception without details.</summary>
    public ConfigurationException() : this([])
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ConfigurationException(string message) : base(message)
    {
        Errors = [];
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public ConfigurationException(string message, Exception innerException) : base(message, innerException)
    {
        Errors = [];
    }

    /// <summary>Every problem, with file, line and column.</summary>
    public IReadOnlyList<PlaybookError> Errors { get; }
}
