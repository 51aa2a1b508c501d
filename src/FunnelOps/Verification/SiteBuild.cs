namespace FunnelOps.Verification;

/// <summary>How a site generator builds the site: the command run in the repository and the folder it writes.</summary>
/// <param name="Command">The command line, such as <c>hugo</c> or <c>npx @11ty/eleventy</c>, run by the shell.</param>
/// <param name="Output">The folder, relative to the repository, that the command writes the site into.</param>
/// <param name="Timeout">How long the build may take.</param>
public sealed record SiteBuild(string Command, string Output, TimeSpan Timeout);
