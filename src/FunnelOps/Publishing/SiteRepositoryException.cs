namespace FunnelOps.Publishing;

/// <summary>The site repository could not be opened or changed; the message says what to do.</summary>
public sealed class SiteRepositoryException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SiteRepositoryException()
    {
    }

    /// <summary>Creates the exception with a message for the person running FunnelOps.</summary>
    public SiteRepositoryException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the Git error behind it.</summary>
    public SiteRepositoryException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
