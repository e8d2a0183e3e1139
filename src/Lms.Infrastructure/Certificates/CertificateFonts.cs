using SkiaSharp;
using SkiaSharp.HarfBuzz;

namespace Lms.Infrastructure.Certificates;

/// <summary>
/// Sarabun Regular and Bold, read once from the assembly (Fonts/*.ttf, SIL Open Font License). Shipping the font
/// means a certificate looks the same on every server and the PDF embeds a font that has every Thai glyph and the
/// mark-positioning tables HarfBuzz needs to put vowels and tone marks where they belong.
/// </summary>
public static class CertificateFonts
{
    public static SKTypeface Regular => Faces.Value.Regular;
    public static SKTypeface Bold => Faces.Value.Bold;

    private static readonly Lazy<(SKTypeface Regular, SKTypeface Bold)> Faces = new(() => (Load("Sarabun-Regular.ttf"), Load("Sarabun-Bold.ttf")));

    // One shaper per font per thread: SKShaper keeps a HarfBuzz buffer between calls, so it must not be shared by
    // threads that issue certificates at the same time. Creating one costs a copy of the font, so they are kept.
    private static readonly ThreadLocal<SKShaper> RegularShaper = new(() => new SKShaper(Regular));
    private static readonly ThreadLocal<SKShaper> BoldShaper = new(() => new SKShaper(Bold));

    public static SKTypeface Typeface(bool bold) => bold ? Bold : Regular;

    /// <summary>This thread's HarfBuzz shaper for the font.</summary>
    public static SKShaper Shaper(bool bold) => (bold ? BoldShaper : RegularShaper).Value!;

    private static SKTypeface Load(string file)
    {
        var name = $"Lms.Fonts.{file}";
        using var stream = typeof(CertificateFonts).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The font {name} is not embedded in {typeof(CertificateFonts).Assembly.GetName().Name}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return SKTypeface.FromData(SKData.CreateCopy(copy.ToArray()))
               ?? throw new InvalidOperationException($"Skia could not read the font {name}.");
    }

    /// <summary>A font as certificates use it: no hinting and subpixel positions, so PNG and PDF place glyphs alike.</summary>
    public static SKFont Font(bool bold, float sizePt) => new(Typeface(bold), sizePt)
    {
        Edging = SKFontEdging.Antialias, Hinting = SKFontHinting.None, Subpixel = true, LinearMetrics = true,
    };
}
