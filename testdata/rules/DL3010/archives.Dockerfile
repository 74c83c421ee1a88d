ARG DIR=/tmp
FROM debian:12 AS Build
ARG DIR
COPY app.tar.gz tools.tgz notes.txt /tmp/
RUN set -e \
    # unpack the application
    && tar -xzf /tmp/app.tar.gz -C /opt \
    && tar xf "$DIR/tools.tgz"
COPY data.tar.xz /data/archive.tar.xz
RUN <<EOF
unxz /data/archive.tar.xz
EOF
COPY listed.tar /srv/
RUN tar -tf /srv/listed.tar
COPY --from=build /out/bundle.tar /bundle.tar
RUN tar -xf /bundle.tar
COPY app.zip /tmp/
RUN unzip /tmp/app.zip
COPY twice.tar /t/
RUN tar -xf /t/twice.tar
RUN tar -xf /t/twice.tar
FROM debian:12
RUN tar -xf /tmp/app.tar.gz
ONBUILD COPY late.tar /x/
ONBUILD RUN tar -xf /x/late.tar
