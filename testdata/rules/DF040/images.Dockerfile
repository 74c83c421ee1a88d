FROM alpine:3.20
RUN set -o pipefail && [[ -f x ]] && source y && [ a == b ] && make &> log && echo $'x'
RUN cat <<< z && echo {a,b} && a=(1 2)

FROM python:3.12-alpine
RUN echo {a,b}

FROM fedora:40
RUN [[ -f x ]] && echo {a,b}

FROM redhat/ubi9-minimal AS rh
RUN cat <<< z

FROM rh
RUN source /etc/profile

FROM busybox
SHELL ["/bin/sh", "-c"]
RUN echo {a,b}
