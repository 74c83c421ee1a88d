FROM alpine:3.20
RUN apk add curl
RUN apk add --no-cache curl
RUN apk --update add \
    # continuation with a comment
    git
RUN --mount=type=cache,target=/var/cache/apk apk add curl
RUN --mount=type=cache,target=/etc/apk/cache apk add curl
RUN --mount=type=cache,target=/var/cache/apk-other apk add curl
RUN sudo apk add curl && sh -c 'apk add git'
ONBUILD RUN apk add curl
ONBUILD RUN --mount=type=cache,target=/var/cache/apk apk add curl
RUN <<EOF
apk update
apk add \
  tini
EOF
RUN scanelf --needed /usr/local | xargs -rt apk add --no-network --virtual .rundeps
