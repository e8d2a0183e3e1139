namespace Lms.Infrastructure.Plc;

/// <summary>
/// A file a member uploaded into a room, waiting to go out with a message. The browser uploads first (checked by
/// content, stored in the file store) and sends the message with the upload's id; the hub accepts only the sender's
/// own uploads into the same room, so an id taken from elsewhere attaches nothing.
/// </summary>
public sealed class PlcUpload
{
    public Guid Id { get; set; }
    public Guid GroupId { get; set; }
    public Guid UploadedBy { get; set; }
    public string FileKey { get; set; } = "";
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public DateTime UploadedAtUtc { get; set; }
}

/// <summary>
/// One open room page (a SignalR connection that joined a room), for "who is online". Rows live in PostgreSQL so that
/// every app instance sees every instance's people; each instance refreshes its own rows' <see cref="ExpiresAtUtc"/>
/// while they are connected, so the rows of an instance that died expire by themselves (docs/adr/0013).
/// </summary>
public sealed class PlcRoomConnection
{
    public string ConnectionId { get; set; } = "";
    public Guid GroupId { get; set; }
    public Guid PersonId { get; set; }
    public DateTime ExpiresAtUtc { get; set; }
}
