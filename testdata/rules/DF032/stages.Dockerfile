FROM golang:1.22 AS build
RUN go build -o /app .
FROM golang:1.22 AS lint
RUN go vet ./...
FROM alpine:3.20 AS tools
FROM tools AS tools-extra
FROM alpine:3.20 AS cache-source
FROM alpine:3.20
FROM alpine:3.20 AS Final
COPY --from=BUILD /app /app
RUN --mount=from=cache-source,target=/c ls /c
COPY --from=tools-extra /bin/x /x
