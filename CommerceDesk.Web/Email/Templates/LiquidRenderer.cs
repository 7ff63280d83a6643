using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Fluid;
using Fluid.Values;

namespace CommerceDesk.Web.Email.Templates;

/// <summary>The subject and bodies of one message, ready to queue.</summary>
public sealed record RenderedEmail(string Subject, string HtmlBody, string TextBody);

/// <summary>The Liquid source of a message: what an admin edits.</summary>
public sealed record EmailContent(string Subject, string HtmlBody, string TextBody);

/// <summary>A Liquid error in one part of a template.</summary>
public sealed record LiquidError(string Part, string Message);

/// <summary>
/// Renders Liquid templates with Fluid. Every value written into an HTML body goes through
/// <see cref="HtmlEncoder.Default"/> (customer names and cart lines come from storefronts and must never become
/// markup); subjects and text bodies are plain text. The model is plain dictionaries and lists with snake_case keys
/// (<see cref="EmailModel"/>), which Fluid reads without registering any type, so templates reach no .NET member.
/// </summary>
public static partial class LiquidRenderer
{
    // A runaway loop in an admin's template stops after this many statements instead of holding a worker;
    // an order of 500 lines renders in a few thousand.
    private const int MaxSteps = 200_000;

    private static readonly FluidParser Parser = new();

    private static readonly TemplateOptions Options = CreateOptions();

    private static TemplateOptions CreateOptions()
    {
        var options = new TemplateOptions { CultureInfo = CultureInfo.InvariantCulture, TimeZone = TimeZoneInfo.Utc, MaxSteps = MaxSteps };
        // Fluid's "raw" would let a template print a storefront value as markup; here it changes nothing, so every value stays encoded.
        options.Filters.AddFilter("raw", static (input, _, _) => new StringValue(input.ToStringValue()));
        return options;
    }

    /// <summary>
    /// Parsed templates by source text (a Fluid template is immutable, so threads share it). A sweep renders the same
    /// three sources thousands of times; an admin's edit is a new source and so a new entry.
    /// </summary>
    private static readonly ConcurrentDictionary<string, IFluidTemplate> Parsed = new(StringComparer.Ordinal);
    private const int MaxParsedTemplates = 64;

    public static IReadOnlyList<LiquidError> Validate(EmailContent content)
    {
        var errors = new List<LiquidError>();
        foreach (var (part, source) in Parts(content))
            if (TryParse(source, out _) is { } error)
                errors.Add(new LiquidError(part, error));
        return errors;
    }

    /// <summary>Renders the content against <paramref name="model"/>; throws <see cref="InvalidTemplateException"/> on an error.</summary>
    public static async Task<RenderedEmail> RenderAsync(EmailContent content, IReadOnlyDictionary<string, object?> model)
    {
        var context = new TemplateContext(Options);
        foreach (var (name, value) in model) context.SetValue(name, value);
        var subject = await RenderPartAsync("Subject", content.Subject, context, NullEncoder.Default);
        var html = await RenderPartAsync("HTML body", content.HtmlBody, context, HtmlEncoder.Default);
        var text = await RenderPartAsync("Text body", content.TextBody, context, NullEncoder.Default);
        // A subject is one header line.
        return new RenderedEmail(subject.ReplaceLineEndings(" ").Trim(), html, text);
    }

    private static async Task<string> RenderPartAsync(string part, string source, TemplateContext context, TextEncoder encoder)
    {
        if (TryParse(source, out var template) is { } error)
            throw new InvalidTemplateException([new LiquidError(part, error)]);
        try
        {
            // Each part starts from the model alone: an {% assign %} in the subject does not leak into the bodies.
            context.EnterChildScope();
            return await template!.RenderAsync(context, encoder);
        }
        catch (Exception ex) when (ex is ParseException or InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            throw new InvalidTemplateException([new LiquidError(part, ex.Message)]);
        }
        finally
        {
            context.ReleaseScope();
        }
    }

    private static string? TryParse(string? source, out IFluidTemplate? template)
    {
        source ??= "";
        if (Parsed.TryGetValue(source, out template)) return null;
        if (!Parser.TryParse(source, out template, out var error)) return Readable(error);
        if (Parsed.Count >= MaxParsedTemplates) Parsed.Clear();
        Parsed[source] = template;
        return null;
    }

    /// <summary>Fluid's "… at (3:14)" followed by a copy of the source, as the admin reads it: "… at line 3, column 14."</summary>
    private static string Readable(string error)
    {
        var reason = error.Split('\n', 2)[0].Trim();
        return Position().Replace(reason, "at line $1, column $2").TrimEnd('.') + ".";
    }

    [GeneratedRegex(@"at \((\d+):(\d+)\)")]
    private static partial Regex Position();

    private static IEnumerable<(string Part, string Source)> Parts(EmailContent content) =>
        [("Subject", content.Subject), ("HTML body", content.HtmlBody), ("Text body", content.TextBody)];
}

public sealed class InvalidTemplateException(IReadOnlyList<LiquidError> errors)
    : Exception(string.Join(" ", errors.Select(e => $"{e.Part}: {e.Message}")))
{
    public IReadOnlyList<LiquidError> Errors { get; } = errors;
}
