using FunnelOps.Publishing;

namespace FunnelOps.Worker.Tests.Commands;

/// <summary>The state file of local runs as the command line shows it: where it is, and what a damaged one does.</summary>
public sealed class StateOptionTests : IDisposable
{
    private const string Damaged = "{ \"version\": 1, \"changes\": [ {";

    private readonly DirectoryInfo _repository = Directory.CreateTempSubdirectory("funnelops-state-");

    public StateOptionTests()
    {
        File.WriteAllText(Path.Combine(_repository.FullName, "index.html"), "<!doctype html><title>Home</title>\n");
        GitRepository.InitializeFrom(_repository.FullName, "main", "Site", DateTimeOffset.UnixEpoch).Dispose();
    }

    [Fact]
    public async Task A_damaged_state_file_in_the_Git_folder_stops_the_run_with_exit_code_2_and_says_what_to_do()
    {
        var file = Path.Combine(_repository.FullName, ".git", "funnelops", "state.json");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, Damaged);

        var (code, error) = await RunAsync("--repo", _repository.FullName);

        Assert.Equal(2, code);
        Assert.Contains($"The FunnelOps state file {file} is damaged", error, StringComparison.Ordinal);
        Assert.Contains("To start afresh, delete or rename the file", error, StringComparison.Ordinal);
        Assert.Equal(Damaged, await File.ReadAllTextAsync(file));
    }

    [Fact]
    public async Task The_state_option_points_the_run_at_another_file()
    {
        var file = Path.Combine(_repository.FullName, "..", _repository.Name + "-state.json");
        await File.WriteAllTextAsync(file, Damaged);

        var (code, error) = await RunAsync("--repo", _repository.FullName, "--state", file);

        Assert.Equal(2, code);
        Assert.Contains($"The FunnelOps state file {Path.GetFullPath(file)} is damaged", error, StringComparison.Ordinal);
        File.Delete(file);
    }

    public void Dispose()
    {
        foreach (var file in _repository.EnumerateFiles("*", SearchOption.AllDirectories))
        {
            file.Attributes = FileAttributes.Normal;
        }

        _repository.Delete(recursive: true);
    }

    private static async Task<(int Code, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await FunnelOpsCli.InvokeAsync(["run", "--site", "http://127.0.0.1:9/", "--render", "none", .. args],
            output, error, CancellationToken.None);
        return (code, error.ToString());
    }
}
