using CommerceDesk.Web.Carts.Abandonment;
using CommerceDesk.Web.Email.Channels;
using CommerceDesk.Web.Email.Delivery;
using CommerceDesk.Web.Email.Outbox;
using CommerceDesk.Web.Email.Reminders;
using CommerceDesk.Web.Email.Templates;
using CommerceDesk.Web.Infrastructure;
using Hangfire;
using Microsoft.Extensions.Options;

namespace CommerceDesk.Web.Email;

public static class EmailSetup
{
    /// <summary>Only Development gets a built-in resume-link key; elsewhere it must be configured (no default secrets).</summary>
    internal const string DevelopmentResumeLinkKey = "development-only-resume-link-key";

    public static IServiceCollection AddEmail(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<EmailOptions>()
            .Bind(configuration.GetSection(EmailOptions.Section))
            .PostConfigure(o =>
            {
                if (environment.IsDevelopment() && string.IsNullOrEmpty(o.ResumeLinkKey)) o.ResumeLinkKey = DevelopmentResumeLinkKey;
            })
            .Validate(o => o.ResumeLinkKey.Length >= 16, "Email:ResumeLinkKey must be set to a secret of at least 16 characters.")
            .Validate(o => o.Delivery != MailDelivery.Smtp || !string.IsNullOrWhiteSpace(o.Smtp.Host), "Email:Smtp:Host is required when Email:Delivery is Smtp.")
            .Validate(o => MimeKit.MailboxAddress.TryParse(o.Smtp.From, out _), "Email:Smtp:From must be an address such as \"Shop <no-reply@example.com>\".")
            .Validate(o => string.IsNullOrWhiteSpace(o.StaffAddress) || Domain.Common.EmailAddress.IsValid(o.StaffAddress), "Email:StaffAddress must be an e-mail address such as orders@example.com.")
            .Validate(o => Uri.TryCreate(o.BackOfficeUrl, UriKind.Absolute, out _), "Email:BackOfficeUrl must be an absolute URL such as https://desk.example.com.")
            .ValidateOnStart();

        services.AddSingleton<SmtpMailTransport>();
        services.AddSingleton<PickupFolderMailTransport>();
        services.AddSingleton<IMailTransport>(sp => sp.GetRequiredService<IOptions<EmailOptions>>().Value.Delivery == MailDelivery.Smtp
            ? sp.GetRequiredService<SmtpMailTransport>()
            : sp.GetRequiredService<PickupFolderMailTransport>());

        services.AddSingleton<CartResumeLinks>();
        services.AddSingleton<CartReminderComposer>();
        services.AddTransient<OutboxSender>();
        services.AddTransient<AbandonedCartSweep>();
        services.AddTransient<SendCartReminder>();
        services.AddTransient<OutboxQueries>();
        services.AddTransient<EmailTemplateEditor>();
        services.AddTransient<ChannelReminderSettings>();
        services.AddScoped<IStartupSeeder, EmailTemplateSeeder>();
        return services;
    }

    /// <summary>Both jobs run every minute; each is safe to overlap with itself and to run on several nodes.</summary>
    public static void UseEmailJobs(this WebApplication app)
    {
        var jobs = app.Services.GetRequiredService<IRecurringJobManager>();
        jobs.AddOrUpdate<OutboxSender>("email-outbox", job => job.RunAsync(CancellationToken.None), Cron.Minutely());
        jobs.AddOrUpdate<AbandonedCartSweep>("abandoned-cart-sweep", job => job.RunAsync(CancellationToken.None), Cron.Minutely());
    }
}
