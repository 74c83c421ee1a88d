FROM golang:1.23 AS Builder
RUN go build -o /app .

FROM alpine:3.20 AS assets
COPY --from=builder /app /a
COPY --from=BUILDER /app /b
COPY --from=0 /app /c
COPY --from=buidler /app /d
COPY --from=9 /app /e
COPY --from=2 /app /f
COPY --from=final /app /g
COPY --from=alpine /bin/sh /h
COPY --from=nginx:1.27 /etc/nginx /i
COPY --from=ghcr.io/org/tool /tool /j
COPY --from=busybox@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef /bin /k
COPY --from="Builder" /app /l
ONBUILD COPY --from=child-stage /x /y

FROM debian:12-slim AS final
COPY --from=assets /a /a
FROM alpine:3.20 AS license-set
FROM scratch
COPY --from=set /out /
