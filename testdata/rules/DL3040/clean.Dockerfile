FROM fedora:40 AS build
RUN dnf install -y gcc
FROM fedora:40
RUN dnf install -y httpd && microdnf install -y nginx
RUN dnf install -y vim && dnf clean all
RUN microdnf install -y vim && microdnf clean all
RUN dnf install -y git && rm -rf /var/cache/dnf
RUN --mount=type=cache,target=/var/cache/libdnf5 dnf install -y jq
RUN --mount=type=cache,target=/root/.cache/libdnf5 dnf install -y jq
ONBUILD RUN dnf install -y less
RUN <<EOF
dnf install -y make
dnf clean all
EOF
