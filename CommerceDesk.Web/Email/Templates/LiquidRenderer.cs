using System.Collections;
using System.Globalization;
using System.Net;
using DotLiquid;
using DotLiquid.Exceptions;

namespace CommerceDesk.Web.Email.Templates;

/// <summary>The subject and bodies of one message, ready to queue.</summary>
public sealed record RenderedEmail(string Subject, string HtmlBody, string TextBody);

/// <summary>The Liquid source of a message: what an admin edits.</summary>
public sealed record EmailContent(string Subject, string HtmlBody, string TextBody);

/// <summary>A Liquid error in one part of a template.</summary>
public sealed record LiquidError(string Part, string Message);

/// <summary>
/// Renders Liquid templates. Every value written into an HTML body is HTML-encoded before rendering (customer
/// names and cart lines come from storefronts and must never become markup); subjects and text bodies are
/// plain text. DotLiquid does the rendering: the pinned Fluid.Core needs a Parlot version the package
/// registry does not hold, and with the one it holds Fluid cannot even build its parser.
/// </summary>
public static class LiquidRenderer
{
    /// <summary>A runaway loop in an admin's template stops here instead of holding a worker.</summary>
    private const int RenderTimeoutMilliseconds = 2_000;

    public static IReadOnlyList<LiquidError> Validate(EmailContent content)
    {
        var errors = new List<LiquidError>();
        foreach (var (part, source) in Parts(content))
            if (TryParse(source, out _) is { } error)
                errors.Add(new LiquidError(part, error));
        return errors;
    }

    /// <summary>Renders the content against <paramref name="model"/>; throws <see cref="InvalidTemplateException"/> on an error.</summary>
    public static Task<RenderedEmail> RenderAsync(EmailContent content, IReadOnlyDictionary<string, object?> model)
    {
        var subject = RenderPart("Subject", content.Subject, model, htmlEncode: false);
        var html = RenderPart("HTML body", content.HtmlBody, model, htmlEncode: true);
        var text = RenderPart("Text body", content.TextBody, model, htmlEncode: false);
        // A subject is one header line.
        return Task.FromResult(new RenderedEmail(subject.ReplaceLineEndings(" ").Trim(), html, text));
    }

    private static string RenderPart(string part, string source, IReadOnlyDictionary<string, object?> model, bool htmlEncode)
    {
        if (TryParse(source, out var template) is { } error)
            throw new InvalidTemplateException([new LiquidError(part, error)]);
        var variables = Hash.FromDictionary(model.ToDictionary(p => p.Key, p => htmlEncode ? Encode(p.Value) : p.Value));
        try
        {
            return template!.Render(new RenderParameters(CultureInfo.InvariantCulture)
            {
                LocalVariables = variables,
                ErrorsOutputMode = ErrorsOutputMode.Rethrow,
                Timeout = RenderTimeoutMilliseconds,
            });
        }
        catch (Exception ex) when (ex is LiquidException or TimeoutException or System.ArgumentException or InvalidOperationException or FormatException)
        {
            throw new InvalidTemplateException([new LiquidError(part, ex.Message)]);
        }
    }

    /// <summary>
    /// Parsed templates by source text, per thread (a DotLiquid template keeps state while it renders, so it is
    /// not shared across threads). A sweep renders the same three sources thousands of times; an admin's edit
    /// is a new source and so a new entry.
    /// </summary>
    [ThreadStatic] private static Dictionary<string, Template>? _parsed;
    private const int MaxParsedTemplates = 64;

    private static string? TryParse(string source, out Template? template)
    {
        source ??= "";
        var parsed = _parsed ??= new Dictionary<string, Template>(StringComparer.Ordinal);
        if (parsed.TryGetValue(source, out template)) return null;
        try
        {
            template = Template.Parse(source);
            if (parsed.Count >= MaxParsedTemplates) parsed.Clear();
            parsed[source] = template;
            return null;
        }
        catch (Exception ex) when (ex is LiquidException or System.ArgumentException or InvalidOperationException)
        {
            template = null;
            return ex.Message;
        }
    }

    /// <summary>A copy of the model with every string HTML-encoded, at any depth.</summary>
    private static object? Encode(object? value) => value switch
    {
        null => null,
        string s => WebUtility.HtmlEncode(s),
        IDictionary<string, object?> map => map.ToDictionary(p => p.Key, p => Encode(p.Value)),
        IEnumerable list => list.Cast<object?>().Select(Encode).ToList(),
        _ => value,
    };

    private static IEnumerable<(string Part, string Source)> Parts(EmailContent content) =>
        [("Subject", content.Subject), ("HTML body", content.HtmlBody), ("Text body", content.TextBody)];
}

public sealed class InvalidTemplateException(IReadOnlyList<LiquidError> errors)
    : Exception(string.Join(" ", errors.Select(e => $"{e.Part}: {e.Message}")))
{
    public IReadOnlyList<LiquidError> Errors { get; } = errors;
}
