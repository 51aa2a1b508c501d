using FunnelOps.Classification;
using FunnelOps.Crawling;

namespace FunnelOps.Tests.Classification;

public sealed class StageClassifierTests
{
    [Theory]
    [InlineData("/pricing/", "Plans", Stage.Decision)]
    [InlineData("/blog/pricing-strategies-for-saas/", "Pricing strategies", Stage.Awareness)]
    [InlineData("/compare/us-vs-them/", "Us vs them", Stage.Consideration)]
    [InlineData("/changelog/", "What changed", Stage.Retention)]
    [InlineData("/p/123/", "Book a demo with our team", Stage.Decision)]
    [InlineData("/", "Home", Stage.Awareness)]
    public void Pages_get_a_stage_from_their_address_first_then_their_title(string path, string title, Stage expected)
    {
        var stage = new StageClassifier([]).Classify(Page(path, title));

        Assert.Equal(expected, stage.Stage);
        Assert.False(string.IsNullOrWhiteSpace(stage.Reason));
    }

    [Fact]
    public void A_configured_rule_wins_over_the_heuristics_and_says_so()
    {
        var classifier = new StageClassifier([new StageRule { Pattern = "/pricing/**", Stage = Stage.Retention }]);

        var stage = classifier.Classify(Page("/pricing/enterprise/", "Enterprise pricing"));

        Assert.Equal(Stage.Retention, stage.Stage);
        Assert.Equal("configured rule /pricing/**", stage.Reason);
    }

    private static PageSnapshot Page(string path, string title) => new()
    {
        Url = new Uri("https://www.example.com" + path),
        Status = 200,
        Html = new HtmlSummary { Title = title },
    };
}
