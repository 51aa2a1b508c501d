namespace FunnelOps.Publishing;

/// <summary>
/// Where the site repository lives on the code host and the token that opens it. The token is handed to Git
/// through a credentials callback only, so it never reaches a clone's <c>.git/config</c>, a log line or a text.
/// </summary>
/// <param name="CloneUrl">The HTTPS address of the repository, without credentials.</param>
/// <param name="Token">The access token.</param>
public sealed record RemoteAccess(Uri CloneUrl, string Token)
{
    /// <summary>The address alone; the token is left out so that printing this never shows it.</summary>
    public override string ToString() => CloneUrl.ToString();
}
