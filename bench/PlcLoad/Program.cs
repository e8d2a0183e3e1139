using System.Globalization;
using System.Net;
using PlcLoad;

// The PLC room load client of bench/plc.sh: see bench/README.md, "PLC rooms", and Options.Usage.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
Options o;
try { o = Options.Parse(args); }
catch (ArgumentException e)
{
    Console.Error.WriteLine($"plcload: {e.Message}\n\n{Options.Usage}");
    return 2;
}
ThreadPool.SetMinThreads(Math.Max(64, Environment.ProcessorCount * 8), 64);
using var handler = new SocketsHttpHandler
{
    UseCookies = false, AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.None,
    ConnectTimeout = TimeSpan.FromSeconds(10),
};
using var http = new HttpClient(handler) { BaseAddress = new Uri(o.BaseUrl), Timeout = TimeSpan.FromSeconds(120) };
return await new Runner(o, http, new Verifier(o.Pg)).RunAsync();
