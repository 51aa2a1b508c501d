namespace FunnelOps.Fixes;

/// <summary>One changed file of a fix.</summary>
/// <param name="Mapping">The file and how it was found from the page URL.</param>
/// <param name="Source">The file as it was.</param>
/// <param name="NewText">The file's text after the edits.</param>
/// <param name="Summary">What changed, in a reviewer's words.</param>
/// <param name="ReviewNote">What the reviewer should check closely, when anything.</param>
public sealed record FileChange(SourceMapping Mapping, SourceFile Source, string NewText, string Summary, string? ReviewNote)
{
    /// <summary>Writes the new text over the file, in the file's own encoding.</summary>
    public Task WriteAsync(CancellationToken cancellationToken) =>
        File.WriteAllBytesAsync(Source.FullPath, Source.Encode(NewText), cancellationToken);

    /// <summary>Puts the file back as it was.</summary>
    public Task RestoreAsync(CancellationToken cancellationToken) =>
        File.WriteAllBytesAsync(Source.FullPath, Source.Encode(Source.Text), cancellationToken);
}
