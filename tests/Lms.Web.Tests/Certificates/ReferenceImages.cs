using System.Runtime.CompilerServices;
using SkiaSharp;

namespace Lms.Web.Tests.Certificates;

/// <summary>
/// Compares a rendering with a committed reference PNG (in References/ beside this file). Set
/// <c>LMS_UPDATE_REFERENCE_IMAGES=1</c> to write the current renderings as the new references instead, then LOOK at
/// them before committing: the reference is only as right as the eyes that approved it.
/// </summary>
public static class ReferenceImages
{
    public static bool Updating => Environment.GetEnvironmentVariable("LMS_UPDATE_REFERENCE_IMAGES") == "1";

    public static string PathOf(string name, [CallerFilePath] string here = "") =>
        Path.Combine(Path.GetDirectoryName(here)!, "References", name);

    /// <summary>The reference's bytes; when updating, <paramref name="actual"/> is written first and returned.</summary>
    public static byte[] Load(string name, byte[] actual)
    {
        var path = PathOf(name);
        if (Updating) File.WriteAllBytes(path, actual);
        Assert.True(File.Exists(path), $"No reference image {path}: run the test once with LMS_UPDATE_REFERENCE_IMAGES=1 and look at it.");
        return File.ReadAllBytes(path);
    }
}

/// <summary>How far two renderings differ, in a way that ignores anti-aliasing noise but not a misplaced mark.</summary>
/// <param name="InkPixels">Pixels that are dark in either image (the text); the measure is relative to them, so a
/// large white page does not dilute a difference in a few letters.</param>
/// <param name="DifferentPixels">Pixels whose colour differs by more than <see cref="ImageDifference.ChannelTolerance"/> in some channel.</param>
public sealed record ImageDifference(int Width, int Height, int InkPixels, int DifferentPixels)
{
    /// <summary>Edge pixels of the same glyph drawn by another CPU's Skia differ by a few levels; a misplaced mark by ~255.</summary>
    public const int ChannelTolerance = 64;

    public double Fraction => InkPixels == 0 ? 0 : (double)DifferentPixels / InkPixels;

    public static ImageDifference Between(byte[] expectedPng, byte[] actualPng)
    {
        using var expected = SKBitmap.Decode(expectedPng);
        using var actual = SKBitmap.Decode(actualPng);
        Assert.True(expected.Width == actual.Width && expected.Height == actual.Height,
            $"size {actual.Width}×{actual.Height}, reference {expected.Width}×{expected.Height}");
        int ink = 0, different = 0;
        for (var y = 0; y < expected.Height; y++)
            for (var x = 0; x < expected.Width; x++)
            {
                var a = expected.GetPixel(x, y);
                var b = actual.GetPixel(x, y);
                if (Luma(a) < 160 || Luma(b) < 160) ink++;
                if (Math.Abs(a.Red - b.Red) > ChannelTolerance || Math.Abs(a.Green - b.Green) > ChannelTolerance
                    || Math.Abs(a.Blue - b.Blue) > ChannelTolerance) different++;
            }
        return new(expected.Width, expected.Height, ink, different);
    }

    private static int Luma(SKColor c) => (c.Red * 299 + c.Green * 587 + c.Blue * 114) / 1000;

    public override string ToString() => $"{DifferentPixels} of {InkPixels} ink pixels differ ({Fraction:P2})";
}
