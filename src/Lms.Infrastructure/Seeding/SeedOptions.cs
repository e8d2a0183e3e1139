namespace Lms.Infrastructure.Seeding;

public sealed class SeedOptions
{
    public const string Section = "Seed";
    /// <summary>Seed the Sukhothai demo office once, on an empty database. Never in Production.</summary>
    public bool DemoData { get; set; }
    /// <summary>The password of every demo account (set in appsettings.Development.json).</summary>
    public string? DemoPassword { get; set; }
    /// <summary>Also seed a published demo course with a question bank, a pre-test and a post-test (run.sh, not the tests).</summary>
    public bool DemoCourses { get; set; }
    /// <summary>Also seed a demo PLC group with room messages and logbook meetings (run.sh, not the tests).</summary>
    public bool DemoPlc { get; set; }
}
