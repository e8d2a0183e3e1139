namespace Lms.Infrastructure.Feeds;

/// <summary>
/// A person's secret calendar link (table <c>calendar_feeds</c>). Only the SHA-256 of the token is kept: a copy of the
/// database does not give anyone's calendar away, and the link can be shown only when it is made. Making a new one
/// replaces the row, so the old link stops working at once.
/// </summary>
public sealed class CalendarFeed
{
    public Guid PersonId { get; set; }
    public byte[] TokenHash { get; set; } = [];
    public DateTime CreatedAtUtc { get; set; }
}
