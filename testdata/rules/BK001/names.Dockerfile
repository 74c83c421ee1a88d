FROM alpine:3.20 AS BuilderBase
FROM builderbase AS ok-name
from alpine:3.20 as Mixed_Case
ONBUILD RUN echo Not-A-Stage
FROM alpine:3.20 \
    AS \
    LastOne
