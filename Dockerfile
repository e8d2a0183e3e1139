# syntax=docker/dockerfile:1
# Multi-stage build of the LMS web app.
#   docker build -t lms .
#   docker run -p 8080:8080 -e ConnectionStrings__Lms="Host=...;Database=lms;Username=lms;Password=..." lms
# The app applies its database migrations on start and answers GET /health.
# compose.yaml runs it with PostgreSQL, Redis and Azurite.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# npm: the web app's build installs the SignalR browser client from npm (served by the app, no CDN).
RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends nodejs npm \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# Restore first from the project files alone, so the package layer is reused while only code changes.
# (A new project under src/ needs its own line here.)
COPY Directory.Build.props Directory.Packages.props Lms.sln ./
COPY src/Lms.Domain/Lms.Domain.csproj src/Lms.Domain/
COPY src/Lms.Infrastructure/Lms.Infrastructure.csproj src/Lms.Infrastructure/
COPY src/Lms.Web/Lms.Web.csproj src/Lms.Web/
RUN dotnet restore src/Lms.Web/Lms.Web.csproj
# The browser libraries, from the lock file alone (its own cached layer, like the NuGet restore).
COPY src/Lms.Web/package.json src/Lms.Web/package-lock.json src/Lms.Web/
RUN cd src/Lms.Web && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error

COPY .editorconfig ./
COPY src/ src/
RUN dotnet publish src/Lms.Web/Lms.Web.csproj -c Release -o /app --no-restore -p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# Relative data paths (e.g. the e-mail folder .data/mail) resolve under /app: give the app user a
# writable .data there; everything else in /app stays read-only to it.
RUN mkdir -p /app/.data && chown "$APP_UID" /app/.data
# The base image's non-root "app" user.
USER $APP_UID
ENV ASPNETCORE_HTTP_PORTS=8080
EXPOSE 8080
ENTRYPOINT ["dotnet", "Lms.Web.dll"]
