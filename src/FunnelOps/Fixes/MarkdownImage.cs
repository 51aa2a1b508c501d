namespace FunnelOps.Fixes;

/// <summary>One Markdown image, <c>![alt](src "title")</c>.</summary>
/// <param name="Source">The image address as read.</param>
/// <param name="Title">The image's title, when written.</param>
/// <param name="AltStart">Offset of the alt text's first character, just after <c>![</c>.</param>
/// <param name="AltEnd">Offset of the <c>]</c> that closes the alt text.</param>
/// <param name="Alt">The alt text as written.</param>
public sealed record MarkdownImage(string Source, string? Title, int AltStart, int AltEnd, string Alt);
