namespace FunnelOps.GitHubEmulator.Conformance;

/// <summary>A response the emulator sent that GitHub's OpenAPI description does not allow.</summary>
/// <param name="Operation">The operation, as <c>GET /repos/{owner}/{repo}/pulls → 200</c>.</param>
/// <param name="InstanceLocation">The JSON pointer of the offending field in the response body.</param>
/// <param name="Message">What is wrong there.</param>
public sealed record ConformanceViolation(string Operation, string InstanceLocation, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Operation}: at '{InstanceLocation}': {Message}";
}
