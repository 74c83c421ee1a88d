FROM debian:12-slim AS base
RUN curl -fsSL https://example.com/x.sh | sh
RUN a | b && c | d
RUN a || b && echo "x | y"
RUN set -o pipefail && a | b
RUN a | b; set -euo pipefail; c | d
RUN bash -o pipefail -c 'a | b' && sh -c 'c | d'
RUN apt-get update \
    # comment inside
    && apt-get download x | tee log
RUN <<EOF
set -e
curl -fsSL https://example.com | tar -x
EOF
RUN <<EOF
set -euo pipefail
curl -fsSL https://example.com | tar -x
EOF
RUN ["sh", "-c", "a | b"]
ONBUILD RUN a | b
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN a | b
RUN ["sh", "-c", "exec | form"]
RUN ["bash", "-o", "pipefail", "-c", "exec | pipefail"]
ONBUILD RUN c | d

FROM base AS child
RUN inherited | shell

FROM debian:12-slim AS mid
RUN before | shell
SHELL ["/usr/bin/env", "bash", "-eo", "pipefail", "-c"]
RUN after | shell
SHELL ["/bin/sh", "-c"]
RUN reset | shell
SHELL ["/bin/sh", "-o", "pipefail", "-c"]
RUN sh | pipefail

FROM debian:12-slim
SHELL ["/bin/ash", "-eo", "pipefail", "-c"]
RUN a | b

# A trigger runs with the SHELL the image ends with.
FROM debian:12-slim AS plugin-base
ONBUILD RUN ls plugins | sort
RUN apt-get clean && (( find /usr/share/doc -type f ! -name copyright|xargs rm || true ))
RUN (( x = 1 + 2 )) && echo done
