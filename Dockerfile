# customer-gateway: the packaged jar with its routes/ and mappings/, as `java -jar` runs it from the
# repo root. Build the jar first: mvn -q -DskipTests package && docker build -t customer-gateway .
FROM eclipse-temurin:17-jre
WORKDIR /opt/customer-gateway
# A user of its own, never root; it owns data/ (ledger, broker journal, file drop) and its cache (SQLite's
# native library, copied out of the jar once) and nothing else.
RUN groupadd --system --gid 10001 gateway \
    && useradd --system --uid 10001 --gid gateway --home-dir /opt/customer-gateway --shell /usr/sbin/nologin gateway \
    && mkdir -p data .cache && chown gateway:gateway data .cache
COPY target/customer-gateway.jar customer-gateway.jar
COPY routes/ routes/
COPY mappings/ mappings/
COPY bin/class-data-archive.sh bin/class-data-archive.sh
# The classes a start loads, archived once at build time by this image's own JDK (class-data sharing):
# the gateway then starts in about two thirds of the time. Made as root, readable by the gateway's user.
RUN bin/class-data-archive.sh customer-gateway.jar gateway.jsa
USER 10001:10001
# 8080: the API and the facades; 9876: /observe/health and /observe/metrics; 61616: the embedded broker
EXPOSE 8080 9876 61616
VOLUME /opt/customer-gateway/data
# In a container the embedded broker must listen beyond loopback to be reached from outside it.
ENV GATEWAY_ESB_EMBEDDED_BROKER_HOST=0.0.0.0
ENV XDG_CACHE_HOME=/opt/customer-gateway/.cache
# Ready means this instance can take work (ledger, broker, routes); a vendor outage never makes it unready.
# (The JRE image has no curl, nor a compiler for a .java file: the probe is a class of the jar.)
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
    CMD ["java", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", "/opt/customer-gateway/customer-gateway.jar", "org.customergateway.ops.ReadinessProbe"]
# Exits by itself when the start fails (a taken port, prod without credentials), so the orchestrator sees it.
# -Xshare:auto: should the archive not fit (another JDK), the gateway starts without it.
ENTRYPOINT ["java", "-XX:SharedArchiveFile=gateway.jsa", "-Xshare:auto", "-XX:MaxRAMPercentage=75", "-jar", "customer-gateway.jar"]
