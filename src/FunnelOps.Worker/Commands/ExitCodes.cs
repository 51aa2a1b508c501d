namespace FunnelOps.Worker.Commands;

/// <summary>The process exit codes scripts can rely on.</summary>
internal static class ExitCodes
{
    /// <summary>The run worked, whatever it found.</summary>
    public const int Success = 0;

    /// <summary>The run failed part-way (the site or the repository could not be used).</summary>
    public const int Failed = 1;

    /// <summary>The input was wrong (an option, a playbook, a path); nothing was changed.</summary>
    public const int BadInput = 2;
}
