ARG VERSION=1.2
FROM debian:12
ADD https://example.com/tool-${VERSION}.tar.gz /opt/
ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/a.tar.gz /opt/
ADD HTTP://example.com/upper /x
ADD https://github.com/acme/app.git#v1.0 /src
ADD local.tar.gz /opt/
ADD ["https://example.com/json", "/json"]
ONBUILD ADD http://example.com/late /late
COPY https://example.com/copied /c
