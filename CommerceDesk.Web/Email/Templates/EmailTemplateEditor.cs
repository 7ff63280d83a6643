using CommerceDesk.Data;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Email;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Email.Templates;

/// <summary>The template settings page's handler: list, preview against sample data, save after a syntax check.</summary>
public sealed class EmailTemplateEditor(IDbContextFactory<CommerceDbContext> factory, TimeProvider time)
{
    public sealed record Item(long Id, string Key, string Name, string Subject, string HtmlBody, string TextBody, int Version, DateTime UpdatedAt);

    /// <summary>A rendered preview, or the syntax errors that prevent one.</summary>
    public sealed record Preview(RenderedEmail? Email, IReadOnlyList<LiquidError> Errors);

    /// <summary>Null when saved; otherwise why nothing was saved.</summary>
    public sealed record SaveResult(IReadOnlyList<LiquidError> Errors, string? Message)
    {
        public bool Saved => Errors.Count == 0 && Message is null;
    }

    public async Task<IReadOnlyList<Item>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Set<EmailTemplate>().AsNoTracking().OrderBy(t => t.Name)
            .Select(t => new Item(t.Id, t.Key, t.Name, t.Subject, t.HtmlBody, t.TextBody, t.Version, t.UpdatedAt))
            .ToListAsync(cancellationToken);
    }

    public static async Task<Preview> PreviewAsync(EmailContent content)
    {
        var errors = LiquidRenderer.Validate(content);
        if (errors.Count > 0) return new Preview(null, errors);
        try
        {
            return new Preview(await LiquidRenderer.RenderAsync(content, EmailModel.Sample()), []);
        }
        catch (InvalidTemplateException ex)
        {
            // Liquid that parses can still fail to render (a filter given wrong arguments, a runaway loop).
            return new Preview(null, ex.Errors);
        }
    }

    /// <summary>Saves only a template that renders; <paramref name="version"/> is the one the admin edited.</summary>
    public async Task<SaveResult> SaveAsync(long id, int version, EmailContent content, CancellationToken cancellationToken)
    {
        var preview = await PreviewAsync(content);
        if (preview.Errors.Count > 0) return new SaveResult(preview.Errors, null);

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var template = await db.Set<EmailTemplate>().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (template is null) return new SaveResult([], "The template no longer exists.");
        if (template.Version != version) return new SaveResult([], "Someone else changed this template meanwhile; reload it to see their version.");
        try
        {
            template.Change(content.Subject, content.HtmlBody, content.TextBody, time.GetUtcNow().UtcDateTime);
            db.Entry(template).Property(t => t.Version).OriginalValue = version;
            await db.SaveChangesAsync(cancellationToken);
            return new SaveResult([], null);
        }
        catch (DomainException ex)
        {
            return new SaveResult([], ex.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new SaveResult([], "Someone else changed this template meanwhile; reload it to see their version.");
        }
    }
}
