using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Jidoka.Bridge.TestKit;
using Jidoka.Bridge.TwinFeed.Tests.Support;
using Jidoka.Bridge.TwinFeed.Web;
using Xunit;

namespace Jidoka.Bridge.TwinFeed.Tests;

/// <summary>The web app's files as the bridge serves them: types, caching, and nothing fetched from outside.</summary>
public sealed class WebAppTests
{
    private static readonly Regex Reference = new(
        @"(?:\b(?:src|href|action|poster|data)\s*=\s*[""']([^""']*)[""'])|(?:\bimport\s*(?:[\w*{}\s,]+from\s*)?[""']([^""']+)[""'])|(?:\bimport\(\s*[""']([^""']+)[""'])|(?:url\(\s*[""']?([^""')]+))|(?:@import\s+[""']([^""']+)[""'])|(?:\b(?:fetch|EventSource)\(\s*[""'`]([^""'`]+)[""'`])",
        RegexOptions.Compiled);

    [Fact]
    public async Task The_page_is_served_at_the_root_with_its_files_typed_and_cached_by_kind()
    {
        using var dir = new TempDir();
        await using TestBridge bridge = await TestBridge.StartWithTwinFeedAsync(dir.File("bridge.db"));

        using HttpResponseMessage page = await bridge.Http.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-cache", page.Headers.CacheControl?.ToString());
        Assert.Contains("default-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("<script type=\"module\" src=\"/js/main.js\"></script>", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using HttpResponseMessage script = await bridge.Http.GetAsync("/js/board.js");
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-cache", script.Headers.CacheControl?.ToString());
        Assert.Equal("nosniff", script.Headers.GetValues("X-Content-Type-Options").Single());

        // An unchanged file costs a 304 on revalidation.
        var again = new HttpRequestMessage(HttpMethod.Get, "/js/board.js");
        again.Headers.TryAddWithoutValidation("If-None-Match", script.Headers.ETag!.ToString());
        using HttpResponseMessage notModified = await bridge.Http.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        using HttpResponseMessage chart = await bridge.Http.GetAsync("/vendor/uplot-1.6.32/uPlot.esm.js");
        Assert.Equal("text/javascript", chart.Content.Headers.ContentType?.MediaType);
        Assert.Equal("public, max-age=31536000, immutable", chart.Headers.CacheControl?.ToString());
        using HttpResponseMessage css = await bridge.Http.GetAsync("/app.css");
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        using HttpResponseMessage licence = await bridge.Http.GetAsync("/vendor/uplot-1.6.32/LICENSE.txt");
        Assert.Contains("Leon Sorokin", await licence.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // What is not a web file is not answered by the web app: the API's problems and 404s are unchanged.
        using HttpResponseMessage missing = await bridge.Http.GetAsync("/js/nope.js");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        using HttpResponseMessage post = await bridge.Http.PostAsync("/", new StringContent(""));
        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
    }

    [Fact]
    public void No_web_file_references_anything_outside_the_bridge_and_every_local_reference_exists()
    {
        WebAssets assets = WebAssets.Load();
        Assert.Contains("/index.html", assets.ByPath.Keys);
        Assert.Contains("/vendor/uplot-1.6.32/uPlot.esm.js", assets.ByPath.Keys);
        var checkedReferences = new List<string>();
        foreach (WebAsset asset in assets.ByPath.Values.Where(a => a.ContentType.StartsWith("text/", StringComparison.Ordinal) || a.ContentType.StartsWith("image/svg", StringComparison.Ordinal)))
        {
            string text = Encoding.UTF8.GetString(asset.Content);
            foreach (Match match in Reference.Matches(text))
            {
                string reference = match.Groups.Cast<Group>().Skip(1).First(g => g.Success).Value.Trim();
                if (reference.Length == 0 || reference.StartsWith('#') || reference.StartsWith("data:", StringComparison.Ordinal) || reference.Contains("${", StringComparison.Ordinal))
                {
                    continue;
                }

                Assert.False(
                    Regex.IsMatch(reference, "^(?:[a-z][a-z0-9+.-]*:|//)", RegexOptions.IgnoreCase),
                    $"{asset.Path} references '{reference}', outside the bridge");
                if (asset.Path.EndsWith(".js", StringComparison.Ordinal) && reference.StartsWith('.'))
                {
                    string resolved = new Uri(new Uri("http://bridge" + asset.Path), reference).AbsolutePath;
                    Assert.True(assets.ByPath.ContainsKey(resolved), $"{asset.Path} imports {reference}, which is not served");
                }
                else if (reference.StartsWith("/", StringComparison.Ordinal) && !reference.StartsWith("/api/", StringComparison.Ordinal)
                    && reference is not ("/metrics" or "/healthz" or "/readyz" or "/openapi/v1.json"))
                {
                    string path = reference.Split('?')[0];
                    Assert.True(assets.ByPath.ContainsKey(path) || path == "/", $"{asset.Path} references {reference}, which is not served");
                }

                checkedReferences.Add(asset.Path + " -> " + reference);
            }
        }

        // The check saw the page's own references (so it is not vacuous).
        Assert.Contains("/index.html -> /js/main.js", checkedReferences);
        Assert.Contains("/index.html -> /vendor/uplot-1.6.32/uPlot.min.css", checkedReferences);
        Assert.Contains("/js/charts.js -> /vendor/uplot-1.6.32/uPlot.esm.js", checkedReferences);
        Assert.Contains("/js/main.js -> ./board.js", checkedReferences);
    }

    [Fact]
    public void The_reference_check_catches_an_external_url()
    {
        string[] external = { "<script src=\"https://cdn.example/x.js\"></script>", "import x from \"//cdn.example/x.js\";", "a { background: url(http://x/y.png) }", "fetch('https://x/y')" };
        foreach (string text in external)
        {
            Match match = Reference.Match(text);
            Assert.True(match.Success, text);
            string reference = match.Groups.Cast<Group>().Skip(1).First(g => g.Success).Value;
            Assert.Matches("^(?:[a-z][a-z0-9+.-]*:|//)", reference);
        }
    }
}
