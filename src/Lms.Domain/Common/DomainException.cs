namespace Lms.Domain.Common;

/// <summary>
/// A rule of the domain was broken. <see cref="Code"/> is a stable key the web layer
/// translates into the user's language; the message is English for logs.
/// </summary>
public sealed class DomainException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
