FROM debian:12-slim
ARG URL
ARG LOCAL=notes.txt
ADD app.py /app/
add --chown=app:app config/ /etc/app/
ADD ["with space.txt", "/x/"]
ADD rootfs.tar.xz /
ADD Release.TAR.GZ tool.tgz dist.tar.zst /opt/
ADD https://example.com/a.txt /x
ADD git@github.com:moby/buildkit.git#v0.15.0 /src
ADD $URL /opt/
ADD $LOCAL /opt/
ADD data.tar.gz extra.txt /opt/
ADD --checksum=sha256:0000000000000000000000000000000000000000000000000000000000000000 file.txt /x
ADD legacy.Z /x
ADD a.txt \
    # second source
    b.txt /x/
ADD <<EOF /etc/motd
hello
EOF
ONBUILD ADD plugin.py /plugins/
COPY local.txt /x
