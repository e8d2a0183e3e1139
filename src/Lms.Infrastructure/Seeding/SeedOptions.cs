namespace Lms.Infrastructure.Seeding;

public sealed class SeedOptions
{
    public const string Section = "Seed";
    /// <summary>Seed the Sukhothai demo office once, on an empty database. Never in Production.</summary>
    public bool DemoData { get; set; }
    /// <summary>The password of every demo account (set in appsettings.Development.json).</summary>
    public string? DemoPassword { get; set; }
}
