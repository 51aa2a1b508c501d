namespace FunnelOps.Rendering;

/// <summary>Finds a Chromium or Chrome executable: a configured path first, then the usual system paths.</summary>
public static class ChromiumLocator
{
    /// <summary>The environment variable that names a browser executable.</summary>
    public const string EnvironmentVariable = "FUNNELOPS_CHROMIUM";

    /// <summary>What to tell a person who has no browser.</summary>
    public const string InstallAdvice =
        "Install Chromium (Debian or Ubuntu: `sudo apt-get install chromium`) or Google Chrome, " +
        "or point FunnelOps at a browser with the FUNNELOPS_CHROMIUM environment variable.";

    private static readonly string[] SystemPaths =
    [
        "/usr/bin/chromium",
        "/usr/bin/chromium-browser",
        "/usr/bin/google-chrome",
        "/usr/bin/google-chrome-stable",
        "/snap/bin/chromium",
        "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
        "/Applications/Chromium.app/Contents/MacOS/Chromium",
    ];

    /// <summary>
    /// The browser to use: <paramref name="configuredPath"/>, then <see cref="EnvironmentVariable"/>,
    /// then the system paths. Null when none exists.
    /// </summary>
    public static string? Find(string? configuredPath = null)
    {
        if (!string.IsNullOrWhiteSpace(configuredPath))
        {
            return File.Exists(configuredPath) ? Path.GetFullPath(configuredPath) : null;
        }

        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return File.Exists(fromEnvironment) ? Path.GetFullPath(fromEnvironment) : null;
        }

        return SystemPaths.FirstOrDefault(File.Exists);
    }
}
