# The CartRecovery host as a container image (used by infra/compose.yaml). Build from the repository root:
#   docker build -t cartrecovery .
# Commands: the default runs the app; `migrate` upgrades the schema and exits (run it before rolling nodes).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/CartRecovery.Web/CartRecovery.Web.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
# curl for the health check (the base image has none).
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && mkdir -p /data /keys && chown app:app /data /keys
WORKDIR /app
COPY --from=build /app .
# appsettings.json listens on localhost only; in a container every interface, on the image's usual port.
# MALLOC_ARENA_MAX: glibc gives each busy thread a malloc arena of its own (up to 8 per CPU), which native allocations
# (SQLite, TLS, the runtime's own) leave half empty; two arenas held the host's peak resident memory about 20 MB lower
# under load (bench/CartRecovery.Bench.Http --target memory runs the host with it too).
ENV Urls=http://+:8080 \
    Storage__DataDirectory=/data \
    Email__PickupDirectory=/data/pickup \
    MALLOC_ARENA_MAX=2
USER app
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s CMD curl -fsS http://localhost:8080/healthz || exit 1
ENTRYPOINT ["dotnet", "CartRecovery.Web.dll"]
