# customer-gateway: the packaged jar with its routes/ and mappings/, as `java -jar` runs it from the
# repo root. Build the jar first: mvn -q -DskipTests package && docker build -t customer-gateway .
FROM eclipse-temurin:17-jre
WORKDIR /opt/customer-gateway
COPY target/customer-gateway.jar customer-gateway.jar
COPY routes/ routes/
COPY mappings/ mappings/
# 8080: the API and the facades; 9876: /observe/health and /observe/metrics; 61616: the embedded broker
EXPOSE 8080 9876 61616
VOLUME /opt/customer-gateway/data
# Exits by itself when the start fails (a taken port, prod without credentials), so the orchestrator sees it.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "customer-gateway.jar"]
