using CommerceDesk.Data;
using CommerceDesk.Domain.Email;
using CommerceDesk.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Email.Templates;

/// <summary>Adds each default template that is missing, in every environment; an admin's edits are never overwritten.</summary>
internal sealed class EmailTemplateSeeder(IDbContextFactory<CommerceDbContext> factory, TimeProvider time) : IStartupSeeder
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var existing = await db.Set<EmailTemplate>().Select(t => t.Key).ToListAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var template in DefaultEmailTemplates.All.Where(d => !existing.Contains(d.Key)))
            db.Add(new EmailTemplate(template.Key, template.Name, template.Subject, template.HtmlBody, template.TextBody, now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another node seeded the same templates at the same moment; theirs stand. Anything else is a real error.
            if (!await AllPresentAsync(cancellationToken)) throw;
        }
    }

    private async Task<bool> AllPresentAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var keys = await db.Set<EmailTemplate>().Select(t => t.Key).ToListAsync(cancellationToken);
        return DefaultEmailTemplates.All.All(d => keys.Contains(d.Key));
    }
}
