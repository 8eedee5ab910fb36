# OkrLinker worker image: build with the SDK, run on the ASP.NET Core runtime as a non-root user.
#   docker build -t okrlinker .
#   docker run -v $PWD/config:/config -v okrlinker-data:/data -e GITHUB_TOKEN=… -p 8080:8080 okrlinker
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/ src/
# --use-current-runtime: a runtime identifier turns on ReadyToRun (Linker.Worker.csproj), which cuts the start-up of
# every verb and of the worker by most of its JIT time.
RUN dotnet publish src/Linker.Worker/Linker.Worker.csproj -c Release -o /app --no-self-contained --use-current-runtime

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# The embedded default runs as-is; mount your own config over /config.
COPY config/ /config/
RUN mkdir -p /data /out && chown -R app:app /data /out /config
USER app
ENV OKRLINKER_Store__ConnectionString="Data Source=/data/okrlinker.db" \
    OKRLINKER_Report__Output=/out \
    OKRLINKER_Web__Urls=http://0.0.0.0:8080 \
    Logging__Console__FormatterName=json
VOLUME ["/config", "/data", "/out"]
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s CMD ["/bin/bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /healthz HTTP/1.0\\r\\n\\r\\n' >&3 && grep -q alive <&3"]
STOPSIGNAL SIGTERM
ENTRYPOINT ["dotnet", "okrlinker.dll", "run", "--config", "/config/linker.json"]
