namespace Lms.E2E.Support;

/// <summary>All journeys share one running app and one browser, and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class LiveAppCollection : ICollectionFixture<LiveApp>, ICollectionFixture<Chromium>
{
    public const string Name = "LiveApp";
}
