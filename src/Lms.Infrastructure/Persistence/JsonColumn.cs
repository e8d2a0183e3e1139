using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lms.Infrastructure.Persistence;

/// <summary>
/// Stores a value object as one jsonb column through System.Text.Json (polymorphic question content, an attempt's
/// layout and answers, a quiz's slots). Change tracking compares the serialised JSON, so replacing a value with an
/// equal one writes nothing and mutating a collection in place is still noticed.
/// </summary>
internal static class JsonColumn
{
    // jsonb stores keys in its own order, so the polymorphic "type" discriminator may come back after other
    // properties: allow it anywhere in the object.
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General) { AllowOutOfOrderMetadataProperties = true };

    public static PropertyBuilder<T> AsJson<T>(this PropertyBuilder<T> property) where T : class
    {
        property.HasConversion(
                v => JsonSerializer.Serialize(v, Options),
                s => JsonSerializer.Deserialize<T>(s, Options)!,
                new ValueComparer<T>(
                    (a, b) => JsonSerializer.Serialize(a, Options) == JsonSerializer.Serialize(b, Options),
                    v => JsonSerializer.Serialize(v, Options).GetHashCode(),
                    v => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, Options), Options)!))
            .HasColumnType("jsonb");
        return property;
    }
}
