namespace FunnelOps.GitHubEmulator.Conformance;

/// <summary>The emulator answered with JSON that GitHub's published OpenAPI description does not allow.</summary>
public sealed class OpenApiConformanceException : Exception
{
    /// <summary>Creates the exception for the given violations.</summary>
    public OpenApiConformanceException(IReadOnlyList<ConformanceViolation> violations)
        : base(Describe(violations)) => Violations = violations;

    /// <summary>Creates the exception with a message only.</summary>
    public OpenApiConformanceException(string message)
        : base(message) => Violations = [];

    /// <summary>Creates the exception with a message and its cause.</summary>
    public OpenApiConformanceException(string message, Exception innerException)
        : base(message, innerException) => Violations = [];

    /// <summary>Creates the exception without details.</summary>
    public OpenApiConformanceException()
        : base("The emulator sent a response GitHub's OpenAPI description does not allow.") => Violations = [];

    /// <summary>Every violation found, in the order the responses were sent.</summary>
    public IReadOnlyList<ConformanceViolation> Violations { get; }

    private static string Describe(IReadOnlyList<ConformanceViolation> violations) =>
        $"The GitHub emulator sent {violations.Count} response field(s) that GitHub's OpenAPI description does not "
        + "allow; fix the emulator's response shape:" + Environment.NewLine
        + string.Join(Environment.NewLine, violations.Take(50).Select(v => "  " + v));
}
