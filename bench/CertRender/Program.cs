using System.Diagnostics;
using System.Globalization;
using Lms.Domain.Certificates;
using Lms.Infrastructure.Certificates;
using SkiaSharp;

// How long one certificate takes to draw, so issuing can be planned against its target (100 certificates/s end to end).
// A realistic template: the default layout, two signatures (one with a picture) and a 300-dpi A4 JPEG background.
// Usage: dotnet run -c Release -- [count=200] [threads=Environment.ProcessorCount]
var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
var threads = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : Environment.ProcessorCount;
var now = DateTime.UtcNow;

var fields = CertificateTemplate.DefaultFields(CertificateOrientation.Landscape).ToList();
fields.Add(new() { Kind = CertificateFieldKind.Signature1, XMm = 90, YMm = 175, FontSizePt = 14 });
fields.Add(new() { Kind = CertificateFieldKind.Signature2, XMm = 207, YMm = 175, FontSizePt = 14 });
var template = new CertificateTemplate(Guid.NewGuid(), "bench", null, CertificateOrientation.Landscape, Guid.NewGuid(), now);
template.Design("bench", CertificateOrientation.Landscape, fields,
    [new() { Name = "นายสมชาย ผู้นำดี", Position = "ผู้อำนวยการโรงเรียนสุโขทัยวิทยาคม", ImageKey = "sig" },
     new() { Name = "นางวราภรณ์ บริหารดี", Position = "ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษามัธยมศึกษาสุโขทัย" }],
    "สพม.สท {n:0000}/{fy}", false, now);

var background = Picture(3508, 2480, SKEncodedImageFormat.Jpeg);
var signature = Picture(600, 200, SKEncodedImageFormat.Png);
var renderer = new SkiaCertificateRenderer();
CertificateContent Content(int i) => new($"นางสาวกิ่งก้อย ผู้ใฝ่รู้ {i}", "การจัดการเรียนรู้เชิงรุก (Active Learning) สำหรับครู",
    new DateOnly(2026, 11, 25), 12m, template.FormatSerial(i + 1, new Lms.Domain.Calendar.FiscalYear(2569)),
    $"https://lms.sukhothai.example/verify/{Guid.NewGuid()}");

var prepareWatch = Stopwatch.StartNew();
using var prepared = renderer.Prepare(template, background, new Dictionary<string, byte[]> { ["sig"] = signature });
prepareWatch.Stop();
Console.WriteLine($"machine: {Environment.ProcessorCount} cores; {count} renders each; parallel runs on {threads} threads");
Console.WriteLine($"prepare (decode + reduce the background, once per template): {prepareWatch.Elapsed.TotalMilliseconds:F1} ms");

long pdfBytes = 0;
Measure("PDF, one thread", 1, i => Interlocked.Add(ref pdfBytes, renderer.RenderPdf(prepared, Content(i)).Length));
Console.WriteLine($"  average PDF size: {pdfBytes / count / 1024.0:F0} KiB");
using (var plain = renderer.Prepare(template, null, new Dictionary<string, byte[]>()))
    Measure("PDF without background or pictures, one thread", 1, i => renderer.RenderPdf(plain, Content(i)));
Measure($"PDF, {threads} threads", threads, i => renderer.RenderPdf(prepared, Content(i)));
Measure("PNG 1000 px (preview), one thread", 1, i => renderer.RenderPng(prepared, Content(i), 1000));
Measure("one-off PDF (prepare + render, as the preview page does)", 1, i =>
    renderer.RenderPdf(template, background, new Dictionary<string, byte[]> { ["sig"] = signature }, Content(i)));

void Measure(string what, int parallelism, Action<int> render)
{
    for (var i = 0; i < 10; i++) render(i); // warm-up: JIT, font and shaper caches
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var watch = Stopwatch.StartNew();
    Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, render);
    watch.Stop();
    var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
    Console.WriteLine($"{what}: {watch.Elapsed.TotalMilliseconds / count:F2} ms each (wall), {cpuMs / count:F2} ms CPU each, "
        + $"{count / watch.Elapsed.TotalSeconds:F0} per second");
}

static byte[] Picture(int width, int height, SKEncodedImageFormat format)
{
    using var bitmap = new SKBitmap(width, height);
    using (var canvas = new SKCanvas(bitmap))
    {
        canvas.Clear(new SKColor(0xF8, 0xF0, 0xDC));
        using var paint = new SKPaint { Color = new SKColor(0x99, 0x77, 0x33), IsStroke = true, StrokeWidth = width / 100f, IsAntialias = true };
        canvas.DrawRect(width * 0.03f, height * 0.03f, width * 0.94f, height * 0.94f, paint);
        canvas.DrawCircle(width / 2f, height / 2f, height / 3f, paint);
    }
    using var image = SKImage.FromBitmap(bitmap);
    return image.Encode(format, 90).ToArray();
}
