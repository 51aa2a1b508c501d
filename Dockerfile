# The FunnelOps worker with Debian's Chromium, for Kubernetes CronJobs, systemd timers and
# other self-hosted schedules. .NET 10 ships no Debian images, so the worker is published
# self-contained and runs on plain Debian, whose Chromium package works headless; hugo is there
# for sites whose fixes are verified by rebuilding them (fixes: build: in the configuration).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/FunnelOps.Worker/FunnelOps.Worker.csproj -c Release -r linux-x64 --self-contained \
    -o /app

FROM debian:bookworm-slim
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
       chromium hugo ca-certificates git libicu72 libssl3 \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --create-home funnelops
COPY --from=build /app /opt/funnelops
ENV FUNNELOPS_CHROMIUM=/usr/bin/chromium \
    DOTNET_CLI_TELEMETRY_OPTOUT=1
USER funnelops
WORKDIR /work
ENTRYPOINT ["/opt/funnelops/funnelops"]
CMD ["--help"]
