using System.CommandLine;

namespace FunnelOps.Worker.Commands;

/// <summary>Options several commands share, with help text a marketer can follow.</summary>
internal sealed class CommonOptions
{
    public Option<string> Out { get; } = new("--out")
    {
        Description = "Folder for the reports (report.md, report.html, report.json, report.sarif, pull-request.md).",
        DefaultValueFactory = _ => "funnelops-out",
    };

    public Option<string[]> Playbooks { get; } = new("--playbooks")
    {
        Description = "Extra playbook files or folders to use besides the built-in ones. Can be given more than once.",
        AllowMultipleArgumentsPerToken = true,
    };

    public Option<string?> Chromium { get; } = new("--chromium")
    {
        Description = "Path to a Chromium or Chrome executable for the mobile checks. Default: found automatically.",
    };

    public Option<int?> MaxPages { get; } = new("--max-pages")
    {
        Description = "The most URLs to read from the site (default 2000, or max_pages in the configuration).",
    };

    public Option<string?> Config { get; } = new("--config")
    {
        Description = "A configuration file (funnel numbers, stage rules, time zone). " +
            "Default: .funnelops/config.yml in the website's repository, when there is one.",
    };

    public Option<string[]> Signals { get; } = new("--signals")
    {
        Description = "A CSV export with figures per page: a GA4 pages report, a Search Console pages or queries " +
            "export, or a Google Ads landing-page report. Can be given more than once. Used to rank by measured visits.",
    };

    public Option<bool> Verbose { get; } = new("--verbose")
    {
        Description = "Show detailed technical logs (for developers).",
    };

    public Option<string> Render { get; } = CreateRender();

    public Option<string?> Device { get; } = new("--device")
    {
        Description = "The phone to simulate, by its name in Playwright's device list (default \"" +
            Rendering.RenderSettings.DefaultDevice + "\", or render.device in the configuration).",
    };

    public Option<string?> Network { get; } = new("--network")
    {
        Description = "Simulate a slower mobile network for the rendered pages: " +
            string.Join(", ", Rendering.NetworkProfile.Names) + ". Default: the full speed of this machine's connection.",
    };

    public Option<double?> CpuSlowdown { get; } = new("--cpu-slowdown")
    {
        Description = "Simulate a phone this many times slower than this machine (1 to 20; default 1, no slowdown).",
    };

    public Option<int?> PagesAtOnce { get; } = new("--pages-at-once")
    {
        Description = "How many pages the browser loads at the same time (1 to 16; default 2).",
    };

    private static Option<string> CreateRender()
    {
        var option = new Option<string>("--render")
        {
            Description = "Which pages to load in a browser on a simulated phone: none, sample (a few per template, plus " +
                "decision pages and busy pages), or all.",
            DefaultValueFactory = _ => "sample",
        };
        option.AcceptOnlyFromAmong("none", "sample", "all");
        return option;
    }

    /// <summary>The render settings given on the command line, applied over those of the configuration.</summary>
    public Func<Rendering.RenderSettings, Rendering.RenderSettings> RenderOverrides(ParseResult parse)
    {
        var device = parse.GetValue(Device);
        var network = parse.GetValue(Network);
        var slowdown = parse.GetValue(CpuSlowdown);
        var pages = parse.GetValue(PagesAtOnce);
        return settings => settings with
        {
            Device = device ?? settings.Device,
            Network = network ?? settings.Network,
            CpuSlowdown = slowdown ?? settings.CpuSlowdown,
            Concurrency = pages ?? settings.Concurrency,
        };
    }

    public RunSettings Settings(ParseResult parse) =>
        new(parse.GetValue(Config), parse.GetValue(MaxPages), parse.GetValue(Verbose), parse.GetValue(Signals));

    public static RenderMode ParseRender(string value) => value switch
    {
        "none" => RenderMode.None,
        "all" => RenderMode.All,
        _ => RenderMode.Sample,
    };

    /// <summary>Reads an absolute http(s) URL, or writes what is wrong and returns null.</summary>
    public static Uri? ParseSite(string? text, TextWriter error)
    {
        if (Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
        {
            return url;
        }

        error.WriteLine($"\"{text}\" is not a web address FunnelOps can read. Give the full address, " +
            "for example --site https://www.example.com or --site http://localhost:4000");
        return null;
    }
}
