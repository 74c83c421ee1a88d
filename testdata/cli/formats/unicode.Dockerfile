FROM alpine:3.20
LABEL description="Crème brûlée 🐳 & <friends>"
RUN echo "🐳 naïve" && apk add curl
USER nobody
HEALTHCHECK NONE
