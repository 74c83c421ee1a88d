# Builder stages may run as root; only the final stage's last USER counts.
FROM golang:1.23 AS Builder
USER root
RUN go build -o /app .

FROM debian:12-slim
USER root
COPY --from=builder /app /app
USER 0:0
CMD ["/app"]
