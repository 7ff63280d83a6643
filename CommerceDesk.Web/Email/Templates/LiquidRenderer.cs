using System.Text.Encodings.Web;
using Fluid;

namespace CommerceDesk.Web.Email.Templates;

/// <summary>The subject and bodies of one message, ready to queue.</summary>
public sealed record RenderedEmail(string Subject, string HtmlBody, string TextBody);

/// <summary>The Liquid source of a message: what an admin edits.</summary>
public sealed record EmailContent(string Subject, string HtmlBody, string TextBody);

/// <summary>A Liquid syntax error in one part of a template.</summary>
public sealed record LiquidError(string Part, string Message);

/// <summary>
/// Renders templates with Fluid. Every value written into an HTML body is HTML-encoded (customer names and
/// cart lines come from storefronts and must never become markup); subjects and text bodies are plain text.
/// </summary>
public static class LiquidRenderer
{
    // FluidParser and TemplateOptions are thread-safe once built.
    private static readonly FluidParser Parser = new();
    private static readonly TemplateOptions Options = CreateOptions();

    public static IReadOnlyList<LiquidError> Validate(EmailContent content)
    {
        var errors = new List<LiquidError>();
        foreach (var (part, source) in Parts(content))
            if (!Parser.TryParse(source, out _, out var error))
                errors.Add(new LiquidError(part, error));
        return errors;
    }

    /// <summary>Renders the content against <paramref name="model"/>; throws <see cref="InvalidTemplateException"/> on a syntax error.</summary>
    public static async Task<RenderedEmail> RenderAsync(EmailContent content, IReadOnlyDictionary<string, object?> model)
    {
        var subject = await RenderPartAsync("Subject", content.Subject, model, NullEncoder.Default);
        var html = await RenderPartAsync("HTML body", content.HtmlBody, model, HtmlEncoder.Default);
        var text = await RenderPartAsync("Text body", content.TextBody, model, NullEncoder.Default);
        // A subject is one header line.
        return new RenderedEmail(subject.ReplaceLineEndings(" ").Trim(), html, text);
    }

    private static async Task<string> RenderPartAsync(string part, string source, IReadOnlyDictionary<string, object?> model, TextEncoder encoder)
    {
        if (!Parser.TryParse(source, out var template, out var error))
            throw new InvalidTemplateException([new LiquidError(part, error)]);
        var context = new TemplateContext(Options);
        foreach (var (name, value) in model)
            context.SetValue(name, value);
        return await template.RenderAsync(context, encoder);
    }

    private static IEnumerable<(string Part, string Source)> Parts(EmailContent content) =>
        [("Subject", content.Subject), ("HTML body", content.HtmlBody), ("Text body", content.TextBody)];

    private static TemplateOptions CreateOptions()
    {
        var options = new TemplateOptions { MaxSteps = 100_000, MaxRecursion = 20 };
        options.CultureInfo = System.Globalization.CultureInfo.InvariantCulture;
        return options;
    }
}

public sealed class InvalidTemplateException(IReadOnlyList<LiquidError> errors)
    : Exception(string.Join(" ", errors.Select(e => $"{e.Part}: {e.Message}")))
{
    public IReadOnlyList<LiquidError> Errors { get; } = errors;
}
