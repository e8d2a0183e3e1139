using Lms.Infrastructure.Files;
using Microsoft.Extensions.Options;

namespace Lms.Web.Tests.Files;

/// <summary>Sounds inside questions (Moodle listening items) are told by their bytes, and accepted only where sounds are asked for.</summary>
public sealed class AudioSniffingTests
{
    private static readonly UploadRules Rules = new(Options.Create(new UploadLimits()));

    public static TheoryData<string, byte[], string> Sounds => new()
    {
        { "เสียงอ่าน.mp3", [.. "ID3"u8, 3, 0, 0, 0, 0, 0, 0, .. SampleFiles.Filler(300, 11)], "audio/mpeg" },
        { "no-tag.mp3", [0xFF, 0xFB, 0x90, 0x64, .. SampleFiles.Filler(300, 12)], "audio/mpeg" },
        { "บทสนทนา.ogg", [.. "OggS"u8, 0, 2, .. SampleFiles.Filler(300, 13)], "audio/ogg" },
        { "คำศัพท์.wav", [.. "RIFF"u8, 0x24, 0, 0, 0, .. "WAVEfmt "u8, .. SampleFiles.Filler(300, 14)], "audio/wav" },
    };

    [Theory]
    [MemberData(nameof(Sounds))]
    public async Task A_sound_is_recognised_and_accepted_where_sounds_may_go(string name, byte[] bytes, string contentType)
    {
        var check = await Rules.CheckAsync(new MemoryStream(bytes), name, FileCategory.Image | FileCategory.Audio);
        Assert.True(check.IsValid, check.ErrorCode);
        Assert.Equal(contentType, check.Type!.ContentType);
        // Course materials take no sounds (nothing there plays them).
        Assert.Equal(UploadErrorCodes.TypeNotAllowed, (await Rules.CheckAsync(new MemoryStream(bytes), name)).ErrorCode);
    }

    [Fact]
    public async Task A_JPEG_is_not_mistaken_for_an_MP3_frame()
    {
        var check = await Rules.CheckAsync(new MemoryStream(SampleFiles.Jpeg()), "ภาพ.jpg", FileCategory.Image | FileCategory.Audio);
        Assert.Equal("image/jpeg", check.Type!.ContentType);
    }
}
