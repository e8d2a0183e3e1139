using System.Globalization;
using Lms.Infrastructure.Email;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Lms.Web.Tests.Email;

public sealed class FolderEmailSenderTests
{
    [Fact]
    public async Task Mail_files_are_named_by_the_Gregorian_date_even_under_Thai_culture_and_keep_Thai_text()
    {
        var folder = Directory.CreateTempSubdirectory("lms-mail-").FullName;
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("th-TH");
            var sender = new FolderEmailSender(Options.Create(new EmailOptions { FolderPath = folder }), NullLogger<FolderEmailSender>.Instance);
            await sender.SendAsync(new EmailMessage("kru@sukhothai.example", "ตั้งรหัสผ่าน", "สวัสดีครับ"));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
        var file = Assert.Single(Directory.GetFiles(folder, "*.eml"));
        Assert.StartsWith(DateTime.UtcNow.Year.ToString(CultureInfo.InvariantCulture), Path.GetFileName(file));
        var message = await MimeKit.MimeMessage.LoadAsync(file);
        Assert.Equal("ตั้งรหัสผ่าน", message.Subject);
        Assert.Contains("สวัสดีครับ", message.TextBody);
        Directory.Delete(folder, true);
    }
}
