FROM nginx:1.27 AS base
HEALTHCHECK CMD curl -f http://localhost/ || exit 1
HEALTHCHECK NONE
HEALTHCHECK --interval=5s \
    CMD ["curl", "-f", "http://localhost/health"]
ONBUILD HEALTHCHECK NONE
# A new stage starts over.
FROM base
HEALTHCHECK NONE
ONBUILD HEALTHCHECK NONE
ONBUILD HEALTHCHECK NONE
