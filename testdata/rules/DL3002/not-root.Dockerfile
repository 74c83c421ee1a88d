# Not reported: the last USER is unprivileged, unknown, or only a group is root;
# ONBUILD USER root applies to child images only.
FROM alpine:3.20 AS one
USER root
USER app
FROM alpine:3.20 AS two
USER app:root
FROM alpine:3.20
ARG RUNTIME_USER
USER root
USER ${RUNTIME_USER}
ONBUILD USER root
