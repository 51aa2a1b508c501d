using System.Text.Json;
using System.Text.Json.Serialization;

namespace FunnelOps.Publishing;

/// <summary>
/// Reads and writes the state file of local runs: JSON, by default <c>.git/funnelops/state.json</c> in the site
/// repository, where it never shows up as a change in the working tree. A write goes to a temporary file beside it
/// that then replaces the old one, so the file is never left half-written. A file that cannot be read is never
/// overwritten: it may be the only record of which changes the team turned down.
/// </summary>
public static class LocalStateFile
{
    /// <summary>The file's path inside the repository's Git folder.</summary>
    public const string RelativePath = "funnelops/state.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) },
    };

    /// <summary>The default state file of the repository whose Git folder is <paramref name="gitDirectory"/>.</summary>
    public static string DefaultPath(string gitDirectory) =>
        Path.Combine(gitDirectory, RelativePath.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>The state in <paramref name="path"/>; an empty state when the file does not exist yet.</summary>
    /// <exception cref="LocalStateException">When the file is not a state file this FunnelOps can read.</exception>
    public static LocalState Read(string path)
    {
        if (!File.Exists(path))
        {
            return new LocalState();
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new LocalStateException($"FunnelOps could not open its state file {path}: {exception.Message}. " +
                "Check that this user may read and write it, then run again. Nothing was crawled or changed.",
                exception);
        }

        var version = VersionOf(path, text);
        if (version != LocalState.FormatVersion)
        {
            throw new LocalStateException($"The FunnelOps state file {path} is in format version {version}, and this " +
                $"FunnelOps reads version {LocalState.FormatVersion}: it was probably written by a newer FunnelOps. " +
                "Update FunnelOps and run again. FunnelOps stopped and left it as it was; nothing was crawled or changed.");
        }

        try
        {
            var state = JsonSerializer.Deserialize<LocalState>(text, Json) ?? throw new JsonException("it is empty");
            return state with { Changes = [.. state.Changes.Where(c => c is not null)] };
        }
        catch (JsonException exception)
        {
            throw Unreadable(path, exception.Message, exception);
        }
    }

    /// <summary>Replaces <paramref name="path"/> with <paramref name="state"/> in one step.</summary>
    /// <exception cref="LocalStateException">When the file cannot be written.</exception>
    public static void Write(string path, LocalState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                JsonSerializer.Serialize(stream, state with { Version = LocalState.FormatVersion }, Json);
                stream.WriteByte((byte)'\n');
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            DeleteQuietly(temporary);
            throw new LocalStateException($"FunnelOps could not save its state file {path}: {exception.Message}. " +
                "The earlier file was kept. Check the disk space and that this user may write there, then run again.",
                exception);
        }
    }

    /// <summary>The <c>version</c> field, read before anything else so a newer format is named as such.</summary>
    private static int VersionOf(string path, string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Object ||
                !document.RootElement.TryGetProperty("version", out var version) ||
                !version.TryGetInt32(out var number))
            {
                throw Unreadable(path, "it has no \"version\" number at the top", null);
            }

            return number;
        }
        catch (JsonException exception)
        {
            throw Unreadable(path, exception.Message, exception);
        }
    }

    private static void DeleteQuietly(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A leftover temporary file beside the state file does no harm; the real file is untouched.
        }
    }

    private static LocalStateException Unreadable(string path, string reason, Exception? cause)
    {
        var message = $"The FunnelOps state file {path} is damaged and could not be read ({reason.TrimEnd('.')}). " +
            "It remembers which changes FunnelOps made and which ones your team turned down, so FunnelOps stopped " +
            "and left it as it was; nothing was crawled or changed. If someone edited it, undo the edit. To start " +
            "afresh, delete or rename the file: FunnelOps then forgets earlier changes and may propose a change " +
            "your team already said no to.";
        return cause is null ? new LocalStateException(message) : new LocalStateException(message, cause);
    }
}
