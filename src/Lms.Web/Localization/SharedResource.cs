namespace Lms.Web.Localization;

/// <summary>Marker type for the one shared string table (Resources/th.json).</summary>
public sealed class SharedResource;
