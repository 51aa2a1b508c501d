namespace FunnelOps.Rendering;

/// <summary>
/// Finds a Chromium or Chrome executable: a configured path first, then a browser that Playwright
/// installed, then the usual system paths.
/// </summary>
public static class ChromiumLocator
{
    /// <summary>The environment variable that names a browser executable.</summary>
    public const string EnvironmentVariable = "FUNNELOPS_CHROMIUM";

    /// <summary>What to tell a person who has no browser.</summary>
    public const string InstallAdvice =
        "Install Chromium (Debian or Ubuntu: `sudo apt-get install chromium`; macOS: `brew install --cask chromium`) " +
        "or Google Chrome, or let Playwright download one (`pwsh playwright.ps1 install chromium` from the build " +
        "folder), or point FunnelOps at a browser with --chromium or the FUNNELOPS_CHROMIUM environment variable.";

    private static readonly string[] SystemPaths =
    [
        "/usr/bin/chromium",
        "/usr/bin/chromium-browser",
        "/usr/bin/google-chrome",
        "/usr/bin/google-chrome-stable",
        "/snap/bin/chromium",
        "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
        "/Applications/Chromium.app/Contents/MacOS/Chromium",
        @"C:\Program Files\Google\Chrome\Application\chrome.exe",
        @"C:\Program Files (x86)\Google\Chrome\Application\chrome.exe",
    ];

    // Where Playwright keeps a browser inside one of its "chromium-<revision>" folders, by platform.
    private static readonly string[] PlaywrightExecutables =
    [
        "chrome-linux64/chrome",
        "chrome-linux/chrome",
        "chrome-mac/Chromium.app/Contents/MacOS/Chromium",
        "chrome-mac-arm64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing",
        "chrome-mac-x64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing",
        "chrome-win64/chrome.exe",
        "chrome-win/chrome.exe",
    ];

    /// <summary>
    /// The browser to use: <paramref name="configuredPath"/>, then <see cref="EnvironmentVariable"/>,
    /// then a Playwright-managed browser, then the system paths. Null when none exists; a configured
    /// path that does not exist also gives null rather than a different browser.
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

        return FindPlaywrightManaged(PlaywrightCacheFolders()) ?? SystemPaths.FirstOrDefault(File.Exists);
    }

    /// <summary>Why no browser was found, and how to get one, for a person to read.</summary>
    public static string Explain(string? configuredPath = null)
    {
        if (!string.IsNullOrWhiteSpace(configuredPath))
        {
            return $"No Chromium or Chrome was found at {configuredPath}, the configured browser. Correct the path or " +
                "remove it to let FunnelOps look for one. " + InstallAdvice;
        }

        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        return !string.IsNullOrWhiteSpace(fromEnvironment)
            ? $"No Chromium or Chrome was found at {fromEnvironment}, which {EnvironmentVariable} names. {InstallAdvice}"
            : "No Chromium or Chrome was found on this machine. " + InstallAdvice;
    }

    /// <summary>
    /// The newest browser Playwright installed under one of <paramref name="cacheFolders"/>
    /// (folders named <c>chromium-&lt;revision&gt;</c>), or null.
    /// </summary>
    public static string? FindPlaywrightManaged(IEnumerable<string> cacheFolders)
    {
        ArgumentNullException.ThrowIfNull(cacheFolders);
        return cacheFolders
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateDirectories(folder, "chromium-*"))
            .Select(folder => (Folder: folder, Revision: Revision(folder)))
            .OrderByDescending(x => x.Revision)
            .SelectMany(x => PlaywrightExecutables.Select(relative => Path.Combine(x.Folder, relative)))
            .FirstOrDefault(File.Exists);
    }

    private static int Revision(string folder) =>
        int.TryParse(Path.GetFileName(folder).AsSpan("chromium-".Length), out var revision) ? revision : -1;

    private static IEnumerable<string> PlaywrightCacheFolders()
    {
        if (Environment.GetEnvironmentVariable("PLAYWRIGHT_BROWSERS_PATH") is { Length: > 0 } configured && configured != "0")
        {
            yield return configured;
        }

        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        yield return Path.Combine(home, ".cache", "ms-playwright");
        yield return Path.Combine(home, "Library", "Caches", "ms-playwright");
        yield return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "ms-playwright");
    }
}
