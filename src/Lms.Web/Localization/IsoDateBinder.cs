using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Lms.Web.Localization;

/// <summary>
/// Binds <see cref="DateOnly"/> from <c>&lt;input type="date"&gt;</c>, which always sends ISO <c>yyyy-MM-dd</c> in the
/// Gregorian calendar whatever the page's language. The default binder parses with the request culture, and th-TH's
/// calendar is the Buddhist Era: "2026-11-20" became the year 2026 BE (1483 AD).
/// </summary>
public sealed class IsoDateBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext context)
    {
        var value = context.ValueProvider.GetValue(context.ModelName);
        if (value == ValueProviderResult.None) return Task.CompletedTask;
        context.ModelState.SetModelValue(context.ModelName, value);
        var text = value.FirstValue;
        if (string.IsNullOrWhiteSpace(text))
        {
            if (context.ModelMetadata.IsReferenceOrNullableType) context.Result = ModelBindingResult.Success(null);
            return Task.CompletedTask;
        }
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            context.Result = ModelBindingResult.Success(date);
        else
            context.ModelState.TryAddModelError(context.ModelName, context.ModelMetadata.ModelBindingMessageProvider
                .AttemptedValueIsInvalidAccessor(text, context.ModelMetadata.GetDisplayName()));
        return Task.CompletedTask;
    }
}

public sealed class IsoDateBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.UnderlyingOrModelType == typeof(DateOnly) ? new IsoDateBinder() : null;
}
