using Lms.Infrastructure;
using Lms.Web.Setup;

var builder = WebApplication.CreateBuilder(args);

ProductionSecretsGuard.EnsureSafe(builder.Configuration, builder.Environment);
builder.AddStructuredLogging();
builder.Services.AddInfrastructure(builder.Configuration);
builder.Services.AddWeb(builder.Configuration, builder.Environment);

var app = builder.Build();

await app.InitialiseDatabaseAsync();
if (AdminBootstrapCommand.Matches(args))
{
    Environment.ExitCode = await AdminBootstrapCommand.RunAsync(app.Services, args, Console.In, Console.Out);
    return;
}
app.UseWeb();
app.MapWeb();
app.RegisterRecurringJobs();

app.Run();

/// <summary>Visible to WebApplicationFactory in the integration tests.</summary>
public partial class Program;
