namespace FunnelOps.Publishing;

/// <summary>The code host refused or failed a request after retrying; the message says what to do.</summary>
public sealed class CodeHostException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CodeHostException()
    {
    }

    /// <summary>Creates the exception with a message for the person running FunnelOps.</summary>
    public CodeHostException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the error behind it.</summary>
    public CodeHostException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
