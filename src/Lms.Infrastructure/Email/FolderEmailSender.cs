using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Lms.Infrastructure.Email;

/// <summary>
/// The local default: writes each message as an .eml file (openable in any mail program) so a
/// developer can follow a password-reset link without an SMTP server.
/// </summary>
public sealed class FolderEmailSender(IOptions<EmailOptions> options, ILogger<FolderEmailSender> log) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken ct = default)
    {
        var o = options.Value;
        Directory.CreateDirectory(o.FolderPath);
        // Invariant: under th-TH the year would be written in the Buddhist Era.
        var name = string.Create(CultureInfo.InvariantCulture, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.eml");
        var path = Path.Combine(o.FolderPath, name);
        await MimeBuilder.Build(o, message).WriteToAsync(path, ct);
        log.LogInformation("E-mail to {To} written to {Path}", message.To, path);
    }
}
