FROM alpine:3.20
RUN apk add --no-cache --virtual .build-deps gcc=13.2.1_git20240309-r0 musl-dev \
    # the repository value is not a package
    --repository http://dl-cdn.alpinelinux.org/alpine/edge/testing \
    libfoo~1.2 \
    ./local.apk \
    "py3-pip>=24" \
    bash
RUN apk add -t .deps curl && apk del .deps
RUN sudo apk add jq && sh -c "apk add --no-cache git"
ONBUILD RUN apk add --no-cache make
RUN <<EOF
apk update
apk add \
  tini
EOF
