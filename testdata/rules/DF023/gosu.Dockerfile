FROM debian:12
RUN useradd -m app
USER nobody
ENTRYPOINT ["gosu", "app", "server"]
