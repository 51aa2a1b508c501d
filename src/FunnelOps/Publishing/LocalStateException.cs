namespace FunnelOps.Publishing;

/// <summary>The state file of a local run cannot be read or written; the message says which file and what to do.</summary>
public sealed class LocalStateException : Exception
{
    /// <summary>Creates the exception.</summary>
    public LocalStateException()
    {
    }

    /// <summary>Creates the exception with a message for the person running FunnelOps.</summary>
    public LocalStateException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public LocalStateException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
