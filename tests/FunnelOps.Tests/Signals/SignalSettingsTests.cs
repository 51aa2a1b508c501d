using FunnelOps.Configuration;
using FunnelOps.Signals;
using FunnelOps.Tests.Support;

namespace FunnelOps.Tests.Signals;

public sealed class SignalSettingsTests
{
    [Fact]
    public void The_signals_section_lists_exports_relative_to_the_repository_root()
    {
        using var folder = new TempFolder();
        var config = folder.Write(".funnelops/config.yml", """
            signals:
              - file: exports/ga4.csv
              - file: exports/crm.csv
                days: 7
                columns:
                  url: Page
                  visits: Visits
            """);

        var sources = ConfigurationLoader.Load(config, File.ReadAllText(config)).Signals;

        Assert.Equal(2, sources.Count);
        Assert.Equal(Path.Combine(folder.Path, "exports/ga4.csv"), sources[0].Path);
        Assert.Null(sources[0].Format);
        Assert.Equal((SignalFormat.Generic, 7.0), (sources[1].Format, sources[1].Days));
        Assert.Equal("Visits", sources[1].Columns["visits"]);
    }

    [Fact]
    public void An_unknown_format_and_an_unknown_column_field_are_reported_with_line_and_column()
    {
        const string text = """
            signals:
              - file: a.csv
                format: matomo
              - file: b.csv
                columns:
                  url: Page
                  sessions: Visits
            """;

        var error = Assert.Throws<ConfigurationException>(() => ConfigurationLoader.Load("config.yml", text));

        Assert.Contains(error.Errors, e => e.Line == 3 && e.Message.Contains("Unknown export format \"matomo\"", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Line == 7 && e.Message.Contains("sessions", StringComparison.Ordinal));
    }
}
