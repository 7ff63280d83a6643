using CommerceDesk.Domain.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommerceDesk.Data.Configurations;

internal sealed class EmailTemplateConfiguration : IEntityTypeConfiguration<EmailTemplate>
{
    public void Configure(EntityTypeBuilder<EmailTemplate> builder)
    {
        builder.Property(t => t.Key).HasMaxLength(EmailTemplate.KeyMaxLength);
        builder.HasIndex(t => t.Key).IsUnique();
        builder.Property(t => t.Name).HasMaxLength(EmailTemplate.NameMaxLength);
        builder.Property(t => t.Subject).HasMaxLength(EmailTemplate.SubjectMaxLength);
        builder.Property(t => t.HtmlBody).HasMaxLength(EmailTemplate.BodyMaxLength);
        builder.Property(t => t.TextBody).HasMaxLength(EmailTemplate.BodyMaxLength);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.Ignore(t => t.DomainEvents);
    }
}
