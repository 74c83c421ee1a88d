# Not reported: HEALTHCHECK NONE is a decision.
FROM debian:12-slim
HEALTHCHECK NONE
CMD ["batch-job"]
