using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Jidoka.Bridge.TwinFeed.Web;

/// <summary>
/// Serves the web app's embedded files for GET and HEAD. The app's own files are revalidated on every
/// load (no-cache with an ETag, so an updated bridge is picked up at once and an unchanged file costs a
/// 304); vendored libraries, whose path names their version, are cached for a year. The content
/// security policy allows nothing from outside the bridge, so the page cannot load a resource from
/// beyond the plant network even by mistake.
/// </summary>
public static class WebAppMiddleware
{
    /// <summary>The Content-Security-Policy header of every web file.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Adds the middleware: a request for a web file is answered here, anything else goes on.</summary>
    public static IApplicationBuilder UseWebApp(this IApplicationBuilder app, WebAssets assets)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(assets);
        return app.Use((context, next) =>
        {
            HttpRequest request = context.Request;
            if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) || assets.Find(request.Path.Value ?? "") is not WebAsset asset)
            {
                return next(context);
            }

            return ServeAsync(context, asset);
        });
    }

    private static Task ServeAsync(HttpContext context, WebAsset asset)
    {
        HttpResponse response = context.Response;
        response.Headers.ETag = asset.ETag;
        response.Headers.CacheControl = asset.Immutable ? "public, max-age=31536000, immutable" : "no-cache";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers["Referrer-Policy"] = "no-referrer";
        if (context.Request.Headers.IfNoneMatch.ToString() == asset.ETag)
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = asset.ContentType;
        response.ContentLength = asset.Content.Length;
        return HttpMethods.IsHead(context.Request.Method)
            ? Task.CompletedTask
            : response.Body.WriteAsync(asset.Content, context.RequestAborted).AsTask();
    }
}
