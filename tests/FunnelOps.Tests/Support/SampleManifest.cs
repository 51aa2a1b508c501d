using YamlDotNet.RepresentationModel;

namespace FunnelOps.Tests.Support;

/// <summary>The sample site's manifest: every page with its stage, and every planted defect.</summary>
public sealed class SampleManifest
{
    private SampleManifest(IReadOnlyList<(string Url, Stage Stage)> pages, IReadOnlyList<PlantedDefect> defects)
    {
        Pages = pages;
        Defects = defects;
    }

    public IReadOnlyList<(string Url, Stage Stage)> Pages { get; }

    public IReadOnlyList<PlantedDefect> Defects { get; }

    public static SampleManifest Load()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Engine.SampleManifest)));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;

        var pages = ((YamlSequenceNode)root["pages"]).Children.Cast<YamlMappingNode>()
            .Select(p => (Text(p, "url")!, ParseStage(Text(p, "stage"))))
            .ToList();
        var defects = ((YamlSequenceNode)root["defects"]).Children.Cast<YamlMappingNode>()
            .Select(d => new PlantedDefect(Text(d, "page")!, Text(d, "defect")!, ParseStage(Text(d, "stage")),
                Text(d, "target"), Text(d, "shared")))
            .ToList();
        return new SampleManifest(pages, defects);
    }

    private static string? Text(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value : null;

    private static Stage ParseStage(string? text) =>
        StageNames.TryParse(text, out var stage) ? stage : throw new FormatException($"Unknown stage {text} in the manifest.");
}

/// <summary>One defect planted in the sample site.</summary>
public sealed record PlantedDefect(string Page, string Defect, Stage Stage, string? Target, string? Shared);
