# Not reported: the final stage is built (through an ARG) on a stage that sets an unprivileged USER.
ARG BASE=Runtime
FROM debian:12-slim AS runtime
RUN useradd --system app
USER app
FROM ${BASE}
CMD ["app"]
