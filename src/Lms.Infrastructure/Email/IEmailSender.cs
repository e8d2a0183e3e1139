namespace Lms.Infrastructure.Email;

/// <summary>Sends one e-mail. Thai subjects and bodies are sent as UTF-8.</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken ct = default);
}

public sealed record EmailMessage(string To, string Subject, string TextBody, string? HtmlBody = null);

public sealed class EmailOptions
{
    public const string Section = "Email";
    /// <summary>"Smtp" to send, "Folder" (default) to write .eml files for a developer to open.</summary>
    public string Mode { get; set; } = "Folder";
    public string FromAddress { get; set; } = "no-reply@lms.local";
    public string FromName { get; set; } = "ระบบพัฒนาครู";
    public string SmtpHost { get; set; } = "localhost";
    public int SmtpPort { get; set; } = 25;
    public bool SmtpUseStartTls { get; set; }
    public string? SmtpUser { get; set; }
    public string? SmtpPassword { get; set; }
    public string FolderPath { get; set; } = ".data/mail";
}
