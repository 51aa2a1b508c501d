namespace FunnelOps.Worker.Commands;

/// <summary>How the command line asked for the run: a configuration file, a page limit, log detail.</summary>
/// <param name="ConfigPath">A configuration file given with --config, or null for the repository's own.</param>
/// <param name="MaxPages">The --max-pages value, or null to use the configuration's.</param>
/// <param name="Verbose">True for detailed logs.</param>
/// <param name="SignalFiles">Exports given with --signals, read besides those the configuration lists.</param>
/// <param name="ApiUrlGiven">True when --api-url was given, so it wins over the configuration's api_url.</param>
internal sealed record RunSettings(string? ConfigPath, int? MaxPages, bool Verbose, IReadOnlyList<string>? SignalFiles = null,
    bool ApiUrlGiven = false);
