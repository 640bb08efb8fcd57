using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Security.Cryptography;

namespace Jidoka.Bridge.TwinFeed.Web;

/// <summary>
/// The web app's files (wwwroot/ of this project, embedded in the assembly at build time, so the bridge
/// needs no content directory and the user no build step), each with its content type and an ETag.
/// </summary>
public sealed class WebAssets
{
    /// <summary>Resource-name prefix the project file gives every embedded web file.</summary>
    public const string ResourcePrefix = "wwwroot/";

    /// <summary>URL prefix of vendored libraries; their paths carry the version, so they may be cached for good.</summary>
    public const string VendorPrefix = "/vendor/";

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".json"] = "application/json; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
        [".ico"] = "image/x-icon",
        [".txt"] = "text/plain; charset=utf-8",
        [".md"] = "text/markdown; charset=utf-8",
    };

    private readonly Dictionary<string, WebAsset> _byPath;

    private WebAssets(Dictionary<string, WebAsset> byPath) => _byPath = byPath;

    /// <summary>Every file by URL path ("/index.html", "/js/board.js"...).</summary>
    public IReadOnlyDictionary<string, WebAsset> ByPath => _byPath;

    /// <summary>The files embedded in this assembly.</summary>
    public static WebAssets Load() => Load(typeof(WebAssets).Assembly);

    /// <summary>The files embedded in <paramref name="assembly"/> under <see cref="ResourcePrefix"/>.</summary>
    public static WebAssets Load(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var byPath = new Dictionary<string, WebAsset>(StringComparer.Ordinal);
        foreach (string name in assembly.GetManifestResourceNames())
        {
            // Resource names keep the directory separator of the machine that built them.
            string normalized = name.Replace('\\', '/');
            if (!normalized.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            {
                continue;
            }

            string path = "/" + normalized[ResourcePrefix.Length..];
            if (!ContentTypes.TryGetValue(Path.GetExtension(path), out string? contentType))
            {
                throw new InvalidOperationException($"The web file {path} has no known content type; add its extension to WebAssets.");
            }

            using System.IO.Stream stream = assembly.GetManifestResourceStream(name)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            byte[] content = copy.ToArray();
            string etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(content), 0, 8) + "\"";
            bool immutable = path.StartsWith(VendorPrefix, StringComparison.Ordinal) && path.IndexOf('/', VendorPrefix.Length) > 0;
            byPath[path] = new WebAsset(path, contentType, content, etag, immutable);
        }

        return new WebAssets(byPath);
    }

    /// <summary>The file served at <paramref name="path"/> ("/" is the app's page), or null.</summary>
    public WebAsset? Find(string path) =>
        _byPath.TryGetValue(path == "/" ? "/index.html" : path, out WebAsset? asset) ? asset : null;
}

/// <summary>One web file: what it is and how it may be cached.</summary>
/// <param name="Path">URL path.</param>
/// <param name="ContentType">Content-Type header value.</param>
/// <param name="Content">The bytes.</param>
/// <param name="ETag">Strong entity tag (a hash of the bytes).</param>
/// <param name="Immutable">True for the files of a versioned vendor directory (/vendor/name-version/...): cached for a year, never revalidated.</param>
public sealed record WebAsset(string Path, string ContentType, byte[] Content, string ETag, bool Immutable);
